import dayjs, { type Dayjs } from 'dayjs';

/** A report's days as the date picker holds them: first and last local day, inclusive. */
export type TDayRange = [string, string];

const DAY = 'YYYY-MM-DD';

export const DATE_PRESETS = [
  { id: 'last7', label: 'Last 7 days' },
  { id: 'last30', label: 'Last 30 days' },
  { id: 'thisMonth', label: 'This month' },
  { id: 'lastQuarter', label: 'Last quarter' },
] as const;
export type TDatePreset = (typeof DATE_PRESETS)[number]['id'];

/** The days of a preset, counted in the browser's local calendar from `today`. */
export function presetRange(preset: TDatePreset, today: Date | Dayjs = dayjs()): TDayRange {
  const day = dayjs(today).startOf('day');
  const range = (first: Dayjs, last: Dayjs): TDayRange => [first.format(DAY), last.format(DAY)];
  switch (preset) {
    case 'last7':
      return range(day.subtract(6, 'day'), day);
    case 'last30':
      return range(day.subtract(29, 'day'), day);
    case 'thisMonth':
      return range(day.startOf('month'), day);
    case 'lastQuarter': {
      // Calendar quarters: Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec.
      const thisQuarter = day.startOf('month').month(Math.floor(day.month() / 3) * 3);
      const first = thisQuarter.subtract(3, 'month');
      return range(first, thisQuarter.subtract(1, 'day'));
    }
  }
}

/**
 * The instants the API is asked about: local midnight of the first day to local midnight after the
 * last (exclusive), so "the 3rd" means the 3rd where the person is, DST days included.
 */
export function windowOf(range: TDayRange): { from: Date; to: Date } {
  return {
    from: dayjs(range[0]).startOf('day').toDate(),
    to: dayjs(range[1]).startOf('day').add(1, 'day').toDate(),
  };
}

/** Whole local days in a range, for the "day buckets are limited" hint. */
export const daysIn = (range: TDayRange) => dayjs(range[1]).diff(dayjs(range[0]), 'day') + 1;

/** The browser's IANA time zone, so day buckets are the person's days. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
