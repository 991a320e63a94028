import type { TPrincipal } from '@dispatch/domain';

/** What a verified token said: who, and which OAuth client it was issued to. */
export interface TVerifiedToken {
  principal: TPrincipal;
  clientId: string | null;
}

/** Longest a verified token is trusted without checking its signature again. */
const MAX_AGE_MS = 5 * 60_000;

/**
 * Remembers tokens whose signature and claims were checked, until they expire (at most five
 * minutes), so a script or integration that calls the API many times a second with one token pays
 * for the signature check once, not on every call. It changes nothing about what is accepted: a
 * token is only ever cached after it passed every check, it leaves the cache at its own `exp`, and
 * a JWT cannot be revoked before then anyway (the API does not introspect tokens). Bounded, oldest
 * entry evicted first.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, { verified: TVerifiedToken; until: number }>();

  constructor(
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): TVerifiedToken | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.verified;
  }

  /** `expiresAt` is the token's `exp` claim, in seconds. */
  set(token: string, verified: TVerifiedToken, expiresAt: number): void {
    const until = Math.min(expiresAt * 1000, this.now() + MAX_AGE_MS);
    if (until <= this.now()) return;
    if (this.entries.size >= this.maxEntries && !this.entries.has(token)) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(token, { verified, until });
  }
}
