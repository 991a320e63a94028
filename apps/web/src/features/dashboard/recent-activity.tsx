import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { RouterOutputs } from '../../api/trpc';
import { eventAction, eventDetails } from '../../lib/event-text';
import { NO_VALUE } from '../../lib/format';
import { formatShortTime } from '../../lib/time';

type TEvent = RouterOutputs['dashboard']['summary']['recent'][number];

/** The work order an event concerns, by its reference. */
function Subject({ event }: { event: TEvent }) {
  if (!event.workOrderId)
    return (
      <Text span size="sm" c="dimmed">
        {NO_VALUE}
      </Text>
    );
  return (
    <Anchor component={Link} to={`/work-orders/${event.workOrderId}`} size="sm">
      {event.workOrderReference ?? 'Open work order'}
    </Anchor>
  );
}

/** The latest events, newest first: when, who, what, and the work order each concerns. */
export function RecentActivity({ events }: { events: TEvent[] }) {
  if (events.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing has happened yet.
      </Text>
    );
  }
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
          {events.map((event) => {
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
                  <Subject event={event} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
