import dayjs from 'dayjs';
import { formatCount } from './format';

/** A waiting time in words a dispatcher reads at a glance: "45 s", "12 min", "2 h 5 min", "3 d 4 h". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  // Only the days can grow past three digits.
  return hours % 24 ? `${formatCount(days)} d ${hours % 24} h` : `${formatCount(days)} d`;
}

/** Time elapsed since a moment, as `formatDuration`. */
export const durationSince = (date: Date, now: number = Date.now()) =>
  formatDuration((now - date.getTime()) / 1000);

/** Full date and time, e.g. "3 Mar 2025, 14:05". */
export const formatDateTime = (date: Date) => dayjs(date).format('D MMM YYYY, HH:mm');

/** Today only the time, otherwise the day too: for lists of recent things. */
export function formatShortTime(date: Date): string {
  const d = dayjs(date);
  return d.isSame(dayjs(), 'day') ? d.format('HH:mm') : d.format('D MMM, HH:mm');
}
