import { Paper, Table, Title } from '@mantine/core';
import type { RouterOutputs } from '../../api/trpc';
import { formatDateTime } from '../../lib/time';

type TDispatch = RouterOutputs['workOrders']['get']['dispatches'][number];

const OUTCOMES = { completed: 'Completed', released: 'Released to queue', cancelled: 'Cancelled' };

/** Earlier dispatches of this order: who had it, how it ended, and why. */
export function PastDispatches({ dispatches }: { dispatches: TDispatch[] }) {
  const ended = dispatches.filter((d) => d.endedAt);
  if (ended.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        Past dispatches
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Equipment</Table.Th>
              <Table.Th scope="col">Driver</Table.Th>
              <Table.Th scope="col">Assigned</Table.Th>
              <Table.Th scope="col">Ended</Table.Th>
              <Table.Th scope="col">Outcome</Table.Th>
              <Table.Th scope="col">Note or reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ended.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{d.equipmentCode}</Table.Td>
                <Table.Td>{d.driverName}</Table.Td>
                <Table.Td>{formatDateTime(d.assignedAt)}</Table.Td>
                <Table.Td>{d.endedAt ? formatDateTime(d.endedAt) : ''}</Table.Td>
                <Table.Td>{d.outcome ? OUTCOMES[d.outcome] : 'Unknown'}</Table.Td>
                <Table.Td>{d.completionNote || d.releaseReason || ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
