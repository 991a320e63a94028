import { describe, expect, it } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from './transport';

describe('CSRF header', () => {
  it('is the agreed, lower-case header and value (web client and server must match)', () => {
    // Changing either breaks every browser session against an older server or client.
    expect(CSRF_HEADER).toBe('x-dispatch-csrf');
    expect(CSRF_HEADER).toBe(CSRF_HEADER.toLowerCase());
    expect(CSRF_HEADER_VALUE).toBe('1');
  });
});
