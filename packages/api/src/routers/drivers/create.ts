import { schema } from '@dispatch/db';
import { ZCreateDriverSchema } from '@dispatch/domain';
import { eq } from 'drizzle-orm';
import { actorOf } from '../../core/actor';
import { appendEvent } from '../../core/append-event';
import { withIdempotency } from '../../core/idempotency';
import { fillIfAuto, mutate } from '../../core/transaction';
import { adminProcedure } from '../../procedures';
import { selectDrivers } from '../../read/drivers';
import { ZDriverOutput } from '../../read/shapes';
import { replaceQualifications } from './replace-qualifications';

export const createDriver = adminProcedure
  .input(ZCreateDriverSchema)
  .output(ZDriverOutput)
  .mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.principal);
    const { idempotencyKey, qualificationTypeIds, ...fields } = input;
    return mutate(
      ctx,
      actor,
      (tx) =>
        withIdempotency(
          tx,
          {
            subject: actor.subject,
            operation: 'drivers.create',
            key: idempotencyKey,
            input: { ...fields, qualificationTypeIds },
          },
          async () => {
            const [row] = await tx
              .insert(schema.drivers)
              .values({ ...fields, subject: fields.subject ?? null })
              .returning({ id: schema.drivers.id });
            if (!row) throw new Error('insert returned no row');
            await replaceQualifications(tx, row.id, qualificationTypeIds);
            await appendEvent(tx, actor, {
              entityType: 'driver',
              entityId: row.id,
              action: 'created',
              payload: { name: fields.name, qualificationTypeIds },
            });
            await fillIfAuto(tx, actor);
            const [driver] = await selectDrivers(tx, eq(schema.drivers.id, row.id), 1);
            if (!driver) throw new Error('created driver not found');
            return driver;
          },
        ),
      { refill: true },
    );
  });
