import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createDatabase, runMigrations } from '@dispatch/db';
import { buildApp } from './app';
import type { TServerConfig } from './config';
import { discoverProvider } from './auth/oidc-client';
import { purgeExpired } from './auth/sessions';
import { createTokenVerifier } from './auth/token-verifier';

/** TLS to PostgreSQL: verify the certificate chain against our CA and the host name. */
export function databaseSsl(config: TServerConfig) {
  if (config.DATABASE_SSL_MODE === 'disable' || !config.DATABASE_SSL_CA_FILE) return undefined;
  return { ca: readFileSync(config.DATABASE_SSL_CA_FILE, 'utf8'), rejectUnauthorized: true };
}

/**
 * Everything the server needs, in order: migrations, the pool, the provider's metadata and keys,
 * then the app. `start` listens and returns the URL; `stop` drains requests and closes the pool.
 */
export async function createServer(
  config: TServerConfig,
  options: { logStream?: NodeJS.WritableStream } = {},
) {
  const ssl = databaseSsl(config);
  if (config.MIGRATE_ON_START) await runMigrations(config.DATABASE_URL, { ssl });
  const database = createDatabase({
    url: config.DATABASE_URL,
    max: config.DATABASE_POOL_MAX,
    ssl,
    applicationName: 'dispatch-server',
  });
  const oidc = await discoverProvider(config);
  const metadata = oidc.serverMetadata();
  if (!metadata.jwks_uri) throw new Error('The OpenID provider publishes no jwks_uri');
  const verifyToken = createTokenVerifier({
    issuer: metadata.issuer,
    jwksUri: metadata.jwks_uri,
    audience: config.OIDC_AUDIENCE,
    rolesClaim: config.OIDC_ROLES_CLAIM,
  });
  const app = await buildApp({ config, database, oidc, verifyToken, ...options });

  const policy = {
    idleMinutes: config.SESSION_IDLE_MINUTES,
    absoluteHours: config.SESSION_ABSOLUTE_HOURS,
  };
  const purge = setInterval(() => {
    purgeExpired(database.db, policy).catch((error: unknown) =>
      app.log.warn({ err: error }, 'session purge failed'),
    );
  }, 10 * 60_000);
  purge.unref();
  app.addHook('onClose', async () => clearInterval(purge));

  return {
    app,
    async start() {
      await app.listen({ host: config.HOST, port: config.PORT });
      const address = app.server.address() as AddressInfo;
      return { port: address.port, url: config.PUBLIC_URL };
    },
    stop: () => app.close(),
  };
}
export type TDispatchServer = Awaited<ReturnType<typeof createServer>>;
