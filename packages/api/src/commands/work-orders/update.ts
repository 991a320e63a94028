import { schema } from '@dispatch/db';
import { DomainError, type TUpdateWorkOrder, isTerminalStatus } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import { defineCommand } from '../command';
import { lockWorkOrder } from '../steps/locks';

/** Edits an open order. Its equipment type can change only while it waits. */
export const updateWorkOrderCommand = defineCommand({
  name: 'workOrders.update',
  async run({ tx, events }, input: TUpdateWorkOrder) {
    const { id, ...changes } = input;
    const current = await lockWorkOrder(tx, id);
    if (isTerminalStatus(current.status)) {
      throw new DomainError(
        'INVALID_TRANSITION',
        `A ${current.status} work order cannot be edited.`,
        {
          from: current.status,
          action: 'update',
        },
      );
    }
    if (
      changes.equipmentTypeId !== undefined &&
      changes.equipmentTypeId !== current.equipmentTypeId &&
      current.status !== 'new' &&
      current.status !== 'queued'
    ) {
      throw new DomainError(
        'INVALID_TRANSITION',
        'Release the dispatch before changing the equipment type.',
        { from: current.status, action: 'update' },
      );
    }
    if (Object.keys(changes).length > 0) {
      await tx
        .update(schema.workOrders)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(eq(schema.workOrders.id, id));
    }
    const { dueBy, ...rest } = changes;
    events.append({
      kind: 'work_order.updated',
      workOrder: current,
      // A payload is JSON: the new due-by time as an ISO string, as it has always been stored.
      payload: { ...rest, ...(dueBy !== undefined ? { dueBy: dueBy?.toISOString() ?? null } : {}) },
    });
    return { workOrderId: id };
  },
});
