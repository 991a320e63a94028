import { inheritedEnvironment, integerSetting, setting } from '../environment';

/**
 * The chaos run's settings (read through ../environment.ts).
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

export function loadChaosConfig(): TChaosConfig {
  return {
    databaseUrl: setting('CHAOS_DATABASE_URL'),
    kills: integerSetting('CHAOS_KILLS', 10, 0),
    seconds: integerSetting('CHAOS_SECONDS', 60, 5),
    workers: integerSetting('CHAOS_WORKERS', 8, 1),
  };
}

/** The environment the server child inherits (PATH and the like), before its own settings. */
export function inheritedEnv(): Record<string, string | undefined> {
  return inheritedEnvironment();
}
