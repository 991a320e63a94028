import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ZCompletionReportSchema,
  ZTimeZoneSchema,
  ZUtilizationReportSchema,
  canonicalTimeZone,
} from './reports';

const from = '2026-03-01T00:00:00Z';
const to = '2026-03-08T00:00:00Z';

function fieldErrors(result: { success: boolean; error?: z.ZodError }) {
  expect(result.success).toBe(false);
  return z.flattenError(result.error as z.ZodError).fieldErrors;
}

describe('report input schemas', () => {
  it('parses ISO strings and Dates, defaulting the time zone to UTC', () => {
    expect(ZCompletionReportSchema.parse({ from, to, groupBy: 'day' })).toEqual({
      from: new Date(from),
      to: new Date(to),
      groupBy: 'day',
      timeZone: 'UTC',
    });
    expect(ZUtilizationReportSchema.parse({ from: new Date(from), to: new Date(to) })).toEqual({
      from: new Date(from),
      to: new Date(to),
    });
  });

  it('canonicalises IANA names and refuses offsets and unknown zones', () => {
    expect(ZTimeZoneSchema.parse(' europe/berlin ')).toBe('Europe/Berlin');
    expect(ZTimeZoneSchema.parse('US/Eastern')).toBe('America/New_York');
    expect(ZTimeZoneSchema.parse('utc')).toBe('UTC');
    for (const bad of ['+01:00', 'Mars/Olympus', '', 'Europe/Berlin; drop table x', 'x'.repeat(65)])
      expect(ZTimeZoneSchema.safeParse(bad).success, bad).toBe(false);
    expect(canonicalTimeZone('Z')).toBeNull();
  });

  it('requires from before to, with a clear message on `to`', () => {
    expect(
      fieldErrors(ZCompletionReportSchema.safeParse({ from, to: from, groupBy: 'day' })),
    ).toEqual({ to: ['Must be after the start (from).'] });
    expect(fieldErrors(ZUtilizationReportSchema.safeParse({ from: to, to: from }))).toEqual({
      to: ['Must be after the start (from).'],
    });
  });

  it('limits the span by grouping: 400 days of days, 1,100 days of weeks', () => {
    const start = new Date('2025-01-01T00:00:00Z');
    const plus = (days: number) => new Date(start.getTime() + days * 86_400_000);
    expect(
      ZCompletionReportSchema.safeParse({ from: start, to: plus(400), groupBy: 'day' }).success,
    ).toBe(true);
    expect(
      fieldErrors(
        ZCompletionReportSchema.safeParse({ from: start, to: plus(401), groupBy: 'day' }),
      ),
    ).toEqual({ to: ['Choose a window of at most 400 days when grouping by day.'] });
    expect(
      ZCompletionReportSchema.safeParse({ from: start, to: plus(401), groupBy: 'week' }).success,
    ).toBe(true);
    expect(
      ZCompletionReportSchema.safeParse({ from: start, to: plus(1101), groupBy: 'week' }).success,
    ).toBe(false);
    expect(ZUtilizationReportSchema.safeParse({ from: start, to: plus(1100) }).success).toBe(true);
    expect(ZUtilizationReportSchema.safeParse({ from: start, to: plus(1101) }).success).toBe(false);
  });

  it('refuses bad groupings, bad dates and coerced nulls', () => {
    expect(fieldErrors(ZCompletionReportSchema.safeParse({ from, to, groupBy: 'month' }))).toEqual({
      groupBy: ['Choose day or week.'],
    });
    expect(
      fieldErrors(ZCompletionReportSchema.safeParse({ from: 'yesterday', to, groupBy: 'day' })),
    ).toEqual({ from: ['Must be a date and time.'] });
    // z.coerce.date turns null into 1970-01-01; the lower bound refuses it.
    expect(fieldErrors(ZUtilizationReportSchema.safeParse({ from: null, to }))).toEqual({
      from: ['Must be in the year 2000 or later.'],
    });
    expect(
      fieldErrors(
        ZCompletionReportSchema.safeParse({ from, to, groupBy: 'day', timeZone: 'Nope/Nope' }),
      ),
    ).toEqual({ timeZone: ['Unknown time zone; use an IANA name such as Europe/Berlin or UTC.'] });
  });
});
