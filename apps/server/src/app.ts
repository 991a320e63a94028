import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import type { TDatabaseHandle } from '@dispatch/db';
import Fastify, { type FastifyInstance } from 'fastify';
import type { TServerConfig } from './config';
import { cookieSettings } from './auth/cookies';
import type { TOidcClient } from './auth/oidc-client';
import type { TTokenVerifier } from './auth/token-verifier';
import { registerSecurityHeaders } from './plugins/security-headers';
import { trpcPlugin } from './plugins/trpc';
import { usagePlugin } from './plugins/usage';
import { webPlugin } from './plugins/web';
import { authRoutes } from './routes/auth';
import { exportRoutes } from './routes/exports';
import { healthRoutes } from './routes/health';

export interface TAppDeps {
  config: TServerConfig;
  database: TDatabaseHandle;
  oidc: TOidcClient;
  verifyToken: TTokenVerifier;
  /** Where pino writes; defaults to stdout. Tests pass a stream to read the logs. */
  logStream?: NodeJS.WritableStream;
}

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * Builds the Fastify app: external plugins first (security headers, rate limit, cookies), then the
 * app's own (auth, tRPC), then routes. The database pool belongs to the app and closes with it.
 */
export async function buildApp(deps: TAppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const tls =
    config.TLS_CERT_FILE && config.TLS_KEY_FILE
      ? { cert: readFileSync(config.TLS_CERT_FILE), key: readFileSync(config.TLS_KEY_FILE) }
      : null;
  const loggerOptions = {
    level: config.LOG_LEVEL,
    // Credentials never reach the logs, whatever a future log line includes.
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
      ],
      censor: '[redacted]',
    },
    serializers: {
      // The path only: query strings carry authorisation codes (/auth/callback) and API input.
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        path: req.url.split('?')[0],
        ip: req.ip,
      }),
    },
    ...(deps.logStream ? { stream: deps.logStream } : {}),
  };
  // A request must arrive whole within REQUEST_TIMEOUT_SECONDS (a slow body is cut off with 408);
  // Node checks every few seconds rather than its default 30, so the cut comes close to the limit.
  const requestTimeout = config.REQUEST_TIMEOUT_SECONDS * 1000;
  const timeouts = {
    connectionsCheckingInterval: Math.min(5000, requestTimeout),
    headersTimeout: Math.min(60_000, requestTimeout),
  };
  const app = Fastify({
    logger: loggerOptions,
    requestTimeout,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    trustProxy: config.TRUST_PROXY,
    routerOptions: { maxParamLength: 5000 },
    ...(tls ? { https: { ...tls, ...timeouts } } : { http: timeouts }),
  }) as unknown as FastifyInstance;

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send({
      error: status >= 500 ? 'internal_error' : 'bad_request',
      message: status >= 500 ? `Internal server error (request ${request.id}).` : error.message,
    });
  });

  registerSecurityHeaders(app, { oidcIssuer: config.OIDC_ISSUER, hsts: tls !== null });
  await app.register(fastifyRateLimit, {
    max: config.RATE_LIMIT_PER_MINUTE,
    timeWindow: '1 minute',
    // The API counts calls, not requests (a batch costs each of its calls): plugins/call-budget.ts.
    allowList: (request) => request.url.startsWith('/trpc/'),
  });
  await app.register(fastifyCookie);
  app.addHook('onClose', async () => {
    await database.close();
  });

  const cookies = cookieSettings(config);
  const policy = {
    idleMinutes: config.SESSION_IDLE_MINUTES,
    absoluteHours: config.SESSION_ABSOLUTE_HOURS,
  };
  const authDeps = { config, db: database.db, cookies, policy, verifyToken: deps.verifyToken };
  await app.register(healthRoutes, { db: database.db });
  await app.register(authRoutes, { ...authDeps, config, oidc: deps.oidc });
  await app.register(usagePlugin, { database, flushSeconds: config.USAGE_FLUSH_SECONDS });
  await app.register(trpcPlugin, {
    ...authDeps,
    limits: {
      maxBatchSize: config.API_MAX_BATCH_SIZE,
      callsPerMinute: config.RATE_LIMIT_PER_MINUTE,
    },
  });
  await app.register(exportRoutes, authDeps);
  await app.register(webPlugin, { distDir: config.WEB_DIST_DIR ?? DEFAULT_WEB_DIST });
  return app;
}
