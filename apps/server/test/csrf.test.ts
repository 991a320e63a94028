import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@dispatch/domain';
import superjson from 'superjson';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestBrowser } from './helpers/browser';
import { startStack, type TStack } from './helpers/stack';
import { countAllRows } from '@dispatch/db/testing';

/**
 * A signed-in browser carries its session cookie on every request, including ones a foreign page
 * makes it send. The server must refuse whatever such a page could forge (HTML forms: urlencoded,
 * multipart, text/plain; requests without our custom header; foreign Origin; Sec-Fetch-Site
 * cross-site), and accept the same call made the way our web client makes it.
 */

let stack: TStack;
let browser: TestBrowser;

beforeAll(async () => {
  stack = await startStack();
  browser = new TestBrowser();
  await browser.signIn(stack.url, 'admin', stack.user('admin').password);
});
afterAll(() => stack?.stop());

const rowCounts = () => countAllRows(stack.tdb.sql);

let counter = 0;
const freshName = () => `csrf-${Date.now().toString(36)}-${counter++}`;
const createUrl = () => `${stack.url}/trpc/equipmentTypes.create`;
const jsonBody = (name: string) => JSON.stringify(superjson.serialize({ name }));

async function typeExists(name: string) {
  const rows = await stack.tdb.sql`select 1 from equipment_types where name = ${name}`;
  return rows.length > 0;
}

/** Sends a request with the browser's cookies; expects refusal and an unchanged database. */
async function expectRejected(
  init: RequestInit & { headers: Record<string, string> },
  expectedStatus: number,
  url = createUrl(),
) {
  const before = await rowCounts();
  const response = await browser.fetch(url, init);
  expect(response.status).toBe(expectedStatus);
  const body = (await response.json()) as Record<string, unknown>;
  expect(body.result).toBeUndefined();
  expect(await rowCounts()).toEqual(before);
  return body;
}

beforeEach(async () => {
  // Each case starts from a live session; a refused request must not have ended it.
  const me = await browser.trpc(stack.url, 'me.get');
  expect(me.status).toBe(200);
});

