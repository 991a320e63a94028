import { Table, Text } from '@mantine/core';
import { humanize } from '../../components/status-badges';
import { NO_VALUE, formatCount, formatMinutes, formatShare } from '../../lib/format';
import type { TCompletionFigures } from './report-types';

function onTime(row: TCompletionFigures) {
  if (row.completedWithDueBy === 0) return NO_VALUE;
  const counts = `${formatCount(row.completedOnTime)} of ${formatCount(row.completedWithDueBy)}`;
  return `${formatShare(row.onTimeShare)} (${counts})`;
}

/** The window's totals per priority, then all priorities: counts, response times, on-time share. */
export function PriorityTable({ totals }: { totals: TCompletionFigures[] }) {
  return (
    <>
      <Table.ScrollContainer minWidth={760}>
        <Table striped verticalSpacing="xs" data-testid="priority-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Priority</Table.Th>
              <Table.Th scope="col" ta="right">
                Created
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Dispatched
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Completed
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Cancelled
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Median to dispatch
              </Table.Th>
              <Table.Th scope="col" ta="right">
                p90 to dispatch
              </Table.Th>
              <Table.Th scope="col" ta="right">
                On time
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {totals.map((row) => (
              <Table.Tr key={row.priority} fw={row.priority === 'all' ? 600 : undefined}>
                <Table.Th scope="row">
                  {row.priority === 'all' ? 'All priorities' : humanize(row.priority)}
                </Table.Th>
                <Table.Td ta="right">{formatCount(row.created)}</Table.Td>
                <Table.Td ta="right">{formatCount(row.dispatched)}</Table.Td>
                <Table.Td ta="right">{formatCount(row.completed)}</Table.Td>
                <Table.Td ta="right">{formatCount(row.cancelled)}</Table.Td>
                <Table.Td ta="right">{formatMinutes(row.medianTimeToDispatchSeconds)}</Table.Td>
                <Table.Td ta="right">{formatMinutes(row.p90TimeToDispatchSeconds)}</Table.Td>
                <Table.Td ta="right">{onTime(row)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        On time: completed orders with a due-by time that were completed by it.
      </Text>
    </>
  );
}
