import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer as createHttpsServer, request as httpsRaw, type Server } from 'node:https';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@dispatch/db/free-port';
import postgres from 'postgres';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE, SERVICE_CLIENT_ID, WEB_CLIENT_ID } from '../src/auth/client-ids';
import { generateSigningKeys } from '../src/embedded/signing-keys';
import { startLocalProvider, type TLocalProvider } from '../src/embedded/local-provider';
import { httpsRequest } from './helpers/https-request';

/*
 * The production path on the host, with the files the containers use: our CA and certificates from
 * certs/generate.sh, a PostgreSQL cluster with TLS and the hostssl-only pg_hba.conf from
 * deploy/postgres, the app in production mode serving HTTPS and connecting with verify-full, and
 * Debian's nginx running the production template in front of it. The OpenID provider is the local
 * one over HTTPS (Keycloak needs a container), issuing the same kind of tokens.
 */
const ROOT = join(import.meta.dirname, '..', '..', '..');
const SERVER_DIR = join(import.meta.dirname, '..');
const PG_BIN = `/usr/lib/postgresql/${readdirSync('/usr/lib/postgresql').sort().at(-1)}/bin`;
const WEB_DIST = join(ROOT, 'apps', 'web', 'dist');
// Needs Debian's nginx, PostgreSQL's server binaries and root (to run the cluster as `postgres`).
// CI installs them and must run this test; on a laptop without them it is skipped, saying why.
const available =
  existsSync('/usr/sbin/nginx') && existsSync(`${PG_BIN}/initdb`) && process.getuid?.() === 0;
if (!available && process.env.CI === 'true') {
  throw new Error(
    'CI must run the production-path test: install nginx and run as root (.ci/run does).',
  );
}
if (!available)
  console.warn(
    'production-path test skipped: needs /usr/sbin/nginx, PostgreSQL server binaries and root',
  );

let work: string;
let certs: string;
let ca: string;
let pgPort: number;
let provider: TLocalProvider;
let app: ChildProcess;
let appLog = '';
let nginx: ChildProcess;
let httpsPort: number;
let httpPort: number;
const dbPassword = `pw-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
const service = {
  clientId: SERVICE_CLIENT_ID,
  clientSecret: `svc-${Math.random().toString(36).slice(2)}x9`,
};

const asPostgres = (command: string, args: string[], env: Record<string, string> = {}) =>
  execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], {
    env: { ...process.env, ...env },
    stdio: 'pipe',
  });

function startPostgres() {
  const data = join(work, 'pgdata');
  const run = join(work, 'pgrun');
  for (const dir of [data, run]) {
    mkdirSync(dir);
    chownSync(dir, uid('postgres'), gid('postgres'));
    chmodSync(dir, dir === data ? 0o700 : 0o755);
  }
  asPostgres(`${PG_BIN}/initdb`, [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth-local=peer',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  for (const file of ['postgres.crt', 'postgres.key', 'ca.crt']) {
    copyFileSync(join(certs, file), join(data, file));
    chownSync(join(data, file), uid('postgres'), gid('postgres'));
    chmodSync(join(data, file), file.endsWith('.key') ? 0o600 : 0o644);
  }
  // The same client-authentication rules as the container: TLS or nothing.
  copyFileSync(join(ROOT, 'deploy', 'postgres', 'pg_hba.conf'), join(data, 'pg_hba.conf'));
  writeFileSync(
    join(data, 'postgresql.conf'),
    `${readFileSync(join(data, 'postgresql.conf'), 'utf8')}
