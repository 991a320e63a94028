import { schema } from '@dispatch/db';
import { DomainError, ZReleaseDispatchSchema, transitionWorkOrder } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import { actorOf } from '../../core/actor';
import { appendEvent } from '../../core/append-event';
import { endDispatch } from '../../core/end-dispatch';
import { lockActiveDispatch, lockWorkOrder } from '../../core/locks';
import { fillIfAuto, mutate } from '../../core/transaction';
import { dispatcherProcedure } from '../../procedures';
import { ZWorkOrderSummaryOutput } from '../../read/shapes';
import { selectWorkOrderSummary } from '../../read/work-orders';

/**
 * Sends an active order back to the queue at its original place in line (it has waited already),
 * freeing the driver; the equipment goes to the given status, e.g. maintenance after a breakdown.
 */
export const releaseDispatch = dispatcherProcedure
  .input(ZReleaseDispatchSchema)
  .output(ZWorkOrderSummaryOutput)
  .mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.principal);
    return mutate(
      ctx,
      actor,
      async (tx) => {
        const workOrder = await lockWorkOrder(tx, input.workOrderId);
        const status = transitionWorkOrder(workOrder.status, 'release');
        const dispatch = await lockActiveDispatch(tx, workOrder.id);
        // The status says active, so a missing dispatch means the data is inconsistent: refuse loudly.
        if (!dispatch)
          throw new DomainError('DISPATCH_NOT_FOUND', 'This order has no active dispatch.');
        const { equipment } = await endDispatch(tx, dispatch, {
          outcome: 'released',
          releaseReason: input.reason,
          equipmentStatus: input.equipmentStatus,
        });
        await tx
          .update(schema.workOrders)
          .set({
            status,
            queuedAt: sql`coalesce(${schema.workOrders.queuedAt}, now())`,
            updatedAt: sql`now()`,
          })
          .where(eq(schema.workOrders.id, workOrder.id));
        await appendEvent(tx, actor, {
          entityType: 'work_order',
          entityId: workOrder.id,
          action: 'released',
          payload: {
            dispatchId: dispatch.id,
            reason: input.reason,
            from: workOrder.status,
            equipmentStatus: input.equipmentStatus,
          },
        });
        if (input.equipmentStatus !== 'available') {
          await appendEvent(tx, actor, {
            entityType: 'equipment',
            entityId: equipment.id,
            workOrderId: workOrder.id,
            action: 'status_changed',
            payload: { from: 'assigned', to: input.equipmentStatus, note: input.reason },
          });
        }
        await fillIfAuto(tx, actor);
        return selectWorkOrderSummary(tx, workOrder.id);
      },
      { refill: true },
    );
  });
