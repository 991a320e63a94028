import { schema } from '@dispatch/db';
import {
  DRIVER_STAGE_ACTIONS,
  DomainError,
  type TDriverStage,
  transitionWorkOrder,
} from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import type { TCommandContext } from '../command';
import { endDispatch } from './end-dispatch';
import { lockActiveDispatch, lockWorkOrder } from './locks';

/**
 * Moves an active dispatch to the next stage (en route, on site, completed). Asking for the stage it
 * is already at changes nothing and succeeds, so a retried tap on a phone is harmless.
 * `onlyDriverId` restricts the move to that driver's own dispatch (the driver app).
 */
export async function advanceDispatch(
  { tx, events }: TCommandContext,
  input: {
    workOrderId: string;
    to: TDriverStage;
    note: string;
    onlyDriverId?: string;
    /** The dispatch the caller saw; if another one is active now, the request is stale. */
    expectedDispatchId?: string;
  },
) {
  const workOrder = await lockWorkOrder(tx, input.workOrderId);
  const dispatch = await lockActiveDispatch(tx, workOrder.id);
  if (!dispatch && !input.onlyDriverId) {
    // No active dispatch: already at the stage (a retry) or a refused transition, not "not found".
    if (workOrder.status === input.to) {
      return {
        workOrderId: workOrder.id,
        dispatchId: null,
        status: workOrder.status,
        changed: false,
      };
    }
    transitionWorkOrder(workOrder.status, DRIVER_STAGE_ACTIONS[input.to]);
  }
  if (!dispatch || (input.onlyDriverId && dispatch.driverId !== input.onlyDriverId)) {
    throw new DomainError('DISPATCH_NOT_FOUND', 'No such active dispatch.', {
      workOrderId: workOrder.id,
    });
  }
  // Checked on the locked row: the job may have been released and given out again (even to the
  // same driver) since the caller read it, and a stale tap must not move the new dispatch.
  if (input.expectedDispatchId && dispatch.id !== input.expectedDispatchId) {
    throw new DomainError(
      'INVALID_TRANSITION',
      'This job was changed by dispatch; refresh to see your current job.',
      {
        from: 'released',
        action: input.to,
      },
    );
  }
  if (workOrder.status === input.to) {
    return {
      workOrderId: workOrder.id,
      dispatchId: dispatch.id,
      status: workOrder.status,
      changed: false,
    };
  }
  const status = transitionWorkOrder(workOrder.status, DRIVER_STAGE_ACTIONS[input.to]);
  if (input.to === 'completed') {
    await endDispatch(tx, dispatch, { outcome: 'completed', completionNote: input.note });
  } else {
    await tx
      .update(schema.dispatches)
      .set(
        input.to === 'en_route'
          ? { enRouteAt: sql`now()`, updatedAt: sql`now()` }
          : { onSiteAt: sql`now()`, updatedAt: sql`now()` },
      )
      .where(eq(schema.dispatches.id, dispatch.id));
  }
  await tx
    .update(schema.workOrders)
    .set({
      status,
      updatedAt: sql`now()`,
      ...(status === 'completed' ? { completedAt: sql`now()` } : {}),
    })
    .where(eq(schema.workOrders.id, workOrder.id));
  events.append({
    kind: `work_order.${input.to}`,
    workOrder,
    payload: { dispatchId: dispatch.id, ...(input.note ? { note: input.note } : {}) },
  });
  return { workOrderId: workOrder.id, dispatchId: dispatch.id, status, changed: true };
}
