import { DomainError, isWellFormedText } from '@dispatch/domain';
import { type z } from 'zod';

/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * Whether every string inside a decoded key is one PostgreSQL can take as a parameter: a forged
 * cursor can carry a NUL (which text refuses) or half a surrogate pair (which jsonb refuses).
 */
function isSafeKeyPart(value: unknown): boolean {
  if (typeof value === 'string') return !value.includes('\u0000') && isWellFormedText(value);
  if (Array.isArray(value)) return value.every(isSafeKeyPart);
  return true;
}

export function decodeCursor<T extends z.ZodType>(
  cursor: string | undefined,
  shape: T,
): z.infer<T> | null {
  if (!cursor) return null;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!isSafeKeyPart(key)) throw new Error('unsafe cursor key');
    return shape.parse(key);
  } catch {
    throw new DomainError(
      'INVALID_INPUT',
      'The page cursor is not valid; start from the first page.',
    );
  }
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
