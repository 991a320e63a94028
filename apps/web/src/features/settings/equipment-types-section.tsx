import { Box, Paper, Table, Title } from '@mantine/core';
import { trpc } from '../../api/trpc';
import { QueryState } from '../../components/query-state';
import { AddTypeForm } from './add-type-form';

/** The kinds of equipment the company runs, with how many units and drivers each has. */
export function EquipmentTypesSection(props: { canAdminister: boolean }) {
  const types = trpc.equipmentTypes.list.useQuery();
  const items = types.data ?? [];
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        Equipment types
      </Title>
      <QueryState
        loading={types.isLoading}
        error={types.error}
        empty={items.length === 0}
        emptyText="No equipment types yet."
      >
        <Table.ScrollContainer minWidth={360}>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col" ta="right">
                  Equipment
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  Qualified drivers
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((type) => (
                <Table.Tr key={type.id}>
                  <Table.Th scope="row">{type.name}</Table.Th>
                  <Table.Td ta="right">{type.equipmentCount}</Table.Td>
                  <Table.Td ta="right">{type.qualifiedDriverCount}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryState>
      {props.canAdminister && (
        <Box mt="md">
          <AddTypeForm />
        </Box>
      )}
    </Paper>
  );
}
