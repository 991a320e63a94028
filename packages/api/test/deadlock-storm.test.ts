import type { TPrincipal } from '@dispatch/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleet, rejection } from './helpers/fleet';
import { createHarness, type THarness } from './helpers/harness';
import { CONSISTENT, findInconsistencies } from './helpers/invariants';
import { deadlocksSoFar } from './helpers/lock-waits';

/*
 * Every kind of write at once from many connections: creates, edits, assignments (many of them
 * on stale picks, as a desk with an old list makes them), releases, cancels, driver taps and
 * dispatcher completions, equipment and driver status changes, queue fills, CSV imports and the
 * auto-dispatch switch, with the queue filled inside most of those transactions. The lock order
 * (work order, dispatch, equipment, driver; fills only skip) means no two transactions can wait on
 * each other; PostgreSQL is told to look for a cycle after 20 ms, and the test requires that it
 * never found one, that no call met the unique-index backstop, and that no call failed unexpectedly.
 * lock-guarantees.test.ts forces each known cycle in a fixed order; this looks for unknown ones.
 */

const WORKERS = 16;
const OPERATIONS_PER_WORKER = 25;
const LINKED_DRIVERS = 6;

let h: THarness;
let f: ReturnType<typeof fleet>;
const typeIds: string[] = [];
const typeNames: string[] = [];
const stormDrivers: TPrincipal[] = Array.from({ length: LINKED_DRIVERS }, (_, i) => ({
  subject: `storm-driver-${i}`,
  name: `Storm Driver ${i}`,
  roles: ['driver'],
}));

beforeAll(async () => {
  h = await createHarness({ max: WORKERS + 4, settings: { deadlock_timeout: '20ms' } });
  f = fleet(h);
  await f.autoDispatch(true);
  for (const name of ['storm-crane', 'storm-truck', 'storm-pump']) {
    const type = await f.type(name);
    typeIds.push(type.id);
    typeNames.push(type.name);
    for (let i = 0; i < 4; i++)
      await f.equipment(type.id, `${name.slice(6, 9).toUpperCase()}-${i}`);
  }
  for (let i = 0; i < 8; i++) await f.driver(typeIds);
  for (const principal of stormDrivers) {
    await f.driver(typeIds, { name: principal.name, subject: principal.subject });
  }
});
afterAll(() => h.destroy());

