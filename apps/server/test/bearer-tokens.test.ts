import { randomUUID } from 'node:crypto';
import {
  SignJWT,
  base64url,
  decodeJwt,
  decodeProtectedHeader,
  exportSPKI,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWTPayload,
} from 'jose';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUDIENCE, WEB_CLIENT_ID } from '../src/auth/client-ids';
import { TestBrowser } from './helpers/browser';
import { startStack, type TStack } from './helpers/stack';
import { countAllRows } from '@dispatch/db/testing';

/**
 * Scripts call the API with `Authorization: Bearer <JWT>`. A real client-credentials token works;
 * every token with exactly one defect is refused with 401 and writes nothing.
 */

let stack: TStack;
let signingKey: CryptoKey | Uint8Array;
let kid: string;

beforeAll(async () => {
  stack = await startStack();
  const jwk = stack.signingKeys.keys[0];
  if (!jwk?.kid) throw new Error('the stack exposes no signing key');
  kid = jwk.kid;
  signingKey = await importJWK({ ...jwk, alg: 'RS256' } as Parameters<typeof importJWK>[0]);
});
afterAll(() => stack?.stop());

const rowCounts = () => countAllRows(stack.tdb.sql);

const now = () => Math.floor(Date.now() / 1000);

/** The claims of an otherwise-valid access token: our issuer and audience, live, with a subject. */
function accessClaims(overrides: JWTPayload = {}): JWTPayload {
  return {
    iss: stack.issuer,
    aud: DEFAULT_AUDIENCE,
    sub: 'script-sub',
    client_id: 'dispatch-scripts',
    iat: now(),
    exp: now() + 300,
    realm_access: { roles: ['admin'] },
    ...overrides,
  };
}

/** Signs with the provider's real key; header typ `at+jwt` and the real kid unless overridden. */
async function mint(
  claims: JWTPayload,
  header: { alg?: string; typ?: string; kid?: string } = {},
  key: CryptoKey | Uint8Array = signingKey,
) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid, ...header })
    .sign(key);
}

async function clientCredentialsToken(): Promise<string> {
  const basic = Buffer.from(
    `${encodeURIComponent(stack.service.clientId)}:${encodeURIComponent(stack.service.clientSecret)}`,
  ).toString('base64');
  const response = await fetch(`${stack.issuer}/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (response.status !== 200) throw new Error(`token endpoint: ${JSON.stringify(body)}`);
  expect(body.token_type).toBe('Bearer');
  return body.access_token as string;
}

type TCall = { status: number; body: Record<string, unknown>; headers: Headers };

async function call(
  path: string,
  authorization: string | undefined,
  input?: unknown,
  type: 'query' | 'mutation' = 'query',
): Promise<TCall> {
  const headers: Record<string, string> = {};
  if (authorization !== undefined) headers.authorization = authorization;
  const encoded = input === undefined ? undefined : JSON.stringify(superjson.serialize(input));
  const response =
    type === 'query'
      ? await fetch(
          `${stack.url}/trpc/${path}${encoded ? `?input=${encodeURIComponent(encoded)}` : ''}`,
          { headers },
        )
      : await fetch(`${stack.url}/trpc/${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: encoded ?? '{}',
        });
  const text = await response.text();
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = { raw: text };
  }
  return { status: response.status, body, headers: response.headers };
}

const dataOf = (r: TCall) =>
  (r.body as { result?: { data?: { json?: unknown } } }).result?.data?.json as
    Record<string, unknown> | unknown[] | undefined;
const errorOf = (r: TCall) =>
  (r.body as { error?: { json?: { data?: { code?: string; httpStatus?: number } } } }).error?.json
    ?.data;

let typeCounter = 0;
const freshTypeName = () => `bt-${Date.now().toString(36)}-${typeCounter++}`;

/**
 * Sends the token to a read and to a write; both must be refused with 401 before any procedure
 * runs, and no table may change.
 */
async function expectRefused(
  authorization: string,
  expectedError = 'invalid_token',
  reason?: RegExp,
) {
  const logsBefore = stack.logs.length;
  const before = await rowCounts();
  const read = await call('me.get', authorization);
  expect(read.status).toBe(401);
  expect(read.body).toEqual({ error: expectedError });
  expect(read.headers.get('www-authenticate')).toContain('Bearer');
  const write = await call(
    'equipmentTypes.create',
    authorization,
    { name: freshTypeName() },
    'mutation',
  );
  expect(write.status).toBe(401);
  expect(write.body).toEqual({ error: expectedError });
  expect(await rowCounts()).toEqual(before);
  if (reason) {
    // The server's log says why, which shows the token failed on the defect under test.
    const reasons = stack.logs
      .slice(logsBefore)
      .filter((l) => l.msg === 'bearer token refused')
      .map((l) => String(l.reason));
    expect(reasons).toHaveLength(2);
    for (const r of reasons) expect(r).toMatch(reason);
  }
}

