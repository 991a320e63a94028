import { integerSetting, setting } from '../environment';

/**
 * The reports benchmark's settings (read through ../environment.ts).
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
  return {
    databaseUrl: setting('BENCH_DATABASE_URL'),
    runs: integerSetting('REPORTS_BENCH_RUNS', 9, 1),
  };
}
