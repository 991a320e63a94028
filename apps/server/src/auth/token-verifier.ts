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

/** The client a token was issued to: RFC 9068's `client_id`, or Keycloak's `azp`. */
function clientOf(payload: JWTPayload): string | null {
  for (const claim of [payload.client_id, payload.azp]) {
    if (typeof claim === 'string' && claim.length > 0) return claim;
  }
  return null;
}

/**
 * Verifies an OAuth access token (JWT) the way the API needs: signature against the issuer's JWKS,
 * an allow-listed algorithm, exact issuer, our audience, expiry and not-before with a small clock
 * tolerance, and that it is an access token (RFC 9068 `at+jwt`, or Keycloak's `typ: Bearer`),
 * so an ID token cannot be replayed as one. Roles come from a configurable claim path. A token
 * that passed is remembered until it expires (verified-token-cache.ts).
 *
 * The audience says the token is meant for this API; `allowedClients` says which OAuth clients
 * may present it here. A user's token from the web client carries the same audience, so without
 * the client check it could be lifted from a browser and replayed as a script's bearer token; the
 * bearer path allows the script clients only, the sign-in callback the web client only.
 */
export function createTokenVerifier(options: {
  issuer: string;
  jwksUri: string;
  audience: string;
  rolesClaim: string;
}) {
  const jwks = createRemoteJWKSet(new URL(options.jwksUri), { cooldownDuration: 30_000 });
  const cache = new VerifiedTokenCache();
  return async function verifyAccessToken(
    token: string,
    allowedClients: readonly string[],
  ): Promise<TPrincipal> {
    const known = cache.get(token);
    if (known) return admitted(known.principal, known.clientId, allowedClients);
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
    const clientId = clientOf(payload);
    // `exp` is a required claim, checked above. The cache keeps the client, not the verdict: the
    // same token is judged against each caller's own allow-list.
    cache.set(token, { principal, clientId }, payload.exp ?? 0);
    return admitted(principal, clientId, allowedClients);
  };
}

function admitted(
  principal: TPrincipal,
  clientId: string | null,
  allowedClients: readonly string[],
): TPrincipal {
  if (clientId === null || !allowedClients.includes(clientId)) {
    throw new InvalidTokenError(`token issued to client ${clientId ?? '(none)'}, not allowed here`);
  }
  return principal;
}

export type TTokenVerifier = ReturnType<typeof createTokenVerifier>;
