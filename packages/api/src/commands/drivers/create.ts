import { schema } from '@dispatch/db';
import type { IMPORT_SOURCE, TCreateDriver, TSettableDriverStatus } from '@dispatch/domain';
import { defineCommand } from '../command';
import { replaceQualifications } from '../steps/replace-qualifications';

/** A new driver with their qualifications, available unless an import says otherwise. */
export const createDriverCommand = defineCommand({
  name: 'drivers.create',
  async run(
    { tx, events },
    input: Omit<TCreateDriver, 'idempotencyKey'> & {
      status?: TSettableDriverStatus;
      source?: typeof IMPORT_SOURCE;
    },
  ) {
    const { qualificationTypeIds, source, ...fields } = input;
    const [row] = await tx
      .insert(schema.drivers)
      .values({ ...fields, subject: fields.subject ?? null })
      .returning({ id: schema.drivers.id });
    if (!row) throw new Error('insert returned no row');
    await replaceQualifications(tx, row.id, qualificationTypeIds, { isNew: true });
    events.append({
      kind: 'driver.created',
      entityId: row.id,
      payload: {
        name: fields.name,
        qualificationTypeIds,
        ...(fields.status && fields.status !== 'available' ? { status: fields.status } : {}),
        ...(source ? { source } : {}),
      },
    });
    return { driverId: row.id };
  },
});
