/**
 * The statements `dashboard.summary` runs (packages/api/src/routers/dashboard/summary.ts and
 * read/queue.ts), as the SQL Drizzle sends, for EXPLAIN ANALYZE. Keep in step with those files.
 */
const OPEN = `('new', 'queued', 'dispatched', 'en_route', 'on_site')`;
const ACTIVE = `('dispatched', 'en_route', 'on_site')`;

export const SUMMARY_QUERIES: { name: string; sql: string }[] = [
  {
    name: 'open orders by status',
    sql: `select status, count(*)::int from work_orders where status in ${OPEN} group by status`,
  },
  {
    name: 'closed in last 24 h',
    sql: `select
      (select count(*)::int from work_orders where status = 'completed' and completed_at > now() - interval '24 hours') as completed,
      (select count(*)::int from work_orders where status = 'cancelled' and cancelled_at > now() - interval '24 hours') as cancelled`,
  },
  { name: 'settings', sql: `select auto_dispatch from settings where id = 1` },
  {
    name: 'queue head (10)',
    sql: `with queued as (
      select wo.id, wo.reference, wo.title, wo.site_address, wo.priority, wo.due_by, wo.queued_at,
             wo.equipment_type_id,
             row_number() over w as position,
             row_number() over (partition by wo.equipment_type_id
                                order by wo.priority, wo.due_by asc nulls last, wo.queued_at, wo.number) as position_in_type
      from work_orders wo
      where wo.status = 'queued'
      window w as (order by wo.priority, wo.due_by asc nulls last, wo.queued_at, wo.number)
    ),
    head as (select * from queued order by position limit 10),
    types as (select distinct equipment_type_id from head),
    equipment_facts as (
      select e.type_id,
             count(*) filter (where e.status <> 'out_of_service')::int as in_service,
             count(*) filter (where e.status = 'available')::int as free
      from equipment e where e.type_id in (select equipment_type_id from types)
      group by e.type_id
    ),
    driver_facts as (
      select q.equipment_type_id,
             count(*)::int as qualified,
             count(*) filter (where d.status = 'available')::int as free
      from driver_qualifications q join drivers d on d.id = q.driver_id
      where q.equipment_type_id in (select equipment_type_id from types)
      group by q.equipment_type_id
    )
    select h.position::int, h.position_in_type::int, h.id, h.reference, h.title, h.site_address,
           h.priority, h.due_by, h.queued_at,
           extract(epoch from (now() - h.queued_at))::int as waiting_seconds,
           h.equipment_type_id, et.name as equipment_type_name,
           coalesce(ef.in_service, 0) as equipment_in_service, coalesce(ef.free, 0) as free_equipment,
           coalesce(df.qualified, 0) as qualified_drivers, coalesce(df.free, 0) as free_qualified_drivers
    from head h
    join equipment_types et on et.id = h.equipment_type_id
    left join equipment_facts ef on ef.type_id = h.equipment_type_id
    left join driver_facts df on df.equipment_type_id = h.equipment_type_id
    order by h.position`,
  },
  {
    name: 'queue total',
    sql: `select count(*)::int as n from work_orders where status = 'queued'`,
  },
  {
    name: 'active dispatches',
    sql: `select wo.id, wo.reference, wo.title, wo.priority, wo.status, e.code, d.name,
             di.assigned_at, di.en_route_at, di.on_site_at
      from dispatches di
      inner join work_orders wo on wo.id = di.work_order_id
      inner join equipment e on e.id = di.equipment_id
      inner join drivers d on d.id = di.driver_id
      where (di.ended_at is null and wo.status in ${ACTIVE})
      order by di.assigned_at asc limit 200`,
  },
  {
    name: 'free equipment by type',
    sql: `select et.id, et.name,
             count(e.id) filter (where e.status = 'available')::int,
             count(e.id)::int
      from equipment_types et left join equipment e on e.type_id = et.id
      group by et.id, et.name order by et.name asc`,
  },
  {
    name: 'drivers by status',
    sql: `select status, count(*)::int from drivers group by status`,
  },
  {
    name: 'recent events (15)',
    sql: `select id, entity_type, entity_id, work_order_id, action, actor_name, payload, created_at
      from events order by id desc limit 15`,
  },
];
