import type postgres from 'postgres';
import { DRIVERS_PER_TYPE, TYPES, UNITS_PER_TYPE } from './dataset-fleet';

export const HISTORICAL_ORDERS = 100_000;

/**
 * A year of closed work orders and their dispatches, planned in one temp table so every figure is
 * deterministic (pseudo-random from the order number `g`):
 * - one order every ~5 minutes (364 days / 100,000), types in turn, priorities 10 % urgent, 25 %
 *   high, 50 % standard, 15 % low; 60 % have a due-by time (4 h, 12 h, 1 day, 3 days by priority);
 * - 4.5 % are cancelled 20 minutes after creation, before any dispatch; the rest are completed;
 * - time to dispatch 5–20 min (urgent), 10–50 min (high), 15–120 min (others); the job lasts 1–8 h;
 *   3 % are released once after 30 minutes (wrong site details) and re-dispatched 15 minutes later.
 * Each type's orders go round its 20 units and 15 drivers, so a unit's consecutive jobs start
 * ~17.5 h apart and a driver's ~13 h apart, while a job (with a release) takes at most ~10.8 h: no
 * unit or driver is ever double-booked.
 */
export async function loadHistory(sql: postgres.Sql, start: Date) {
  const stepSeconds = (364 * 86_400) / HISTORICAL_ORDERS;
  await sql`
    create temp table bench_plan as
    select g, gen_random_uuid() as id, g % ${TYPES} as type_i,
           (g / ${TYPES}) % ${UNITS_PER_TYPE} as unit_k,
           (g / ${TYPES}) % ${DRIVERS_PER_TYPE} as driver_k,
           (g / ${TYPES}) / ${UNITS_PER_TYPE} as unit_n,
           p.priority, c.created,
           (g * 53) % 1000 < 45 as cancelled,
           (g * 97) % 100 < 3 as released,
           case when (g * 13) % 10 < 6 then c.created + case p.priority
             when 'urgent' then interval '4 hours' when 'high' then interval '12 hours'
             when 'standard' then interval '1 day' else interval '3 days' end end as due_by,
           make_interval(secs => case p.priority
             when 'urgent' then 300 + (g * 7) % 900
             when 'high' then 600 + (g * 7) % 2400
             else 900 + (g * 7) % 6300 end) as ttd,
           make_interval(secs => 3600 + (g * 11) % 25200) as dur
    from generate_series(1, ${HISTORICAL_ORDERS}) g
    cross join lateral (select (case
      when (g * 37) % 100 < 10 then 'urgent' when (g * 37) % 100 < 35 then 'high'
      when (g * 37) % 100 < 85 then 'standard' else 'low' end)::priority as priority) p
    cross join lateral (select ${start.toISOString()}::timestamptz
      + ((g - 1) * ${stepSeconds}::float8 + (g * 7919) % 300) * interval '1 second' as created) c`;
  await sql`
    insert into work_orders (id, title, site_address, equipment_type_id, priority, due_by, status,
      queued_at, completed_at, cancelled_at, cancel_reason, created_by_subject, created_by_name,
      created_at, updated_at)
    select p.id, 'Bench order ' || p.g, p.g || ' Bench Street', t.id, p.priority, p.due_by,
           (case when p.cancelled then 'cancelled' else 'completed' end)::work_order_status,
           p.created, x.completed, x.cancelled,
           case when p.cancelled then 'Customer cancelled' end,
           'bench', 'Bench', p.created, coalesce(x.completed, x.cancelled)
    from bench_plan p
    join bench_types t on t.i = p.type_i
    cross join lateral (select
      case when not p.cancelled then p.created + p.ttd + p.dur
        + case when p.released then interval '45 minutes' else interval '0' end end as completed,
      case when p.cancelled then p.created + interval '20 minutes' end as cancelled) x
    order by p.created`;
  await sql`
    insert into dispatches (work_order_id, equipment_id, driver_id, assigned_at, en_route_at,
      on_site_at, ended_at, outcome, completion_note, release_reason, assigned_by_subject,
      created_at, updated_at)
    select p.id, u.id, d.id, a.at, a.at + interval '10 minutes', a.on_site, a.ended, a.outcome,
           case when a.outcome = 'completed' then 'Done' end,
           case when a.outcome = 'released' then 'Wrong site details' end,
           'bench', a.at, a.ended
    from bench_plan p
    join bench_units u on u.type_i = p.type_i and u.k = p.unit_k
    join bench_drivers d on d.type_i = p.type_i and d.k = p.driver_k
    cross join lateral (
      select p.created + p.ttd as at, null::timestamptz as on_site,
             p.created + p.ttd + interval '30 minutes' as ended,
             'released'::dispatch_outcome as outcome
      where p.released
      union all
      select s.at, s.at + interval '40 minutes', s.at + p.dur, 'completed'
      from (select p.created + p.ttd
              + case when p.released then interval '45 minutes' else interval '0' end as at) s
    ) a
    where not p.cancelled
    order by a.at`;
}
