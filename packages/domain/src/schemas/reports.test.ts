import { afterEach, describe, expect, it, vi } from 'vitest';
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

describe('report input bounds', () => {
  const issues = (result: { success: boolean; error?: z.ZodError }) => {
    expect(result.success).toBe(false);
    return result.error?.issues.map(({ code, path, message }) => ({ code, path, message }));
  };

  it('takes instants from 2000-01-01 up to and including 2100-01-01 (UTC)', () => {
    const earliest = new Date('2000-01-01T00:00:00Z');
    const latest = new Date('2100-01-01T00:00:00Z');
    const day = 86_400_000;
    expect(
      ZUtilizationReportSchema.parse({ from: earliest, to: new Date(earliest.getTime() + day) })
        .from,
    ).toEqual(earliest);
    expect(
      ZUtilizationReportSchema.parse({ from: new Date(latest.getTime() - day), to: latest }).to,
    ).toEqual(latest);
    expect(
      issues(
        ZUtilizationReportSchema.safeParse({
          from: new Date(earliest.getTime() - 1),
          to: earliest,
        }),
      ),
    ).toEqual([
      { code: 'too_small', path: ['from'], message: 'Must be in the year 2000 or later.' },
    ]);
    expect(
      issues(
        ZUtilizationReportSchema.safeParse({ from: latest, to: new Date(latest.getTime() + 1) }),
      ),
    ).toEqual([{ code: 'too_big', path: ['to'], message: 'Must be before the year 2100.' }]);
  });

  it('reports only the bad bound, not also the window it makes', () => {
    // 2026 to 2101 is also far longer than 1,100 days; the bound's message is the only one.
    expect(
      issues(ZUtilizationReportSchema.safeParse({ from, to: '2101-01-01T00:00:00Z' })),
    ).toEqual([{ code: 'too_big', path: ['to'], message: 'Must be before the year 2100.' }]);
    expect(
      issues(
        ZCompletionReportSchema.safeParse({ from: '1999-01-01T00:00:00Z', to, groupBy: 'day' }),
      ),
    ).toEqual([
      { code: 'too_small', path: ['from'], message: 'Must be in the year 2000 or later.' },
    ]);
  });

  it('raises window problems as custom issues on `to`, with the grouping in the message', () => {
    const start = new Date('2025-01-01T00:00:00Z');
    const after = (ms: number) => new Date(start.getTime() + ms);
    const days = (n: number) => n * 86_400_000;
    expect(issues(ZUtilizationReportSchema.safeParse({ from: start, to: start }))).toEqual([
      { code: 'custom', path: ['to'], message: 'Must be after the start (from).' },
    ]);
    expect(ZUtilizationReportSchema.safeParse({ from: start, to: after(1) }).success).toBe(true);
    expect(ZUtilizationReportSchema.safeParse({ from: start, to: after(days(1100)) }).success).toBe(
      true,
    );
    expect(
      issues(ZUtilizationReportSchema.safeParse({ from: start, to: after(days(1100) + 1) })),
    ).toEqual([{ code: 'custom', path: ['to'], message: 'Choose a window of at most 1100 days.' }]);
    expect(
      ZCompletionReportSchema.safeParse({ from: start, to: after(days(400)), groupBy: 'day' })
        .success,
    ).toBe(true);
    expect(
      issues(
        ZCompletionReportSchema.safeParse({
          from: start,
          to: after(days(400) + 1),
          groupBy: 'day',
        }),
      ),
    ).toEqual([
      {
        code: 'custom',
        path: ['to'],
        message: 'Choose a window of at most 400 days when grouping by day.',
      },
    ]);
    expect(
      issues(
        ZCompletionReportSchema.safeParse({
          from: start,
          to: after(days(1100) + 1),
          groupBy: 'week',
        }),
      ),
    ).toEqual([
      {
        code: 'custom',
        path: ['to'],
        message: 'Choose a window of at most 1100 days when grouping by week.',
      },
    ]);
  });
});

describe('time zone names', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** Stands in for a runtime that takes every name and resolves it to `resolved`. */
  function runtimeResolvingTo(resolved: string) {
    class FakeDateTimeFormat {
      resolvedOptions() {
        return { timeZone: resolved };
      }
    }
    vi.stubGlobal(
      'Intl',
      Object.assign(Object.create(Intl), { DateTimeFormat: FakeDateTimeFormat }),
    );
  }

  it('trims, then allows at most 64 characters', () => {
    expect(ZTimeZoneSchema.parse('  Europe/Berlin  ')).toBe('Europe/Berlin');
    const result = ZTimeZoneSchema.safeParse('x'.repeat(65));
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([
      'Use at most 64 characters.',
    ]);
    const unknown = ZTimeZoneSchema.safeParse(` ${'x'.repeat(64)} `);
    expect(unknown.error?.issues.map(({ code, message }) => ({ code, message }))).toEqual([
      {
        code: 'custom',
        message: 'Unknown time zone; use an IANA name such as Europe/Berlin or UTC.',
      },
    ]);
  });

  it('refuses names that are not IANA-shaped, even if the runtime would take them', () => {
    runtimeResolvingTo('UTC');
    expect(canonicalTimeZone('Etc/UTC')).toBe('UTC');
    for (const name of [
      '+01:00',
      '-01:00',
      '+UTC',
      '1UTC',
      '/UTC',
      'UTC:01',
      'UTC ',
      ' UTC',
      'UTC\n',
      'Ut c',
    ]) {
      expect(canonicalTimeZone(name), JSON.stringify(name)).toBeNull();
    }
  });

  it('refuses what the runtime resolves a name to unless it is IANA-shaped', () => {
    for (const resolved of ['+01:00', '+UTC', 'UTC:00', ' UTC', 'UTC ', '', 'Etc/GMT+1 ']) {
      runtimeResolvingTo(resolved);
      expect(canonicalTimeZone('Etc/UTC'), JSON.stringify(resolved)).toBeNull();
    }
    for (const resolved of ['UTC', 'Etc/GMT+1', 'Etc/GMT-14', 'America/Port-au-Prince', 'z']) {
      runtimeResolvingTo(resolved);
      expect(canonicalTimeZone('Etc/UTC')).toBe(resolved);
    }
  });
});
