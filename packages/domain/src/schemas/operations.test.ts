import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZOperationsReportSchema } from './operations';

describe('operations report input', () => {
  it('defaults to 8 weeks and accepts 1 to 52', () => {
    expect(ZOperationsReportSchema.parse(undefined)).toEqual({ weeks: 8 });
    expect(ZOperationsReportSchema.parse({})).toEqual({ weeks: 8 });
    expect(ZOperationsReportSchema.parse({ weeks: 1 })).toEqual({ weeks: 1 });
    expect(ZOperationsReportSchema.parse({ weeks: 52 })).toEqual({ weeks: 52 });
  });

  it('refuses other periods with a message on the field', () => {
    const cases: [unknown, string][] = [
      [0, 'Choose at least 1 week.'],
      [53, 'Choose at most 52 weeks.'],
      [2.5, 'Must be a whole number of weeks.'],
      ['8', 'Must be a whole number of weeks.'],
      [null, 'Must be a whole number of weeks.'],
    ];
    for (const [weeks, message] of cases) {
      const result = ZOperationsReportSchema.safeParse({ weeks });
      expect(result.success, String(weeks)).toBe(false);
      expect(z.flattenError(result.error as z.ZodError).fieldErrors).toEqual({ weeks: [message] });
    }
  });
});
