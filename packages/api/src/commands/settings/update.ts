import { schema } from '@dispatch/db';
import type { TUpdateSettings } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import { defineCommand } from '../command';

/** Switches auto-dispatch; switching it on wakes the queue (the domain's wakesQueue). */
export const updateSettingsCommand = defineCommand({
  name: 'settings.update',
  async run({ tx, actor, events }, input: TUpdateSettings) {
    // Lock the single row so concurrent updates are applied one after the other.
    const [before] = await tx
      .select({ autoDispatch: schema.settings.autoDispatch })
      .from(schema.settings)
      .where(eq(schema.settings.id, 1))
      .for('update');
    if (before?.autoDispatch === input.autoDispatch) return { changed: false };
    await tx
      .update(schema.settings)
      .set({
        autoDispatch: input.autoDispatch,
        updatedBySubject: actor.subject,
        updatedAt: sql`now()`,
      })
      .where(eq(schema.settings.id, 1));
    events.append({
      kind: 'settings.updated',
      payload: { autoDispatch: { from: before?.autoDispatch ?? null, to: input.autoDispatch } },
    });
    return { changed: true };
  },
});
