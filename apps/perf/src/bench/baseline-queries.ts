import { type Database, schema } from '@dispatch/db';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type postgres from 'postgres';

const { equipment, equipmentTypes, dispatches, workOrders, events } = schema;

/**
 * The two statements `equipment.get` runs (packages/api/src/routers/equipment/get.ts: the
 * `selectEquipment` query of read/equipment.ts, then `selectEvents` for the unit's history), built
 * the same way with the same Drizzle client and postgres driver, without tRPC, auth or zod.
 */
export async function equipmentById(db: Database, id: string) {
  const [row] = await db
    .select({
      id: equipment.id,
      code: equipment.code,
      name: equipment.name,
      typeId: equipment.typeId,
      typeName: equipmentTypes.name,
      status: equipment.status,
      statusChangedAt: equipment.statusChangedAt,
      createdAt: equipment.createdAt,
      updatedAt: equipment.updatedAt,
      activeWorkOrderId: workOrders.id,
      activeReference: workOrders.reference,
    })
    .from(equipment)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipment.typeId))
    .leftJoin(dispatches, and(eq(dispatches.equipmentId, equipment.id), isNull(dispatches.endedAt)))
    .leftJoin(workOrders, eq(workOrders.id, dispatches.workOrderId))
    .where(eq(equipment.id, id))
    .orderBy(asc(equipment.code))
    .limit(1);
  if (!row) return null;
  const history = await db
    .select({
      id: events.id,
      entityType: events.entityType,
      entityId: events.entityId,
      workOrderId: events.workOrderId,
      action: events.action,
      actorName: events.actorName,
      payload: events.payload,
      createdAt: events.createdAt,
    })
    .from(events)
    .where(and(eq(events.entityType, 'equipment'), eq(events.entityId, id)))
    .orderBy(desc(events.id))
    .limit(100);
  return { ...row, history };
}

export interface TTriple {
  workOrderId: string;
  equipmentId: string;
  driverId: string;
}

/**
 * Exactly the writes of one assignment (commands/dispatch/assign.ts + steps/apply-assignment.ts) as raw
 * SQL in one transaction: lock work order, equipment, driver FOR UPDATE in that order, insert the
 * dispatch, the three status updates, the event.
 */
export async function rawAssign(sql: postgres.Sql, triple: TTriple) {
  // The client is the one Drizzle wraps, which sends JSON as text (as Drizzle does): stringify.
  const subject = 'bench-baseline';
  return sql.begin(async (tx) => {
    const [order] = await tx`select id, reference, status, equipment_type_id, queued_at
      from work_orders where id = ${triple.workOrderId} for update`;
    const [unit] = await tx`select id, code, type_id, status
      from equipment where id = ${triple.equipmentId} for update`;
    const [driver] = await tx`select id, name, status
      from drivers where id = ${triple.driverId} for update`;
    if (!order || !unit || !driver) throw new Error('missing row');
    const [dispatch] = await tx`insert into dispatches
      (work_order_id, equipment_id, driver_id, assigned_by_subject)
      values (${triple.workOrderId}, ${triple.equipmentId}, ${triple.driverId}, ${subject})
      returning id, assigned_at`;
    await tx`update work_orders set status = 'dispatched',
      queued_at = coalesce(queued_at, now()), updated_at = now() where id = ${triple.workOrderId}`;
    await tx`update equipment set status = 'assigned', status_changed_at = now(),
      updated_at = now() where id = ${triple.equipmentId}`;
    await tx`update drivers set status = 'assigned', status_changed_at = now(),
      updated_at = now() where id = ${triple.driverId}`;
    const payload = {
      dispatchId: dispatch?.id as string,
      equipmentId: unit.id as string,
      equipmentCode: unit.code as string,
      driverId: driver.id as string,
      driverName: driver.name as string,
      auto: false,
    };
    await tx`insert into events
      (entity_type, entity_id, work_order_id, work_order_reference, action, actor_subject,
       actor_name, payload)
      values ('work_order', ${triple.workOrderId}, ${triple.workOrderId}, ${order.reference as string},
              'assigned', ${subject}, 'Bench baseline', ${JSON.stringify(payload)}::jsonb)`;
    return { dispatchId: payload.dispatchId };
  });
}
