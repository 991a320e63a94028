import { Anchor, Paper, Text, Timeline, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { RouterOutputs } from '../../api/trpc';
import { assignmentText, eventAction, eventDetails } from '../../lib/event-text';
import { formatDateTime } from '../../lib/time';

type TEvent = RouterOutputs['workOrders']['get']['timeline'][number];

/** A detail line; an assignment's "FB-01 with Sam" links the unit to its history page. */
function DetailLine({ event, line }: { event: TEvent; line: string }) {
  if (event.kind === 'work_order.assigned' && line === assignmentText(event.payload)) {
    const { equipmentId, equipmentCode } = event.payload;
    return (
      <Text size="sm">
        <Anchor component={Link} to={`/equipment/${equipmentId}`} inherit>
          {equipmentCode}
        </Anchor>
        {line.slice(equipmentCode.length)}
      </Text>
    );
  }
  return <Text size="sm">{line}</Text>;
}

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
                <DetailLine key={line} event={event} line={line} />
              ))}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  );
}
