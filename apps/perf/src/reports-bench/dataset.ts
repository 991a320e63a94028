import type postgres from 'postgres';
import { loadHistoryEvents } from './dataset-events';
import { loadFleet } from './dataset-fleet';
import { loadHistory } from './dataset-history';
import { loadOpenWork } from './dataset-open-work';

/**
 * One year of history for the reports, in set-based SQL on one session (the plan lives in temp
 * tables): the fleet, 100,000 closed orders over the last 366 days with their dispatches and
 * events, maintenance, and today's open work. Auto-dispatch is off so the queue stays as loaded.
 * Ends with VACUUM ANALYZE so the planner sees the real sizes.
 */
export async function loadYearOfHistory(sql: postgres.Sql, progress: (line: string) => void) {
  const start = new Date(Date.now() - 366 * 86_400_000);
  const steps: [string, () => Promise<unknown>][] = [
    ['settings', () => sql`update settings set auto_dispatch = false`],
    ['fleet', () => loadFleet(sql, start)],
    ['orders and dispatches', () => loadHistory(sql, start)],
    ['events and maintenance', () => loadHistoryEvents(sql)],
    ['open work', () => loadOpenWork(sql)],
    ['vacuum analyze', () => sql`vacuum analyze`],
  ];
  for (const [name, step] of steps) {
    const t0 = performance.now();
    await step();
    progress(`  ${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
}

/** What was loaded, for the report. */
export async function datasetCounts(sql: postgres.Sql) {
  const [row] = await sql<Record<string, number>[]>`select
    (select count(*)::int from work_orders) as work_orders,
    (select count(*)::int from work_orders where status = 'completed') as completed,
    (select count(*)::int from work_orders where status = 'cancelled') as cancelled,
    (select count(*)::int from work_orders where status not in ('completed', 'cancelled')) as open,
    (select count(*)::int from dispatches) as dispatches,
    (select count(*)::int from events) as events,
    (select count(*)::int from events where action = 'status_changed') as status_changes,
    (select count(*)::int from equipment) as equipment,
    (select count(*)::int from drivers) as drivers`;
  return row ?? {};
}

/** Jobs that overlap the previous job of the same unit or driver; the loader must make none. */
export async function overlappingDispatches(sql: postgres.Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`
    select count(*) filter (where unit_prev_end > assigned_at)::int
         + count(*) filter (where driver_prev_end > assigned_at)::int as n
    from (
      select assigned_at,
             lag(coalesce(ended_at, now())) over (partition by equipment_id order by assigned_at)
               as unit_prev_end,
             lag(coalesce(ended_at, now())) over (partition by driver_id order by assigned_at)
               as driver_prev_end
      from dispatches) x`;
  return row?.n ?? 0;
}
