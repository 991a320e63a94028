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

export const ZPageInputSchema = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const ZSearchSchema = z.string().trim().max(100).optional();

/** Text shown to people: trimmed, no control characters. */
export function text(min: number, max: number) {
  return z
    .string()
    .trim()
    .min(min, min === 1 ? 'Required.' : `Use at least ${min} characters.`)
    .max(max, `Use at most ${max} characters.`)
    .regex(/^[^\p{Cc}]*$/u, 'Must not contain control characters.');
}

/** Multi-line text: tabs and line breaks allowed, other control characters not. */
export function longText(max: number) {
  return (
    z
      .string()
      .trim()
      .max(max, `Use at most ${max} characters.`)
      // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
      .regex(/^[^\x00-\x08\x0B\x0C\x0E-\x1F\x7F]*$/, 'Must not contain control characters.')
  );
}

export const ZIdInputSchema = z.object({ id: ZIdSchema });
export type TIdInput = z.infer<typeof ZIdInputSchema>;
