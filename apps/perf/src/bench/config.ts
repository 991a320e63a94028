import { integerSetting, setting } from '../environment';
/**
 * The benchmark's settings (read through ../environment.ts).
 *
 * - BENCH_DATABASE_URL: a superuser connection to a PostgreSQL server; the run creates a fresh
 *   database on it and drops it afterwards. Without it, an embedded PostgreSQL is started in a
 *   temporary directory.
 * - BENCH_SECONDS: how long each scenario is measured (default 10).
 * - BENCH_MIXED_SECONDS: how long the mixed run lasts (default 60; 0 skips it).
 * - BENCH_ONLY: a comma-separated subset of the scenarios (equipment, summary, assign, mixed) for
 *   working on one of them; the baselines each needs still run. Default: all.
 * - BENCH_CPU_PROFILE_DIR: when set, the server runs with `--cpu-prof` and writes its V8 CPU
 *   profile there on exit (open it in Chrome DevTools or speedscope).
 */
export interface TBenchConfig {
  databaseUrl: string | undefined;
  seconds: number;
  mixedSeconds: number;
  only: ReadonlySet<TScenarioName>;
  cpuProfileDir: string | undefined;
}

export const SCENARIO_NAMES = ['equipment', 'summary', 'assign', 'mixed'] as const;
export type TScenarioName = (typeof SCENARIO_NAMES)[number];

function scenarioSet(raw: string | undefined): ReadonlySet<TScenarioName> {
  if (raw === undefined || raw.trim() === '') return new Set(SCENARIO_NAMES);
  const names = raw.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(SCENARIO_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new Error(`BENCH_ONLY: unknown ${unknown.join(', ')}; use ${SCENARIO_NAMES.join(', ')}`);
  }
  return new Set(names as TScenarioName[]);
}

export function loadBenchConfig(): TBenchConfig {
  return {
    databaseUrl: setting('BENCH_DATABASE_URL'),
    seconds: integerSetting('BENCH_SECONDS', 10, 1),
    mixedSeconds: integerSetting('BENCH_MIXED_SECONDS', 60, 0),
    only: scenarioSet(setting('BENCH_ONLY')),
    cpuProfileDir: setting('BENCH_CPU_PROFILE_DIR'),
  };
}
