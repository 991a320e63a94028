import type { TCompletionReport } from '@dispatch/domain';
import { type SQL, sql } from 'drizzle-orm';

/**
 * The tail of an aggregate over bucketed facts at four levels (bucket × priority, bucket,
 * priority, everything), keyed (bucket 0 = the whole window, priority 'all') so the final joins
 * are plain, hashable equalities. `source` is a constant of this file, never input.
 */
function grouped(source: string): SQL {
  return sql.raw(`coalesce(b, 0) as key_b, coalesce(priority::text, 'all') as key_p
      from ${source}
      group by grouping sets ((b, priority), (b), (priority), ())`);
}

/**
 * The completion report as one statement, so every figure comes from one snapshot.
 *
 * Each order contributes up to four facts, each counted in the bucket of its own timestamp and only
 * when that timestamp is inside [from, to): created (created_at), dispatched (its FIRST dispatch's
 * assigned_at, so a released and re-dispatched order counts once), completed (completed_at) and
 * cancelled (cancelled_at). The priority is the order's current one. Durations ride on the fact
 * they end with: time to dispatch (first assigned_at − created_at) on the dispatched fact; time to
 * complete (the completing dispatch's assigned_at → completed_at) and on time (completed_at <=
 * due_by, null without a due-by) on the completed fact. Medians and 90th percentiles are
 * `percentile_cont` (interpolated; null without samples).
 *
 * Buckets start at local midnight (Monday midnight for weeks, as `date_trunc`) in the zone: the
 * series steps through local wall-clock time, so a 23- or 25-hour day at a DST change is one
 * bucket. Facts find their bucket with `width_bucket` over the bucket starts (a binary search),
 * several times cheaper than converting every timestamp to local time.
 *
 * Each kind of fact is aggregated straight from its own scan at four levels (grouping sets: bucket
 * × priority, bucket, priority, all): created and cancelled are counted per bucket and priority and
 * rolled up; dispatched and completed carry their percentiles (which cannot be rolled up, so only
 * their own samples are sorted) and their counts. Rows: every bucket × (each priority + `all`),
 * zero-filled, then the window's totals. Whole-year cost and plans: apps/perf `bench:reports`.
 */
export function completionReportQuery(input: TCompletionReport): SQL {
  const from = sql`${input.from.toISOString()}::timestamptz`;
  const to = sql`${input.to.toISOString()}::timestamptz`;
  const zone = sql`${input.timeZone}::text`;
  const step = sql`${input.groupBy === 'week' ? '7 days' : '1 day'}::interval`;
  return sql`
    with buckets as (
      select row_number() over (order by l)::int as b,
             l at time zone ${zone} as bucket_start,
             (l + ${step}) at time zone ${zone} as bucket_end
      from generate_series(
        date_trunc(${input.groupBy}::text, ${from} at time zone ${zone}),
        ${to} at time zone ${zone}, ${step}) l
      where l at time zone ${zone} < ${to}
    ),
    bounds as (select array_agg(bucket_start order by b) as starts from buckets),
    first_dispatch as (
      -- Walks dispatches_work_order_idx (work_order_id, assigned_at) in order: no sort, no hash.
      select distinct on (d.work_order_id) d.work_order_id, d.assigned_at
      from dispatches d
      where d.assigned_at < ${to}
      order by d.work_order_id, d.assigned_at
    ),
    created_fine as (
      select width_bucket(wo.created_at, bounds.starts) as b, wo.priority, count(*)::int as n
      from work_orders wo cross join bounds
      where wo.created_at >= ${from} and wo.created_at < ${to}
      group by 1, 2
    ),
    cancelled_fine as (
      select width_bucket(wo.cancelled_at, bounds.starts) as b, wo.priority, count(*)::int as n
      from work_orders wo cross join bounds
      where wo.status = 'cancelled' and wo.cancelled_at >= ${from} and wo.cancelled_at < ${to}
      group by 1, 2
    ),
    created as (select sum(n)::int as n, ${grouped('created_fine')}),
    cancelled as (select sum(n)::int as n, ${grouped('cancelled_fine')}),
    dispatched_facts as (
      select width_bucket(fd.assigned_at, bounds.starts) as b, wo.priority,
             date_part('epoch', fd.assigned_at - wo.created_at) as secs
      from first_dispatch fd
      join work_orders wo on wo.id = fd.work_order_id
      cross join bounds
      where fd.assigned_at >= ${from}
    ),
    dispatched as (
      select count(*)::int as n,
             percentile_cont(array[0.5, 0.9]) within group (order by secs) as p,
             ${grouped('dispatched_facts')}
    ),
    completed_facts as (
      select width_bucket(wo.completed_at, bounds.starts) as b, wo.priority,
             date_part('epoch', wo.completed_at - c.assigned_at) as secs,
             wo.completed_at <= wo.due_by as on_time
      from work_orders wo
      left join dispatches c on c.work_order_id = wo.id and c.outcome = 'completed'
      cross join bounds
      where wo.status = 'completed' and wo.completed_at >= ${from} and wo.completed_at < ${to}
    ),
    completed as (
      select count(*)::int as n,
             percentile_cont(array[0.5, 0.9]) within group (order by secs) as p,
             count(on_time)::int as with_due_by,
             count(*) filter (where on_time)::int as on_time,
             ${grouped('completed_facts')}
    ),
    prio as (
      select p::text as priority, array_position(enum_range(null::priority), p) as ord
      from unnest(enum_range(null::priority)) p
      union all select 'all', 99
    ),
    grid as (
      select 'bucket' as scope, s.b, s.bucket_start, s.bucket_end, p.priority, p.ord
      from buckets s cross join prio p
      union all
      select 'total', 0, null, null, p.priority, p.ord from prio p
    )
    select g.scope,
           extract(epoch from g.bucket_start)::float8 as bucket_start,
           extract(epoch from g.bucket_end)::float8 as bucket_end,
           g.priority,
           coalesce(cr.n, 0) as created, coalesce(d.n, 0) as dispatched,
           coalesce(co.n, 0) as completed, coalesce(ca.n, 0) as cancelled,
           d.p[1] as median_to_dispatch, d.p[2] as p90_to_dispatch,
           co.p[1] as median_to_complete, co.p[2] as p90_to_complete,
           coalesce(co.with_due_by, 0) as with_due_by, coalesce(co.on_time, 0) as on_time,
           co.on_time::float8 / nullif(co.with_due_by, 0) as on_time_share
    from grid g
    left join created cr on cr.key_b = g.b and cr.key_p = g.priority
    left join dispatched d on d.key_b = g.b and d.key_p = g.priority
    left join completed co on co.key_b = g.b and co.key_p = g.priority
    left join cancelled ca on ca.key_b = g.b and ca.key_p = g.priority
    order by g.scope, g.b, g.ord`;
}
