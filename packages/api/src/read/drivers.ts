import type { Executor } from '@dispatch/db';
import { schema } from '@dispatch/db';
import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { TDriverOutput } from './shapes';

const { drivers, driverQualifications, equipmentTypes, dispatches, workOrders } = schema;

/** Drivers with qualifications and current order: two queries for any number of drivers. */
export async function selectDrivers(
  db: Executor,
  where: SQL | undefined,
  limit: number,
): Promise<TDriverOutput[]> {
  const rows = await db
    .select({
      id: drivers.id,
      name: drivers.name,
      phone: drivers.phone,
      email: drivers.email,
      subject: drivers.subject,
      status: drivers.status,
      statusChangedAt: drivers.statusChangedAt,
      createdAt: drivers.createdAt,
      updatedAt: drivers.updatedAt,
      activeWorkOrderId: workOrders.id,
      activeReference: workOrders.reference,
    })
    .from(drivers)
    .leftJoin(dispatches, and(eq(dispatches.driverId, drivers.id), isNull(dispatches.endedAt)))
    .leftJoin(workOrders, eq(workOrders.id, dispatches.workOrderId))
    .where(where)
    .orderBy(asc(drivers.name), asc(drivers.id))
    .limit(limit);
  const ids = rows.map((r) => r.id);
  const qualifications = ids.length
    ? await db
        .select({
          driverId: driverQualifications.driverId,
          id: equipmentTypes.id,
          name: equipmentTypes.name,
        })
        .from(driverQualifications)
        .innerJoin(equipmentTypes, eq(equipmentTypes.id, driverQualifications.equipmentTypeId))
        .where(inArray(driverQualifications.driverId, ids))
        .orderBy(asc(equipmentTypes.name))
    : [];
  return rows.map(({ activeWorkOrderId, activeReference, ...row }) => ({
    ...row,
    qualifications: qualifications
      .filter((q) => q.driverId === row.id)
      .map((q) => ({ id: q.id, name: q.name })),
    activeWorkOrder:
      activeWorkOrderId && activeReference
        ? { id: activeWorkOrderId, reference: activeReference }
        : null,
  }));
}

/** The answer of a command that changed one driver, read in the same transaction. */
export async function driverOf(db: Executor, changed: { driverId: string }) {
  const [driver] = await selectDrivers(db, eq(schema.drivers.id, changed.driverId), 1);
  if (!driver) throw new Error(`driver ${changed.driverId} not found after a write`);
  return driver;
}
