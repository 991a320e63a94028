import type { TPriority, TWorkOrderStatus } from '@dispatch/domain';
import { Badge } from '@mantine/core';

const STATUS_COLOURS: Record<TWorkOrderStatus, string> = {
  new: 'gray',
  queued: 'yellow',
  dispatched: 'blue',
  en_route: 'indigo',
  on_site: 'violet',
  completed: 'green',
  cancelled: 'dark',
};

const PRIORITY_COLOURS: Record<TPriority, string> = {
  urgent: 'red',
  high: 'orange',
  standard: 'blue',
  low: 'gray',
};

// A badge in a narrow table cell must still show its whole word, never "STANDA…".
const NO_SHRINK = { minWidth: 'max-content' };

export const humanize = (value: string) =>
  value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** Colour is never the only signal: the badge always says the status in words. */
export function StatusBadge({ status }: { status: TWorkOrderStatus }) {
  return (
    <Badge color={STATUS_COLOURS[status]} variant="light" style={NO_SHRINK}>
      {humanize(status)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: TPriority }) {
  return (
    <Badge
      color={PRIORITY_COLOURS[priority]}
      variant={priority === 'urgent' ? 'filled' : 'outline'}
      style={NO_SHRINK}
    >
      {humanize(priority)}
    </Badge>
  );
}
