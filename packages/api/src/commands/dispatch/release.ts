import { schema } from '@dispatch/db';
import { DomainError, type TReleaseDispatch, transitionWorkOrder } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import { defineCommand } from '../command';
import { endDispatch } from '../steps/end-dispatch';
import { lockActiveDispatch, lockWorkOrder } from '../steps/locks';

/**
 * Sends an active order back to the queue at its original place in line (it has waited already),
 * freeing the driver; the equipment goes to the given status, e.g. maintenance after a breakdown.
 */
export const releaseDispatchCommand = defineCommand({
  name: 'dispatch.release',
  async run({ tx, events }, input: TReleaseDispatch) {
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
    events.append({
      kind: 'work_order.released',
      workOrder,
      payload: {
        dispatchId: dispatch.id,
        reason: input.reason,
        // transitionWorkOrder allowed `release`, so the order was on a job.
        from: workOrder.status as 'dispatched' | 'en_route' | 'on_site',
        equipmentStatus: input.equipmentStatus,
      },
    });
    if (input.equipmentStatus !== 'available') {
      events.append({
        kind: 'equipment.status_changed',
        entityId: equipment.id,
        workOrder,
        payload: { from: 'assigned', to: input.equipmentStatus, note: input.reason },
      });
    }
    return { workOrderId: workOrder.id };
  },
});
