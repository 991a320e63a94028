import { schema } from '@dispatch/db';
import { ZCreateEquipmentTypeSchema } from '@dispatch/domain';
import { actorOf } from '../../core/actor';
import { appendEvent } from '../../core/append-event';
import { mutate } from '../../core/transaction';
import { adminProcedure } from '../../procedures';
import { ZEquipmentTypeOutput } from '../../read/shapes';

export const createEquipmentType = adminProcedure
  .input(ZCreateEquipmentTypeSchema)
  .output(ZEquipmentTypeOutput)
  .mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.principal);
    return mutate(
      ctx,
      actor,
      async (tx) => {
        const [row] = await tx
          .insert(schema.equipmentTypes)
          .values({ name: input.name })
          .returning({
            id: schema.equipmentTypes.id,
            name: schema.equipmentTypes.name,
            createdAt: schema.equipmentTypes.createdAt,
          });
        if (!row) throw new Error('insert returned no row');
        await appendEvent(tx, actor, {
          entityType: 'equipment_type',
          entityId: row.id,
          action: 'created',
          payload: { name: row.name },
        });
        return { ...row, equipmentCount: 0, qualifiedDriverCount: 0 };
      },
      { refill: false },
    );
  });
