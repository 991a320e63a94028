import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { configFrom } from '../src/config';
import { startStack, type TStack } from './helpers/stack';
import { mintAccessToken } from './helpers/tokens';

/**
 * Operations statistics end to end: real HTTP calls through the built app are counted by the
 * server's collector, flushed by its timer, survive a database outage in memory, come back exactly
 * in `operations.report`, and are flushed when the server shuts down.
 */

let stack: TStack;
let admin: postgres.Sql;

beforeAll(async () => {
  stack = await startStack({ USAGE_FLUSH_SECONDS: 0.3 });
  admin = postgres(inject('databaseAdminUrl'), { max: 1, onnotice: () => undefined });
});
afterAll(async () => {
  await admin?.unsafe(`alter database ${stack.tdb.name} with allow_connections true`);
  await admin?.end({ timeout: 5 });
  await stack?.stop();
});

async function bearer(subject: string, roles: string[], on: TStack = stack): Promise<string> {
  return `Bearer ${await mintAccessToken(on, subject, roles)}`;
}

async function call(
  path: string,
  authorization: string | undefined,
  input?: unknown,
  type: 'query' | 'mutation' = 'query',
  on: TStack = stack,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = authorization ? { authorization } : {};
  const encoded = input === undefined ? undefined : JSON.stringify(superjson.serialize(input));
  const response =
    type === 'query'
      ? await fetch(
          `${on.url}/trpc/${path}${encoded ? `?input=${encodeURIComponent(encoded)}` : ''}`,
          { headers },
        )
      : await fetch(`${on.url}/trpc/${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: encoded ?? '{}',
        });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const storedCalls = async () => {
  const [row] = await stack.tdb.sql<{ n: number }[]>`
    select coalesce(sum(calls), 0)::int as n from usage_procedure_weeks`;
  return row?.n ?? 0;
};
const logged = (msg: string) => stack.logs.filter((line) => line.msg === msg);
const FAILED = 'usage statistics flush failed; the counts are kept for the next flush';

describe('operations statistics over HTTP', () => {
  let admin1: string;
  let admin2: string;
  let viewer: string;

  it('counts calls and writes them on the flush timer', async () => {
    [admin1, admin2, viewer] = await Promise.all([
      bearer('usage-admin-1', ['admin']),
      bearer('usage-admin-2', ['admin']),
      bearer('usage-viewer-1', ['viewer']),
    ]);
    for (const token of [admin1, admin1, admin1, admin2]) {
      expect((await call('equipmentTypes.list', token)).status).toBe(200);
    }
    expect(
      (await call('settings.update', viewer, { autoDispatch: false }, 'mutation')).status,
    ).toBe(403);
    expect((await call('workOrders.get', viewer, { id: randomUUID() })).status).toBe(404);
    expect((await call('equipment.list', undefined, {})).status).toBe(401);
    await vi.waitFor(async () => expect(await storedCalls()).toBe(7), { timeout: 5000 });
    expect(stack.server.app.usage.pendingCalls).toBe(0);
  });

  it('keeps the counts in memory while the database is down, and writes them once it is back', async () => {
    await admin.unsafe(`alter database ${stack.tdb.name} with allow_connections false`);
    await admin`
      select pg_terminate_backend(pid) from pg_stat_activity
      where datname = ${stack.tdb.name} and application_name = 'dispatch-server'`;
    try {
      // The calls fail too (no database), and are counted as internal errors.
      for (let i = 0; i < 2; i++) {
        expect((await call('equipmentTypes.list', admin1)).status).toBe(500);
      }
      await vi.waitFor(() => expect(logged(FAILED)).toHaveLength(1), { timeout: 5000 });
      // Several more timer ticks fail, keeping the counts and warning no more.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect(await stack.server.app.usage.flush()).toBe(false);
      expect(stack.server.app.usage.pendingCalls).toBe(2);
      expect(logged(FAILED)).toHaveLength(1);
    } finally {
      await admin.unsafe(`alter database ${stack.tdb.name} with allow_connections true`);
    }
    await vi.waitFor(() => expect(stack.server.app.usage.pendingCalls).toBe(0), {
      timeout: 5000,
    });
    expect(await storedCalls()).toBe(9);
    expect(logged('usage statistics flushed again')).toHaveLength(1);
  });

  it('shows the calls in the report, exactly', async () => {
    const response = await call('operations.report', admin1, { weeks: 1 });
    expect(response.status).toBe(200);
    const report = (response.body as { result: { data: { json: unknown } } }).result.data.json as {
      procedures: { path: string; calls: number; distinctUsers: number; errors: number }[];
      errors: { path: string; code: string; reason: string | null; count: number }[];
      totals: { calls: number; errors: number; distinctUsers: number };
      concurrentUsers: { max: { users: number } | null };
    };
    const usage = (path: string) => report.procedures.find((p) => p.path === path);
    expect(usage('equipmentTypes.list')).toMatchObject({ calls: 6, distinctUsers: 2, errors: 2 });
    expect(usage('settings.update')).toMatchObject({ calls: 1, distinctUsers: 1, errors: 1 });
    expect(usage('equipment.list')).toMatchObject({ calls: 1, distinctUsers: 0, errors: 1 });
    expect(usage('imports.drivers')).toMatchObject({ calls: 0, distinctUsers: 0 });
    expect(report.errors).toEqual([
      { path: 'equipmentTypes.list', code: 'INTERNAL_SERVER_ERROR', reason: null, count: 2 },
      { path: 'equipment.list', code: 'UNAUTHORIZED', reason: null, count: 1 },
      { path: 'settings.update', code: 'FORBIDDEN', reason: null, count: 1 },
      { path: 'workOrders.get', code: 'NOT_FOUND', reason: 'WORK_ORDER_NOT_FOUND', count: 1 },
    ]);
    expect(report.totals).toEqual({ calls: 9, errors: 5, distinctUsers: 3 });
    expect(report.concurrentUsers.max?.users).toBe(3);

    // Viewers may not see it.
    expect((await call('operations.report', viewer)).status).toBe(403);
  });
});

describe('shutdown', () => {
  it('flushes what is left when the server closes, before the pool closes', async () => {
    // Its own server, with a timer that never fires during the test: only the close can flush.
    const quiet = await startStack({ USAGE_FLUSH_SECONDS: 3600 });
    try {
      const token = await bearer('usage-admin-9', ['admin'], quiet);
      expect((await call('me.get', token, undefined, 'query', quiet)).status).toBe(200);
      expect((await call('me.get', token, undefined, 'query', quiet)).status).toBe(200);
      expect(quiet.server.app.usage.pendingCalls).toBe(2);
      await quiet.server.stop();
      const rows = await quiet.tdb.sql<{ procedure: string; calls: number }[]>`
        select procedure, calls::int from usage_procedure_weeks`;
      expect(rows).toEqual([{ procedure: 'me.get', calls: 2 }]);
      expect(quiet.logs.filter((line) => line.msg === FAILED)).toEqual([]);
    } finally {
      await quiet.provider.close();
      await quiet.tdb.destroy();
    }
  });
});

describe('USAGE_FLUSH_SECONDS', () => {
  const base = {
    PUBLIC_URL: 'http://localhost:3000',
    DATABASE_URL: 'postgres://localhost/dispatch',
    OIDC_ISSUER: 'http://localhost:3001',
    OIDC_CLIENT_SECRET: 'secret',
  };

  it('defaults to 5 seconds and takes fractions', () => {
    expect(configFrom(base).USAGE_FLUSH_SECONDS).toBe(5);
    expect(configFrom({ ...base, USAGE_FLUSH_SECONDS: '0.5' }).USAGE_FLUSH_SECONDS).toBe(0.5);
  });

  it('refuses values that are not a sensible interval, naming the setting', () => {
    for (const bad of ['0', '-1', 'often', '3601']) {
      expect(() => configFrom({ ...base, USAGE_FLUSH_SECONDS: bad }), bad).toThrow(
        /USAGE_FLUSH_SECONDS/,
      );
    }
  });
});
