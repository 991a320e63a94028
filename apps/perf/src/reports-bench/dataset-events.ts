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
    insert into events (entity_type, entity_id, work_order_id, work_order_reference, action,
      actor_subject, actor_name, payload, created_at)
    select * from (
      select 'work_order', w.id, w.id, w.reference, 'created', 'bench', 'Bench',
             jsonb_build_object('reference', w.reference, 'priority', w.priority, 'title', w.title),
             w.created_at
      from work_orders w join bench_plan p on p.id = w.id
      union all
      select 'work_order', w.id, w.id, w.reference, 'assigned', 'bench', 'Bench',
             jsonb_build_object('dispatchId', d.id, 'equipmentId', d.equipment_id,
                                'equipmentCode', e.code, 'driverId', d.driver_id,
                                'driverName', dr.name, 'auto', true), d.assigned_at
      from dispatches d join bench_plan p on p.id = d.work_order_id
      join work_orders w on w.id = d.work_order_id
      join equipment e on e.id = d.equipment_id join drivers dr on dr.id = d.driver_id
      union all
      select 'work_order', w.id, w.id, w.reference, d.outcome::text, 'bench', 'Bench',
             case d.outcome
               when 'released' then jsonb_build_object('dispatchId', d.id,
                 'reason', d.release_reason, 'from', 'on_site', 'equipmentStatus', 'available')
               else jsonb_strip_nulls(jsonb_build_object('dispatchId', d.id, 'note', d.completion_note))
             end, d.ended_at
      from dispatches d join bench_plan p on p.id = d.work_order_id
      join work_orders w on w.id = d.work_order_id
      union all
      select 'work_order', w.id, w.id, w.reference, 'cancelled', 'bench', 'Bench',
             jsonb_build_object('reason', w.cancel_reason, 'from', 'queued'), w.cancelled_at
      from work_orders w join bench_plan p on p.id = w.id
      where w.status = 'cancelled'
    ) e
    order by 9`;
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
