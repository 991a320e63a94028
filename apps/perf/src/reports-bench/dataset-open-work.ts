import type postgres from 'postgres';
import { TYPES } from './dataset-fleet';

export const QUEUED_ORDERS = 300;
/** Active dispatches per type, on units and drivers k = 0..ACTIVE_PER_TYPE-1. */
export const ACTIVE_PER_TYPE = 6;
/** Units (k = 19 of the first five types) in maintenance right now. */
export const IN_MAINTENANCE = 5;

/**
 * Today's open work, after the history (which ends about 37 hours ago): 300 queued orders from the
 * last 6 hours, 60 active dispatches assigned in the last 3 hours (one per unit and driver, so the
 * partial unique indexes hold) and five units in maintenance since 12 hours ago. Statuses of the
 * busy units and drivers are set to agree with their dispatches.
 */
export async function loadOpenWork(sql: postgres.Sql) {
  await sql`
    insert into work_orders (title, site_address, equipment_type_id, priority, due_by, status,
      queued_at, created_by_subject, created_by_name, created_at, updated_at)
    select 'Queued order ' || g, g || ' Queue Road', t.id,
           (array['urgent', 'high', 'standard', 'low'])[1 + (g * 37) % 4]::priority,
           case when g % 3 = 0 then now() + g * interval '5 minutes' end, 'queued',
           now() - g * interval '72 seconds', 'bench', 'Bench',
           now() - g * interval '72 seconds', now() - g * interval '72 seconds'
    from generate_series(1, ${QUEUED_ORDERS}) g join bench_types t on t.i = g % ${TYPES}`;
  await sql`
    create temp table bench_active as
    select gen_random_uuid() as id, t.i as type_i, k, t.id as type_id,
           now() - interval '3 hours' + (t.i * ${ACTIVE_PER_TYPE} + k) * interval '2 minutes' as at,
           (array['dispatched', 'en_route', 'on_site'])[1 + k % 3]::work_order_status as status
    from bench_types t cross join generate_series(0, ${ACTIVE_PER_TYPE - 1}) k`;
  await sql`
    insert into work_orders (id, title, site_address, equipment_type_id, priority, status, queued_at,
      created_by_subject, created_by_name, created_at, updated_at)
    select a.id, 'Active order ' || a.type_i || '-' || a.k, 'Active Lane', a.type_id, 'standard',
           a.status, a.at - interval '10 minutes', 'bench', 'Bench',
           a.at - interval '10 minutes', a.at
    from bench_active a`;
  await sql`
    insert into dispatches (work_order_id, equipment_id, driver_id, assigned_at, en_route_at,
      on_site_at, assigned_by_subject, created_at, updated_at)
    select a.id, u.id, d.id, a.at,
           case when a.status <> 'dispatched' then a.at + interval '10 minutes' end,
           case when a.status = 'on_site' then a.at + interval '40 minutes' end,
           'bench', a.at, a.at
    from bench_active a
    join bench_units u on u.type_i = a.type_i and u.k = a.k
    join bench_drivers d on d.type_i = a.type_i and d.k = a.k`;
  await sql`
    insert into events (entity_type, entity_id, work_order_id, work_order_reference, action,
      actor_subject, actor_name, payload, created_at)
    select 'work_order', w.id, w.id, w.reference, 'assigned', 'bench', 'Bench',
           jsonb_build_object('dispatchId', d.id, 'equipmentId', d.equipment_id,
                              'equipmentCode', e.code, 'driverId', d.driver_id,
                              'driverName', dr.name, 'auto', true), d.assigned_at
    from dispatches d join work_orders w on w.id = d.work_order_id
    join equipment e on e.id = d.equipment_id join drivers dr on dr.id = d.driver_id
    where d.ended_at is null
    union all
    select 'equipment', u.id, null, null, 'status_changed', 'bench', 'Bench',
           '{"from": "available", "to": "maintenance", "note": "Hydraulic leak"}'::jsonb,
           now() - interval '12 hours'
    from bench_units u where u.k = 19 and u.type_i < ${IN_MAINTENANCE}`;
  await sql`update equipment set status = 'assigned', status_changed_at = d.assigned_at
    from dispatches d where d.equipment_id = equipment.id and d.ended_at is null`;
  await sql`update drivers set status = 'assigned', status_changed_at = d.assigned_at
    from dispatches d where d.driver_id = drivers.id and d.ended_at is null`;
  await sql`update equipment set status = 'maintenance', status_changed_at = now() - interval '12 hours'
    where id in (select id from bench_units where k = 19 and type_i < ${IN_MAINTENANCE})`;
}
