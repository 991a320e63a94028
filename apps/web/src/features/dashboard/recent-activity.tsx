import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { RouterOutputs } from '../../api/trpc';
import { eventAction, eventDetails } from '../work-orders/event-text';
import { formatShortTime } from '../work-orders/time';

type TSummary = RouterOutputs['dashboard']['summary'];
type TEvent = TSummary['recent'][number];

/** Work-order references the summary already knows, to name the order an event is about. */
function knownReferences(summary: TSummary): Map<string, string> {
  const references = new Map<string, string>();
  for (const a of summary.active) references.set(a.workOrderId, a.reference);
  for (const q of summary.queue.head) references.set(q.id, q.reference);
  for (const e of summary.recent) {
    const reference = e.payload.reference;
    if (e.workOrderId && typeof reference === 'string') references.set(e.workOrderId, reference);
  }
  return references;
}

function Subject({ event, references }: { event: TEvent; references: Map<string, string> }) {
  if (!event.workOrderId)
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Anchor component={Link} to={`/work-orders/${event.workOrderId}`} size="sm">
      {references.get(event.workOrderId) ?? 'Open work order'}
    </Anchor>
  );
}

export function RecentActivity({ summary }: { summary: TSummary }) {
  if (summary.recent.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing has happened yet.
      </Text>
    );
  }
  const references = knownReferences(summary);
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={4} data-testid="recent-activity">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Time</Table.Th>
            <Table.Th scope="col">Who</Table.Th>
            <Table.Th scope="col">What</Table.Th>
            <Table.Th scope="col">Work order</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.recent.map((event) => {
            const details = eventDetails(event);
            return (
              <Table.Tr key={event.id}>
                <Table.Td>
                  <time dateTime={event.createdAt.toISOString()}>
                    {formatShortTime(event.createdAt)}
                  </time>
                </Table.Td>
                <Table.Td>{event.actorName}</Table.Td>
                <Table.Td>
                  {eventAction(event)}
                  {details.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {details.join(' · ')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Subject event={event} references={references} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
