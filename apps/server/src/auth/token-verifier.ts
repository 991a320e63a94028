import type { TPrincipal } from '@dispatch/domain';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { VerifiedTokenCache } from './verified-token-cache';

/** Asymmetric algorithms only: `none` and HMAC (which could be keyed with a public key) are refused. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384'];
const CLOCK_TOLERANCE_SECONDS = 30;

export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

function claimAt(payload: JWTPayload, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => {
    return value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }, payload);
}

/**
 * Verifies an OAuth access token (JWT) the way the API needs: signature against the issuer's JWKS,
 * an allow-listed algorithm, exact issuer, our audience, expiry and not-before with a small clock
 * tolerance, and that it is an access token (RFC 9068 `at+jwt`, or Keycloak's `typ: Bearer`),
 * so an ID token cannot be replayed as one. Roles come from a configurable claim path. A token
 * that passed is remembered until it expires (verified-token-cache.ts).
 */
export function createTokenVerifier(options: {
  issuer: string;
  jwksUri: string;
  audience: string;
  rolesClaim: string;
}) {
  const jwks = createRemoteJWKSet(new URL(options.jwksUri), { cooldownDuration: 30_000 });
  const cache = new VerifiedTokenCache();
  return async function verifyAccessToken(token: string): Promise<TPrincipal> {
    const known = cache.get(token);
    if (known) return known;
    let verified;
    try {
      verified = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        requiredClaims: ['exp', 'sub'],
      });
    } catch (error) {
      throw new InvalidTokenError(error instanceof Error ? error.message : 'invalid token');
    }
    const { payload, protectedHeader } = verified;
    const typ = protectedHeader.typ?.toLowerCase();
    if (typ !== 'at+jwt' && typ !== 'application/at+jwt' && payload.typ !== 'Bearer') {
      throw new InvalidTokenError('not an access token');
    }
    const rawRoles = claimAt(payload, options.rolesClaim);
    const roles = Array.isArray(rawRoles)
      ? rawRoles.filter((r): r is string => typeof r === 'string')
      : [];
    const name = [
      payload.name,
      payload.preferred_username,
      payload.client_id,
      payload.azp,
      payload.sub,
    ].find((v): v is string => typeof v === 'string' && v.length > 0);
    const principal = { subject: payload.sub ?? '', name: name ?? 'unknown', roles };
    // `exp` is a required claim, checked above.
    cache.set(token, principal, payload.exp ?? 0);
    return principal;
  };
}

export type TTokenVerifier = ReturnType<typeof createTokenVerifier>;
