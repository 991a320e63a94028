import type { Executor } from '@dispatch/db';
import { schema } from '@dispatch/db';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';

const { drivers, driverQualifications, dispatches, workOrders } = schema;

export type TExistingDriver = Awaited<ReturnType<typeof selectDrivers>>[number] & {
  typeIds: string[];
};

/**
 * The drivers whose email (ignoring case) is one of these, grouped by lower-case email, with their
 * qualification type ids and current job. With `lock`, the drivers are locked FOR UPDATE in id
 * order, so two imports touching the same drivers cannot deadlock.
 */
export async function readDriversByEmail(
  db: Executor,
  emails: readonly string[],
  lock: boolean,
): Promise<Map<string, TExistingDriver[]>> {
  const found = await selectDrivers(db, [...new Set(emails)], lock);
  const qualifications = found.length
    ? await db
        .select({
          driverId: driverQualifications.driverId,
          typeId: driverQualifications.equipmentTypeId,
        })
        .from(driverQualifications)
        .where(
          inArray(
            driverQualifications.driverId,
            found.map((d) => d.id),
          ),
        )
    : [];
  const typeIdsOf = new Map<string, string[]>();
  for (const q of qualifications) {
    typeIdsOf.set(q.driverId, [...(typeIdsOf.get(q.driverId) ?? []), q.typeId]);
  }
  const byEmail = new Map<string, TExistingDriver[]>();
  for (const driver of found) {
    const key = driver.email.toLowerCase();
    const typeIds = typeIdsOf.get(driver.id) ?? [];
    byEmail.set(key, [...(byEmail.get(key) ?? []), { ...driver, typeIds }]);
  }
  return byEmail;
}

function selectDrivers(db: Executor, emails: string[], lock: boolean) {
  if (emails.length === 0) return Promise.resolve([]);
  const query = db
    .select({
      id: drivers.id,
      name: drivers.name,
      phone: drivers.phone,
      email: drivers.email,
      status: drivers.status,
      activeReference: workOrders.reference,
    })
    .from(drivers)
    .leftJoin(dispatches, and(eq(dispatches.driverId, drivers.id), isNull(dispatches.endedAt)))
    .leftJoin(workOrders, eq(workOrders.id, dispatches.workOrderId))
    // No index serves lower(email) yet: fine for a fleet's drivers, an index on it would be next.
    .where(inArray(sql`lower(${drivers.email})`, emails))
    .orderBy(asc(drivers.id))
    .$dynamic();
  return lock ? query.for('update', { of: drivers }) : query;
}
