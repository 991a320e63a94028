import { schema } from '@dispatch/db';
import { DomainError, ZUpdateWorkOrderSchema, isTerminalStatus } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import { actorOf } from '../../core/actor';
import { appendEvent } from '../../core/append-event';
import { lockWorkOrder } from '../../core/locks';
import { fillIfAuto, mutate } from '../../core/transaction';
import { dispatcherProcedure } from '../../procedures';
import { ZWorkOrderSummaryOutput } from '../../read/shapes';
import { selectWorkOrderSummary } from '../../read/work-orders';

/** Edits an open order. Its equipment type can change only while it waits. */
export const updateWorkOrder = dispatcherProcedure
  .input(ZUpdateWorkOrderSchema)
  .output(ZWorkOrderSummaryOutput)
  .mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.principal);
    const { id, ...changes } = input;
    const affectsQueue =
      changes.priority !== undefined ||
      changes.dueBy !== undefined ||
      changes.equipmentTypeId !== undefined;
    return mutate(
      ctx,
      actor,
      async (tx) => {
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
        await appendEvent(tx, actor, {
          entityType: 'work_order',
          entityId: id,
          action: 'updated',
          payload: changes,
        });
        if (affectsQueue && current.status === 'queued') await fillIfAuto(tx, actor);
        return selectWorkOrderSummary(tx, id);
      },
      { refill: affectsQueue },
    );
  });
