import type { TPrincipal } from '@dispatch/domain';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@dispatch/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { TServerConfig } from '../config';
import type { TCookieSettings } from './cookies';
import { readSession, type TSessionPolicy } from './sessions';
import { InvalidTokenError, type TTokenVerifier } from './token-verifier';
import type { Database } from '@dispatch/db';

export type TAuthDeps = {
  config: Pick<TServerConfig, 'PUBLIC_URL' | 'OIDC_BEARER_CLIENTS'>;
  db: Database;
  cookies: TCookieSettings;
  policy: TSessionPolicy;
  verifyToken: TTokenVerifier;
};

/**
 * Refuses a cookie-authenticated request that a foreign page could have made: it must carry our
 * custom header (a cross-site form or image cannot), a JSON body when it has one, and no foreign
 * Origin. Returns the reason, or null when the request is acceptable.
 */
export function csrfProblem(request: FastifyRequest, publicOrigin: string): string | null {
  const origin = request.headers.origin;
  if (origin && origin !== publicOrigin) return 'foreign origin';
  if (request.headers['sec-fetch-site'] === 'cross-site') return 'cross-site request';
  if (request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) return 'missing CSRF header';
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') return 'body must be application/json';
  }
  return null;
}

/**
 * Works out who is calling. A bearer token wins (scripts); otherwise the session cookie (browsers),
 * which must also pass the CSRF checks. An invalid bearer token or a failed CSRF check ends the
 * request here; no credentials at all leaves the principal null for the procedures to refuse.
 */
export async function authenticate(
  request: FastifyRequest,
  reply: FastifyReply,
  deps: TAuthDeps,
): Promise<TPrincipal | null | 'replied'> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(authorization);
    if (!match?.[1]) {
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer error="invalid_request"')
        .send({ error: 'invalid_request' });
      return 'replied';
    }
    try {
      return await deps.verifyToken(match[1], deps.config.OIDC_BEARER_CLIENTS);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      request.log.info({ reason: error.message }, 'bearer token refused');
      await reply
        .code(401)
        .header('www-authenticate', 'Bearer error="invalid_token"')
        .send({ error: 'invalid_token' });
      return 'replied';
    }
  }
  const sessionId = request.cookies[deps.cookies.session.name];
  if (!sessionId) return null;
  const problem = csrfProblem(request, new URL(deps.config.PUBLIC_URL).origin);
  if (problem) {
    request.log.warn({ reason: problem }, 'cookie request refused by CSRF checks');
    await reply.code(403).send({ error: 'forbidden', reason: 'CSRF_CHECK_FAILED' });
    return 'replied';
  }
  const session = await readSession(deps.db, sessionId, deps.policy);
  return session?.principal ?? null;
}
