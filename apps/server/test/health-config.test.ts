import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { generateSigningKeys } from '../src/embedded/signing-keys';
import { startLocalProvider, type TLocalProviderOptions } from '../src/embedded/local-provider';
import { startStack, type TStack } from './helpers/stack';

/**
 * Operations: health and readiness probes, request ids and security headers on every response,
 * JSON 404s for the API, the configuration module's validation, and the local provider's refusal
 * to run in production.
 */

let stack: TStack;
let webDir: string;
let tempDir: string;

beforeAll(async () => {
  tempDir = await mkdtemp(join(tmpdir(), 'dispatch-health-config-'));
  // A built web app, so the single-page-app fallback is active and must not swallow API 404s.
  webDir = join(tempDir, 'web');
  await mkdir(join(webDir, 'assets'), { recursive: true });
  await writeFile(
    join(webDir, 'index.html'),
    '<!doctype html><title>Dispatch</title><div id=root>',
  );
  await writeFile(join(webDir, 'assets', 'app-abc123.js'), 'console.log(1);');
  stack = await startStack({ WEB_DIST_DIR: webDir });
});
afterAll(async () => {
  await stack?.stop();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function expectSecurityHeaders(response: Response) {
  const csp = response.headers.get('content-security-policy');
  expect(csp, `CSP on ${response.url}`).toBeTruthy();
  expect(csp).toContain("default-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  const frameOptions = response.headers.get('x-frame-options');
  expect(Boolean(frameOptions) || /frame-ancestors 'none'/.test(csp ?? '')).toBe(true);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBeTruthy();
  expect(response.headers.get('x-powered-by')).toBeNull();
  expect(response.headers.get('x-request-id')).toMatch(UUID);
}

describe('health and readiness', () => {
  it('/healthz answers 200', async () => {
    const response = await fetch(`${stack.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
    expectSecurityHeaders(response);
  });

  it('/readyz answers 200 when the database is reachable and migrated', async () => {
    const response = await fetch(`${stack.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('/readyz answers 503 while a migration is pending, and 200 again once it is applied', async () => {
    const [removed] = await stack.tdb.sql<{ id: number; hash: string; created_at: string }[]>`
      delete from drizzle.__drizzle_migrations
      where id = (select max(id) from drizzle.__drizzle_migrations)
      returning id, hash, created_at`;
    expect(removed).toBeTruthy();
    try {
      const response = await fetch(`${stack.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'unavailable' });
      // Liveness does not depend on the database.
      expect((await fetch(`${stack.url}/healthz`)).status).toBe(200);
    } finally {
      await stack.tdb.sql`
        insert into drizzle.__drizzle_migrations (id, hash, created_at)
        values (${removed!.id}, ${removed!.hash}, ${removed!.created_at})`;
    }
    expect((await fetch(`${stack.url}/readyz`)).status).toBe(200);
  });
});

describe('request ids and security headers', () => {
  it('every response carries a fresh server-generated x-request-id', async () => {
    const a = await fetch(`${stack.url}/healthz`);
    const b = await fetch(`${stack.url}/healthz`);
    expect(a.headers.get('x-request-id')).toMatch(UUID);
    expect(b.headers.get('x-request-id')).toMatch(UUID);
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'));

    // A client cannot choose the id (it would forge or inject log correlation).
    const forged = await fetch(`${stack.url}/healthz`, {
      headers: { 'x-request-id': 'forged-id' },
    });
    expect(forged.headers.get('x-request-id')).toMatch(UUID);
  });

  it('API answers, errors and the web app all carry the security headers', async () => {
    const unauthenticated = await fetch(`${stack.url}/trpc/me.get`);
    expect(unauthenticated.status).toBe(401);
    expectSecurityHeaders(unauthenticated);

    const notFound = await fetch(`${stack.url}/auth/nope`);
    expect(notFound.status).toBe(404);
    expectSecurityHeaders(notFound);

    const login = await fetch(`${stack.url}/auth/login`, { redirect: 'manual' });
    expect(login.status).toBe(302);
    expectSecurityHeaders(login);
    // The login form lives at the provider: form-action must allow it.
    expect(login.headers.get('content-security-policy')).toContain(
      `form-action 'self' ${new URL(stack.issuer).origin}`,
    );

    const page = await fetch(`${stack.url}/work-orders`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expectSecurityHeaders(page);

    const asset = await fetch(`${stack.url}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expectSecurityHeaders(asset);
  });

  it('does not send HSTS on plain http', async () => {
    const response = await fetch(`${stack.url}/healthz`);
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('unknown paths', () => {
  async function expectJson404(path: string, init: RequestInit = {}) {
    const response = await fetch(`${stack.url}${path}`, init);
    expect(response.status, path).toBe(404);
    expect(response.headers.get('content-type'), path).toContain('application/json');
    const body = await response.text();
    expect(() => JSON.parse(body) as unknown, path).not.toThrow();
    expect(body, path).not.toContain('<!doctype html>');
    expect(response.headers.get('x-request-id')).toMatch(UUID);
    return JSON.parse(body) as Record<string, unknown>;
  }

  it('answers unknown API and auth paths with JSON 404, not the web app', async () => {
    const procedure = await expectJson404('/trpc/noSuch.procedure');
    expect(JSON.stringify(procedure)).toContain('NOT_FOUND');
    await expectJson404('/trpc/noSuch.procedure', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    await expectJson404('/trpc');
    await expectJson404('/auth/nope');
    await expectJson404('/auth');
    await expectJson404('/healthz/extra');
    await expectJson404('/readyz/extra');
    await expectJson404('/assets/missing-123.js');
    await expectJson404('/no-such-page', { method: 'POST', body: '' });
  });

  it('serves the web app for other page paths', async () => {
    const response = await fetch(`${stack.url}/dispatch/board?x=1`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Dispatch</title>');
    expect(response.headers.get('cache-control')).toBe('no-cache');
  });
});

describe('configuration (loadConfig)', () => {
  const base = {
    PUBLIC_URL: 'http://localhost:3000',
    OIDC_ISSUER: 'http://localhost:8080/realms/dispatch',
    DATABASE_URL: 'postgres://app:plain-db-password@db:5432/dispatch',
    OIDC_CLIENT_SECRET: 'plain-client-secret-value',
  };

  async function secretFile(name: string, content: string) {
    const path = join(tempDir, name);
    await writeFile(path, content, { mode: 0o600 });
    return path;
  }

  function loadError(env: Record<string, string | undefined>): Error {
    try {
      loadConfig(env);
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      return error as Error;
    }
    throw new Error('loadConfig accepted the configuration');
  }

  it('accepts the minimal configuration with defaults', () => {
    const config = loadConfig({ ...base });
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      DATABASE_URL: base.DATABASE_URL,
      OIDC_CLIENT_SECRET: base.OIDC_CLIENT_SECRET,
      OIDC_CLIENT_ID: 'dispatch-web',
      OIDC_AUDIENCE: 'dispatch-api',
      OIDC_ROLES_CLAIM: 'realm_access.roles',
      OIDC_ALLOW_INSECURE_HTTP: false,
      DATABASE_SSL_MODE: 'disable',
    });
  });

  it('reads DATABASE_URL_FILE and OIDC_CLIENT_SECRET_FILE, trimmed, in preference to the plain variables', async () => {
    const dbFile = await secretFile('db-url', '  postgres://app:file-db-password@db/dispatch\n\n');
    const secretPath = await secretFile('client-secret', 'file-client-secret\r\n');
    const config = loadConfig({
      ...base,
      DATABASE_URL_FILE: dbFile,
      OIDC_CLIENT_SECRET_FILE: secretPath,
    });
    expect(config.DATABASE_URL).toBe('postgres://app:file-db-password@db/dispatch');
    expect(config.OIDC_CLIENT_SECRET).toBe('file-client-secret');

    // The files alone are enough.
    const { DATABASE_URL: _d, OIDC_CLIENT_SECRET: _s, ...withoutSecrets } = base;
    const fromFiles = loadConfig({
      ...withoutSecrets,
      DATABASE_URL_FILE: dbFile,
      OIDC_CLIENT_SECRET_FILE: secretPath,
    });
    expect(fromFiles.DATABASE_URL).toBe('postgres://app:file-db-password@db/dispatch');
    expect(fromFiles.OIDC_CLIENT_SECRET).toBe('file-client-secret');
  });

  it('does not modify the environment object it is given', async () => {
    const env = { ...base, OIDC_CLIENT_SECRET_FILE: await secretFile('s2', 'x-secret\n') };
    const copy = { ...env };
    loadConfig(env);
    expect(env).toEqual(copy);
  });

  it('refuses a missing secret file, naming the file', () => {
    const missing = join(tempDir, 'does-not-exist');
    expect(() => loadConfig({ ...base, OIDC_CLIENT_SECRET_FILE: missing })).toThrow(missing);
  });

  it('refuses an empty secret file, naming the setting', async () => {
    const empty = await secretFile('empty', '  \n');
    const error = loadError({ ...base, OIDC_CLIENT_SECRET_FILE: empty });
    expect(error.message).toContain('OIDC_CLIENT_SECRET');
    expect(error.message).not.toContain(base.OIDC_CLIENT_SECRET);
  });

  it('names every missing required setting', () => {
    const error = loadError({});
    for (const name of ['PUBLIC_URL', 'OIDC_ISSUER', 'DATABASE_URL', 'OIDC_CLIENT_SECRET']) {
      expect(error.message).toContain(name);
    }
  });

  it('never includes secret values in the error', async () => {
    const secretPath = await secretFile('s3', 'file-only-secret-xyz\n');
    const cases: Record<string, string | undefined>[] = [
      { ...base, PUBLIC_URL: undefined },
      { ...base, OIDC_ISSUER: 'not a url' },
      { ...base, DATABASE_URL: undefined, OIDC_CLIENT_SECRET_FILE: secretPath },
      { ...base, OIDC_CLIENT_SECRET: undefined, DATABASE_POOL_MAX: 'lots' },
      { ...base, NODE_ENV: 'staging', LOG_LEVEL: 'loud', TRUST_PROXY: 'yes' },
      { ...base, NODE_ENV: 'production', OIDC_ALLOW_INSECURE_HTTP: 'true' },
    ];
    for (const env of cases) {
      const error = loadError(env);
      expect(error.message).toMatch(/Invalid configuration/);
      for (const secret of [
        base.DATABASE_URL,
        'plain-db-password',
        base.OIDC_CLIENT_SECRET,
        'file-only-secret-xyz',
      ]) {
        expect(error.message).not.toContain(secret);
        expect(JSON.stringify(error, Object.getOwnPropertyNames(error))).not.toContain(secret);
        expect(String(error.stack)).not.toContain(secret);
      }
    }
    // The setting at fault is named.
    expect(loadError({ ...base, PUBLIC_URL: undefined }).message).toContain('PUBLIC_URL');
    expect(loadError({ ...base, DATABASE_POOL_MAX: 'lots' }).message).toContain(
      'DATABASE_POOL_MAX',
    );
  });

  it('refuses OIDC_ALLOW_INSECURE_HTTP in production, allows it in development', () => {
    for (const flag of ['true', '1']) {
      const error = loadError({ ...base, NODE_ENV: 'production', OIDC_ALLOW_INSECURE_HTTP: flag });
      expect(error.message).toContain('OIDC_ALLOW_INSECURE_HTTP');
    }
    expect(
      loadConfig({ ...base, NODE_ENV: 'development', OIDC_ALLOW_INSECURE_HTTP: 'true' })
        .OIDC_ALLOW_INSECURE_HTTP,
    ).toBe(true);
    expect(
      loadConfig({ ...base, NODE_ENV: 'production', OIDC_ALLOW_INSECURE_HTTP: 'false' })
        .OIDC_ALLOW_INSECURE_HTTP,
    ).toBe(false);
  });

  it('refuses DATABASE_SSL_MODE=verify-full without a CA file', async () => {
    const error = loadError({ ...base, DATABASE_SSL_MODE: 'verify-full' });
    expect(error.message).toContain('DATABASE_SSL_CA_FILE');
    const ca = await secretFile('ca.pem', '-----BEGIN CERTIFICATE-----\n');
    expect(
      loadConfig({ ...base, DATABASE_SSL_MODE: 'verify-full', DATABASE_SSL_CA_FILE: ca })
        .DATABASE_SSL_MODE,
    ).toBe('verify-full');
    expect(loadError({ ...base, DATABASE_SSL_MODE: 'require' }).message).toContain(
      'DATABASE_SSL_MODE',
    );
  });

  it('needs both TLS_CERT_FILE and TLS_KEY_FILE, or neither', () => {
    expect(loadError({ ...base, TLS_CERT_FILE: '/x/cert.pem' }).message).toContain('TLS_CERT_FILE');
    expect(loadError({ ...base, TLS_KEY_FILE: '/x/key.pem' }).message).toContain('TLS_CERT_FILE');
  });
});

describe('local OpenID provider', () => {
  async function options(nodeEnv: string | undefined): Promise<TLocalProviderOptions> {
    return {
      port: 0,
      audience: 'dispatch-api',
      web: {
        clientId: 'dispatch-web',
        clientSecret: 'web-secret-web-secret',
        redirectUris: ['http://localhost:1/auth/callback'],
        postLogoutRedirectUris: ['http://localhost:1/'],
      },
      service: {
        clientId: 'dispatch-scripts',
        clientSecret: 'svc-secret-svc-secret',
        roles: ['admin'],
        name: 'Script',
      },
      users: [],
      jwks: await generateSigningKeys(),
      cookieKeys: ['cookie-key-cookie-key'],
      nodeEnv,
    };
  }

  it("refuses to start with nodeEnv 'production'", async () => {
    await expect(startLocalProvider(await options('production'))).rejects.toThrow(/production/i);
  });

  it('refuses to start when nodeEnv is left out and NODE_ENV is production (its documented default)', async () => {
    const saved = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    let outcome: unknown;
    try {
      outcome = await startLocalProvider(await options(undefined)).catch((error: unknown) => error);
    } finally {
      process.env.NODE_ENV = saved;
    }
    if (outcome && typeof outcome === 'object' && 'close' in outcome) {
      await (outcome as { close: () => Promise<void> }).close();
    }
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toMatch(/production/i);
  });

  it('starts in development and publishes discovery', async () => {
    const provider = await startLocalProvider(await options('development'));
    try {
      const response = await fetch(`${provider.issuer}/.well-known/openid-configuration`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { issuer: string }).issuer).toBe(provider.issuer);
    } finally {
      await provider.close();
    }
  });
});
