import { schema } from '@dispatch/db';
import { ZCancelWorkOrderSchema, transitionWorkOrder } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import { actorOf } from '../../core/actor';
import { appendEvent } from '../../core/append-event';
import { endDispatch } from '../../core/end-dispatch';
import { lockActiveDispatch, lockWorkOrder } from '../../core/locks';
import { fillIfAuto, mutate } from '../../core/transaction';
import { dispatcherProcedure } from '../../procedures';
import { ZWorkOrderSummaryOutput } from '../../read/shapes';
import { selectWorkOrderSummary } from '../../read/work-orders';

/** Cancels an open order with a reason; a dispatched one frees its equipment and driver. */
export const cancelWorkOrder = dispatcherProcedure
  .input(ZCancelWorkOrderSchema)
  .output(ZWorkOrderSummaryOutput)
  .mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.principal);
    return mutate(
      ctx,
      actor,
      async (tx) => {
        const workOrder = await lockWorkOrder(tx, input.id);
        const status = transitionWorkOrder(workOrder.status, 'cancel');
        const dispatch = await lockActiveDispatch(tx, workOrder.id);
        if (dispatch)
          await endDispatch(tx, dispatch, { outcome: 'cancelled', releaseReason: input.reason });
        await tx
          .update(schema.workOrders)
          .set({
            status,
            cancelledAt: sql`now()`,
            cancelReason: input.reason,
            updatedAt: sql`now()`,
          })
          .where(eq(schema.workOrders.id, workOrder.id));
        await appendEvent(tx, actor, {
          entityType: 'work_order',
          entityId: workOrder.id,
          action: 'cancelled',
          payload: {
            reason: input.reason,
            from: workOrder.status,
            ...(dispatch ? { dispatchId: dispatch.id } : {}),
          },
        });
        if (dispatch) await fillIfAuto(tx, actor);
        return selectWorkOrderSummary(tx, workOrder.id);
      },
      { refill: true },
    );
  });
