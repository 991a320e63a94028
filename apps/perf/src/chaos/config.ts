/**
 * The chaos run's one reader of the environment.
 *
 * - CHAOS_DATABASE_URL: a superuser connection to a PostgreSQL server; the run creates a fresh
 *   database on it and drops it afterwards. Without it, an embedded PostgreSQL is started in a
 *   temporary directory.
 * - CHAOS_KILLS: how many times the server is killed with SIGKILL (default 10).
 * - CHAOS_SECONDS: how long the load runs (default 60).
 * - CHAOS_WORKERS: concurrent clients (default 8).
 */
export interface TChaosConfig {
  databaseUrl: string | undefined;
  kills: number;
  seconds: number;
  workers: number;
}

function positiveInt(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

export function loadChaosConfig(): TChaosConfig {
  return {
    databaseUrl: process.env.CHAOS_DATABASE_URL || undefined,
    kills: positiveInt('CHAOS_KILLS', 10, 0),
    seconds: positiveInt('CHAOS_SECONDS', 60, 5),
    workers: positiveInt('CHAOS_WORKERS', 8, 1),
  };
}

/** The environment the server child inherits (PATH and the like), before its own settings. */
export function inheritedEnv(): Record<string, string | undefined> {
  return { ...process.env };
}
