import { DomainError } from '@dispatch/domain';
import { findPgError } from '../../errors/to-trpc-error';

/**
 * The input schema checks the zone against the runtime's time-zone database; PostgreSQL has its
 * own copy, which may be older. A zone only the runtime knows is the caller's problem to fix (pick
 * another name), so it becomes INVALID_INPUT rather than an internal error.
 */
export function rethrowUnknownTimeZone(error: unknown): never {
  const pg = findPgError(error);
  const message = (pg as { message?: unknown } | null)?.message;
  if (pg?.code === '22023' && typeof message === 'string' && message.includes('time zone')) {
    throw new DomainError('INVALID_INPUT', 'The database does not know this time zone.', {
      field: 'timeZone',
    });
  }
  throw error;
}
