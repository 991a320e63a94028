import dayjs from 'dayjs';

/*
 * How the app writes numbers, shares, durations and calendar days: one locale and one "no value"
 * mark everywhere. British English, as the app's words ("utilisation") and its dates ("3 Mar 2025")
 * already are; `en-GB` groups thousands with a comma and uses a decimal point.
 */
const LOCALE = 'en-GB';

/** What a cell shows when there is no figure: no share of nothing, nothing measured. */
export const NO_VALUE = '—';

const whole = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const upToOneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });
const oneDecimal = new Intl.NumberFormat(LOCALE, {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** A count with a thousands separator: "1,234". */
export const formatCount = (n: number) => whole.format(n);

/** A count and its noun: "1 call", "1,234 calls". */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** Hours with one decimal and a thousands separator: "1,234.5 h". */
export const formatHours = (hours: number) => `${oneDecimal.format(hours)} h`;

/** A 0..1 share as a percentage with one decimal, for figures a reader checks: "20.8 %". */
export const formatShare = (share: number | null) =>
  share === null ? NO_VALUE : `${oneDecimal.format(share * 100)} %`;

/**
 * A 0..1 share read at a glance: whole percent from 10 %, one decimal below, and small non-zero
 * shares stay visible ("< 0.1 %").
 */
export function formatShareAtGlance(share: number | null): string {
  if (share === null) return NO_VALUE;
  if (share > 0 && share < 0.001) return '< 0.1 %';
  return `${(share >= 0.1 || share === 0 ? whole : oneDecimal).format(share * 100)} %`;
}

/** A percentage already on the 0..100 scale (chart values, a bar's fill): "82.4 %", "126 %". */
export const formatPercent = (percent: number) => `${upToOneDecimal.format(percent)} %`;

/** A 0..1 share as a 0..100 chart value with one decimal; no share charts as 0. */
export const toPercent = (share: number | null) =>
  share === null ? 0 : Math.round(share * 1000) / 10;

/** Durations as people read them: "3.2 ms", "250 ms", "5 s", "6.3 s". */
export function formatMs(ms: number | null): string {
  if (ms === null) return NO_VALUE;
  if (ms >= 1000) return `${(ms >= 10_000 ? whole : upToOneDecimal).format(ms / 1000)} s`;
  if (ms >= 10) return `${whole.format(ms)} ms`;
  return `${oneDecimal.format(ms)} ms`;
}

/** Seconds as minutes for response times: "12 min", "1,440 min"; a dash when nothing was measured. */
export const formatMinutes = (seconds: number | null) =>
  seconds === null ? NO_VALUE : `${formatCount(Math.round(seconds / 60))} min`;

/** Seconds to minutes with one decimal, for chart values. */
export const toMinutes = (seconds: number | null) =>
  seconds === null ? null : Math.round(seconds / 6) / 10;

/** A chart's minutes value (from `toMinutes`): "12.5 min". */
export const formatChartMinutes = (minutes: number) => `${upToOneDecimal.format(minutes)} min`;

/** 'YYYY-MM-DD' (a UTC day) → "24 Nov 2026". */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(LOCALE, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** 'YYYY-MM-DD' (a UTC day) → "25 Nov", for chart axes. */
export function formatShortDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(LOCALE, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** 'YYYY-MM-DD' of a Monday → "week of 23 Nov 2026". */
export function formatWeek(weekStart: string): string {
  return `week of ${formatDay(weekStart)}`;
}

/** A bucket's start in the person's local time: "3 Mar" for days, "Wk 3 Mar" for weeks. */
export function bucketLabel(start: Date, groupBy: 'day' | 'week') {
  const label = dayjs(start).format('D MMM');
  return groupBy === 'week' ? `Wk ${label}` : label;
}
