import { describe, expect, it } from 'vitest';
import { authorizedFetch } from '../src/authorized-fetch';
import { TokenRequestError, createTokenSource, type TTokenSource } from '../src/token-source';

const ISSUER = 'https://auth.example.test/realms/dispatch';
const SECRET = 'not-a-real-secret-but-still-secret';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const jwt = (claims: Record<string, unknown>) =>
  ['{"alg":"RS256"}', JSON.stringify(claims), 'signature']
    .map((part, i) => (i < 2 ? Buffer.from(part).toString('base64url') : part))
    .join('.');

/** A fake provider: discovery plus a token endpoint that counts its calls. */
function fakeProvider(
  options: {
    expiresIn?: number;
    aud?: string;
    refuse?: 'body' | 'challenge';
    delayMs?: number;
  } = {},
) {
  const state = { tokenRequests: 0 };
  const fetch = (async (input: Parameters<typeof globalThis.fetch>[0]) => {
    const url = String(input);
    if (url === `${ISSUER}/.well-known/openid-configuration`) {
      return json({ issuer: ISSUER, token_endpoint: `${ISSUER}/token` });
    }
    if (url === `${ISSUER}/token`) {
      state.tokenRequests++;
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      if (options.refuse) {
        const refusal = json(
          { error: 'invalid_client', error_description: 'bad credentials' },
          401,
        );
        if (options.refuse === 'challenge')
          refusal.headers.set('www-authenticate', 'Basic realm="x"');
        return refusal;
      }
      return json({
        access_token: jwt({ aud: options.aud ?? 'dispatch-api', n: state.tokenRequests }),
        token_type: 'Bearer',
        expires_in: options.expiresIn ?? 300,
      });
    }
    return new Response('not found', { status: 404 });
  }) as typeof globalThis.fetch;
  return { state, fetch };
}

function clock() {
  let time = 1_000_000;
  return { now: () => time, advance: (seconds: number) => (time += seconds * 1000) };
}

const base = { issuer: ISSUER, clientId: 'dispatch-scripts', clientSecret: SECRET };

describe('token source (client credentials)', () => {
  it('asks the provider once for many callers, concurrent or not', async () => {
    const provider = fakeProvider({ delayMs: 20 });
    const tokens = createTokenSource({ ...base, fetch: provider.fetch });
    const [a, b, c] = await Promise.all([tokens.getToken(), tokens.getToken(), tokens.getToken()]);
    expect(a).toBe(b);
    expect(b).toBe(c);
    expect(await tokens.getToken()).toBe(a);
    expect(provider.state.tokenRequests).toBe(1);
  });

  it('renews shortly before the token expires, not after', async () => {
    const provider = fakeProvider({ expiresIn: 300 });
    const time = clock();
    const tokens = createTokenSource({ ...base, fetch: provider.fetch, now: time.now });
    const first = await tokens.getToken();
    time.advance(265);
    expect(await tokens.getToken()).toBe(first);
    time.advance(10); // 275 s: inside the 30 s renewal margin
    const second = await tokens.getToken();
    expect(second).not.toBe(first);
    expect(provider.state.tokenRequests).toBe(2);
  });

  it('keeps short-lived tokens for half their lifetime', async () => {
    const provider = fakeProvider({ expiresIn: 10 });
    const time = clock();
    const tokens = createTokenSource({ ...base, fetch: provider.fetch, now: time.now });
    await tokens.getToken();
    time.advance(4);
    await tokens.getToken();
    expect(provider.state.tokenRequests).toBe(1);
    time.advance(2);
    await tokens.getToken();
    expect(provider.state.tokenRequests).toBe(2);
  });

  it('forgets an invalidated token', async () => {
    const provider = fakeProvider();
    const tokens = createTokenSource({ ...base, fetch: provider.fetch });
    const first = await tokens.getToken();
    tokens.invalidate('some-other-token');
    expect(await tokens.getToken()).toBe(first);
    tokens.invalidate(first);
    expect(await tokens.getToken()).not.toBe(first);
  });

  it.each(['body', 'challenge'] as const)(
    'explains a refused client without echoing the secret (%s)',
    async (refuse) => {
      const provider = fakeProvider({ refuse });
      const tokens = createTokenSource({ ...base, fetch: provider.fetch });
      const error = await tokens.getToken().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TokenRequestError);
      const message = (error as Error).message;
      expect(message).toMatch(/dispatch-scripts.*invalid_client.*HTTP 401.*client id and secret/);
      expect(message).not.toContain(SECRET);
    },
  );

  it('refuses a token for another audience', async () => {
    const provider = fakeProvider({ aud: 'account' });
    const tokens = createTokenSource({ ...base, fetch: provider.fetch, audience: 'dispatch-api' });
    await expect(tokens.getToken()).rejects.toThrow(
      /not for audience "dispatch-api".*aud: account/,
    );
  });

  it('refuses an http issuer unless insecure HTTP is allowed', () => {
    const issuer = 'http://localhost:9999';
    expect(() => createTokenSource({ ...base, issuer })).toThrow(/does not use https/);
    expect(() => createTokenSource({ ...base, issuer, allowInsecureHttp: true })).not.toThrow();
  });
});

describe('authorized fetch', () => {
  function tokensFrom(list: string[]) {
    const invalidated: string[] = [];
    let index = 0;
    const source: TTokenSource = {
      getToken: async () => list[Math.min(index, list.length - 1)] ?? '',
      invalidate: (token) => {
        invalidated.push(token);
        index++;
      },
    };
    return { source, invalidated };
  }

  it('sends the bearer token and retries once with a new token after a 401', async () => {
    const seen: string[] = [];
    const api = (async (_input: Parameters<typeof globalThis.fetch>[0], init?: RequestInit) => {
      const auth = new Headers(init?.headers).get('authorization') ?? '';
      seen.push(auth);
      return new Response(null, { status: auth === 'Bearer new' ? 200 : 401 });
    }) as typeof globalThis.fetch;
    const { source, invalidated } = tokensFrom(['old', 'new']);
    const response = await authorizedFetch(api, source)('https://api.example.test/trpc/me.get', {
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(seen).toEqual(['Bearer old', 'Bearer new']);
    expect(invalidated).toEqual(['old']);
  });

  it('gives up after one retry', async () => {
    let calls = 0;
    const api = (async () => {
      calls++;
      return new Response(null, { status: 401 });
    }) as typeof globalThis.fetch;
    const { source } = tokensFrom(['a', 'b', 'c']);
    const response = await authorizedFetch(api, source)('https://api.example.test/trpc/me.get');
    expect(response.status).toBe(401);
    expect(calls).toBe(2);
  });
});
