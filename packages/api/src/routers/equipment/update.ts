import { schema } from '@dispatch/db';
import { DomainError, ZUpdateEquipmentSchema } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import { actorOf } from '../../core/actor';
import { appendEvent } from '../../core/append-event';
import { lockEquipment } from '../../core/locks';
import { fillIfAuto, mutate } from '../../core/transaction';
import { adminProcedure } from '../../procedures';
import { selectEquipment } from '../../read/equipment';
import { ZEquipmentOutput } from '../../read/shapes';

export const updateEquipment = adminProcedure
  .input(ZUpdateEquipmentSchema)
  .output(ZEquipmentOutput)
  .mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.principal);
    const { id, ...changes } = input;
    return mutate(
      ctx,
      actor,
      async (tx) => {
        const current = await lockEquipment(tx, id);
        const typeChanges = changes.typeId !== undefined && changes.typeId !== current.typeId;
        if (typeChanges && current.status === 'assigned') {
          throw new DomainError(
            'EQUIPMENT_ASSIGNED',
            `${current.code} is on a job; release it before changing its type.`,
            {
              equipmentId: id,
            },
          );
        }
        await tx
          .update(schema.equipment)
          .set({ ...changes, updatedAt: sql`now()` })
          .where(eq(schema.equipment.id, id));
        await appendEvent(tx, actor, {
          entityType: 'equipment',
          entityId: id,
          action: 'updated',
          payload: changes,
        });
        if (typeChanges && current.status === 'available') await fillIfAuto(tx, actor);
        const [item] = await selectEquipment(tx, eq(schema.equipment.id, id), 1);
        if (!item) throw new Error('updated equipment not found');
        return item;
      },
      { refill: changes.typeId !== undefined },
    );
  });
