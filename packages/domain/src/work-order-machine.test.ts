import { describe, expect, it } from 'vitest';
import { WORK_ORDER_STATUSES, type TWorkOrderStatus } from './enums';
import { isDomainError } from './errors';
import {
  WORK_ORDER_ACTIONS,
  canTransition,
  isTerminalStatus,
  transitionWorkOrder,
  type TWorkOrderAction,
} from './work-order-machine';

// The expected lifecycle, written out by hand from DESIGN.md so the table in the code is checked
// against an independent statement of it: every state × every action.
const EXPECTED: Record<TWorkOrderStatus, Partial<Record<TWorkOrderAction, TWorkOrderStatus>>> = {
  new: { enqueue: 'queued', assign: 'dispatched', cancel: 'cancelled' },
  queued: { assign: 'dispatched', cancel: 'cancelled' },
  dispatched: { start: 'en_route', release: 'queued', cancel: 'cancelled' },
  en_route: { arrive: 'on_site', release: 'queued', cancel: 'cancelled' },
  on_site: { complete: 'completed', release: 'queued', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
};

describe('work-order state machine', () => {
  for (const from of WORK_ORDER_STATUSES) {
    for (const action of WORK_ORDER_ACTIONS) {
      const to = EXPECTED[from][action];
      if (to) {
        it(`${from} --${action}--> ${to}`, () => {
          expect(canTransition(from, action)).toBe(true);
          expect(transitionWorkOrder(from, action)).toBe(to);
        });
      } else {
        it(`${from} refuses ${action}`, () => {
          expect(canTransition(from, action)).toBe(false);
          try {
            transitionWorkOrder(from, action);
            expect.unreachable('transition should have thrown');
          } catch (error) {
            expect(isDomainError(error)).toBe(true);
            if (!isDomainError(error)) return;
            expect(error.code).toBe('INVALID_TRANSITION');
            expect(error.kind).toBe('conflict');
            expect(error.details).toEqual({ from, action });
            expect(error.message).toBe(`A ${from} work order cannot ${action}.`);
          }
        });
      }
    }
  }

  it('has exactly two terminal states', () => {
    expect(WORK_ORDER_STATUSES.filter(isTerminalStatus)).toEqual(['completed', 'cancelled']);
  });

  it('can cancel from every non-terminal state', () => {
    for (const status of WORK_ORDER_STATUSES.filter((s) => !isTerminalStatus(s))) {
      expect(transitionWorkOrder(status, 'cancel')).toBe('cancelled');
    }
  });
});
