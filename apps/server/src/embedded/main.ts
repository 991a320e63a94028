import { chmod, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createDatabase, ensureDatabase, runMigrations } from '@dispatch/db';
import { leaveStopSignalsToCaller, startEmbeddedPostgres } from '@dispatch/db/embedded';
import { DEMO_SUBJECTS, seedDemoData } from '@dispatch/db/seed';
import closeWithGrace from 'close-with-grace';
import { DEFAULT_AUDIENCE, SERVICE_CLIENT_ID, WEB_CLIENT_ID } from '../auth/client-ids';
import { configFrom } from '../config';
import { createServer } from '../server';
import { loadEmbeddedConfig } from './config';
import { startLocalProvider } from './local-provider';
import { loadOrCreateLocalSecrets } from './local-secrets';
import { printBanner } from './banner';

/**
 * `pnpm start`: the whole product on a laptop. A local PostgreSQL keeps its data under `.data/`,
 * the migrations run, demo data is seeded on the first start only, a local OpenID provider signs
 * the demo users in, and the app serves the API (and the web app once built).
 */
const started = Date.now();
const env = loadEmbeddedConfig();
if (env.NODE_ENV === 'production') {
  console.error(
    'The embedded mode is for laptops; in production run the server against real services.',
  );
  process.exit(1);
}
await mkdir(env.DISPATCH_DATA_DIR, { recursive: true });
// As root, PostgreSQL runs as its own user, which must be able to reach the data directory.
await chmod(env.DISPATCH_DATA_DIR, 0o755);
const secrets = await loadOrCreateLocalSecrets(env.DISPATCH_DATA_DIR);

const pg = await startEmbeddedPostgres({
  dataDir: join(env.DISPATCH_DATA_DIR, 'postgres'),
  persistent: true,
  password: secrets.postgresPassword,
});
const url = await ensureDatabase(pg.url, 'dispatch');
await runMigrations(url);
const seedHandle = createDatabase({ url, max: 1 });
const { seeded } = await seedDemoData(seedHandle.db);
await seedHandle.close();

const appUrl = `http://localhost:${env.APP_PORT}`;
const users = (['admin', 'dispatcher', 'driver', 'viewer'] as const).map((role) => ({
  subject: DEMO_SUBJECTS[role],
  username: role,
  password: secrets.passwords[role],
  name: {
    admin: 'Demo Admin',
    dispatcher: 'Demo Dispatcher',
    driver: 'Sam Carter',
    viewer: 'Demo Viewer',
  }[role],
  email: `${role}@dispatch.localhost`,
  roles: [role],
}));
const provider = await startLocalProvider({
  port: env.OIDC_PORT,
  audience: DEFAULT_AUDIENCE,
  web: {
    clientId: WEB_CLIENT_ID,
    clientSecret: secrets.webClientSecret,
    redirectUris: [`${appUrl}/auth/callback`],
    postLogoutRedirectUris: [`${appUrl}/`],
  },
  service: {
    clientId: SERVICE_CLIENT_ID,
    clientSecret: secrets.serviceClientSecret,
    roles: ['admin'],
    name: 'Script (service account)',
  },
  users,
  jwks: secrets.jwks,
  cookieKeys: [secrets.cookieKey],
  nodeEnv: env.NODE_ENV,
});

const server = await createServer(
  configFrom({
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: env.APP_PORT,
    PUBLIC_URL: appUrl,
    LOG_LEVEL: env.LOG_LEVEL,
    DATABASE_URL: url,
    MIGRATE_ON_START: false,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: WEB_CLIENT_ID,
    OIDC_CLIENT_SECRET: secrets.webClientSecret,
    OIDC_ALLOW_INSECURE_HTTP: true,
    WEB_DIST_DIR: env.WEB_DIST_DIR,
  }),
);

// Ctrl+C and SIGTERM stop the server first, then the provider, then PostgreSQL, in that order.
leaveStopSignalsToCaller();
closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) console.error('Stopping after an error:', err);
  else console.log(`\n${signal ?? 'Stop'} received: stopping Dispatch...`);
  await server.stop();
  await provider.close();
  await pg.stop();
  console.log('Dispatch stopped.');
});
await server.start();
printBanner({
  appUrl,
  issuer: provider.issuer,
  dataDir: env.DISPATCH_DATA_DIR,
  seeded,
  users,
  service: { clientId: SERVICE_CLIENT_ID, clientSecret: secrets.serviceClientSecret },
  seconds: (Date.now() - started) / 1000,
});
