import { schema } from '@dispatch/db';
import { ZUpdateSettingsSchema } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import { actorOf } from '../../core/actor';
import { appendEvent } from '../../core/append-event';
import { readSettings } from '../../core/settings';
import { fillIfAuto, mutate } from '../../core/transaction';
import { adminProcedure } from '../../procedures';
import { ZSettingsOutput } from './get';

/** Switching auto-dispatch on fills the queue at once. */
export const updateSettings = adminProcedure
  .input(ZUpdateSettingsSchema)
  .output(ZSettingsOutput)
  .mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.principal);
    return mutate(
      ctx,
      actor,
      async (tx) => {
        // Lock the single row so concurrent updates are applied one after the other.
        const [before] = await tx
          .select({ autoDispatch: schema.settings.autoDispatch })
          .from(schema.settings)
          .where(eq(schema.settings.id, 1))
          .for('update');
        if (before?.autoDispatch === input.autoDispatch) return readSettings(tx);
        await tx
          .update(schema.settings)
          .set({
            autoDispatch: input.autoDispatch,
            updatedBySubject: actor.subject,
            updatedAt: sql`now()`,
          })
          .where(eq(schema.settings.id, 1));
        await appendEvent(tx, actor, {
          entityType: 'settings',
          // Settings has no uuid; a fixed nil uuid names "the company settings".
          entityId: '00000000-0000-0000-0000-000000000000',
          action: 'updated',
          payload: { autoDispatch: { from: before?.autoDispatch ?? null, to: input.autoDispatch } },
        });
        if (input.autoDispatch && !before?.autoDispatch) await fillIfAuto(tx, actor);
        return readSettings(tx);
      },
      { refill: input.autoDispatch },
    );
  });