/** mulberry32: a small seeded generator, so a failing storm can be replayed with its seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function ids(query: Promise<{ id: string }[]>) {
  return (await query).map((row) => row.id);
}

function stormOperations(next: () => number) {
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(next() * items.length)];
  const sql = h.tdb.sql;
  const openOrders = () =>
    ids(sql`select id from work_orders where status not in ('completed', 'cancelled')`);
  const activeOrders = () =>
    ids(sql`select id from work_orders where status in ('dispatched', 'en_route', 'on_site')`);
  const operations: Record<string, { weight: number; run: () => Promise<unknown> }> = {
    create: {
      weight: 6,
      run: async () =>
        h.dispatcher.workOrders.create({
          title: 'Storm job',
          siteAddress: '1 Storm Quay',
          equipmentTypeId: pick(typeIds) ?? '',
          priority: pick(['urgent', 'high', 'standard', 'low'] as const) ?? 'standard',
        }),
    },
    edit: {
      weight: 3,
      run: async () =>
        h.dispatcher.workOrders.update({
          id: pick(await openOrders()) ?? '',
          priority: pick(['urgent', 'high', 'standard', 'low'] as const) ?? 'low',
        }),
    },
    staleAssign: {
      weight: 8,
      run: async () => {
        const [order] = await sql<{ id: string; type: string }[]>`
          select id, equipment_type_id as type from work_orders
          where status in ('queued', 'dispatched') order by random() limit 1`;
        // Half the time the very pair of a running job, as a desk whose list says it is free
        // (it is about to be, if a release or a completion is under way).
        const [busy] = await sql<{ unit: string; driver: string }[]>`
          select d.equipment_id as unit, d.driver_id as driver from dispatches d
          join equipment e on e.id = d.equipment_id
          where d.ended_at is null and e.type_id = ${order?.type ?? typeIds[0] ?? ''}
          order by random() limit 1`;
        const units = await ids(
          sql`select id from equipment where type_id = ${order?.type ?? typeIds[0] ?? ''}`,
        );
        const drivers = await ids(sql`select id from drivers`);
        const stale = busy && next() < 0.5;
        return h.dispatcher.dispatch.assign({
          workOrderId: order?.id ?? '',
          equipmentId: (stale ? busy.unit : pick(units)) ?? '',
          driverId: (stale ? busy.driver : pick(drivers)) ?? '',
        });
      },
    },
    release: {
      weight: 6,
      run: async () =>
        h.dispatcher.dispatch.release({
          workOrderId: pick(await activeOrders()) ?? '',
          reason: 'Storm release',
          equipmentStatus: next() < 0.2 ? 'maintenance' : 'available',
        }),
    },
    cancel: {
      weight: 1,
      run: async () =>
        h.dispatcher.workOrders.cancel({ id: pick(await openOrders()) ?? '', reason: 'Storm off' }),
    },
    tap: {
      weight: 6,
      run: async () => {
        const driver = h.as(pick(stormDrivers) ?? null).driverApp;
        const { current } = await driver.myDispatches();
        if (!current) return null;
        const to =
          current.status === 'dispatched'
            ? 'en_route'
            : current.status === 'en_route'
              ? 'on_site'
              : 'completed';
        return driver.advance({ dispatchId: current.dispatchId, to, note: 'Storm tap' });
      },
    },
    complete: {
      weight: 2,
      run: async () => {
        const onSite = await ids(sql`select id from work_orders where status = 'on_site'`);
        return h.dispatcher.dispatch.complete({ workOrderId: pick(onSite) ?? '', note: 'Desk' });
      },
    },
    unitStatus: {
      weight: 3,
      run: async () =>
        h.admin.equipment.setStatus({
          id: pick(await ids(sql`select id from equipment`)) ?? '',
          status: next() < 0.5 ? 'maintenance' : 'available',
        }),
    },
    driverStatus: {
      weight: 3,
      run: async () =>
        h.dispatcher.drivers.setAvailability({
          id: pick(await ids(sql`select id from drivers`)) ?? '',
          status: next() < 0.4 ? 'off_duty' : 'available',
        }),
    },
    qualifications: {
      weight: 1,
      run: async () =>
        h.admin.drivers.update({
          id: pick(await ids(sql`select id from drivers where subject is null`)) ?? '',
          qualificationTypeIds: typeIds.filter(() => next() < 0.7),
        }),
    },
    fill: { weight: 2, run: () => h.dispatcher.queue.fill() },
    importUnits: {
      weight: 1,
      run: async () => {
        const units = await sql<{ code: string; type: string }[]>`
          select e.code, t.name as type from equipment e join equipment_types t on t.id = e.type_id
          order by random() limit 3`;
        const rows = units.map(
          (u) => `${u.code},Renamed ${u.code} ${Math.floor(next() * 100)},${u.type}`,
        );
        return h.admin.imports.equipment({
          csv: `code,name,type\n${rows.join('\n')}\n`,
          mode: 'commit',
        });
      },
    },
    importDrivers: {
      weight: 1,
      run: async () => {
        const n = Math.floor(next() * 1e6);
        return h.admin.imports.drivers({
          csv: `name,phone,email,qualifications\nStorm Import ${n},+1 555 0111,storm-${n}@example.com,${typeNames.join(';')}\n`,
          mode: 'commit',
        });
      },
    },
    autoDispatch: { weight: 1, run: () => f.autoDispatch(next() < 0.7) },
  };
  const table = Object.entries(operations).flatMap(([name, op]) =>
    Array.from({ length: op.weight }, () => ({ name, run: op.run })),
  );
  return () => pick(table) ?? { name: 'fill', run: operations.fill!.run };
}

describe('a storm of concurrent writes', () => {
  it('finds no deadlock, no backstop conflict, no unexpected failure, and stays consistent', async () => {
    const seed = Date.now() % 100_000;
    const before = await deadlocksSoFar(h.tdb);
    const failures: { operation: string; code: string; reason: string | null }[] = [];
    const tally: Record<string, number> = {};
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        const choose = stormOperations(random(seed * 100 + worker));
        for (let i = 0; i < OPERATIONS_PER_WORKER; i++) {
          const { name, run } = choose();
          tally[name] = (tally[name] ?? 0) + 1;
          try {
            await run();
          } catch (error) {
            const { code, reason } = await rejection(Promise.reject(error));
            failures.push({ operation: name, code, reason });
          }
        }
      }),
    );
    // Refusals of stale or impossible requests are expected; anything else is a bug.
    const expected = new Set(['CONFLICT', 'NOT_FOUND', 'BAD_REQUEST']);
    const unexpected = failures.filter(
      (failure) => !expected.has(failure.code) || failure.reason === 'CONCURRENT_CONFLICT',
    );
    expect(unexpected, `seed ${seed}`).toEqual([]);
    expect(await deadlocksSoFar(h.tdb), `seed ${seed}`).toBe(before);
    expect(await findInconsistencies(h.tdb), `seed ${seed}`).toEqual(CONSISTENT);
    // The storm really did mix the writes it is about.
    expect(Object.keys(tally).length).toBeGreaterThanOrEqual(10);
    const [done] = await h.tdb.sql<{ n: number }[]>`select count(*)::int as n from dispatches`;
    expect(done?.n ?? 0).toBeGreaterThan(10);
  });
});
