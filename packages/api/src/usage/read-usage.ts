import { type Executor, schema } from '@dispatch/db';
import { and, count, countDistinct, eq, gte, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

const { usageProcedureWeeks, usageProcedureUsers, usageErrors, usageDailyPeaks, dispatches } =
  schema;

/** The stored usage statistics of the weeks in [fromWeek, toWeek) (week keys 'YYYY-MM-DD'). */
export interface TStoredUsage {
  weekRows: {
    weekStart: string;
    procedure: string;
    calls: number;
    maxMs: number;
    histogram: number[];
  }[];
  weeklyUsers: { weekStart: string; procedure: string; users: number }[];
  periodUsers: { procedure: string; users: number }[];
  totalUsers: number;
  errorRows: { procedure: string; code: string; reason: string; count: number }[];
  peaks: { day: string; peakUsers: number; peakAt: Date }[];
  completedDispatches: number;
}

/**
 * Reads the statistics with a handful of aggregates, each served by the tables' primary keys,
 * which start with the week (or day). Completed dispatches are counted to date, not per period.
 */
export async function readStoredUsage(
  db: Executor,
  period: { fromWeek: string; toWeek: string },
): Promise<TStoredUsage> {
  const inWeeks = (column: AnyPgColumn) =>
    and(gte(column, period.fromWeek), lt(column, period.toWeek));
  const [weekRows, weeklyUsers, periodUsers, totalUsers, errorRows, peaks, completed] =
    await Promise.all([
      db
        .select({
          weekStart: usageProcedureWeeks.weekStart,
          procedure: usageProcedureWeeks.procedure,
          calls: usageProcedureWeeks.calls,
          maxMs: usageProcedureWeeks.maxMs,
          histogram: usageProcedureWeeks.histogram,
        })
        .from(usageProcedureWeeks)
        .where(inWeeks(usageProcedureWeeks.weekStart)),
      db
        .select({
          weekStart: usageProcedureUsers.weekStart,
          procedure: usageProcedureUsers.procedure,
          users: count(),
        })
        .from(usageProcedureUsers)
        .where(inWeeks(usageProcedureUsers.weekStart))
        .groupBy(usageProcedureUsers.weekStart, usageProcedureUsers.procedure),
      db
        .select({
          procedure: usageProcedureUsers.procedure,
          users: countDistinct(usageProcedureUsers.subject),
        })
        .from(usageProcedureUsers)
        .where(inWeeks(usageProcedureUsers.weekStart))
        .groupBy(usageProcedureUsers.procedure),
      db
        .select({ users: countDistinct(usageProcedureUsers.subject) })
        .from(usageProcedureUsers)
        .where(inWeeks(usageProcedureUsers.weekStart)),
      db
        .select({
          procedure: usageErrors.procedure,
          code: usageErrors.code,
          reason: usageErrors.reason,
          count: sql<number>`sum(${usageErrors.count})::bigint`.mapWith(Number),
        })
        .from(usageErrors)
        .where(inWeeks(usageErrors.weekStart))
        .groupBy(usageErrors.procedure, usageErrors.code, usageErrors.reason),
      db
        .select({
          day: usageDailyPeaks.day,
          peakUsers: usageDailyPeaks.peakUsers,
          peakAt: usageDailyPeaks.peakAt,
        })
        .from(usageDailyPeaks)
        .where(
          and(gte(usageDailyPeaks.day, period.fromWeek), lt(usageDailyPeaks.day, period.toWeek)),
        )
        .orderBy(usageDailyPeaks.day),
      db.select({ n: count() }).from(dispatches).where(eq(dispatches.outcome, 'completed')),
    ]);
  return {
    weekRows,
    weeklyUsers,
    periodUsers,
    totalUsers: totalUsers[0]?.users ?? 0,
    errorRows,
    peaks,
    completedDispatches: completed[0]?.n ?? 0,
  };
}
