import { describe, expect, it } from 'vitest';
import { buildThresholds, thresholdStatus } from './thresholds';

describe('deployment thresholds', () => {
  it('approach from 80 % of the limit; counts reach it at the limit, times only above it', () => {
    expect(thresholdStatus(399, 500, 'limit')).toBe('ok');
    expect(thresholdStatus(400, 500, 'limit')).toBe('approaching');
    expect(thresholdStatus(499, 500, 'limit')).toBe('approaching');
    expect(thresholdStatus(500, 500, 'limit')).toBe('exceeded');
    expect(thresholdStatus(3999, 5000, 'above')).toBe('ok');
    expect(thresholdStatus(4000, 5000, 'above')).toBe('approaching');
    expect(thresholdStatus(5000, 5000, 'above')).toBe('approaching');
    expect(thresholdStatus(5000.01, 5000, 'above')).toBe('exceeded');
  });

  it('name what each figure refers to, and are ok with no data at all', () => {
    const thresholds = buildThresholds({
      completedDispatches: 512,
      worstP95: { ms: 4000, path: 'reports.completion' },
      slowest: { ms: 6300, path: 'imports.equipment' },
      peakUsers: { users: 79, day: '2026-11-24' },
    });
    expect(thresholds.map((t) => [t.key, t.value, t.limit, t.status, t.detail])).toEqual([
      ['completed_dispatches', 512, 500, 'exceeded', null],
      ['p95_response', 4000, 5000, 'approaching', 'reports.completion'],
      ['slowest_response', 6300, 5000, 'exceeded', 'imports.equipment'],
      ['concurrent_users', 79, 100, 'ok', '2026-11-24'],
    ]);
    const empty = buildThresholds({
      completedDispatches: 0,
      worstP95: null,
      slowest: null,
      peakUsers: null,
    });
    expect(empty.map((t) => [t.value, t.status])).toEqual([
      [0, 'ok'],
      [0, 'ok'],
      [0, 'ok'],
      [0, 'ok'],
    ]);
  });
});
