/**
 * The perf harnesses' one reader of the process environment. Each harness's `config.ts` says which
 * settings it takes and validates them through these.
 */

/** A setting's value; empty counts as not set. */
export function setting(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** An integer setting of at least `min`, or `fallback` when not set; anything else throws. */
export function integerSetting(name: string, fallback: number, min: number): number {
  const raw = setting(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** The environment a child process inherits (PATH and the like), before its own settings. */
export function inheritedEnvironment(): Record<string, string | undefined> {
  return { ...process.env };
}
