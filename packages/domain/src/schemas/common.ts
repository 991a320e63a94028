import { z } from 'zod';

/** An id; an empty one (an unchosen select in a form) reads "Required." rather than "invalid". */
export const ZIdSchema = z.uuid({
  error: (issue) =>
    issue.input === '' || issue.input === undefined ? 'Required.' : 'Must be a valid id.',
});

/** Client-chosen key that makes a create or assign safe to retry. */
export const ZIdempotencyKeySchema = z
  .string()
  .min(8, 'Use at least 8 characters.')
  .max(100, 'Use at most 100 characters.')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'Use letters, digits and _ . : - only.');

/**
 * A lone UTF-16 surrogate is half of a character: PostgreSQL refuses it in jsonb and stores it as
 * U+FFFD in text, so it must never get past the schemas. In a `u` regex a lone surrogate is its
 * own code point of category Cs; a well-formed pair is one astral code point and does not match.
 */
const LONE_SURROGATE = /\p{Cs}/u;

export const BROKEN_TEXT_MESSAGE = 'Contains a broken character; retype it.';

/** Whether a string is well-formed Unicode (no lone surrogates). */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/** Text shown to people on one line: trimmed, length-limited, no control characters at all. */
// Stryker disable next-line BlockStatement: an empty body breaks this module's own load (ZSearchSchema below), so every test file fails to import, which Stryker's vitest runner does not count as a failed test (the suite and scripts/run-tests.mjs do).
export function text(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min, min === 1 ? 'Required.' : `Use at least ${min} characters.`)
    .max(max, `Use at most ${max} characters.`)
    .regex(/^[^\p{Cc}]*$/u, 'Must not contain control characters.')
    .refine(isWellFormedText, BROKEN_TEXT_MESSAGE);
}

/** Multi-line text: tabs and line breaks allowed, other (C0, DEL and C1) control characters not. */
export function longText(max: number) {
  return (
    z
      .string()
      .trim()
      .max(max, `Use at most ${max} characters.`)
      // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
      .regex(/^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]*$/, 'Must not contain control characters.')
      .refine(isWellFormedText, BROKEN_TEXT_MESSAGE)
  );
}

/** A page cursor is what a previous page returned: base64url, nothing else. */
export const ZPageInputSchema = z.object({
  cursor: z
    .string()
    .max(500, 'The page cursor is not valid; start from the first page.')
    .regex(/^[A-Za-z0-9_-]*$/, 'The page cursor is not valid; start from the first page.')
    .optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

/** A list's free-text search: the same rule as any one-line text. */
export const ZSearchSchema = text(0, 100).optional();

/** A procedure that takes no input refuses any it is sent, rather than ignoring it. */
export const ZNoInputSchema = z.undefined({ error: 'This call takes no input.' });

export const ZIdInputSchema = z.object({ id: ZIdSchema });
export type TIdInput = z.infer<typeof ZIdInputSchema>;
