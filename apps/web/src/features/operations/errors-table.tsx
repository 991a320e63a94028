import { Badge, Code, Table, Text } from '@mantine/core';
import { NO_VALUE, formatCount } from '../../lib/format';
import type { TUsageError } from './operations-types';

/** Failed calls by procedure, tRPC code and domain reason, most frequent first. */
export function ErrorsTable(props: { errors: readonly TUsageError[] }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="xs" data-testid="errors-table">
        <Table.Caption>Errors in the period, most frequent first</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Procedure</Table.Th>
            <Table.Th scope="col">Code</Table.Th>
            <Table.Th scope="col">Reason</Table.Th>
            <Table.Th scope="col" ta="right">
              Count
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.errors.map((error) => (
            <Table.Tr key={`${error.path} ${error.code} ${error.reason ?? ''}`}>
              <Table.Th scope="row">
                <Code>{error.path}</Code>
              </Table.Th>
              <Table.Td>
                <Badge
                  variant="light"
                  color={error.code === 'INTERNAL_SERVER_ERROR' ? 'red' : 'gray'}
                >
                  {error.code}
                </Badge>
              </Table.Td>
              <Table.Td>
                {error.reason ?? (
                  <Text span size="sm" c="dimmed">
                    {NO_VALUE}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right">{formatCount(error.count)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
