import { connect } from 'node:net';
import { digestAllRows } from '@dispatch/db/testing';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TStack } from './helpers/stack';
import { mintAccessToken } from './helpers/tokens';

/**
 * The limits around the API, over real HTTP: the batch size, the rate limit counting calls, the
 * prototype-polluting keys refused before tRPC parses a body, a slow body cut off, no caching of
 * answers that carry personal data, and the inputs that once made a 500 or leaked a message.
 */
const CALLS_PER_MINUTE = 150;

let stack: TStack;
let authorization: string;

beforeAll(async () => {
  stack = await startStack({
    RATE_LIMIT_PER_MINUTE: CALLS_PER_MINUTE,
    API_MAX_BATCH_SIZE: 12,
    REQUEST_TIMEOUT_SECONDS: 2,
    USAGE_FLUSH_SECONDS: 3600,
  });
  authorization = `Bearer ${await mintAccessToken(stack, 'limits-admin', ['admin'])}`;
});
afterAll(() => stack?.stop());

const digest = () => digestAllRows(stack.tdb.sql);

function batchUrl(paths: string[]): string {
  const input = Object.fromEntries(paths.map((_, i) => [i, superjson.serialize(undefined)]));
  return `${stack.url}/trpc/${paths.join(',')}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

async function post(path: string, body: string) {
  const response = await fetch(`${stack.url}/trpc/${path}`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/json' },
    body,
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

async function get(path: string, json: string) {
  const response = await fetch(`${stack.url}/trpc/${path}?input=${encodeURIComponent(json)}`, {
    headers: { authorization },
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

// These run in order and share one minute of the rate limit: it comes last.
describe('request limits', () => {
  it('refuses a batch bigger than API_MAX_BATCH_SIZE, running none of it', async () => {
    const ok = await fetch(batchUrl(Array(12).fill('settings.get')), {
      headers: { authorization },
    });
    expect(ok.status).toBe(200);
    const tooBig = await fetch(batchUrl(Array(13).fill('settings.get')), {
      headers: { authorization },
    });
    expect(tooBig.status).toBe(400);
    expect(await tooBig.text()).toContain('Batch call exceeds maximum size');
  });

  it('refuses prototype-polluting keys before tRPC parses the body, writing nothing', async () => {
    const before = await digest();
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const body = `{"json":{"name":"polluted-${key}","${key}":{"isAdmin":true}}}`;
      const answer = await post('equipmentTypes.create', body);
      expect(answer.status, key).toBe(400);
      expect(JSON.parse(answer.text)).toEqual({
        error: 'bad_request',
        message: `The request may not contain the key "${key}".`,
      });
      const nested = await get('workOrders.list', `{"json":{"search":"x","a":[{"${key}":1}]}}`);
      expect(nested.status, key).toBe(400);
    }
    // The words are fine as values.
    const fine = await post('equipmentTypes.create', '{"json":{"name":"constructor-prototype"}}');
    expect(fine.status).toBe(200);
    const after = await digest();
    expect(after.equipment_types).not.toBe(before.equipment_types);
    expect({ ...after, equipment_types: '', events: '' }).toEqual({
      ...before,
      equipment_types: '',
      events: '',
    });
  });

  it('refuses JSON that is not an envelope, and never sends a JavaScript message back', async () => {
    for (const body of ['"x"', '[]', 'null', '[{"json":{}}]']) {
      expect((await post('queue.fill', body)).status, body).toBe(400);
    }
    const cases = [
      '{"json":{},"meta":{"values":{"a.b.c":["Date"]}}}',
      `{"json":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      '{"json":{"x":1},"meta":{"values":{"x":[["custom","nope"]]}}}',
      '{"json":',
    ];
    for (const body of cases) {
      const answer = await post('equipmentTypes.create', body);
      expect(answer.status, body.slice(0, 40)).toBe(400);
      expect(answer.text).not.toMatch(/Cannot read|Maximum call stack|TypeError|RangeError/);
    }
  });

  it('refuses NUL and broken characters in a search and a cursor, on the API and the CSV export', async () => {
    for (const path of ['workOrders.list', 'equipment.list', 'drivers.list']) {
      for (const input of [{ search: 'a\u0000b' }, { search: 'a\ud800b' }, { cursor: 'a\u0000' }]) {
        const answer = await get(path, JSON.stringify(superjson.serialize(input)));
        expect(answer.status, `${path} ${JSON.stringify(input)}`).toBe(400);
        const key = Object.keys(input)[0]!;
        expect(JSON.parse(answer.text).error.json.data.fieldErrors).toHaveProperty(key);
      }
      // A forged cursor that decodes to text with a NUL in it.
      const forged = Buffer.from(
        JSON.stringify(['a\u0000', '00000000-0000-4000-8000-000000000000']),
      ).toString('base64url');
      const answer = await get(path, JSON.stringify(superjson.serialize({ cursor: forged })));
      expect(answer.status, path).toBe(400);
      expect(answer.text).toContain('The page cursor is not valid');
    }
    const csv = await fetch(`${stack.url}/export/work-orders.csv?search=a%00b`, {
      headers: { authorization },
    });
    expect(csv.status).toBe(400);
    expect(csv.headers.get('content-type')).toContain('application/json');
  });

  it('marks every API answer no-store, success and error alike', async () => {
    const ok = await get('settings.get', '{}');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const refused = await get('workOrders.get', '{"json":{"id":"nope"}}');
    expect(refused.status).toBe(400);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    const csv = await fetch(`${stack.url}/export/drivers.csv`, { headers: { authorization } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('cache-control')).toBe('no-store');
  });

  it('cuts off a request whose body arrives too slowly (REQUEST_TIMEOUT_SECONDS)', async () => {
    const before = await digest();
    const { port } = new URL(stack.url);
    const socket = connect(Number(port), '127.0.0.1');
    const answer = await new Promise<string>((resolve, reject) => {
      let received = '';
      const giveUp = setTimeout(
        () => reject(new Error('the server never cut the slow body')),
        20_000,
      );
      socket.on('data', (chunk) => (received += chunk.toString()));
      socket.on('close', () => {
        clearTimeout(giveUp);
        resolve(received);
      });
      socket.on('error', () => undefined);
      socket.write(
        [
          'POST /trpc/equipmentTypes.create HTTP/1.1',
          'Host: localhost',
          `Authorization: ${authorization}`,
          'Content-Type: application/json',
          'Content-Length: 1000',
          '',
          '{"json":{"name":"slow',
        ].join('\r\n'),
      );
      // A byte a second: never the whole body in time.
      const drip = setInterval(() => socket.write('w'), 1000);
      socket.on('close', () => clearInterval(drip));
    });
    socket.destroy();
    // Node answers 408 and closes the connection, or just closes it.
    if (answer) expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(await digest()).toEqual(before);
  });

  it('counts every call of a batch against the rate limit, not the request', async () => {
    // Earlier tests spent part of this minute; spend the rest in batches of 10.
    let status = 200;
    let batches = 0;
    while (status === 200 && batches < 20) {
      const response = await fetch(batchUrl(Array(10).fill('settings.get')), {
        headers: { authorization },
      });
      status = response.status;
      batches++;
      if (status === 429) {
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(await response.json()).toMatchObject({ error: 'too_many_requests' });
      }
    }
    // At most CALLS_PER_MINUTE / 10 batches of 10 get through, whatever came before.
    expect(status).toBe(429);
    expect(batches).toBeLessThanOrEqual(CALLS_PER_MINUTE / 10 + 1);
    // A batch of 10 no longer fits, but fewer than 10 single calls are left; then none is.
    let singles = 0;
    while ((await get('settings.get', '{}')).status === 200) singles++;
    expect(singles).toBeLessThan(10);
    expect((await get('settings.get', '{}')).status).toBe(429);
    // Health checks are not limited.
    expect((await fetch(`${stack.url}/healthz`)).status).toBe(200);
  });
});
