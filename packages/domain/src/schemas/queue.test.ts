import { describe, expect, it } from 'vitest';
import { ZListQueueSchema } from './queue';

describe('queue list input', () => {
  it('defaults to 100 entries, with or without an input object', () => {
    expect(ZListQueueSchema.parse(undefined)).toEqual({ limit: 100 });
    expect(ZListQueueSchema.parse({})).toEqual({ limit: 100 });
  });

  it('takes a whole limit from 1 to 500', () => {
    for (const limit of [1, 250, 500]) expect(ZListQueueSchema.parse({ limit })).toEqual({ limit });
    for (const limit of [0, 501, 2.5, '10']) {
      expect(ZListQueueSchema.safeParse({ limit }).success, String(limit)).toBe(false);
    }
  });
});
