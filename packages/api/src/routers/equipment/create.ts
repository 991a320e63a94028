import { schema } from '@dispatch/db';
import { ZCreateEquipmentSchema } from '@dispatch/domain';
import { eq } from 'drizzle-orm';
import { actorOf } from '../../core/actor';
import { appendEvent } from '../../core/append-event';
import { withIdempotency } from '../../core/idempotency';
import { fillIfAuto, mutate } from '../../core/transaction';
import { adminProcedure } from '../../procedures';
import { selectEquipment } from '../../read/equipment';
import { ZEquipmentOutput } from '../../read/shapes';

export const createEquipment = adminProcedure
  .input(ZCreateEquipmentSchema)
  .output(ZEquipmentOutput)
  .mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.principal);
    const { idempotencyKey, ...fields } = input;
    return mutate(
      ctx,
      actor,
      (tx) =>
        withIdempotency(
          tx,
          {
            subject: actor.subject,
            operation: 'equipment.create',
            key: idempotencyKey,
            input: fields,
          },
          async () => {
            const [row] = await tx
              .insert(schema.equipment)
              .values(fields)
              .returning({ id: schema.equipment.id });
            if (!row) throw new Error('insert returned no row');
            await appendEvent(tx, actor, {
              entityType: 'equipment',
              entityId: row.id,
              action: 'created',
              payload: { code: fields.code, name: fields.name, typeId: fields.typeId },
            });
            // New free equipment may serve waiting orders.
            await fillIfAuto(tx, actor);
            const [item] = await selectEquipment(tx, eq(schema.equipment.id, row.id), 1);
            if (!item) throw new Error('created equipment not found');
            return item;
          },
        ),
      { refill: true },
    );
  });
