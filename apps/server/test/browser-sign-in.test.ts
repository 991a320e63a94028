import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@dispatch/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from './helpers/browser';
import { startStack, type TStack } from './helpers/stack';

let stack: TStack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

describe('browser sign-in (authorization code + PKCE, server-side session)', () => {
  it('signs in on the provider login form, calls the API, logs out, and the old cookie is dead', async () => {
    const browser = new TestBrowser();
    const landed = await browser.signIn(
      stack.url,
      'dispatcher',
      stack.user('dispatcher').password,
      '/work-orders',
    );
    expect(landed).toBe(`${stack.url}/work-orders`);

    // The authorisation request used PKCE S256, state and nonce.
    const authorize = browser.hops.find((h) => h.url.startsWith(`${stack.issuer}/auth?`));
    const params = new URL(authorize!.url).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(params.get('state')).toBeTruthy();
    expect(params.get('nonce')).toBeTruthy();

    const sessionCookie = await browser.cookie(stack.url, 'dispatch_session');
    expect(sessionCookie).toMatch(/^[\w-]{43}$/);
    const cookies = await browser.jar.getCookies(stack.url);
    expect(cookies.find((c) => c.key === 'dispatch_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'lax',
    });
    // Only a hash of the id is stored.
    const rows = await stack.tdb.sql`select id_hash from sessions`;
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id_hash).not.toBe(sessionCookie);

    const me = await browser.trpc(stack.url, 'me.get');
    expect(me.status).toBe(200);
    expect(me.data).toMatchObject({
      subject: 'sub-dispatcher',
      name: 'Dee Dispatcher',
      roles: ['dispatcher'],
    });

    const logout = await browser.fetch(`${stack.url}/auth/logout`, {
      method: 'POST',
      headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(logout.status).toBe(200);
    const { redirectTo } = (await logout.json()) as { redirectTo: string };
    expect(redirectTo.startsWith(`${stack.issuer}/session/end`)).toBe(true);
    expect(new URL(redirectTo).searchParams.get('id_token_hint')).toBeTruthy();
    expect(await stack.tdb.sql`select 1 from sessions`).toHaveLength(0);

    // Replaying the old cookie gets nothing.
    const replay = await fetch(`${stack.url}/trpc/me.get`, {
      headers: { cookie: `dispatch_session=${sessionCookie}`, [CSRF_HEADER]: CSRF_HEADER_VALUE },
    });
    expect(replay.status).toBe(401);
  });

  it('refuses a wrong password on the provider and never creates a session', async () => {
    const browser = new TestBrowser();
    await expect(browser.signIn(stack.url, 'dispatcher', 'wrong-password')).rejects.toThrow(/401/);
    expect(
      await stack.tdb.sql`select 1 from sessions where subject = 'sub-dispatcher'`,
    ).toHaveLength(0);
  });

  it('keeps tokens and codes out of the logs', async () => {
    const browser = new TestBrowser();
    await browser.signIn(stack.url, 'viewer', stack.user('viewer').password);
    const logs = stack.rawLogs();
    const session = await browser.cookie(stack.url, 'dispatch_session');
    expect(logs).not.toContain(session);
    expect(logs).not.toMatch(/code=|eyJ[\w-]+\.eyJ/);
    expect(logs).not.toContain(stack.webClient.clientSecret);
    expect(logs).not.toContain(stack.user('viewer').password);
  });
});
