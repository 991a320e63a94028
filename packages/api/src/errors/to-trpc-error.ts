import {
  DomainError,
  type TDomainErrorCode,
  type TDomainErrorKind,
  isDomainError,
} from '@dispatch/domain';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';

const KIND_TO_CODE: Record<TDomainErrorKind, TRPC_ERROR_CODE_KEY> = {
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  forbidden: 'FORBIDDEN',
  bad_request: 'BAD_REQUEST',
};

/** Database constraints whose violation is an expected, explainable conflict. */
const CONSTRAINT_TO_DOMAIN: Record<string, TDomainErrorCode> = {
  equipment_code_uq: 'EQUIPMENT_CODE_TAKEN',
  equipment_types_name_uq: 'EQUIPMENT_TYPE_NAME_TAKEN',
  drivers_subject_uq: 'DRIVER_SUBJECT_TAKEN',
  dispatches_active_equipment_uq: 'CONCURRENT_CONFLICT',
  dispatches_active_driver_uq: 'CONCURRENT_CONFLICT',
  dispatches_active_work_order_uq: 'CONCURRENT_CONFLICT',
};

const CONSTRAINT_MESSAGES: Partial<Record<TDomainErrorCode, string>> = {
  EQUIPMENT_CODE_TAKEN: 'Another piece of equipment already has this code.',
  EQUIPMENT_TYPE_NAME_TAKEN: 'An equipment type with this name already exists.',
  DRIVER_SUBJECT_TAKEN: 'Another driver is already linked to this login.',
  CONCURRENT_CONFLICT: 'Someone else changed this at the same moment; refresh and try again.',
};

interface TPgErrorLike {
  code: string;
  constraint_name?: string;
}

/** postgres.js errors arrive wrapped (drizzle's query error, tRPC's cause): walk the chain. */
export function findPgError(error: unknown): TPgErrorLike | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth++) {
    if (
      typeof current === 'object' &&
      'code' in current &&
      typeof current.code === 'string' &&
      /^[0-9A-Z]{5}$/.test(current.code) &&
      'severity' in current
    ) {
      return current as TPgErrorLike;
    }
    current = typeof current === 'object' && 'cause' in current ? current.cause : undefined;
  }
  return null;
}

/** Turns a known database failure into the domain error it means, or null if it is unexpected. */
export function domainErrorFromPg(error: unknown): DomainError | null {
  const pg = findPgError(error);
  if (!pg) return null;
  if (pg.code === '23505' && pg.constraint_name) {
    const code = CONSTRAINT_TO_DOMAIN[pg.constraint_name];
    if (code) return new DomainError(code, CONSTRAINT_MESSAGES[code] ?? 'Conflict.');
  }
  if (pg.code === '23503' && pg.constraint_name?.endsWith('equipment_types_id_fk')) {
    return new DomainError('EQUIPMENT_TYPE_NOT_FOUND', 'No such equipment type.');
  }
  // Deadlock or serialisation failure: the lock order should prevent both; report a retryable conflict.
  if (pg.code === '40P01' || pg.code === '40001') {
    return new DomainError('CONCURRENT_CONFLICT', CONSTRAINT_MESSAGES.CONCURRENT_CONFLICT ?? '');
  }
  return null;
}

export function domainToTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: KIND_TO_CODE[error.kind], message: error.message, cause: error });
}

export function findDomainError(error: unknown): DomainError | null {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if (isDomainError(current)) return current;
    current = typeof current === 'object' && 'cause' in current ? current.cause : undefined;
  }
  return null;
}
