import { schema } from '@dispatch/db';
import { DomainError, ZSetEquipmentStatusSchema } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import { actorOf } from '../../core/actor';
import { appendEvent } from '../../core/append-event';
import { lockEquipment } from '../../core/locks';
import { fillIfAuto, mutate } from '../../core/transaction';
import { adminProcedure } from '../../procedures';
import { selectEquipment } from '../../read/equipment';
import { ZEquipmentOutput } from '../../read/shapes';

/** Maintenance, out of service, or back to available (which fills the queue). */
export const setEquipmentStatus = adminProcedure
  .input(ZSetEquipmentStatusSchema)
  .output(ZEquipmentOutput)
  .mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.principal);
    return mutate(
      ctx,
      actor,
      async (tx) => {
        const current = await lockEquipment(tx, input.id);
        if (current.status === 'assigned') {
          throw new DomainError(
            'EQUIPMENT_ASSIGNED',
            `${current.code} is on a job; release the dispatch to take it out of service.`,
            { equipmentId: current.id },
          );
        }
        if (current.status !== input.status) {
          await tx
            .update(schema.equipment)
            .set({ status: input.status, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
            .where(eq(schema.equipment.id, input.id));
          await appendEvent(tx, actor, {
            entityType: 'equipment',
            entityId: input.id,
            action: 'status_changed',
            payload: {
              from: current.status,
              to: input.status,
              ...(input.note ? { note: input.note } : {}),
            },
          });
          if (input.status === 'available') await fillIfAuto(tx, actor);
        }
        const [item] = await selectEquipment(tx, eq(schema.equipment.id, input.id), 1);
        if (!item) throw new Error('equipment vanished');
        return item;
      },
      { refill: input.status === 'available' },
    );
  });
