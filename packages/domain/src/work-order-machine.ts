import { DomainError } from './errors';
import { type TWorkOrderStatus, WORK_ORDER_STATUSES } from './enums';

export const WORK_ORDER_ACTIONS = [
  'enqueue',
  'assign',
  'start',
  'arrive',
  'complete',
  'release',
  'cancel',
] as const;
export type TWorkOrderAction = (typeof WORK_ORDER_ACTIONS)[number];

/**
 * The work-order lifecycle as data: the one place it is defined. A missing entry is a forbidden
 * transition. `release` sends an active order back to the queue (breakdown, reassignment).
 */
export const WORK_ORDER_TRANSITIONS: Readonly<
  Record<TWorkOrderStatus, Partial<Record<TWorkOrderAction, TWorkOrderStatus>>>
> = {
  new: { enqueue: 'queued', assign: 'dispatched', cancel: 'cancelled' },
  queued: { assign: 'dispatched', cancel: 'cancelled' },
  dispatched: { start: 'en_route', release: 'queued', cancel: 'cancelled' },
  en_route: { arrive: 'on_site', release: 'queued', cancel: 'cancelled' },
  on_site: { complete: 'completed', release: 'queued', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
};

export function canTransition(from: TWorkOrderStatus, action: TWorkOrderAction): boolean {
  return WORK_ORDER_TRANSITIONS[from][action] !== undefined;
}

/** The next status, or a `CONFLICT`-kind `INVALID_TRANSITION` error naming both ends. */
export function transitionWorkOrder(
  from: TWorkOrderStatus,
  action: TWorkOrderAction,
): TWorkOrderStatus {
  const to = WORK_ORDER_TRANSITIONS[from][action];
  if (to === undefined) {
    throw new DomainError('INVALID_TRANSITION', `A ${from} work order cannot ${action}.`, {
      from,
      action,
    });
  }
  return to;
}

export function isTerminalStatus(status: TWorkOrderStatus): boolean {
  return Object.keys(WORK_ORDER_TRANSITIONS[status]).length === 0;
}

/** The action a driver performs to move their dispatch to a stage. */
export const DRIVER_STAGE_ACTIONS = {
  en_route: 'start',
  on_site: 'arrive',
  completed: 'complete',
} as const satisfies Record<string, TWorkOrderAction>;

export const ALL_WORK_ORDER_STATUSES = WORK_ORDER_STATUSES;
