import type { Database } from '@dispatch/db';
import { schema } from '@dispatch/db';
import { DRIVER_IMPORT_COLUMNS, QUALIFICATION_SEPARATOR } from '@dispatch/domain';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { TCsvTable } from '../csv/write-csv';

const BATCH = 1000;
const { drivers, driverQualifications, equipmentTypes } = schema;

/**
 * All drivers by name, in exactly the import's columns (qualifications as type names separated by
 * `;`), so the file re-imports unchanged. The login link (subject) is not part of the file.
 */
export function driversCsv(db: Database): TCsvTable {
  return {
    header: [...DRIVER_IMPORT_COLUMNS.required, ...DRIVER_IMPORT_COLUMNS.optional],
    rows: rows(db),
  };
}

async function* rows(db: Database) {
  let after: [string, string] | null = null;
  for (;;) {
    const batch = await db
      .select({
        id: drivers.id,
        name: drivers.name,
        phone: drivers.phone,
        email: drivers.email,
        status: drivers.status,
      })
      .from(drivers)
      .where(after ? sql`(${drivers.name}, ${drivers.id}) > (${after[0]}, ${after[1]})` : undefined)
      .orderBy(asc(drivers.name), asc(drivers.id))
      .limit(BATCH);
    const qualifications = batch.length
      ? await db
          .select({ driverId: driverQualifications.driverId, name: equipmentTypes.name })
          .from(driverQualifications)
          .innerJoin(equipmentTypes, eq(equipmentTypes.id, driverQualifications.equipmentTypeId))
          .where(
            inArray(
              driverQualifications.driverId,
              batch.map((d) => d.id),
            ),
          )
          .orderBy(asc(equipmentTypes.name))
      : [];
    const namesOf = new Map<string, string[]>();
    for (const q of qualifications)
      namesOf.set(q.driverId, [...(namesOf.get(q.driverId) ?? []), q.name]);
    for (const driver of batch) {
      const names = namesOf.get(driver.id) ?? [];
      yield [
        driver.name,
        driver.phone,
        driver.email,
        names.join(QUALIFICATION_SEPARATOR),
        driver.status,
      ];
    }
    const last = batch.at(-1);
    if (batch.length < BATCH || !last) return;
    after = [last.name, last.id];
  }
}
