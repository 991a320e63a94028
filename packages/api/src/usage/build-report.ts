import { DAY_MS, type TUtcWeek, utcDateKey } from './calendar';
import { SLOW_MS, addHistogram, countOver, emptyHistogram, quantileMs } from './histogram';
import type { TStoredUsage } from './read-usage';
import { type TThreshold, buildThresholds } from './thresholds';

export interface TUsageFigures {
  calls: number;
  distinctUsers: number;
  p95Ms: number | null;
  maxMs: number | null;
  slowCalls: number;
  /** Share of calls over 5 s, 0..1; null without calls. */
  slowShare: number | null;
}

export interface TProcedureUsage extends TUsageFigures {
  path: string;
  errors: number;
  weeks: ({ weekStart: string } & TUsageFigures)[];
}

export interface TOperationsReportData {
  weeks: string[];
  procedures: TProcedureUsage[];
  totals: { calls: number; errors: number; distinctUsers: number };
  errors: { path: string; code: string; reason: string | null; count: number }[];
  concurrentUsers: {
    windowMinutes: number;
    days: { day: string; peakUsers: number; peakAt: Date | null }[];
    max: { users: number; day: string } | null;
  };
  completedDispatches: number;
  thresholds: TThreshold[];
}

function figures(calls: number, users: number, histogram: number[], maxMs: number): TUsageFigures {
  const slowCalls = calls > 0 ? countOver(histogram, SLOW_MS) : 0;
  return {
    calls,
    distinctUsers: users,
    p95Ms: quantileMs(histogram, 0.95, maxMs),
    maxMs: calls > 0 ? maxMs : null,
    slowCalls,
    slowShare: calls > 0 ? slowCalls / calls : null,
  };
}

/**
 * Turns the stored statistics into the report: every known procedure (so unused ones show with
 * zero calls) with per-week and whole-period figures, most used first; errors most frequent
 * first; a peak for every day of the period up to today; and the deployment thresholds.
 */
export function buildOperationsReport(input: {
  stored: TStoredUsage;
  weeks: TUtcWeek[];
  knownPaths: readonly string[];
  nowMs: number;
  windowMinutes: number;
}): TOperationsReportData {
  const { stored, weeks } = input;
  const key = (week: string, path: string) => `${week} ${path}`;
  const rows = new Map(stored.weekRows.map((r) => [key(r.weekStart, r.procedure), r]));
  const weekUsers = new Map(
    stored.weeklyUsers.map((r) => [key(r.weekStart, r.procedure), r.users]),
  );
  const periodUsers = new Map(stored.periodUsers.map((r) => [r.procedure, r.users]));
  const errorsByPath = new Map<string, number>();
  for (const e of stored.errorRows) {
    errorsByPath.set(e.procedure, (errorsByPath.get(e.procedure) ?? 0) + e.count);
  }
  const paths = [...new Set([...input.knownPaths, ...stored.weekRows.map((r) => r.procedure)])];

  const procedures = paths.map((path): TProcedureUsage => {
    const total = emptyHistogram();
    let calls = 0;
    let maxMs = 0;
    const perWeek = weeks.map((week) => {
      const row = rows.get(key(week.key, path));
      if (row) {
        addHistogram(total, row.histogram);
        calls += row.calls;
        maxMs = Math.max(maxMs, row.maxMs);
      }
      const users = weekUsers.get(key(week.key, path)) ?? 0;
      return {
        weekStart: week.key,
        ...figures(row?.calls ?? 0, users, row?.histogram ?? emptyHistogram(), row?.maxMs ?? 0),
      };
    });
    return {
      path,
      ...figures(calls, periodUsers.get(path) ?? 0, total, maxMs),
      errors: errorsByPath.get(path) ?? 0,
      weeks: perWeek,
    };
  });
  procedures.sort((a, b) => b.calls - a.calls || a.path.localeCompare(b.path));

  const errors = stored.errorRows
    .map((e) => ({ path: e.procedure, code: e.code, reason: e.reason || null, count: e.count }))
    .sort(
      (a, b) => b.count - a.count || a.path.localeCompare(b.path) || a.code.localeCompare(b.code),
    );

  const peaks = new Map(stored.peaks.map((p) => [p.day, p]));
  const days: TOperationsReportData['concurrentUsers']['days'] = [];
  const firstDay = weeks[0]?.startMs ?? input.nowMs;
  for (let ms = firstDay; ms <= input.nowMs; ms += DAY_MS) {
    const day = utcDateKey(ms);
    const peak = peaks.get(day);
    days.push({ day, peakUsers: peak?.peakUsers ?? 0, peakAt: peak?.peakAt ?? null });
  }
  const busiest = stored.peaks.reduce<(typeof stored.peaks)[number] | null>(
    (best, p) => (best === null || p.peakUsers > best.peakUsers ? p : best),
    null,
  );
  const max = busiest ? { users: busiest.peakUsers, day: busiest.day } : null;

  const worst = (pick: (p: TProcedureUsage) => number | null) =>
    procedures.reduce<{ ms: number; path: string } | null>((best, p) => {
      const ms = pick(p);
      return ms !== null && (best === null || ms > best.ms) ? { ms, path: p.path } : best;
    }, null);

  return {
    weeks: weeks.map((w) => w.key),
    procedures,
    totals: {
      calls: procedures.reduce((sum, p) => sum + p.calls, 0),
      errors: errors.reduce((sum, e) => sum + e.count, 0),
      distinctUsers: stored.totalUsers,
    },
    errors,
    concurrentUsers: { windowMinutes: input.windowMinutes, days, max },
    completedDispatches: stored.completedDispatches,
    thresholds: buildThresholds({
      completedDispatches: stored.completedDispatches,
      worstP95: worst((p) => p.p95Ms),
      slowest: worst((p) => p.maxMs),
      peakUsers: max,
    }),
  };
}
