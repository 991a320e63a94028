import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { findFreePort } from '@dispatch/db/free-port';
import { createTestDatabase, type TTestDatabase } from '@dispatch/db/testing';
import { DEFAULT_AUDIENCE, SERVICE_CLIENT_ID, WEB_CLIENT_ID } from '../../src/auth/client-ids';
import type { JWKS } from 'oidc-provider';
import { configFrom, type TServerConfig } from '../../src/config';
import { generateSigningKeys } from '../../src/embedded/signing-keys';
import {
  startLocalProvider,
  type TLocalProvider,
  type TLocalUser,
} from '../../src/embedded/local-provider';
import { createServer, type TDispatchServer } from '../../src/server';

export { WEB_CLIENT_ID, SERVICE_CLIENT_ID } from '../../src/auth/client-ids';
const AUDIENCE = DEFAULT_AUDIENCE;

const password = () => randomBytes(12).toString('base64url');

export function testUsers(): TLocalUser[] {
  return [
    {
      subject: 'sub-admin',
      username: 'admin',
      password: password(),
      name: 'Ada Admin',
      email: 'admin@example.com',
      roles: ['admin'],
    },
    {
      subject: 'sub-dispatcher',
      username: 'dispatcher',
      password: password(),
      name: 'Dee Dispatcher',
      email: 'dispatcher@example.com',
      roles: ['dispatcher'],
    },
    {
      subject: 'sub-driver',
      username: 'driver',
      password: password(),
      name: 'Drew Driver',
      email: 'driver@example.com',
      roles: ['driver'],
    },
    {
      subject: 'sub-viewer',
      username: 'viewer',
      password: password(),
      name: 'Vic Viewer',
      email: 'viewer@example.com',
      roles: ['viewer'],
    },
  ];
}

export interface TStack {
  url: string;
  issuer: string;
  users: TLocalUser[];
  user: (username: string) => TLocalUser;
  service: { clientId: string; clientSecret: string };
  webClient: { clientId: string; clientSecret: string };
  tdb: TTestDatabase;
  server: TDispatchServer;
  provider: TLocalProvider;
  config: TServerConfig;
  /** The provider's private signing keys, so tests can mint tokens that are validly signed. */
  signingKeys: JWKS;
  /** Every log line the server wrote, parsed. */
  logs: Record<string, unknown>[];
  rawLogs: () => string;
  stop: () => Promise<void>;
}

/**
 * A real server on a real port, signed in through a real OpenID provider on another port, against a
 * fresh real database: what the browser and script tests talk to over HTTP.
 */
export async function startStack(overrides: Record<string, string | number> = {}): Promise<TStack> {
  const tdb = await createTestDatabase({ max: 4 });
  const appPort = await findFreePort();
  const url = `http://localhost:${appPort}`;
  const users = testUsers();
  const webClient = { clientId: WEB_CLIENT_ID, clientSecret: password() + password() };
  const service = { clientId: SERVICE_CLIENT_ID, clientSecret: password() + password() };
  const signingKeys = await generateSigningKeys();
  const provider = await startLocalProvider({
    port: 0,
    audience: AUDIENCE,
    web: {
      ...webClient,
      redirectUris: [`${url}/auth/callback`],
      postLogoutRedirectUris: [`${url}/`],
    },
    service: { ...service, roles: ['admin'], name: 'Import script' },
    users,
    jwks: signingKeys,
    cookieKeys: [password()],
    nodeEnv: 'test',
  });
  const config = configFrom({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: appPort,
    PUBLIC_URL: url,
    LOG_LEVEL: 'info',
    DATABASE_URL: tdb.url,
    DATABASE_POOL_MAX: 10,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: webClient.clientId,
    OIDC_CLIENT_SECRET: webClient.clientSecret,
    OIDC_AUDIENCE: AUDIENCE,
    OIDC_ALLOW_INSECURE_HTTP: true,
    WEB_DIST_DIR: '/nonexistent',
    ...overrides,
  });
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  const server = await createServer(config, { logStream });
  await server.start();
  return {
    url,
    issuer: provider.issuer,
    users,
    user: (username) => {
      const found = users.find((u) => u.username === username);
      if (!found) throw new Error(`no test user ${username}`);
      return found;
    },
    service,
    webClient,
    tdb,
    server,
    provider,
    config,
    signingKeys,
    get logs() {
      return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    rawLogs: () => lines.join('\n'),
    stop: async () => {
      await server.stop();
      await provider.close();
      await tdb.destroy();
    },
  };
}
