import { createDatabase } from '@dispatch/db';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appRouter, createCaller } from '../src/router';
import type { TContext } from '../src/context';
import { fleet } from './helpers/fleet';
import { createHarness, testLog, type THarness } from './helpers/harness';
import { principals } from './helpers/principals';

let h: THarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.destroy());

/** Calls the router through tRPC's fetch adapter, so the error formatter shapes the reply. */
async function callHttp(
  ctx: TContext,
  path: string,
  input: unknown,
  type: 'query' | 'mutation' = 'mutation',
) {
  const encoded = JSON.stringify(superjson.serialize(input));
  const req =
    type === 'query'
      ? new Request(`http://localhost/trpc/${path}?input=${encodeURIComponent(encoded)}`)
      : new Request(`http://localhost/trpc/${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: encoded,
        });
  const response = await fetchRequestHandler({
    endpoint: '/trpc',
    router: appRouter,
    req,
    createContext: () => ctx,
  });
  return {
    status: response.status,
    body: (await response.json()) as { error: { json: Record<string, unknown> } },
  };
}

const ctxFor = (db: TContext['db'], log = testLog): TContext => ({
  db,
  principal: principals.dispatcher,
  log,
  requestId: randomUUID(),
});

describe('error replies', () => {
  it('invalid input: 400 with field errors and nothing written', async () => {
    const { status, body } = await callHttp(ctxFor(h.tdb.db), 'workOrders.create', {
      title: '',
      siteAddress: 'x',
      equipmentTypeId: 'not-a-uuid',
    });
    expect(status).toBe(400);
    const data = body.error.json.data as { code: string; fieldErrors: Record<string, string[]> };
    expect(data.code).toBe('BAD_REQUEST');
    expect(Object.keys(data.fieldErrors).sort()).toEqual(['equipmentTypeId', 'title']);
    expect(body.error.json.data).not.toHaveProperty('stack');
  });

  it('a domain refusal: 409 with its reason and details', async () => {
    const f = fleet(h);
    await f.autoDispatch(false);
    const type = await f.type();
    const order = await f.order(type.id);
    await h.dispatcher.workOrders.cancel({ id: order.id, reason: 'Customer called off' });
    const { status, body } = await callHttp(ctxFor(h.tdb.db), 'workOrders.cancel', {
      id: order.id,
      reason: 'Again',
    });
    expect(status).toBe(409);
    expect(body.error.json.data).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      details: { from: 'cancelled', action: 'cancel' },
    });
  });

  it('an unexpected failure: 500 without internals, logged once with the request id', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    const log = pino({ level: 'info' }, sink);
    // A database that is not there: the driver's error must not reach the client.
    const broken = createDatabase({
      url: 'postgres://nobody:secret-password@127.0.0.1:1/none',
      max: 1,
    });
    try {
      const ctx = ctxFor(broken.db, log);
      const { status, body } = await callHttp(ctx, 'dashboard.summary', undefined, 'query');
      expect(status).toBe(500);
      const text = JSON.stringify(body);
      expect(body.error.json.message).toBe('Internal server error');
      expect(text).not.toMatch(/ECONNREFUSED|secret-password|127\.0\.0\.1|stack/i);

      const viaCaller = createCaller(ctx).dashboard.summary();
      await expect(viaCaller).rejects.toMatchObject({
        code: 'INTERNAL_SERVER_ERROR',
        cause: undefined,
      });
      await expect(viaCaller).rejects.toThrow(`request ${ctx.requestId}`);
      const errors = lines.filter((l) => l.level === 50);
      expect(errors.length).toBeGreaterThanOrEqual(1);
      expect(errors[0]).toMatchObject({
        requestId: ctx.requestId,
        path: 'dashboard.summary',
        msg: 'procedure failed',
      });
    } finally {
      await broken.close();
    }
  });
});
