import type postgres from 'postgres';

/**
 * The history's events: each order's created, assigned, released and completed or cancelled
 * events (the volume a year of real use leaves), and the equipment status changes the utilisation
 * report reads. Maintenance starts 30 minutes after a unit's job ends and lasts 6 hours, twice a
 * year per unit; a quarter of the units are also out of service for 5 hours once. Both fit in the
 * gap before the unit's next job (at least ~7 h), so no unit is in maintenance while on a job.
 */
export async function loadHistoryEvents(sql: postgres.Sql) {
  await sql`
    insert into events (entity_type, entity_id, work_order_id, action, actor_subject, actor_name,
      payload, created_at)
    select * from (
      select 'work_order', w.id, w.id, 'created', 'bench', 'Bench',
             jsonb_build_object('reference', w.reference, 'priority', w.priority), w.created_at
      from work_orders w join bench_plan p on p.id = w.id
      union all
      select 'work_order', d.work_order_id, d.work_order_id, 'assigned', 'bench', 'Bench',
             jsonb_build_object('dispatchId', d.id, 'equipmentId', d.equipment_id,
                                'driverId', d.driver_id, 'auto', true), d.assigned_at
      from dispatches d join bench_plan p on p.id = d.work_order_id
      union all
      select 'work_order', d.work_order_id, d.work_order_id, d.outcome::text, 'bench', 'Bench',
             jsonb_build_object('dispatchId', d.id), d.ended_at
      from dispatches d join bench_plan p on p.id = d.work_order_id
      union all
      select 'work_order', w.id, w.id, 'cancelled', 'bench', 'Bench',
             jsonb_build_object('reason', w.cancel_reason), w.cancelled_at
      from work_orders w join bench_plan p on p.id = w.id
      where w.status = 'cancelled'
    ) e
    order by 8`;
  await sql`
    insert into events (entity_type, entity_id, action, actor_subject, actor_name, payload, created_at)
    select 'equipment', d.equipment_id, 'status_changed', 'bench', 'Bench',
           jsonb_build_object('from', c.from_status, 'to', c.to_status, 'note', 'Scheduled service'),
           d.ended_at + c.after
    from dispatches d
    join bench_plan p on p.id = d.work_order_id
    cross join lateral (values
      ('available', 'maintenance', interval '30 minutes'),
      ('maintenance', 'available', interval '6 hours 30 minutes')) c(from_status, to_status, after)
    where d.outcome = 'completed' and p.unit_n % 250 = 7
    union all
    select 'equipment', d.equipment_id, 'status_changed', 'bench', 'Bench',
           jsonb_build_object('from', c.from_status, 'to', c.to_status, 'note', 'Failed inspection'),
           d.ended_at + c.after
    from dispatches d
    join bench_plan p on p.id = d.work_order_id
    cross join lateral (values
      ('available', 'out_of_service', interval '1 hour'),
      ('out_of_service', 'available', interval '6 hours')) c(from_status, to_status, after)
    where d.outcome = 'completed' and p.unit_n = 130 and p.unit_k % 4 = 0
    order by 7`;
}
