/** Durations as people read them: "3.2 ms", "250 ms", "5 s", "6.3 s". */
export function formatMs(ms: number | null): string {
  if (ms === null) return '–';
  if (ms >= 1000) return `${Number((ms / 1000).toFixed(ms >= 10_000 ? 0 : 1))} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

/** A share 0..1 as a percentage; small non-zero shares stay visible ("< 0.1 %"). */
export function formatShare(share: number | null): string {
  if (share === null) return '–';
  if (share > 0 && share < 0.001) return '< 0.1 %';
  return `${(share * 100).toFixed(share >= 0.1 || share === 0 ? 0 : 1)} %`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** 'YYYY-MM-DD' of a Monday → "week of 23 Nov 2026". */
export function formatWeek(weekStart: string): string {
  return `week of ${formatDay(weekStart)}`;
}

export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** 'YYYY-MM-DD' → "25 Nov", for chart axes. */
export function formatShortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
