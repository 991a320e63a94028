import { schema } from '@dispatch/db';
import type { IMPORT_SOURCE, TUpdateDriver } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import { defineCommand } from '../command';
import { lockDriver } from '../steps/locks';
import { replaceQualifications } from '../steps/replace-qualifications';

/** Contact details, login link and qualifications. A current job is not affected by the change. */
export const updateDriverCommand = defineCommand({
  name: 'drivers.update',
  async run({ tx, events }, input: TUpdateDriver & { source?: typeof IMPORT_SOURCE }) {
    const { id, qualificationTypeIds, source, ...changes } = input;
    await lockDriver(tx, id);
    if (Object.keys(changes).length > 0) {
      await tx
        .update(schema.drivers)
        .set({ ...changes, updatedAt: sql`now()` })
        .where(eq(schema.drivers.id, id));
    }
    if (qualificationTypeIds) await replaceQualifications(tx, id, qualificationTypeIds);
    events.append({
      kind: 'driver.updated',
      entityId: id,
      payload: {
        ...changes,
        ...(qualificationTypeIds ? { qualificationTypeIds } : {}),
        ...(source ? { source } : {}),
      },
    });
    return { driverId: id };
  },
});
