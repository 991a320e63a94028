import { describe, expect, it } from 'vitest';
import { lastUtcWeeks, utcDateKey, utcWeekOf } from './calendar';

const at = (iso: string) => new Date(iso).getTime();

describe('UTC weeks and days', () => {
  it('start weeks on Monday 00:00 UTC', () => {
    expect(utcWeekOf(at('2026-11-25T15:00:00Z'))).toEqual({
      key: '2026-11-23',
      startMs: at('2026-11-23T00:00:00Z'),
      endMs: at('2026-11-30T00:00:00Z'),
    });
    expect(utcWeekOf(at('2026-11-23T00:00:00Z')).key).toBe('2026-11-23');
    expect(utcWeekOf(at('2026-11-29T23:59:59.999Z')).key).toBe('2026-11-23');
    expect(utcWeekOf(at('2026-11-30T00:00:00Z')).key).toBe('2026-11-30');
  });

  it('ignore local time: Monday 01:00 in Berlin is still the previous UTC week', () => {
    expect(utcWeekOf(at('2026-11-30T01:00:00+01:00')).key).toBe('2026-11-30');
    expect(utcWeekOf(at('2026-11-30T00:30:00+01:00')).key).toBe('2026-11-23');
    expect(utcDateKey(at('2026-11-30T00:30:00+01:00'))).toBe('2026-11-29');
  });

  it('cross the year as ISO weeks do', () => {
    expect(utcWeekOf(at('2027-01-01T12:00:00Z')).key).toBe('2026-12-28');
    expect(utcWeekOf(at('2024-02-29T12:00:00Z')).key).toBe('2024-02-26');
    expect(utcWeekOf(at('1970-01-01T00:00:00Z')).key).toBe('1969-12-29');
  });

  it('list the last n weeks, oldest first, ending with the current one', () => {
    expect(lastUtcWeeks(at('2026-11-25T15:00:00Z'), 3).map((w) => w.key)).toEqual([
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
    ]);
    expect(lastUtcWeeks(at('2026-01-07T00:00:00Z'), 2).map((w) => w.key)).toEqual([
      '2025-12-29',
      '2026-01-05',
    ]);
  });
});
