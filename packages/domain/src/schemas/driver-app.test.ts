import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZAdvanceDispatchSchema } from './driver-app';

const dispatchId = '6f1c1c7e-8d3a-4b8e-9a52-2c1f7a0b9e11';

describe('a driver advancing their dispatch', () => {
  it('names the stage and takes an optional note, empty by default', () => {
    for (const to of ['en_route', 'on_site', 'completed'] as const) {
      expect(ZAdvanceDispatchSchema.parse({ dispatchId, to })).toEqual({
        dispatchId,
        to,
        note: '',
      });
    }
    expect(
      ZAdvanceDispatchSchema.parse({ dispatchId, to: 'completed', note: ' All done\n ' }),
    ).toEqual({ dispatchId, to: 'completed', note: 'All done' });
  });

  it('refuses other stages, a bad id and a bad note', () => {
    const result = ZAdvanceDispatchSchema.safeParse({
      dispatchId: '',
      to: 'dispatched',
      note: 'n'.repeat(2001),
    });
    expect(result.success).toBe(false);
    expect(z.flattenError(result.error as z.ZodError).fieldErrors).toEqual({
      dispatchId: ['Required.'],
      to: [expect.any(String)],
      note: ['Use at most 2000 characters.'],
    });
  });
});
