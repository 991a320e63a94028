import dayjs from 'dayjs';

const oneDecimal = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** Hours with one decimal and a thousands separator: "1,234.5 h". */
export const formatHours = (hours: number) => `${oneDecimal.format(hours)} h`;

/** A 0..1 share as a percentage with one decimal; a dash for a share of nothing. */
export const formatShare = (share: number | null) =>
  share === null ? '—' : `${oneDecimal.format(share * 100)} %`;

/** Seconds as minutes for response times: "12 min", "1,440 min"; a dash when nothing was measured. */
export const formatMinutes = (seconds: number | null) =>
  seconds === null ? '—' : `${whole.format(Math.round(seconds / 60))} min`;

/** Seconds to minutes with one decimal, for chart values. */
export const toMinutes = (seconds: number | null) =>
  seconds === null ? null : Math.round(seconds / 6) / 10;

/** A bucket's start in the person's local time: "3 Mar" for days, "Wk 3 Mar" for weeks. */
export function bucketLabel(start: Date, groupBy: 'day' | 'week') {
  const label = dayjs(start).format('D MMM');
  return groupBy === 'week' ? `Wk ${label}` : label;
}
