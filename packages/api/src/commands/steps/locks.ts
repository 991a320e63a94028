import type { Transaction } from '@dispatch/db';
import { schema } from '@dispatch/db';
import { DomainError } from '@dispatch/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { workOrderSummaryColumns } from '../../read/work-orders';

/*
 * Row locks, always taken in the same order within a transaction: work order, then equipment, then
 * driver. Every blocking path follows it, and the queue fill only ever uses SKIP LOCKED (it never
 * waits), so two transactions can never wait on each other in a cycle.
 */

export async function lockWorkOrder(tx: Transaction, id: string) {
  const [row] = await tx
    .select({
      id: schema.workOrders.id,
      reference: schema.workOrders.reference,
      status: schema.workOrders.status,
      equipmentTypeId: schema.workOrders.equipmentTypeId,
      queuedAt: schema.workOrders.queuedAt,
    })
    .from(schema.workOrders)
    .where(eq(schema.workOrders.id, id))
    .for('update');
  if (!row)
    throw new DomainError('WORK_ORDER_NOT_FOUND', 'No such work order.', { workOrderId: id });
  return row;
}
export type TLockedWorkOrder = Awaited<ReturnType<typeof lockWorkOrder>>;

/**
 * The work order locked with every column of its summary (and its type's name), for a caller that
 * answers with the summary after its own writes instead of reading it back.
 */
export async function lockWorkOrderSummary(tx: Transaction, id: string) {
  const wo = schema.workOrders;
  const [row] = await tx
    .select(workOrderSummaryColumns)
    .from(wo)
    .innerJoin(schema.equipmentTypes, eq(schema.equipmentTypes.id, wo.equipmentTypeId))
    .where(eq(wo.id, id))
    .for('update', { of: wo });
  if (!row)
    throw new DomainError('WORK_ORDER_NOT_FOUND', 'No such work order.', { workOrderId: id });
  return row;
}

export async function lockEquipment(tx: Transaction, id: string) {
  const [row] = await tx
    .select({
      id: schema.equipment.id,
      code: schema.equipment.code,
      name: schema.equipment.name,
      typeId: schema.equipment.typeId,
      status: schema.equipment.status,
    })
    .from(schema.equipment)
    .where(eq(schema.equipment.id, id))
    .for('update');
  if (!row) throw new DomainError('EQUIPMENT_NOT_FOUND', 'No such equipment.', { equipmentId: id });
  return row;
}
export type TLockedEquipment = Awaited<ReturnType<typeof lockEquipment>>;

export async function lockDriver(tx: Transaction, id: string) {
  const [row] = await tx
    .select({ id: schema.drivers.id, name: schema.drivers.name, status: schema.drivers.status })
    .from(schema.drivers)
    .where(eq(schema.drivers.id, id))
    .for('update');
  if (!row) throw new DomainError('DRIVER_NOT_FOUND', 'No such driver.', { driverId: id });
  return row;
}
export type TLockedDriver = Awaited<ReturnType<typeof lockDriver>>;

/**
 * The driver locked, with the equipment types they are qualified for read in the same statement
 * (qualification rows are not locked: the matching rule reads them as of this moment, as before).
 */
export async function lockQualifiedDriver(tx: Transaction, id: string) {
  const [row] = await tx
    .select({
      id: schema.drivers.id,
      name: schema.drivers.name,
      phone: schema.drivers.phone,
      status: schema.drivers.status,
      qualifiedTypeIds: sql<string[]>`array(
        select q.equipment_type_id::text from driver_qualifications q
        where q.driver_id = ${schema.drivers.id})`,
    })
    .from(schema.drivers)
    .where(eq(schema.drivers.id, id))
    .for('update', { of: schema.drivers });
  if (!row) throw new DomainError('DRIVER_NOT_FOUND', 'No such driver.', { driverId: id });
  return row;
}

/** The work order's active dispatch, locked after the work order (same order everywhere). */
export async function lockActiveDispatch(tx: Transaction, workOrderId: string) {
  const [row] = await tx
    .select({
      id: schema.dispatches.id,
      workOrderId: schema.dispatches.workOrderId,
      equipmentId: schema.dispatches.equipmentId,
      driverId: schema.dispatches.driverId,
      enRouteAt: schema.dispatches.enRouteAt,
      onSiteAt: schema.dispatches.onSiteAt,
    })
    .from(schema.dispatches)
    .where(and(eq(schema.dispatches.workOrderId, workOrderId), isNull(schema.dispatches.endedAt)))
    .for('update');
  return row ?? null;
}
export type TLockedDispatch = NonNullable<Awaited<ReturnType<typeof lockActiveDispatch>>>;
