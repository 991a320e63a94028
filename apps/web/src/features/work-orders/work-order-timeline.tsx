import { Paper, Text, Timeline, Title } from '@mantine/core';
import type { RouterOutputs } from '../../api/trpc';
import { eventAction, eventDetails } from './event-text';
import { formatDateTime } from './time';

type TEvent = RouterOutputs['workOrders']['get']['timeline'][number];

/** Every change to the order, oldest first: when, who, what, and the reasons and notes given. */
export function WorkOrderTimeline({ events }: { events: TEvent[] }) {
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        History
      </Title>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing recorded yet.
        </Text>
      ) : (
        <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="timeline">
          {events.map((event) => (
            <Timeline.Item key={event.id} title={eventAction(event)}>
              <Text size="xs" c="dimmed">
                <time dateTime={event.createdAt.toISOString()}>
                  {formatDateTime(event.createdAt)}
                </time>
                {' · '}
                {event.actorName}
              </Text>
              {eventDetails(event).map((line) => (
                <Text key={line} size="sm">
                  {line}
                </Text>
              ))}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
