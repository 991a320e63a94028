import type { TTestDatabase } from '@dispatch/db/testing';

/**
 * Cross-table consistency that must hold after any sequence of operations. Each query returns the
 * offending rows, so a failure shows what is wrong.
 */
export async function findInconsistencies(tdb: TTestDatabase) {
  const { sql } = tdb;
  const doubleBooked = await sql`
    select 'equipment' as kind, equipment_id as id from dispatches where ended_at is null group by equipment_id having count(*) > 1
    union all
    select 'driver', driver_id from dispatches where ended_at is null group by driver_id having count(*) > 1
    union all
    select 'work_order', work_order_id from dispatches where ended_at is null group by work_order_id having count(*) > 1`;
  const equipmentMismatch = await sql`
    select e.code, e.status from equipment e
    left join dispatches d on d.equipment_id = e.id and d.ended_at is null
    where (e.status = 'assigned') <> (d.id is not null)`;
  const driverMismatch = await sql`
    select dr.name, dr.status from drivers dr
    left join dispatches d on d.driver_id = dr.id and d.ended_at is null
    where (dr.status = 'assigned') <> (d.id is not null)`;
  const orderMismatch = await sql`
    select wo.reference, wo.status from work_orders wo
    left join dispatches d on d.work_order_id = wo.id and d.ended_at is null
    where (wo.status in ('dispatched', 'en_route', 'on_site')) <> (d.id is not null)`;
  // An active dispatch's unit must be of the type its order needs (an edit racing an assignment).
  const typeMismatch = await sql`
    select wo.reference from dispatches d
    join work_orders wo on wo.id = d.work_order_id
    join equipment e on e.id = d.equipment_id
    where d.ended_at is null and e.type_id <> wo.equipment_type_id`;
  const withoutEvent = await sql`
    select d.id from dispatches d
    where not exists (
      select 1 from events ev
      where ev.work_order_id = d.work_order_id and ev.action = 'assigned' and ev.payload->>'dispatchId' = d.id::text)`;
  return {
    doubleBooked: doubleBooked.length,
    equipmentMismatch: equipmentMismatch.length,
    driverMismatch: driverMismatch.length,
    orderMismatch: orderMismatch.length,
    typeMismatch: typeMismatch.length,
    dispatchesWithoutEvent: withoutEvent.length,
  };
}

export const CONSISTENT = {
  doubleBooked: 0,
  equipmentMismatch: 0,
  driverMismatch: 0,
  orderMismatch: 0,
  typeMismatch: 0,
  dispatchesWithoutEvent: 0,
};
