import { afterAll, describe, expect, it } from 'vitest';
import { completionCsvHref, utilizationCsvHref } from './csv-links';
import { daysIn, presetRange, windowOf } from './date-presets';

// The presets count local days, so fix the zone before any date is made: Berlin has a 23-hour
// day on 29 March 2026.
const savedTimeZone = process.env.TZ;
process.env.TZ = 'Europe/Berlin';
afterAll(() => {
  if (savedTimeZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedTimeZone;
});

describe('presetRange', () => {
  const today = new Date(2026, 4, 14, 23, 30); // 14 May 2026, late evening local time

  it('counts the last 7 and 30 days including today', () => {
    expect(presetRange('last7', today)).toEqual(['2026-05-08', '2026-05-14']);
    expect(presetRange('last30', today)).toEqual(['2026-04-15', '2026-05-14']);
    expect(daysIn(presetRange('last7', today))).toBe(7);
    expect(daysIn(presetRange('last30', today))).toBe(30);
  });

  it('starts this month on the 1st and ends it today', () => {
    expect(presetRange('thisMonth', today)).toEqual(['2026-05-01', '2026-05-14']);
    expect(presetRange('thisMonth', new Date(2026, 4, 1, 0, 5))).toEqual([
      '2026-05-01',
      '2026-05-01',
    ]);
  });

  it('takes the previous calendar quarter, across a year end too', () => {
    expect(presetRange('lastQuarter', today)).toEqual(['2026-01-01', '2026-03-31']);
    expect(presetRange('lastQuarter', new Date(2026, 0, 10))).toEqual(['2025-10-01', '2025-12-31']);
    expect(presetRange('lastQuarter', new Date(2026, 2, 31))).toEqual(['2025-10-01', '2025-12-31']);
    expect(presetRange('lastQuarter', new Date(2026, 11, 31))).toEqual([
      '2026-07-01',
      '2026-09-30',
    ]);
  });
});

describe('windowOf', () => {
  it('runs from local midnight of the first day to local midnight after the last', () => {
    expect(windowOf(['2026-05-08', '2026-05-14'])).toEqual({
      from: new Date('2026-05-07T22:00:00Z'),
      to: new Date('2026-05-14T22:00:00Z'),
    });
  });

  it('keeps a daylight-saving day at its real length (23 hours in spring)', () => {
    const { from, to } = windowOf(['2026-03-29', '2026-03-29']);
    expect(from).toEqual(new Date('2026-03-28T23:00:00Z'));
    expect(to).toEqual(new Date('2026-03-29T22:00:00Z'));
    expect((to.getTime() - from.getTime()) / 3_600_000).toBe(23);
  });
});

describe('CSV links', () => {
  it('ask the export routes for exactly the shown window, grouping and zone', () => {
    const span = windowOf(['2026-03-29', '2026-03-30']);
    expect(completionCsvHref({ ...span, groupBy: 'week', timeZone: 'Europe/Berlin' })).toBe(
      '/export/completion.csv?from=2026-03-28T23%3A00%3A00.000Z&to=2026-03-30T22%3A00%3A00.000Z' +
        '&groupBy=week&timeZone=Europe%2FBerlin',
    );
    expect(utilizationCsvHref(span)).toBe(
      '/export/utilization.csv?from=2026-03-28T23%3A00%3A00.000Z&to=2026-03-30T22%3A00%3A00.000Z',
    );
  });
});
