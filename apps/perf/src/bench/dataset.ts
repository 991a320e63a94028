import type postgres from 'postgres';

export interface TDatasetSize {
  historical: number;
  equipment: number;
  drivers: number;
  queued: number;
  active: number;
  types: number;
}

export const LARGE_DATASET: TDatasetSize = {
  historical: 100_000,
  equipment: 2_000,
  drivers: 1_000,
  queued: 500,
  active: 100,
  types: 10,
};

/**
 * A large, realistic history in set-based SQL (`insert … select generate_series`, no row-by-row
 * round trips): equipment types, units, drivers qualified for two types each, completed and
 * cancelled work orders spread over the last year (one every 5 minutes) with their ended dispatches
 * and events, a queue and some active dispatches. Auto-dispatch is switched off so the queue stays
 * as generated. Ends with VACUUM ANALYZE so the planner sees the real sizes.
 */
export async function generateDataset(sql: postgres.Sql, size: TDatasetSize = LARGE_DATASET) {
  const perType = size.equipment / size.types;
  await sql`update settings set auto_dispatch = false`;
  await sql`insert into equipment_types (name)
    select 'Bench type ' || lpad(g::text, 2, '0') from generate_series(0, ${size.types - 1}) g`;
  await sql`
    with types as (
      select id, (row_number() over (order by name) - 1)::int as i
      from equipment_types where name like 'Bench type %')
    insert into equipment (code, name, type_id, status_changed_at)
    select 'BE-' || lpad(g::text, 5, '0'), 'Bench unit ' || g, t.id, now() - g * interval '1 minute'
    from generate_series(0, ${size.equipment - 1}) g join types t on t.i = g % ${size.types}`;
  await sql`
    insert into drivers (name, phone, email, status_changed_at)
    select 'Bench Driver ' || lpad(g::text, 5, '0'), '+44 20 7946 0958',
           'driver' || g || '@bench.example.com', now() - g * interval '1 minute'
    from generate_series(0, ${size.drivers - 1}) g`;
  await sql`
    with types as (
      select id, (row_number() over (order by name) - 1)::int as i
      from equipment_types where name like 'Bench type %'),
    ds as (
      select id, (substring(name from 14))::int as g from drivers where name like 'Bench Driver %')
    insert into driver_qualifications (driver_id, equipment_type_id)
    select ds.id, t.id from ds join types t
      on t.i = ds.g % ${size.types} or t.i = (ds.g + 1) % ${size.types}`;
  await sql`
    with types as (
      select id, (row_number() over (order by name) - 1)::int as i
      from equipment_types where name like 'Bench type %')
    insert into work_orders (title, site_address, equipment_type_id, priority, status, queued_at,
      completed_at, cancelled_at, cancel_reason, created_by_subject, created_by_name, created_at,
      updated_at)
    select 'Historical order ' || g, g || ' Bench Street', t.id,
           (array['urgent','high','standard','low'])[1 + g % 4]::priority,
           (case when g % 10 = 0 then 'cancelled' else 'completed' end)::work_order_status,
           x.ts + interval '1 minute',
           case when g % 10 <> 0 then x.ts + interval '2 hours' end,
           case when g % 10 = 0 then x.ts + interval '1 hour' end,
           case when g % 10 = 0 then 'Customer cancelled' end,
           'bench', 'Bench', x.ts, x.ts + interval '2 hours'
    from generate_series(1, ${size.historical}) g
    join types t on t.i = g % ${size.types}
    cross join lateral (select now() - g * interval '5 minutes' - interval '2 hours' as ts) x`;
  // Units and qualified drivers numbered within their type, to pick matching pairs in SQL.
  const pairs = sql`
    units as (
      select id, type_id, (row_number() over (partition by type_id order by code) - 1)::int as k
      from equipment),
    quals as (
      select driver_id, equipment_type_id,
             (row_number() over (partition by equipment_type_id order by driver_id) - 1)::int as k
      from driver_qualifications)`;
  await sql`
    with ${pairs}
    insert into dispatches (work_order_id, equipment_id, driver_id, assigned_at, en_route_at,
      on_site_at, ended_at, outcome, completion_note, assigned_by_subject, created_at, updated_at)
    select wo.id, u.id, q.driver_id, wo.queued_at + interval '5 minutes',
           wo.queued_at + interval '10 minutes', wo.queued_at + interval '1 hour', wo.completed_at,
           'completed', 'Done', 'bench', wo.queued_at, wo.completed_at
    from work_orders wo
    join units u on u.type_id = wo.equipment_type_id and u.k = wo.number % ${perType}
    join quals q on q.equipment_type_id = wo.equipment_type_id and q.k = wo.number % ${perType}
    where wo.status = 'completed'`;
  // Events in the shapes of the domain's event catalogue, so the dashboard's recent activity and
  // the timelines read them exactly as they read what the commands write.
  await sql`
    insert into events (entity_type, entity_id, work_order_id, work_order_reference, action,
      actor_subject, actor_name, payload, created_at)
    select 'work_order', id, id, reference, 'created', 'bench', 'Bench',
           jsonb_build_object('reference', reference, 'priority', priority, 'title', title), created_at
      from work_orders
    union all
    select 'work_order', w.id, w.id, w.reference, 'assigned', 'bench', 'Bench',
           jsonb_build_object('dispatchId', d.id, 'equipmentId', d.equipment_id,
                              'equipmentCode', e.code, 'driverId', d.driver_id,
                              'driverName', dr.name, 'auto', false), d.assigned_at
      from dispatches d join work_orders w on w.id = d.work_order_id
      join equipment e on e.id = d.equipment_id join drivers dr on dr.id = d.driver_id
    union all
    select 'work_order', w.id, w.id, w.reference, 'completed', 'bench', 'Bench',
           jsonb_strip_nulls(jsonb_build_object('dispatchId', d.id, 'note', d.completion_note)),
           d.ended_at
      from dispatches d join work_orders w on w.id = d.work_order_id where d.outcome = 'completed'
    union all
    select 'work_order', id, id, reference, 'cancelled', 'bench', 'Bench',
           jsonb_build_object('reason', cancel_reason, 'from', 'queued'), cancelled_at
      from work_orders where status = 'cancelled'
    union all
    select 'equipment', id, null, null, 'created', 'bench', 'Bench',
           jsonb_build_object('code', code, 'name', name, 'typeId', type_id), created_at
      from equipment
    order by 9`;
  // The queue.
  await sql`
    with types as (
      select id, (row_number() over (order by name) - 1)::int as i
      from equipment_types where name like 'Bench type %')
    insert into work_orders (title, site_address, equipment_type_id, priority, status, queued_at,
      due_by, created_by_subject, created_by_name)
    select 'Queued order ' || g, g || ' Queue Road', t.id,
           (array['urgent','high','standard','low'])[1 + g % 4]::priority, 'queued',
           now() - g * interval '1 minute',
           case when g % 3 = 0 then now() + g * interval '10 minutes' end, 'bench', 'Bench'
    from generate_series(1, ${size.queued}) g join types t on t.i = g % ${size.types}`;
  // Active dispatches, each on its own unit and driver (the last ones of each type).
  await sql`
    with types as (
      select id, (row_number() over (order by name) - 1)::int as i
      from equipment_types where name like 'Bench type %')
    insert into work_orders (title, site_address, equipment_type_id, priority, status, queued_at,
      created_by_subject, created_by_name)
    select 'Active order ' || g, g || ' Active Lane', t.id, 'standard', 'dispatched',
           now() - g * interval '1 minute', 'bench', 'Bench'
    from generate_series(0, ${size.active - 1}) g join types t on t.i = g % ${size.types}`;
  await sql`
    with units as (
      select id, type_id, (row_number() over (partition by type_id order by code) - 1)::int as k
      from equipment),
    types as (
      select id, (row_number() over (order by name) - 1)::int as i
      from equipment_types where name like 'Bench type %'),
    ds as (
      select id, (substring(name from 14))::int as g from drivers where name like 'Bench Driver %'),
    active as (
      select id, equipment_type_id,
             (row_number() over (partition by equipment_type_id order by number) - 1)::int as j
      from work_orders where status = 'dispatched')
    insert into dispatches (work_order_id, equipment_id, driver_id, assigned_at, assigned_by_subject)
    select a.id, u.id, ds.id, now() - a.j * interval '1 minute', 'bench'
    from active a
    join types t on t.id = a.equipment_type_id
    join units u on u.type_id = a.equipment_type_id and u.k = ${perType - 1} - a.j
    join ds on ds.g = t.i + ${size.types} * (${size.drivers / size.types - 1} - a.j)`;
  await sql`update equipment set status = 'assigned'
    where id in (select equipment_id from dispatches where ended_at is null)`;
  await sql`update drivers set status = 'assigned'
    where id in (select driver_id from dispatches where ended_at is null)`;
  await sql`vacuum analyze`;
}

/** Row counts of the main tables, for the report. */
export async function datasetCounts(sql: postgres.Sql) {
  const [row] = await sql<Record<string, number>[]>`select
    (select count(*)::int from work_orders) as work_orders,
    (select count(*)::int from dispatches) as dispatches,
    (select count(*)::int from events) as events,
    (select count(*)::int from equipment) as equipment,
    (select count(*)::int from drivers) as drivers,
    (select count(*)::int from work_orders where status = 'queued') as queued`;
  return row ?? {};
}
