import type { Transaction } from '@dispatch/db';
import { schema } from '@dispatch/db';
import { eq } from 'drizzle-orm';

/**
 * Sets a driver's qualifications to exactly this list (unknown type ids fail on the foreign key).
 * A new driver has none to remove (`isNew`), which saves a statement per row of an import.
 */
export async function replaceQualifications(
  tx: Transaction,
  driverId: string,
  typeIds: readonly string[],
  options: { isNew?: boolean } = {},
) {
  if (!options.isNew) {
    await tx
      .delete(schema.driverQualifications)
      .where(eq(schema.driverQualifications.driverId, driverId));
  }
  if (typeIds.length > 0) {
    await tx
      .insert(schema.driverQualifications)
      .values(typeIds.map((equipmentTypeId) => ({ driverId, equipmentTypeId })));
  }
}
