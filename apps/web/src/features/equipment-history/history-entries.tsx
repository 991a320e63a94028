import { Anchor, Group, Text, Timeline } from '@mantine/core';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { eventAction, eventDetails } from '../work-orders/event-text';
import { durationSince, formatDateTime, formatDuration } from '../work-orders/time';
import type { THistoryDispatch, THistoryEvent } from './history-types';

const OUTCOMES = {
  completed: { label: 'Completed', colour: 'green' },
  released: { label: 'Released to the queue', colour: 'orange' },
  cancelled: { label: 'Order cancelled', colour: 'gray' },
} as const;

const STATUS_COLOURS: Record<string, string> = {
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
export function eventEntry(e: THistoryEvent) {
  const to = typeof e.payload.to === 'string' ? e.payload.to : '';
  return (
    <Timeline.Item
      key={`event-${e.id}`}
      color={STATUS_COLOURS[to] ?? 'gray'}
      title={eventAction(e)}
      data-testid="history-event"
    >
      <Text size="xs" c="dimmed">
        <When date={e.createdAt} /> · {e.actorName}
      </Text>
      {eventDetails(e).map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
      {e.workOrderId && (
        <Anchor component={Link} to={`/work-orders/${e.workOrderId}`} size="sm">
          Open the work order
        </Anchor>
      )}
    </Timeline.Item>
  );
}
