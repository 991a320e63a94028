import { schema } from '@dispatch/db';
import { type TCancelWorkOrder, transitionWorkOrder } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import { defineCommand } from '../command';
import { endDispatch } from '../steps/end-dispatch';
import { lockActiveDispatch, lockWorkOrder } from '../steps/locks';

/** Cancels an open order with a reason; a dispatched one frees its equipment and driver. */
export const cancelWorkOrderCommand = defineCommand({
  name: 'workOrders.cancel',
  async run({ tx, events }, input: TCancelWorkOrder) {
    const workOrder = await lockWorkOrder(tx, input.id);
    const status = transitionWorkOrder(workOrder.status, 'cancel');
    const dispatch = await lockActiveDispatch(tx, workOrder.id);
    if (dispatch) {
      await endDispatch(tx, dispatch, { outcome: 'cancelled', releaseReason: input.reason });
    }
    await tx
      .update(schema.workOrders)
      .set({ status, cancelledAt: sql`now()`, cancelReason: input.reason, updatedAt: sql`now()` })
      .where(eq(schema.workOrders.id, workOrder.id));
    events.append({
      kind: 'work_order.cancelled',
      workOrder,
      payload: {
        reason: input.reason,
        from: workOrder.status,
        ...(dispatch ? { dispatchId: dispatch.id } : {}),
      },
    });
    return { workOrderId: workOrder.id };
  },
});
