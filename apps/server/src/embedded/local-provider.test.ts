import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalProvider, type TLocalProvider } from './local-provider';
import { generateSigningKeys } from './signing-keys';

// Behind a proxy, at Keycloak's place (deploy/ci/compose.ci.yml): mounted under the public
// issuer's path, naming its endpoints after the public issuer whatever Host arrives.
const PUBLIC_ISSUER = 'https://dispatch.test:9443/idp/realms/dispatch';

async function options(nodeEnv: string) {
  return {
    port: 0,
    publicIssuer: PUBLIC_ISSUER,
    audience: 'dispatch-api',
    web: {
      clientId: 'dispatch-web',
      clientSecret: 'web-secret',
      redirectUris: ['https://dispatch.test:9443/auth/callback'],
      postLogoutRedirectUris: ['https://dispatch.test:9443/'],
    },
    service: { clientId: 'dispatch-scripts', clientSecret: 'svc-secret', roles: [], name: 'x' },
    users: [],
    jwks: await generateSigningKeys(),
    cookieKeys: ['cookie-key'],
    nodeEnv,
  };
}

let provider: TLocalProvider;
const at = (path: string) =>
  fetch(`http://127.0.0.1:${provider.port}${path}`, { redirect: 'manual' });

beforeAll(async () => {
  provider = await startLocalProvider(await options('test'));
});
afterAll(() => provider?.close());

describe('the local provider behind a proxy (publicIssuer)', () => {
  it('serves discovery under the issuer path, with every endpoint on the public issuer', async () => {
    const answer = await at('/idp/realms/dispatch/.well-known/openid-configuration');
    expect(answer.status).toBe(200);
    const discovery = (await answer.json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe(PUBLIC_ISSUER);
    for (const key of ['authorization_endpoint', 'token_endpoint', 'jwks_uri']) {
      expect(String(discovery[key]), key).toMatch(new RegExp(`^${PUBLIC_ISSUER}/`));
    }
  });

  it('answers 404 outside its path', async () => {
    for (const path of [
      '/.well-known/openid-configuration',
      '/idp/realms/dispatchx/.well-known/openid-configuration',
      '/idp/realms/other/.well-known/openid-configuration',
      '/interaction/abc',
    ]) {
      expect((await at(path)).status, path).toBe(404);
    }
  });

  it('sends the browser to its login form under the issuer path', async () => {
    const query = new URLSearchParams({
      client_id: 'dispatch-web',
      redirect_uri: 'https://dispatch.test:9443/auth/callback',
      response_type: 'code',
      scope: 'openid',
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    const authorize = await at(`/idp/realms/dispatch/auth?${query}`);
    const location = authorize.headers.get('location') ?? '';
    expect(location).toMatch(/^\/idp\/realms\/dispatch\/interaction\/[\w-]+$/);
    const form = await fetch(`http://127.0.0.1:${provider.port}${location}`, {
      headers: {
        cookie: authorize.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; '),
      },
    });
    expect(form.status).toBe(200);
    expect(await form.text()).toContain(`action="${location}/login"`);
  });

  it('refuses to start under NODE_ENV=production', async () => {
    await expect(startLocalProvider(await options('production'))).rejects.toThrow(/production/);
  });
});
