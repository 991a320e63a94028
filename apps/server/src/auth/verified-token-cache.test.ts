import { describe, expect, it } from 'vitest';
import { VerifiedTokenCache } from './verified-token-cache';

const principal = {
  principal: { subject: 's1', name: 'Script', roles: ['dispatcher'] },
  clientId: 'dispatch-scripts',
};

describe('VerifiedTokenCache', () => {
  it('keeps a token until its own expiry, and never past five minutes', () => {
    let now = 1_000_000;
    const cache = new VerifiedTokenCache(10, () => now);
    cache.set('short', principal, now / 1000 + 60);
    cache.set('long', principal, now / 1000 + 3600);
    now += 59_999;
    expect(cache.get('short')).toEqual(principal);
    now += 1;
    expect(cache.get('short')).toBeUndefined();
    now = 1_000_000 + 5 * 60_000 - 1;
    expect(cache.get('long')).toEqual(principal);
    now += 1;
    expect(cache.get('long')).toBeUndefined();
  });

  it('does not keep an expired token, and evicts the oldest when full', () => {
    const now = 5_000_000;
    const cache = new VerifiedTokenCache(2, () => now);
    cache.set('expired', principal, now / 1000 - 1);
    expect(cache.get('expired')).toBeUndefined();
    cache.set('a', principal, now / 1000 + 60);
    cache.set('b', principal, now / 1000 + 60);
    cache.set('c', principal, now / 1000 + 60);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toEqual(principal);
    expect(cache.get('c')).toEqual(principal);
  });
});