describe('CSRF: cross-site-forgeable requests with a valid session cookie', () => {
  it('the session works for a proper JSON call with the header (control)', async () => {
    const name = freshName();
    const before = await rowCounts();
    const response = await browser.fetch(createUrl(), {
      method: 'POST',
      headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, 'content-type': 'application/json' },
      body: jsonBody(name),
    });
    expect(response.status).toBe(200);
    expect(await typeExists(name)).toBe(true);
    expect((await rowCounts()).equipment_types).toBe((before.equipment_types ?? 0) + 1);
  });

  it('refuses a multipart/form-data POST', async () => {
    const name = freshName();
    const form = new FormData();
    form.set('json', JSON.stringify({ name }));
    form.set('name', name);
    const request = new Request(createUrl(), { method: 'POST', body: form });
    const contentType = request.headers.get('content-type')!;
    expect(contentType).toMatch(/^multipart\/form-data; boundary=/);
    const body = await request.arrayBuffer();
    await expectRejected(
      {
        method: 'POST',
        headers: { 'content-type': contentType, [CSRF_HEADER]: CSRF_HEADER_VALUE },
        body,
      },
      415,
    );
    // Without our header too, as a real cross-site form would send it.
    await expectRejected({ method: 'POST', headers: { 'content-type': contentType }, body }, 415);
    expect(await typeExists(name)).toBe(false);
  });

  it('refuses a text/plain POST even when the body is valid JSON', async () => {
    const name = freshName();
    await expectRejected(
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain', [CSRF_HEADER]: CSRF_HEADER_VALUE },
        body: jsonBody(name),
      },
      415,
    );
    await expectRejected(
      {
        method: 'POST',
        headers: { 'content-type': 'text/plain;charset=UTF-8' },
        body: jsonBody(name),
      },
      415,
    );
    expect(await typeExists(name)).toBe(false);
  });

  it('refuses an application/x-www-form-urlencoded POST', async () => {
    const name = freshName();
    await expectRejected(
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          [CSRF_HEADER]: CSRF_HEADER_VALUE,
        },
        body: new URLSearchParams({ json: JSON.stringify({ name }), name }).toString(),
      },
      415,
    );
    expect(await typeExists(name)).toBe(false);
  });

  it('refuses a POST without content type', async () => {
    const name = freshName();
    await expectRejected(
      {
        method: 'POST',
        headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
        body: new Blob([jsonBody(name)]),
      },
      415,
    );
    expect(await typeExists(name)).toBe(false);
  });

  it('refuses a JSON POST without the x-dispatch-csrf header', async () => {
    const name = freshName();
    const body = await expectRejected(
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: jsonBody(name) },
      403,
    );
    expect(body).toMatchObject({ reason: 'CSRF_CHECK_FAILED' });
    // A wrong header value is no better than none.
    await expectRejected(
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: '0' },
        body: jsonBody(name),
      },
      403,
    );
    expect(await typeExists(name)).toBe(false);
  });

  it('refuses a JSON POST with the header but a foreign Origin', async () => {
    const name = freshName();
    for (const origin of ['https://evil.example', 'null', `${stack.url}.evil.example`]) {
      const body = await expectRejected(
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [CSRF_HEADER]: CSRF_HEADER_VALUE,
            origin,
          },
          body: jsonBody(name),
        },
        403,
      );
      expect(body).toMatchObject({ reason: 'CSRF_CHECK_FAILED' });
    }
    expect(await typeExists(name)).toBe(false);
  });

  it('refuses a JSON POST with the header marked Sec-Fetch-Site: cross-site', async () => {
    const name = freshName();
    const body = await expectRejected(
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [CSRF_HEADER]: CSRF_HEADER_VALUE,
          'sec-fetch-site': 'cross-site',
        },
        body: jsonBody(name),
      },
      403,
    );
    expect(body).toMatchObject({ reason: 'CSRF_CHECK_FAILED' });
    expect(await typeExists(name)).toBe(false);
  });

  it('refuses a GET query that carries the cookie but not the header', async () => {
    const before = await rowCounts();
    const response = await browser.fetch(`${stack.url}/trpc/me.get`);
    expect(response.status).toBe(403);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ reason: 'CSRF_CHECK_FAILED' });
    expect(JSON.stringify(body)).not.toContain('Ada Admin');

    const list = await browser.fetch(`${stack.url}/trpc/equipmentTypes.list`);
    expect(list.status).toBe(403);
    expect(await rowCounts()).toEqual(before);
  });

  it('accepts the same requests with the header, JSON and our own Origin', async () => {
    const me = await browser.fetch(`${stack.url}/trpc/me.get`, {
      headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, 'sec-fetch-site': 'same-origin' },
    });
    expect(me.status).toBe(200);
    const meBody = (await me.json()) as { result: { data: { json: { name: string } } } };
    expect(meBody.result.data.json.name).toBe('Ada Admin');

    const name = freshName();
    const created = await browser.fetch(createUrl(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        [CSRF_HEADER]: CSRF_HEADER_VALUE,
        origin: new URL(stack.url).origin,
        'sec-fetch-site': 'same-origin',
      },
      body: jsonBody(name),
    });
    expect(created.status).toBe(200);
    expect(await typeExists(name)).toBe(true);
  });
});

describe('CSRF: no cross-origin access', () => {
  it('grants no CORS: a preflight from a foreign origin gets no Access-Control-Allow-* headers', async () => {
    const preflight = await browser.fetch(createUrl(), {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': `${CSRF_HEADER}, content-type`,
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();

    const read = await browser.fetch(`${stack.url}/trpc/me.get`, {
      headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
    });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('CSRF: logout', () => {
  it('refuses POST /auth/logout without the header, and the session survives', async () => {
    const cookie = await browser.cookie(stack.url, 'dispatch_session');
    expect(cookie).toBeTruthy();
    const sessionsBefore = await stack.tdb.sql`select 1 from sessions`;

    // [request, acceptable refusals]: a form body may already be refused as unsupported (415).
    const attempts: [RequestInit, number[]][] = [
      [{ method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }, [403]],
      [{ method: 'POST', headers: { 'content-type': 'text/plain' }, body: '' }, [403]],
      [
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'a=b',
        },
        [403, 415],
      ],
      [
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [CSRF_HEADER]: CSRF_HEADER_VALUE,
            origin: 'https://evil.example',
          },
          body: '{}',
        },
        [403],
      ],
    ];
    for (const [init, statuses] of attempts) {
      const response = await browser.fetch(`${stack.url}/auth/logout`, init);
      expect(statuses).toContain(response.status);
      // The refusal must not clear the cookie either.
      expect(response.headers.getSetCookie().join('\n')).not.toContain('dispatch_session');
    }

    expect(await browser.cookie(stack.url, 'dispatch_session')).toBe(cookie);
    expect(await stack.tdb.sql`select 1 from sessions`).toHaveLength(sessionsBefore.length);
    const me = await browser.trpc(stack.url, 'me.get');
    expect(me.status).toBe(200);
    expect(me.data).toMatchObject({ subject: 'sub-admin' });
  });
});
