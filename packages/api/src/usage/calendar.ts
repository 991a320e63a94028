const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/**
 * Usage is counted per ISO week starting Monday 00:00 UTC, and peaks per UTC day, whatever the
 * server's or the admin's time zone, so every process puts a call in the same row.
 */
export interface TUtcWeek {
  /** 'YYYY-MM-DD' of the Monday, the `week_start` column. */
  key: string;
  startMs: number;
  endMs: number;
}

/** The ISO week (Monday 00:00 UTC to the next Monday) holding the instant `ms`. */
export function utcWeekOf(ms: number): TUtcWeek {
  const day = Math.floor(ms / DAY_MS);
  // Day 0 (1970-01-01) was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  const startMs = (day - ((((day + 3) % 7) + 7) % 7)) * DAY_MS;
  return { key: utcDateKey(startMs), startMs, endMs: startMs + WEEK_MS };
}

/** 'YYYY-MM-DD' of the UTC day holding the instant `ms`. */
export function utcDateKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The Mondays of the last `weeks` ISO weeks up to and including the one holding `ms`, oldest first. */
export function lastUtcWeeks(ms: number, weeks: number): TUtcWeek[] {
  const current = utcWeekOf(ms);
  return Array.from({ length: weeks }, (_, i) => {
    const startMs = current.startMs - (weeks - 1 - i) * WEEK_MS;
    return { key: utcDateKey(startMs), startMs, endMs: startMs + WEEK_MS };
  });
}

export { DAY_MS };
