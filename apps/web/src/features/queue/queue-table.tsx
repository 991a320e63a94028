import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { RouterOutputs } from '../../api/trpc';
import { PriorityBadge } from '../../components/status-badges';
import { formatDuration } from '../../lib/time';
import { waitReasonText } from './wait-reason';

type TQueueEntry = RouterOutputs['queue']['list']['items'][number];

/** Queued orders in fill order: position, what they need, how long they wait and why. */
export function QueueTable(props: { entries: TQueueEntry[]; compact?: boolean }) {
  const { entries, compact = false } = props;
  return (
    <Table.ScrollContainer minWidth={compact ? 520 : 860}>
      <Table verticalSpacing="xs" striped data-testid="queue-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Position</Table.Th>
            <Table.Th scope="col">Reference</Table.Th>
            {!compact && <Table.Th scope="col">Title</Table.Th>}
            <Table.Th scope="col">Priority</Table.Th>
            {!compact && <Table.Th scope="col">Type</Table.Th>}
            <Table.Th scope="col">Waiting</Table.Th>
            <Table.Th scope="col">Why it waits</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id} data-testid={`queue-entry-${entry.reference}`}>
              <Table.Td>{entry.position}</Table.Td>
              <Table.Td>
                <Anchor
                  style={{ whiteSpace: 'nowrap' }}
                  component={Link}
                  to={`/work-orders/${entry.id}`}
                  fw={600}
                >
                  {entry.reference}
                </Anchor>
              </Table.Td>
              {!compact && (
                <Table.Td>
                  <Text size="sm">{entry.title}</Text>
                  <Text size="xs" c="dimmed">
                    {entry.siteAddress}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <PriorityBadge priority={entry.priority} />
              </Table.Td>
              {!compact && <Table.Td>{entry.equipmentTypeName}</Table.Td>}
              <Table.Td>{formatDuration(entry.waitingSeconds)}</Table.Td>
              <Table.Td>{waitReasonText(entry.reason, entry.equipmentTypeName)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
