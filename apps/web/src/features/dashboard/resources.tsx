import { Group, Stack, Table, Text } from '@mantine/core';
import type { RouterOutputs } from '../../api/trpc';

type TSummary = RouterOutputs['dashboard']['summary'];

/** Free equipment per type, and how many drivers are free, on a job or off duty. */
export function Resources(props: {
  freeEquipment: TSummary['freeEquipment'];
  drivers: TSummary['drivers'];
}) {
  const { drivers } = props;
  return (
    <Stack gap="md">
      {props.freeEquipment.length === 0 ? (
        <Text size="sm" c="dimmed">
          No equipment types yet.
        </Text>
      ) : (
        <Table verticalSpacing={4} data-testid="free-equipment">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Equipment type</Table.Th>
              <Table.Th scope="col">Free</Table.Th>
              <Table.Th scope="col">Total</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {props.freeEquipment.map((type) => (
              <Table.Tr key={type.typeId} data-testid={`free-equipment-${type.typeName}`}>
                <Table.Td>{type.typeName}</Table.Td>
                <Table.Td fw={type.available === 0 ? 700 : undefined}>
                  {type.available === 0 ? 'None free' : type.available}
                </Table.Td>
                <Table.Td>{type.total}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="lg" data-testid="driver-counts">
        <Text size="sm">
          Drivers free: <strong>{drivers.available}</strong>
        </Text>
        <Text size="sm">
          On a job: <strong>{drivers.assigned}</strong>
        </Text>
        <Text size="sm">
          Off duty: <strong>{drivers.offDuty}</strong>
        </Text>
      </Group>
    </Stack>
  );
}