describe('bearer tokens from the provider', () => {
  it('a client-credentials token carries our audience and the service roles', async () => {
    const token = await clientCredentialsToken();
    const header = decodeProtectedHeader(token);
    expect(header.alg).toBe('RS256');
    expect(header.typ?.toLowerCase()).toMatch(/^(application\/)?at\+jwt$/);
    expect(header.kid).toBe(kid);
    const claims = decodeJwt(token);
    expect(claims.iss).toBe(stack.issuer);
    expect([claims.aud].flat()).toContain('dispatch-api');
    expect((claims.realm_access as { roles: string[] }).roles).toEqual(['admin']);
  });

  it('reads and writes with a real service-account token, without CSRF header or cookie', async () => {
    const token = await clientCredentialsToken();
    const me = await call('me.get', `Bearer ${token}`);
    expect(me.status).toBe(200);
    expect(dataOf(me)).toMatchObject({ roles: ['admin'], name: 'Import script' });

    const before = await rowCounts();
    const name = freshTypeName();
    const created = await call('equipmentTypes.create', `Bearer ${token}`, { name }, 'mutation');
    expect(created.status).toBe(200);
    expect(dataOf(created)).toMatchObject({ name, equipmentCount: 0 });
    const after = await rowCounts();
    expect(after.equipment_types).toBe((before.equipment_types ?? 0) + 1);
    expect(after.events).toBe((before.events ?? 0) + 1);
    // A script's request never creates a browser session.
    expect(after.sessions).toBe(before.sessions);

    const list = await call('equipmentTypes.list', `Bearer ${token}`);
    expect(list.status).toBe(200);
    expect((dataOf(list) as { name: string }[]).map((t) => t.name)).toContain(name);
  });

  it('accepts a token minted with the real key and valid claims (the baseline for the attacks)', async () => {
    const token = await mint(accessClaims());
    const me = await call('me.get', `Bearer ${token}`);
    expect(me.status).toBe(200);
    expect(dataOf(me)).toMatchObject({ subject: 'script-sub', roles: ['admin'] });
  });

  it('accepts Keycloak-style access tokens (header typ JWT, claim typ Bearer)', async () => {
    const token = await mint(accessClaims({ typ: 'Bearer' }), { typ: 'JWT' });
    const me = await call('me.get', `Bearer ${token}`);
    expect(me.status).toBe(200);
  });
});

