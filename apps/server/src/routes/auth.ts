import type { Database } from '@dispatch/db';
import { schema } from '@dispatch/db';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import * as client from 'openid-client';
import type { TServerConfig } from '../config';
import { csrfProblem } from '../auth/authenticate';
import { CALLBACK_PATH } from '../auth/client-ids';
import type { TCookieSettings } from '../auth/cookies';
import type { TOidcClient } from '../auth/oidc-client';
import {
  createSession,
  deleteSession,
  hashId,
  newOpaqueId,
  type TSessionPolicy,
} from '../auth/sessions';
import { InvalidTokenError, type TTokenVerifier } from '../auth/token-verifier';

export interface TAuthRouteDeps {
  config: TServerConfig;
  db: Database;
  oidc: TOidcClient;
  cookies: TCookieSettings;
  policy: TSessionPolicy;
  verifyToken: TTokenVerifier;
}

/** Only same-site paths, so the login cannot be turned into an open redirect. */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\x21-\x7E]*$/.test(value) ? value : '/';
}

/**
 * The browser side of OpenID Connect ("backend for frontend"): the server is the confidential
 * client, runs the authorisation-code flow with PKCE, state and nonce, and keeps the tokens; the
 * browser only ever holds an opaque session cookie.
 */
export async function authRoutes(app: FastifyInstance, deps: TAuthRouteDeps) {
  const { config, db, oidc, cookies, policy } = deps;
  const redirectUri = new URL(CALLBACK_PATH, config.PUBLIC_URL).toString();
  const publicOrigin = new URL(config.PUBLIC_URL).origin;
  const loginLimit = {
    rateLimit: { max: config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' },
  };

  app.get('/auth/login', { config: loginLimit }, async (request, reply) => {
    const flowId = newOpaqueId();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const returnTo = safeReturnTo((request.query as Record<string, unknown>).returnTo);
    await db
      .insert(schema.loginFlows)
      .values({ idHash: hashId(flowId), state, nonce, codeVerifier, returnTo });
    const url = client.buildAuthorizationUrl(oidc, {
      redirect_uri: redirectUri,
      scope: config.OIDC_SCOPES,
      state,
      nonce,
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    return reply
      .setCookie(cookies.login.name, flowId, cookies.login.options)
      .redirect(url.toString(), 302);
  });

  app.get(CALLBACK_PATH, { config: loginLimit }, async (request, reply) => {
    const flowId = request.cookies[cookies.login.name];
    reply.clearCookie(cookies.login.name, cookies.login.options);
    if (!flowId)
      return reply
        .code(400)
        .type('text/plain')
        .send('Sign-in expired or was started in another browser. Please sign in again.');
    // Single use: the flow row is deleted as it is read.
    const [flow] = await db
      .delete(schema.loginFlows)
      .where(eq(schema.loginFlows.idHash, hashId(flowId)))
      .returning();
    if (!flow || Date.now() - flow.createdAt.getTime() > 10 * 60_000) {
      return reply.code(400).type('text/plain').send('Sign-in expired. Please sign in again.');
    }
    let tokens;
    try {
      tokens = await client.authorizationCodeGrant(oidc, new URL(request.url, config.PUBLIC_URL), {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      request.log.warn(
        { err: { name: (error as Error).name, message: (error as Error).message } },
        'sign-in callback refused',
      );
      return reply.code(400).type('text/plain').send('Sign-in failed. Please try again.');
    }
    let principal;
    try {
      principal = await deps.verifyToken(tokens.access_token, [config.OIDC_CLIENT_ID]);
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      request.log.warn({ reason: error.message }, 'access token from sign-in refused');
      return reply
        .code(400)
        .type('text/plain')
        .send('Sign-in failed: the provider issued an unusable token.');
    }
    // A new session id every login; any session the browser already had is ended, not adopted.
    const previous = request.cookies[cookies.session.name];
    if (previous) await deleteSession(db, previous);
    const sessionId = await createSession(db, principal, tokens.id_token ?? null, policy);
    request.log.info({ subject: principal.subject }, 'signed in');
    return reply
      .setCookie(cookies.session.name, sessionId, cookies.session.options)
      .redirect(flow.returnTo, 302);
  });

  // POST with the CSRF header, so a foreign page cannot sign people out; answers where to go next
  // (the provider's end-session endpoint, which ends the single sign-on session too).
  app.post('/auth/logout', async (request, reply) => {
    const problem = csrfProblem(request, publicOrigin);
    if (problem) return reply.code(403).send({ error: 'forbidden', reason: 'CSRF_CHECK_FAILED' });
    const sessionId = request.cookies[cookies.session.name];
    const ended = sessionId ? await deleteSession(db, sessionId) : null;
    reply.clearCookie(cookies.session.name, cookies.session.options);
    let redirectTo = '/';
    if (oidc.serverMetadata().end_session_endpoint) {
      redirectTo = client
        .buildEndSessionUrl(oidc, {
          post_logout_redirect_uri: new URL('/', config.PUBLIC_URL).toString(),
          ...(ended?.idToken
            ? { id_token_hint: ended.idToken }
            : { client_id: config.OIDC_CLIENT_ID }),
        })
        .toString();
    }
    return reply.send({ redirectTo });
  });
}