listen_addresses = '127.0.0.1'
port = ${pgPort}
unix_socket_directories = '${run}'
ssl = on
ssl_cert_file = 'postgres.crt'
ssl_key_file = 'postgres.key'
ssl_ca_file = 'ca.crt'
ssl_min_protocol_version = 'TLSv1.2'
password_encryption = 'scram-sha-256'
`,
  );
  asPostgres(`${PG_BIN}/pg_ctl`, ['-D', data, '-l', join(run, 'postgres.log'), '-w', 'start']);
  // The container's first-start script creates the app's and Keycloak's roles and databases.
  writeFileSync(join(work, 'dispatch_db_password'), dbPassword, { mode: 0o644 });
  writeFileSync(join(work, 'keycloak_db_password'), `${dbPassword}-kc`, { mode: 0o644 });
  asPostgres('bash', [join(ROOT, 'deploy', 'postgres', 'init', '10-create-databases.sh')], {
    PGHOST: run,
    PGPORT: String(pgPort),
    POSTGRES_USER: 'postgres',
    POSTGRES_DB: 'postgres',
    DISPATCH_DB_PASSWORD_FILE: join(work, 'dispatch_db_password'),
    KEYCLOAK_DB_PASSWORD_FILE: join(work, 'keycloak_db_password'),
  });
}

const uid = (user: string) => Number(execFileSync('id', ['-u', user]).toString().trim());
const gid = (user: string) => Number(execFileSync('id', ['-g', user]).toString().trim());

function waitFor(check: () => boolean, what: string, ms = 60_000) {
  return new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (check()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started > ms) {
        clearInterval(timer);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 100);
  });
}

/** One of deploy/nginx/templates, rendered as the image's entrypoint does (DISPATCH_* only). */
function renderTemplate(name: string, vars: Record<string, string>): string {
  return readFileSync(join(ROOT, 'deploy', 'nginx', 'templates', name), 'utf8').replace(
    /\$\{(DISPATCH_[A-Z_]+)\}/g,
    (_m, variable: string) => {
      const value = vars[variable];
      if (value === undefined) throw new Error(`${name} uses an unknown variable ${variable}`);
      return value;
    },
  );
}

function startNginx() {
  const rendered = renderTemplate('dispatch.conf.template', {
    DISPATCH_HTTP_PORT: String(httpPort),
    DISPATCH_HTTPS_PORT: String(httpsPort),
    DISPATCH_SERVER_NAME: 'localhost',
    DISPATCH_CERT_DIR: certs,
    DISPATCH_WEB_ROOT: WEB_DIST,
    DISPATCH_APP_UPSTREAM: `localhost:${appPort}`,
  });
  writeFileSync(join(work, 'dispatch.conf'), rendered);
  // Keycloak's locations, in front of a stand-in upstream that records what reaches it.
  const locations = renderTemplate('keycloak.locations.template', {
    DISPATCH_CERT_DIR: certs,
    DISPATCH_KEYCLOAK_UPSTREAM: `localhost:${idpPort}`,
  });
  mkdirSync(join(work, 'conf.d'));
  writeFileSync(join(work, 'conf.d', 'keycloak.locations'), locations);
  mkdirSync(join(work, 'nginx-temp'));
  writeFileSync(
    join(work, 'nginx.conf'),
    `worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/nginx-error.log warn;
