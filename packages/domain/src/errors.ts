/**
 * One error type for every expected failure of the domain. The `code` is a stable, machine-readable
 * reason that clients switch on; the `kind` says which family it belongs to and is what the API maps
 * to a transport status in one place.
 */
export const DOMAIN_ERROR_KINDS = {
  WORK_ORDER_NOT_FOUND: 'not_found',
  EQUIPMENT_NOT_FOUND: 'not_found',
  EQUIPMENT_TYPE_NOT_FOUND: 'not_found',
  DRIVER_NOT_FOUND: 'not_found',
  DISPATCH_NOT_FOUND: 'not_found',

  INVALID_TRANSITION: 'conflict',
  EQUIPMENT_NOT_AVAILABLE: 'conflict',
  DRIVER_NOT_AVAILABLE: 'conflict',
  DRIVER_NOT_QUALIFIED: 'conflict',
  EQUIPMENT_TYPE_MISMATCH: 'conflict',
  EQUIPMENT_ASSIGNED: 'conflict',
  DRIVER_ASSIGNED: 'conflict',
  EQUIPMENT_CODE_TAKEN: 'conflict',
  EQUIPMENT_TYPE_NAME_TAKEN: 'conflict',
  DRIVER_SUBJECT_TAKEN: 'conflict',
  IDEMPOTENCY_KEY_REUSED: 'conflict',
  /** The database caught a double booking that the row locks should have prevented. */
  CONCURRENT_CONFLICT: 'conflict',

  DRIVER_NOT_LINKED: 'forbidden',

  INVALID_INPUT: 'bad_request',
} as const;

export type TDomainErrorCode = keyof typeof DOMAIN_ERROR_KINDS;
export type TDomainErrorKind = (typeof DOMAIN_ERROR_KINDS)[TDomainErrorCode];

export class DomainError extends Error {
  readonly code: TDomainErrorCode;
  readonly kind: TDomainErrorKind;
  /** Small, safe-to-show facts about the failure (ids, references, codes), never internals. */
  readonly details: Readonly<Record<string, string | number | null>>;

  constructor(
    code: TDomainErrorCode,
    message: string,
    details: Record<string, string | number | null> = {},
  ) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.kind = DOMAIN_ERROR_KINDS[code];
    this.details = details;
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
