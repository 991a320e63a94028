import { describe, expect, it } from 'vitest';
import {
  NO_VALUE,
  bucketLabel,
  formatChartMinutes,
  formatCount,
  formatDay,
  formatHours,
  formatMinutes,
  formatMs,
  formatPercent,
  formatShare,
  formatShareAtGlance,
  formatShortDay,
  formatWeek,
  plural,
  toMinutes,
  toPercent,
} from './format';

describe('format', () => {
  it('writes counts with a thousands comma, whatever the browser’s locale', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(plural(1, 'call', 'calls')).toBe('1 call');
    expect(plural(1234, 'call', 'calls')).toBe('1,234 calls');
  });

  it('uses one mark for "no value" everywhere', () => {
    expect(NO_VALUE).toBe('—');
    expect([
      formatShare(null),
      formatShareAtGlance(null),
      formatMs(null),
      formatMinutes(null),
    ]).toEqual([NO_VALUE, NO_VALUE, NO_VALUE, NO_VALUE]);
  });

  it('writes shares exactly for reports and at a glance for usage tables', () => {
    expect(formatShare(0.208333)).toBe('20.8 %');
    expect(formatShare(0.5)).toBe('50.0 %');
    expect(formatShare(0)).toBe('0.0 %');
    expect(formatShareAtGlance(0.5)).toBe('50 %');
    expect(formatShareAtGlance(0.045)).toBe('4.5 %');
    expect(formatShareAtGlance(0)).toBe('0 %');
    expect(formatShareAtGlance(0.0004)).toBe('< 0.1 %');
    expect(formatPercent(82.4)).toBe('82.4 %');
    expect(formatPercent(126)).toBe('126 %');
    expect(toPercent(0.2083)).toBe(20.8);
    expect(toPercent(null)).toBe(0);
  });

  it('writes durations in the unit people read them in', () => {
    expect(formatMs(3.21)).toBe('3.2 ms');
    expect(formatMs(250.4)).toBe('250 ms');
    expect(formatMs(5000)).toBe('5 s');
    expect(formatMs(6300)).toBe('6.3 s');
    expect(formatMs(12_345)).toBe('12 s');
    expect(formatMinutes(750)).toBe('13 min');
    expect(formatMinutes(86_400)).toBe('1,440 min');
    expect(toMinutes(750)).toBe(12.5);
    expect(toMinutes(null)).toBeNull();
    expect(formatChartMinutes(12.5)).toBe('12.5 min');
    expect(formatHours(1234.5)).toBe('1,234.5 h');
    expect(formatHours(0)).toBe('0.0 h');
  });

  it('writes calendar days in British English', () => {
    expect(formatDay('2026-11-24')).toBe('24 Nov 2026');
    expect(formatShortDay('2026-11-24')).toBe('24 Nov');
    expect(formatWeek('2026-11-23')).toBe('week of 23 Nov 2026');
    expect(bucketLabel(new Date(2025, 2, 3), 'day')).toBe('3 Mar');
    expect(bucketLabel(new Date(2025, 2, 3), 'week')).toBe('Wk 3 Mar');
  });
});