daemon off;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  access_log ${work}/nginx-access.log;
  client_body_temp_path ${work}/nginx-temp/body;
  proxy_temp_path ${work}/nginx-temp/proxy;
  fastcgi_temp_path ${work}/nginx-temp/fastcgi;
  uwsgi_temp_path ${work}/nginx-temp/uwsgi;
  scgi_temp_path ${work}/nginx-temp/scgi;
  include ${work}/dispatch.conf;
}
`,
  );
  execFileSync('/usr/sbin/nginx', ['-t', '-p', work, '-c', join(work, 'nginx.conf')], {
    stdio: 'pipe',
  });
  nginx = spawn('/usr/sbin/nginx', ['-p', work, '-c', join(work, 'nginx.conf')], {
    stdio: 'ignore',
  });
}

let appPort: number;
let idpPort: number;
let idp: Server;
/** Request paths that reached the stand-in for Keycloak behind /idp/. */
const idpSeen: string[] = [];

beforeAll(async () => {
  if (!available) return;
  work = await mkdtemp(join(tmpdir(), 'dispatch-prod-'));
  chmodSync(work, 0o755);
  certs = join(work, 'certs');
  execFileSync('bash', [join(ROOT, 'certs', 'generate.sh'), certs], { stdio: 'pipe' });
  ca = readFileSync(join(certs, 'ca.crt'), 'utf8');
  [pgPort, appPort, httpPort, httpsPort] = await Promise.all([
    findFreePort(),
    findFreePort(),
    findFreePort(),
    findFreePort(),
  ]);
  startPostgres();
  idp = createHttpsServer(
    {
      cert: readFileSync(join(certs, 'keycloak.crt')),
      key: readFileSync(join(certs, 'keycloak.key')),
    },
    (req, res) => {
      idpSeen.push(req.url ?? '');
      res.end('keycloak stand-in');
    },
  );
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  idpPort = (idp.address() as AddressInfo).port;

  const publicUrl = `https://localhost:${httpsPort}`;
  provider = await startLocalProvider({
    port: 0,
    tls: {
      cert: readFileSync(join(certs, 'keycloak.crt')),
      key: readFileSync(join(certs, 'keycloak.key')),
    },
    audience: DEFAULT_AUDIENCE,
    web: {
      clientId: WEB_CLIENT_ID,
      clientSecret: 'web-secret-for-the-test',
      redirectUris: [`${publicUrl}/auth/callback`],
      postLogoutRedirectUris: [`${publicUrl}/`],
    },
    service: { ...service, roles: ['admin'], name: 'Production-path script' },
    users: [],
    jwks: await generateSigningKeys(),
    cookieKeys: ['cookie-key-for-the-test'],
    nodeEnv: 'test',
  });

  // Secrets arrive as files, like Docker secrets.
  writeFileSync(
    join(work, 'database_url'),
    `postgres://dispatch:${dbPassword}@localhost:${pgPort}/dispatch\n`,
    { mode: 0o600 },
  );
  writeFileSync(join(work, 'oidc_client_secret'), 'web-secret-for-the-test\n', { mode: 0o600 });
  app = spawn(join(SERVER_DIR, 'node_modules', '.bin', 'tsx'), ['src/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(appPort),
      PUBLIC_URL: publicUrl,
      TRUST_PROXY: 'true',
      LOG_LEVEL: 'info',
      DATABASE_URL_FILE: join(work, 'database_url'),
      DATABASE_SSL_MODE: 'verify-full',
      DATABASE_SSL_CA_FILE: join(certs, 'ca.crt'),
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: WEB_CLIENT_ID,
      OIDC_CLIENT_SECRET_FILE: join(work, 'oidc_client_secret'),
      TLS_CERT_FILE: join(certs, 'app.crt'),
      TLS_KEY_FILE: join(certs, 'app.key'),
      WEB_DIST_DIR: WEB_DIST,
      // The app trusts our CA for the provider, like the container does.
      NODE_EXTRA_CA_CERTS: join(certs, 'ca.crt'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  app.stdout?.on('data', (c: Buffer) => (appLog += c.toString()));
  app.stderr?.on('data', (c: Buffer) => (appLog += c.toString()));
  await waitFor(
    () => appLog.includes('Dispatch server listening') || app.exitCode !== null,
    'the app to listen',
  );
  if (app.exitCode !== null) throw new Error(`the app exited:\n${appLog}`);
  startNginx();
  await waitFor(() => existsSync(join(work, 'nginx.pid')), 'nginx to start', 15_000);
});

afterAll(async () => {
  if (!available || !work) return;
  nginx?.kill('SIGQUIT');
  app?.kill('SIGTERM');
  await provider?.close();
  idp?.close();
  try {
    asPostgres(`${PG_BIN}/pg_ctl`, ['-D', join(work, 'pgdata'), '-m', 'fast', '-w', 'stop']);
  } catch {
    // already stopped
  }
  await new Promise((r) => setTimeout(r, 300));
  await rm(work, { recursive: true, force: true });
});

describe.skipIf(!available)('production path on the host (TLS on every hop)', () => {
  const url = (path: string) => `https://localhost:${httpsPort}${path}`;

  it('answers health and readiness through nginx, verified against our CA', async () => {
    const health = await httpsRequest(url('/healthz'), { ca });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    const ready = await httpsRequest(url('/readyz'), { ca });
    expect(JSON.parse(ready.body)).toEqual({ status: 'ready' });
    expect(health.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(health.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the built web app from nginx with the SPA fallback', async () => {
    const page = await httpsRequest(url('/work-orders/some-id'), { ca });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
  });

  it('runs a procedure for a script with a bearer token from the provider', async () => {
    const token = await httpsRequest(`${provider.issuer}/token`, {
      ca,
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${service.clientId}:${service.clientSecret}`).toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(token.status).toBe(200);
    const accessToken = (JSON.parse(token.body) as { access_token: string }).access_token;
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
    const created = await httpsRequest(url('/trpc/equipmentTypes.create'), {
      ca,
      method: 'POST',
      headers,
      body: JSON.stringify(superjson.serialize({ name: 'crane-80t' })),
    });
    expect(created.status).toBe(200);
    const me = await httpsRequest(url('/trpc/me.get'), { ca, headers });
    expect(JSON.parse(me.body).result.data.json).toMatchObject({
      roles: ['admin'],
      name: 'Production-path script',
    });
    const anonymous = await httpsRequest(url('/trpc/me.get'), { ca });
    expect(anonymous.status).toBe(401);
  });

  it('refuses a plaintext database connection; accepts only verified TLS', async () => {
    const plain = postgres(`postgres://dispatch:${dbPassword}@localhost:${pgPort}/dispatch`, {
      ssl: false,
      max: 1,
    });
    await expect(plain`select 1`).rejects.toThrow(/no pg_hba.conf entry|no encryption/);
    await plain.end();
    const untrusted = postgres(`postgres://dispatch:${dbPassword}@localhost:${pgPort}/dispatch`, {
      ssl: { rejectUnauthorized: true },
      max: 1,
    });
    await expect(untrusted`select 1`).rejects.toThrow(/certificate/i);
    await untrusted.end();
    const verified = postgres(`postgres://dispatch:${dbPassword}@localhost:${pgPort}/dispatch`, {
      ssl: { ca, rejectUnauthorized: true },
      max: 1,
    });
    const [row] = await verified`select ssl from pg_stat_ssl where pid = pg_backend_pid()`;
    await verified.end();
    expect(row?.ssl).toBe(true);
  });

  it('fails for a client that does not trust our CA', async () => {
    await expect(httpsRequest(url('/healthz'))).rejects.toThrow(/certificate|self[- ]signed/i);
  });

  it('redirects plain HTTP to HTTPS', async () => {
    const response = await fetch(`http://localhost:${httpPort}/work-orders?x=1`, {
      redirect: 'manual',
    });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toMatch(
      /^https:\/\/localhost(:\d+)?\/work-orders\?x=1$/,
    );
  });

  /** A GET with the path exactly as written (URL parsing would normalise it), through nginx. */
  const rawGet = (path: string) =>
    new Promise<number>((resolve, reject) => {
      const req = httpsRaw(
        {
          host: '127.0.0.1',
          port: httpsPort,
          path,
          ca,
          servername: 'localhost',
          headers: { host: 'localhost' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('passes only the dispatch realm and the login theme to Keycloak under /idp/', async () => {
    const passed = [
      '/idp/realms/dispatch/.well-known/openid-configuration',
      '/idp/realms/dispatch/protocol/openid-connect/auth?client_id=dispatch-web&redirect_uri=https%3A%2F%2Fx%2F',
      '/idp/realms/dispatch/protocol/openid-connect/token',
      '/idp/resources/abc12/login/keycloak.v2/css/styles.css',
    ];
    /** The status nginx answers and whether the request reached the upstream. */
    const through = async (path: string) => {
      idpSeen.length = 0;
      const status = await rawGet(path);
      return { status, reached: idpSeen.length > 0 };
    };
    for (const path of passed) {
      expect(await through(path), path).toEqual({ status: 200, reached: true });
      expect(idpSeen, path).toEqual([path]);
    }
    const refused = [
      '/idp/',
      '/idp/admin/',
      '/idp/admin/master/console/',
      '/idp/admin/realms/dispatch/users',
      '/idp/realms/master/',
      '/idp/realms/master/protocol/openid-connect/token',
      '/idp/realms/other/.well-known/openid-configuration',
      '/idp/realms/DISPATCH/.well-known/openid-configuration',
      '/idp/realms/dispatch;x/../master/',
      '/idp/realms/dispatch/..;/master/',
      '/idp/realms/dispatch/..%3B/master/',
      '/idp/realms/dispatch/..%3b/master/',
      '/idp/realms/dispatch%3Bx/',
      '/idp/realms/master;jsessionid=x/protocol/openid-connect/token',
      '/idp/realms/dispatch/%2e%2e/master/',
      '/idp/realms/dispatch/../master/',
      '/idp/resources/..;/admin/',
      '/idp/resources/%3B/x',
      '/idp/health/ready',
    ];
    for (const path of refused) {
      expect(await through(path), path).toEqual({ status: 404, reached: false });
    }
    // nginx's own redirect to the realm's prefix (a location ending in /), not Keycloak's answer.
    expect(await through('/idp/realms/dispatch')).toEqual({ status: 301, reached: false });
  });

  it('keeps secrets out of the app log', () => {
    expect(appLog).not.toContain(dbPassword);
    expect(appLog).not.toContain('web-secret-for-the-test');
    expect(appLog).toContain('"level":30');
  });
});
