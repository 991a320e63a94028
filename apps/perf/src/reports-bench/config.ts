/**
 * The reports benchmark's one reader of the environment.
 *
 * - BENCH_DATABASE_URL: a superuser connection to a PostgreSQL server; the run creates a fresh
 *   database on it and drops it afterwards. Without it, an embedded PostgreSQL is started in a
 *   temporary directory (as `pnpm bench` does).
 * - REPORTS_BENCH_RUNS: timed runs per report after one warm-up run (default 9).
 */
export interface TReportsBenchConfig {
  databaseUrl: string | undefined;
  runs: number;
}

export function loadReportsBenchConfig(): TReportsBenchConfig {
  const raw = process.env.REPORTS_BENCH_RUNS;
  const runs = raw === undefined || raw === '' ? 9 : Number(raw);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`REPORTS_BENCH_RUNS must be an integer >= 1, got ${JSON.stringify(raw)}`);
  }
  return { databaseUrl: process.env.BENCH_DATABASE_URL || undefined, runs };
}
