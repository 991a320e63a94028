import { createHash } from 'node:crypto';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@dispatch/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from './helpers/browser';
import { startStack, type TStack } from './helpers/stack';

/**
 * Browser sessions: fixation, idle and absolute expiry, cookie attributes, single-use login flows,
 * no open redirect after login, and the login rate limit.
 */

const IDLE_MINUTES = 1;

let stack: TStack;
beforeAll(async () => {
  // Generous login limit here: this file signs in many times; the limit has its own stack below.
  stack = await startStack({
    SESSION_IDLE_MINUTES: IDLE_MINUTES,
    LOGIN_RATE_LIMIT_PER_MINUTE: 500,
  });
});
afterAll(() => stack?.stop());

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

async function apiStatus(cookie: string | undefined) {
  const response = await fetch(`${stack.url}/trpc/me.get`, {
    headers: {
      [CSRF_HEADER]: CSRF_HEADER_VALUE,
      ...(cookie ? { cookie: `dispatch_session=${cookie}` } : {}),
    },
  });
  const body = (await response.json()) as {
    result?: { data: { json: { subject: string } } };
    error?: { json: { data: { code: string } } };
  };
  return {
    status: response.status,
    subject: body.result?.data.json.subject,
    code: body.error?.json.data.code,
  };
}

/**
 * Walks the sign-in up to, but not into, the app's callback: returns the callback URL (with the
 * provider's code and state) so a test can call it itself. Signs in on the form when the provider
 * shows one; with a live provider session it redirects straight back.
 */
