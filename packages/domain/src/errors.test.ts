import { describe, expect, it } from 'vitest';
import { DOMAIN_ERROR_KINDS, DomainError, isDomainError, type TDomainErrorCode } from './errors';

describe('domain errors', () => {
  it('carry a code, its kind, a message and safe details', () => {
    const error = new DomainError('WORK_ORDER_NOT_FOUND', 'No such work order.', { id: 'w1' });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DomainError');
    expect(error.message).toBe('No such work order.');
    expect(error.code).toBe('WORK_ORDER_NOT_FOUND');
    expect(error.kind).toBe('not_found');
    expect(error.details).toEqual({ id: 'w1' });
  });

  it('have no details unless given', () => {
    expect(new DomainError('INVALID_INPUT', 'Bad input.').details).toEqual({});
  });

  it('take their kind from the one table', () => {
    for (const code of Object.keys(DOMAIN_ERROR_KINDS) as TDomainErrorCode[]) {
      expect(new DomainError(code, code).kind).toBe(DOMAIN_ERROR_KINDS[code]);
    }
    expect(new DomainError('DRIVER_NOT_LINKED', '').kind).toBe('forbidden');
    expect(new DomainError('INVALID_INPUT', '').kind).toBe('bad_request');
    expect(new DomainError('CONCURRENT_CONFLICT', '').kind).toBe('conflict');
  });

  it('are told apart from other errors', () => {
    expect(isDomainError(new DomainError('INVALID_INPUT', 'x'))).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(isDomainError({ name: 'DomainError', code: 'INVALID_INPUT', kind: 'bad_request' })).toBe(
      false,
    );
    expect(isDomainError(undefined)).toBe(false);
  });
});
