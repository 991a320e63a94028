import { expect } from 'vitest';
import { z } from 'zod';

/** What the schema tests read off a parse: its messages, its field errors. */

/** The messages of a failed parse, in order; [] when it succeeded. */
export function messages(result: z.ZodSafeParseResult<unknown>): string[] {
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

/** The field errors of a parse that must have failed. */
export function fieldErrors(result: z.ZodSafeParseResult<unknown>) {
  expect(result.success).toBe(false);
  return z.flattenError(result.error as z.ZodError).fieldErrors;
}

/** A value with a bad character at the very start, in the middle and at the very end. */
export function everywhere(valid: string, bad: string): string[] {
  const middle = Math.floor(valid.length / 2);
  return [
    `${bad}${valid}`,
    `${valid.slice(0, middle)}${bad}${valid.slice(middle)}`,
    `${valid}${bad}`,
  ];
}