describe('bearer token attacks: 401 and nothing written', () => {
  it('refuses alg none', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'at+jwt', kid }));
    const payload = base64url.encode(JSON.stringify(accessClaims()));
    await expectRefused(`Bearer ${header}.${payload}.`, 'invalid_token', /alg/i);
    // Some libraries only check for a missing signature; also send a junk one.
    await expectRefused(
      `Bearer ${header}.${payload}.${base64url.encode('x')}`,
      'invalid_token',
      /alg/i,
    );
  });

  it('refuses HS256 keyed with the provider public key', async () => {
    const jwk = stack.signingKeys.keys[0]!;
    const publicKey = await importJWK(
      { kty: jwk.kty, n: jwk.n, e: jwk.e, alg: 'RS256' } as Parameters<typeof importJWK>[0],
      'RS256',
      { extractable: true },
    );
    const pem = await exportSPKI(publicKey as CryptoKey);
    for (const secret of [pem, JSON.stringify({ kty: jwk.kty, n: jwk.n, e: jwk.e }), jwk.n!]) {
      const token = await mint(accessClaims(), { alg: 'HS256' }, new TextEncoder().encode(secret));
      await expectRefused(`Bearer ${token}`, 'invalid_token', /alg/i);
    }
  });

  it('refuses a wrong issuer', async () => {
    await expectRefused(
      `Bearer ${await mint(accessClaims({ iss: 'https://evil.example' }))}`,
      'invalid_token',
      /"iss"/,
    );
    await expectRefused(
      `Bearer ${await mint(accessClaims({ iss: `${stack.issuer}/` }))}`,
      'invalid_token',
      /"iss"/,
    );
    const { iss: _omitted, ...noIssuer } = accessClaims();
    await expectRefused(`Bearer ${await mint(noIssuer)}`, 'invalid_token', /"iss"/);
  });

  it('refuses a wrong audience', async () => {
    await expectRefused(
      `Bearer ${await mint(accessClaims({ aud: 'some-other-api' }))}`,
      'invalid_token',
      /"aud"/,
    );
    await expectRefused(
      `Bearer ${await mint(accessClaims({ aud: WEB_CLIENT_ID }))}`,
      'invalid_token',
      /"aud"/,
    );
    const { aud: _omitted, ...noAudience } = accessClaims();
    await expectRefused(`Bearer ${await mint(noAudience)}`, 'invalid_token', /"aud"/);
  });

  it("refuses a token issued to a client that may not call the API (a user's web-client token)", async () => {
    // Our audience and a valid signature are not enough: a browser user's token (client
    // dispatch-web) lifted from the page must not work as a script's bearer token.
    const { client_id: _omitted, ...noClient } = accessClaims();
    await expectRefused(
      `Bearer ${await mint({ ...noClient, client_id: WEB_CLIENT_ID })}`,
      'invalid_token',
      /client dispatch-web, not allowed/,
    );
    await expectRefused(
      `Bearer ${await mint({ ...noClient, azp: WEB_CLIENT_ID })}`,
      'invalid_token',
      /client dispatch-web, not allowed/,
    );
    await expectRefused(
      `Bearer ${await mint({ ...noClient, azp: 'some-other-client' })}`,
      'invalid_token',
      /client some-other-client/,
    );
    await expectRefused(`Bearer ${await mint(noClient)}`, 'invalid_token', /client \(none\)/);
    // RFC 9068's client_id is the client; an azp beside it does not override it.
    await expectRefused(
      `Bearer ${await mint({ ...noClient, client_id: WEB_CLIENT_ID, azp: 'dispatch-scripts' })}`,
      'invalid_token',
      /client dispatch-web/,
    );
    // Keycloak names the client in azp: a script client's token that way is accepted.
    const keycloakStyle = await mint({ ...noClient, azp: 'dispatch-scripts' });
    expect((await call('me.get', `Bearer ${keycloakStyle}`)).status).toBe(200);
  });

  it('refuses an expired token (beyond the 30 s tolerance) and one without exp', async () => {
    await expectRefused(
      `Bearer ${await mint(accessClaims({ iat: now() - 600, exp: now() - 60 }))}`,
      'invalid_token',
      /"exp"/,
    );
    const { exp: _omitted, ...noExpiry } = accessClaims();
    await expectRefused(`Bearer ${await mint(noExpiry)}`, 'invalid_token', /"exp"/);
  });

  it('refuses a token that is not valid yet (nbf in the future)', async () => {
    await expectRefused(
      `Bearer ${await mint(accessClaims({ nbf: now() + 300 }))}`,
      'invalid_token',
      /"nbf"/,
    );
  });

  it('refuses a real ID token used as an access token', async () => {
    // A real ID token, issued to the web client by the provider during a browser sign-in.
    const browser = new TestBrowser();
    await browser.signIn(stack.url, 'admin', stack.user('admin').password);
    const [row] = await stack.tdb.sql<{ id_token: string }[]>`
      select id_token from sessions where subject = 'sub-admin' and id_token is not null`;
    const idToken = row!.id_token;
    expect(decodeJwt(idToken).aud).toBe(WEB_CLIENT_ID);
    await expectRefused(`Bearer ${idToken}`, 'invalid_token', /"aud"/);

    // The same shape minted: header typ JWT, no typ claim, audience = the web client.
    const minted = await mint(accessClaims({ aud: WEB_CLIENT_ID, nonce: 'n' }), { typ: 'JWT' });
    await expectRefused(`Bearer ${minted}`, 'invalid_token', /"aud"/);
    // Isolating the type check: our audience, but an ID token's header (typ JWT, or none).
    const withOurAudience = await mint(accessClaims(), { typ: 'JWT' });
    await expectRefused(`Bearer ${withOurAudience}`, 'invalid_token', /not an access token/);
    const keycloakIdToken = await mint(accessClaims({ typ: 'ID' }), { typ: 'JWT' });
    await expectRefused(`Bearer ${keycloakIdToken}`, 'invalid_token', /not an access token/);
  });

  it('refuses a token signed by a key that is not in the JWKS (unknown kid, or a reused kid)', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    await expectRefused(
      `Bearer ${await mint(accessClaims(), { kid: randomUUID() }, privateKey)}`,
      'invalid_token',
      /no applicable key/,
    );
    // The attacker copies the real kid; the signature must still be checked against the real key.
    await expectRefused(
      `Bearer ${await mint(accessClaims(), { kid }, privateKey)}`,
      'invalid_token',
      /signature verification failed/,
    );
  });

  it('refuses a tampered payload (signature unchanged)', async () => {
    const real = await clientCredentialsToken();
    const [header, payload, signature] = real.split('.');
    const claims = JSON.parse(new TextDecoder().decode(base64url.decode(payload!))) as JWTPayload;
    const tampered = {
      ...claims,
      realm_access: { roles: ['admin', 'dispatcher'] },
      exp: (claims.exp ?? now()) + 3600,
    };
    await expectRefused(
      `Bearer ${header}.${base64url.encode(JSON.stringify(tampered))}.${signature}`,
      'invalid_token',
      /signature verification failed/,
    );

    // A viewer escalating to admin by editing its own token.
    const viewer = await mint(accessClaims({ realm_access: { roles: ['viewer'] } }));
    const [vh, vp, vs] = viewer.split('.');
    const escalated = {
      ...(JSON.parse(new TextDecoder().decode(base64url.decode(vp!))) as JWTPayload),
      realm_access: { roles: ['admin'] },
    };
    await expectRefused(
      `Bearer ${vh}.${base64url.encode(JSON.stringify(escalated))}.${vs}`,
      'invalid_token',
      /signature verification failed/,
    );
  });

  it('refuses malformed Authorization headers', async () => {
    await expectRefused('Bearer', 'invalid_request');
    await expectRefused('Bearer ', 'invalid_request');
    await expectRefused('Bearer !!not a token!!', 'invalid_request');
    await expectRefused('Basic xyz', 'invalid_request');
    await expectRefused(
      `Basic ${Buffer.from('admin:admin').toString('base64')}`,
      'invalid_request',
    );
    await expectRefused('Bearer garbage', 'invalid_token');
    await expectRefused('Bearer a.b.c', 'invalid_token');
  });

  it('does not fall back to the session cookie when the bearer token is bad', async () => {
    const browser = new TestBrowser();
    await browser.signIn(stack.url, 'admin', stack.user('admin').password);
    const cookie = await browser.cookie(stack.url, 'dispatch_session');
    expect(cookie).toBeTruthy();
    const before = await rowCounts();
    const response = await fetch(`${stack.url}/trpc/equipmentTypes.create`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer a.b.c',
        cookie: `dispatch_session=${cookie}`,
        'x-dispatch-csrf': '1',
        'content-type': 'application/json',
      },
      body: JSON.stringify(superjson.serialize({ name: freshTypeName() })),
    });
    expect(response.status).toBe(401);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('roles from bearer tokens', () => {
  it('a viewer token can read, but a mutation is FORBIDDEN (403) and writes nothing', async () => {
    const token = await mint(
      accessClaims({ sub: 'viewer-script', realm_access: { roles: ['viewer'] } }),
    );
    const me = await call('me.get', `Bearer ${token}`);
    expect(me.status).toBe(200);
    expect(dataOf(me)).toMatchObject({ roles: ['viewer'], capabilities: ['read'] });
    const list = await call('equipmentTypes.list', `Bearer ${token}`);
    expect(list.status).toBe(200);

    const before = await rowCounts();
    const create = await call(
      'equipmentTypes.create',
      `Bearer ${token}`,
      { name: freshTypeName() },
      'mutation',
    );
    expect(create.status).toBe(403);
    expect(errorOf(create)?.code).toBe('FORBIDDEN');
    expect(await rowCounts()).toEqual(before);
  });

  it('roles under another claim path are no roles at all', async () => {
    const { realm_access: _omitted, ...withoutRealmRoles } = accessClaims();
    const token = await mint({
      ...withoutRealmRoles,
      sub: 'elsewhere-script',
      roles: ['admin'],
      resource_access: { 'dispatch-api': { roles: ['admin'] } },
      realm_access: { admin: true },
    });
    const me = await call('me.get', `Bearer ${token}`);
    expect(me.status).toBe(200);
    expect(dataOf(me)).toMatchObject({ subject: 'elsewhere-script', roles: [], capabilities: [] });

    const list = await call('equipmentTypes.list', `Bearer ${token}`);
    expect(list.status).toBe(403);
    expect(errorOf(list)?.code).toBe('FORBIDDEN');

    const before = await rowCounts();
    const create = await call(
      'equipmentTypes.create',
      `Bearer ${token}`,
      { name: freshTypeName() },
      'mutation',
    );
    expect(create.status).toBe(403);
    expect(errorOf(create)?.code).toBe('FORBIDDEN');
    expect(await rowCounts()).toEqual(before);
  });

  it('a roles claim that is not an array of strings grants nothing', async () => {
    for (const roles of ['admin', { admin: true }, [['admin']], [{ name: 'admin' }]]) {
      const token = await mint(accessClaims({ sub: 'odd-roles', realm_access: { roles } }));
      const me = await call('me.get', `Bearer ${token}`);
      expect(me.status).toBe(200);
      expect(dataOf(me)).toMatchObject({ roles: [] });
    }
  });
});
