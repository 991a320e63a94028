import { schema } from '@dispatch/db';
import { ZUpdateDriverSchema } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import { actorOf } from '../../core/actor';
import { appendEvent } from '../../core/append-event';
import { lockDriver } from '../../core/locks';
import { fillIfAuto, mutate } from '../../core/transaction';
import { adminProcedure } from '../../procedures';
import { selectDrivers } from '../../read/drivers';
import { ZDriverOutput } from '../../read/shapes';
import { replaceQualifications } from './replace-qualifications';

/** Contact details, login link and qualifications. A current job is not affected by the change. */
export const updateDriver = adminProcedure
  .input(ZUpdateDriverSchema)
  .output(ZDriverOutput)
  .mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.principal);
    const { id, qualificationTypeIds, ...changes } = input;
    return mutate(
      ctx,
      actor,
      async (tx) => {
        const current = await lockDriver(tx, id);
        if (Object.keys(changes).length > 0) {
          await tx
            .update(schema.drivers)
            .set({ ...changes, updatedAt: sql`now()` })
            .where(eq(schema.drivers.id, id));
        }
        if (qualificationTypeIds) await replaceQualifications(tx, id, qualificationTypeIds);
        await appendEvent(tx, actor, {
          entityType: 'driver',
          entityId: id,
          action: 'updated',
          payload: { ...changes, ...(qualificationTypeIds ? { qualificationTypeIds } : {}) },
        });
        if (qualificationTypeIds && current.status === 'available') await fillIfAuto(tx, actor);
        const [driver] = await selectDrivers(tx, eq(schema.drivers.id, id), 1);
        if (!driver) throw new Error('driver vanished');
        return driver;
      },
      { refill: qualificationTypeIds !== undefined },
    );
  });
