import type { TEquipmentStatus } from '@dispatch/domain';
import { Anchor, Group, Text, Timeline } from '@mantine/core';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { eventAction, eventDetails } from '../../lib/event-text';
import { durationSince, formatDateTime, formatDuration } from '../../lib/time';
import type { THistoryDispatch, THistoryEvent } from './history-types';

const OUTCOMES = {
  completed: { label: 'Completed', colour: 'green' },
  released: { label: 'Released to the queue', colour: 'orange' },
  cancelled: { label: 'Order cancelled', colour: 'gray' },
} as const;

const STATUS_COLOURS: Partial<Record<TEquipmentStatus, string>> = {
  available: 'green',
  maintenance: 'yellow',
  out_of_service: 'red',
};

/** A later stage's time: the clock alone on the day it started, otherwise the day too. */
function stageTime(date: Date, start: Date) {
  const d = dayjs(date);
  return d.isSame(start, 'day') ? d.format('HH:mm') : d.format('D MMM, HH:mm');
}

function When({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{formatDateTime(date)}</time>;
}

/**
 * One dispatch of the unit: the order (linked), the driver, every stage time and how it ended.
 * Returned as a `Timeline.Item` element (not a component) because the Timeline clones its children.
 */
export function dispatchEntry(d: THistoryDispatch) {
  const outcome = d.outcome ? OUTCOMES[d.outcome] : null;
  const stages = [
    d.enRouteAt && `on the way ${stageTime(d.enRouteAt, d.assignedAt)}`,
    d.onSiteAt && `on site ${stageTime(d.onSiteAt, d.assignedAt)}`,
    d.endedAt && `ended ${stageTime(d.endedAt, d.assignedAt)}`,
  ].filter(Boolean);
  return (
    <Timeline.Item
      key={`dispatch-${d.id}`}
      color={outcome?.colour ?? 'blue'}
      title={
        <Group gap={6} wrap="wrap">
          <Anchor component={Link} to={`/work-orders/${d.workOrder.id}`} fw={600}>
            {d.workOrder.reference}
          </Anchor>
          <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
            {d.workOrder.title}
          </Text>
        </Group>
      }
      data-testid="history-dispatch"
    >
      <Text size="xs" c="dimmed">
        <When date={d.assignedAt} /> · {d.driver.name}
      </Text>
      <Text size="sm">
        {outcome
          ? `${outcome.label} after ${formatDuration(d.durationSeconds ?? 0)}`
          : `On the job for ${durationSince(d.assignedAt)}`}
      </Text>
      {stages.length > 0 && (
        <Text size="xs" c="dimmed">
          Assigned {dayjs(d.assignedAt).format('HH:mm')}, {stages.join(', ')}
        </Text>
      )}
      {d.completionNote && <Text size="sm">Note: {d.completionNote}</Text>}
      {d.releaseReason && <Text size="sm">Reason: {d.releaseReason}</Text>}
    </Timeline.Item>
  );
}

/** Something recorded against the unit itself: created, edited, a status change and its note. */
export function eventEntry({ event }: THistoryEvent) {
  const colour =
    event.kind === 'equipment.status_changed' ? STATUS_COLOURS[event.payload.to] : undefined;
  return (
    <Timeline.Item
      key={`event-${event.id}`}
      color={colour ?? 'gray'}
      title={eventAction(event)}
      data-testid="history-event"
    >
      <Text size="xs" c="dimmed">
        <When date={event.createdAt} /> · {event.actorName}
      </Text>
      {eventDetails(event).map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
      {event.workOrderId && (
        <Anchor component={Link} to={`/work-orders/${event.workOrderId}`} size="sm">
          Open the work order
        </Anchor>
      )}
    </Timeline.Item>
  );
}
