import { utcDateKey } from './calendar';
import { HISTOGRAM_BUCKETS } from './histogram';

/** One procedure in one week, since the last flush. */
export interface TProcedureTally {
  calls: number;
  maxMs: number;
  histogram: Uint32Array;
  /** Failed calls by `CODE/REASON` (reason may be empty); null until the first failure. */
  errors: Map<string, number> | null;
  users: Set<string>;
}

/** Everything counted since the last successful flush. */
export interface TTallies {
  /** Week key ('YYYY-MM-DD' of the Monday) → procedure path → tally. */
  weeks: Map<string, Map<string, TProcedureTally>>;
  /** Subject → time of their latest call (ms). */
  presence: Map<string, number>;
  /** Calls recorded; zero means there is nothing to write. */
  calls: number;
}

export function emptyTallies(): TTallies {
  return { weeks: new Map(), presence: new Map(), calls: 0 };
}

export function newProcedureTally(): TProcedureTally {
  return {
    calls: 0,
    maxMs: 0,
    histogram: new Uint32Array(HISTOGRAM_BUCKETS),
    errors: null,
    users: new Set(),
  };
}

export function errorKey(code: string, reason: string | null): string {
  return reason ? `${code}/${reason}` : code;
}

/** Adds `from` (a batch whose flush failed) into `into` (what was counted since). */
export function mergeTallies(into: TTallies, from: TTallies): void {
  for (const [week, procedures] of from.weeks) {
    let target = into.weeks.get(week);
    if (!target) into.weeks.set(week, (target = new Map()));
    for (const [path, tally] of procedures) {
      const existing = target.get(path);
      if (!existing) {
        target.set(path, tally);
        continue;
      }
      existing.calls += tally.calls;
      existing.maxMs = Math.max(existing.maxMs, tally.maxMs);
      for (let i = 0; i < HISTOGRAM_BUCKETS; i++) {
        existing.histogram[i] = (existing.histogram[i] ?? 0) + (tally.histogram[i] ?? 0);
      }
      for (const [key, count] of tally.errors ?? []) {
        existing.errors ??= new Map();
        existing.errors.set(key, (existing.errors.get(key) ?? 0) + count);
      }
      for (const subject of tally.users) existing.users.add(subject);
    }
  }
  for (const [subject, seenMs] of from.presence) {
    if (seenMs > (into.presence.get(subject) ?? -Infinity)) into.presence.set(subject, seenMs);
  }
  into.calls += from.calls;
}

/**
 * The flush statement's one parameter: rows for each usage table, and the concurrent-users sample
 * (the UTC day and instant of the flush, and the start of the trailing window).
 */
export function buildFlushPayload(tallies: TTallies, nowMs: number, windowMs: number): string {
  const weeks: unknown[] = [];
  const errors: unknown[] = [];
  const users: unknown[] = [];
  for (const [week, procedures] of tallies.weeks) {
    for (const [procedure, tally] of procedures) {
      weeks.push({
        week_start: week,
        procedure,
        calls: tally.calls,
        max_ms: tally.maxMs,
        histogram: Array.from(tally.histogram),
      });
      for (const [key, count] of tally.errors ?? []) {
        const slash = key.indexOf('/');
        const code = slash < 0 ? key : key.slice(0, slash);
        const reason = slash < 0 ? '' : key.slice(slash + 1);
        errors.push({ week_start: week, procedure, code, reason, count });
      }
      for (const subject of tally.users) users.push({ week_start: week, procedure, subject });
    }
  }
  const presence = Array.from(tallies.presence, ([subject, seenMs]) => ({
    subject,
    last_seen_at: new Date(seenMs).toISOString(),
  }));
  const sample = {
    day: utcDateKey(nowMs),
    at: new Date(nowMs).toISOString(),
    since: new Date(nowMs - windowMs).toISOString(),
  };
  return JSON.stringify({ weeks, errors, users, presence, sample });
}