async function signInUntilCallback(
  browser: TestBrowser,
  username: string,
  returnTo = '/',
): Promise<string> {
  const callbackPrefix = `${stack.url}/auth/callback`;
  let url = `${stack.url}/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
  let response = await browser.fetch(url);
  for (let i = 0; i < 20; i++) {
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location') ?? '', url).toString();
      if (url.startsWith(callbackPrefix)) return url;
      response = await browser.fetch(url);
      continue;
    }
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (response.status !== 200 || !action)
      throw new Error(`unexpected ${response.status} at ${url}`);
    url = new URL(action, url).toString();
    response = await browser.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username, password: stack.user(username).password }).toString(),
    });
  }
  throw new Error('sign-in never reached the callback');
}

async function signedIn(username: string) {
  const browser = new TestBrowser();
  await browser.signIn(stack.url, username, stack.user(username).password);
  const cookie = await browser.cookie(stack.url, 'dispatch_session');
  if (!cookie) throw new Error('no session cookie after sign-in');
  return { browser, cookie };
}

describe('session fixation', () => {
  it('replaces an attacker-planted session cookie with a fresh id at login', async () => {
    const browser = new TestBrowser();
    const planted = 'attacker-chosen-session-id-0123456789abcdefghijk';
    await browser.jar.setCookie(`dispatch_session=${planted}; Path=/`, stack.url);
    expect(await browser.cookie(stack.url, 'dispatch_session')).toBe(planted);

    await browser.signIn(stack.url, 'dispatcher', stack.user('dispatcher').password);
    const cookie = await browser.cookie(stack.url, 'dispatch_session');
    expect(cookie).toBeTruthy();
    expect(cookie).not.toBe(planted);

    // The planted value authenticates nobody and is nowhere in the table.
    expect(await apiStatus(planted)).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(
      await stack.tdb.sql`select 1 from sessions where id_hash = ${sha256(planted)}`,
    ).toHaveLength(0);
    expect(await apiStatus(cookie)).toMatchObject({ status: 200, subject: 'sub-dispatcher' });
  });

  it('ends the previous session of the same browser when it signs in again', async () => {
    const { browser, cookie: first } = await signedIn('viewer');
    expect(await apiStatus(first)).toMatchObject({ status: 200, subject: 'sub-viewer' });
    const before = await stack.tdb.sql`select id_hash from sessions where subject = 'sub-viewer'`;
    expect(before.map((r) => r.id_hash)).toContain(sha256(first));

    // Signs in again (the provider still knows the browser, so no form this time).
    const callback = await signInUntilCallback(browser, 'viewer');
    const landed = await browser.follow(callback);
    expect(landed.url).toBe(`${stack.url}/`);
    const second = await browser.cookie(stack.url, 'dispatch_session');
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);

    expect(await apiStatus(first)).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(await apiStatus(second)).toMatchObject({ status: 200, subject: 'sub-viewer' });
    const hashes = (
      await stack.tdb.sql`select id_hash from sessions where subject = 'sub-viewer'`
    ).map((r) => r.id_hash);
    expect(hashes).not.toContain(sha256(first));
    expect(hashes).toContain(sha256(second!));
  });
});

describe('session expiry', () => {
  it('refuses a session idle for longer than SESSION_IDLE_MINUTES (401)', async () => {
    const { cookie } = await signedIn('admin');
    expect(await apiStatus(cookie)).toMatchObject({ status: 200 });
    await stack.tdb.sql`
      update sessions set last_seen_at = now() - ${IDLE_MINUTES * 60 + 5} * interval '1 second'
      where id_hash = ${sha256(cookie)}`;
    expect(await apiStatus(cookie)).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    // The request did not revive it either.
    expect(await apiStatus(cookie)).toMatchObject({ status: 401 });
  });

  it('keeps a session that was idle for less than the timeout', async () => {
    const { cookie } = await signedIn('admin');
    await stack.tdb.sql`
      update sessions set last_seen_at = now() - ${IDLE_MINUTES * 60 - 20} * interval '1 second'
      where id_hash = ${sha256(cookie)}`;
    expect(await apiStatus(cookie)).toMatchObject({ status: 200, subject: 'sub-admin' });
  });

  it('counts idle time from the last request: a session in use is not cut off', async () => {
    const { cookie } = await signedIn('admin');
    const ageBy = (seconds: number) => stack.tdb.sql`
      update sessions set last_seen_at = last_seen_at - ${seconds} * interval '1 second',
        created_at = created_at - ${seconds} * interval '1 second',
        expires_at = expires_at - ${seconds} * interval '1 second'
      where id_hash = ${sha256(cookie)}`;
    // Quiet for three quarters of the idle timeout, then one request...
    await ageBy(IDLE_MINUTES * 45);
    expect(await apiStatus(cookie)).toMatchObject({ status: 200 });
    // ...and half the idle timeout later (less than the timeout since that request) it is alive.
    await ageBy(IDLE_MINUTES * 30);
    expect(await apiStatus(cookie)).toMatchObject({ status: 200, subject: 'sub-admin' });
  });

  it('refuses a session past its absolute expiry even when active (401)', async () => {
    const { cookie } = await signedIn('admin');
    expect(await apiStatus(cookie)).toMatchObject({ status: 200 });
    await stack.tdb.sql`
      update sessions set expires_at = now() - interval '1 second', last_seen_at = now()
      where id_hash = ${sha256(cookie)}`;
    expect(await apiStatus(cookie)).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
  });

  it('sets the absolute expiry SESSION_ABSOLUTE_HOURS after sign-in', async () => {
    const { cookie } = await signedIn('driver');
    const [row] = await stack.tdb.sql<{ hours: number }[]>`
      select extract(epoch from (expires_at - created_at)) / 3600 as hours
      from sessions where id_hash = ${sha256(cookie)}`;
    expect(Number(row?.hours)).toBeCloseTo(stack.config.SESSION_ABSOLUTE_HOURS, 2);
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/, not prefixed and not Secure on plain http', async () => {
    const browser = new TestBrowser();
    const callback = await signInUntilCallback(browser, 'driver');
    const response = await browser.fetch(callback);
    expect(response.status).toBe(302);
    const setCookies = response.headers.getSetCookie();
    const session = setCookies.find((c) => c.startsWith('dispatch_session='));
    expect(session, setCookies.join('\n')).toBeTruthy();
    const attributes = session!
      .split(';')
      .slice(1)
      .map((a) => a.trim().toLowerCase());
    expect(attributes).toContain('httponly');
    expect(attributes).toContain('samesite=lax');
    expect(attributes).toContain('path=/');
    expect(attributes).not.toContain('secure');
    expect(attributes.some((a) => a.startsWith('domain='))).toBe(false);
    expect(setCookies.some((c) => c.startsWith('__Host-'))).toBe(false);
    // The value is 32 random bytes, base64url.
    expect(session!.split(';')[0]!.slice('dispatch_session='.length)).toMatch(/^[\w-]{43}$/);
    // The login-flow cookie is cleared by the callback.
    const login = setCookies.find((c) => c.startsWith('dispatch_login='));
    expect(login).toBeTruthy();
    expect(login!.toLowerCase()).toMatch(/expires=thu, 01 jan 1970|max-age=0/);
  });
});

describe('login flow', () => {
  it('refuses a login flow older than ten minutes and creates no session', async () => {
    const browser = new TestBrowser();
    const callback = await signInUntilCallback(browser, 'dispatcher');
    const flowCookie = await browser.cookie(stack.url, 'dispatch_login');
    await stack.tdb.sql`
      update login_flows set created_at = now() - interval '11 minutes'
      where id_hash = ${sha256(flowCookie!)}`;
    const sessionsBefore = (await stack.tdb.sql`select 1 from sessions`).length;
    const response = await browser.fetch(callback);
    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie().some((c) => c.startsWith('dispatch_session='))).toBe(
      false,
    );
    expect((await stack.tdb.sql`select 1 from sessions`).length).toBe(sessionsBefore);
  });

  it('is single use: replaying the callback fails with 400 and creates no session', async () => {
    const browser = new TestBrowser();
    const callback = await signInUntilCallback(browser, 'dispatcher');
    const flowCookie = await browser.cookie(stack.url, 'dispatch_login');
    expect(flowCookie).toBeTruthy();

    const first = await browser.fetch(callback);
    expect(first.status).toBe(302);
    const session = await browser.cookie(stack.url, 'dispatch_session');
    expect(session).toBeTruthy();
    const sessionsAfterLogin = (await stack.tdb.sql`select id_hash from sessions`).length;

    // Replay exactly as the browser would (its flow cookie is gone by now)...
    const replay = await browser.fetch(callback);
    expect(replay.status).toBe(400);
    // ...and as an attacker who kept the flow cookie: the flow row was consumed.
    const replayWithFlow = await fetch(callback, {
      headers: { cookie: `dispatch_login=${flowCookie}` },
      redirect: 'manual',
    });
    expect(replayWithFlow.status).toBe(400);
    expect(
      replayWithFlow.headers.getSetCookie().some((c) => c.startsWith('dispatch_session=')),
    ).toBe(false);
    // ...and from a browser that never started a flow.
    const stranger = await fetch(callback, { redirect: 'manual' });
    expect(stranger.status).toBe(400);

    expect((await stack.tdb.sql`select id_hash from sessions`).length).toBe(sessionsAfterLogin);
    expect(
      await stack.tdb.sql`select 1 from login_flows where id_hash = ${sha256(flowCookie!)}`,
    ).toHaveLength(0);
    expect(await apiStatus(session)).toMatchObject({ status: 200, subject: 'sub-dispatcher' });
  });

  it('rejects a callback whose state does not match the flow, and consumes the flow', async () => {
    const browser = new TestBrowser();
    const callback = new URL(await signInUntilCallback(browser, 'dispatcher'));
    callback.searchParams.set('state', 'forged-state');
    const sessionsBefore = (await stack.tdb.sql`select 1 from sessions`).length;
    const response = await browser.fetch(callback.toString());
    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie().some((c) => c.startsWith('dispatch_session='))).toBe(
      false,
    );
    expect((await stack.tdb.sql`select 1 from sessions`).length).toBe(sessionsBefore);
  });

  for (const target of [
    'https://evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/\r\nLocation: https://evil.example',
    '/\t/evil.example',
  ]) {
    it(`does not redirect off-site after login (returnTo=${JSON.stringify(target)})`, async () => {
      const browser = new TestBrowser();
      const landed = await browser.signIn(
        stack.url,
        'viewer',
        stack.user('viewer').password,
        target,
      );
      expect(landed).toBe(`${stack.url}/`);
    });
  }

  it('keeps a same-site returnTo path with its query', async () => {
    const browser = new TestBrowser();
    const landed = await browser.signIn(
      stack.url,
      'viewer',
      stack.user('viewer').password,
      '/work-orders?status=open',
    );
    expect(landed).toBe(`${stack.url}/work-orders?status=open`);
  });
});

describe('login rate limit', () => {
  let limited: TStack;
  beforeAll(async () => {
    limited = await startStack({ LOGIN_RATE_LIMIT_PER_MINUTE: 5 });
  });
  afterAll(() => limited?.stop());

  it('answers the 6th GET /auth/login within a minute with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${limited.url}/auth/login`, { redirect: 'manual' });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([302, 302, 302, 302, 302, 429]);
    // The refused attempt started no login flow.
    expect(await limited.tdb.sql`select 1 from login_flows`).toHaveLength(5);
    // The rest of the app is not affected.
    expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
  });
});
