/**
 * The benchmark's one reader of the environment.
 *
 * - BENCH_DATABASE_URL: a superuser connection to a PostgreSQL server; the run creates a fresh
 *   database on it and drops it afterwards. Without it, an embedded PostgreSQL is started in a
 *   temporary directory.
 * - BENCH_SECONDS: how long each scenario is measured (default 10).
 * - BENCH_MIXED_SECONDS: how long the mixed run lasts (default 60; 0 skips it).
 */
export interface TBenchConfig {
  databaseUrl: string | undefined;
  seconds: number;
  mixedSeconds: number;
}

function nonNegativeInt(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

export function loadBenchConfig(): TBenchConfig {
  return {
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
    seconds: nonNegativeInt('BENCH_SECONDS', 10, 1),
    mixedSeconds: nonNegativeInt('BENCH_MIXED_SECONDS', 60, 0),
  };
}
