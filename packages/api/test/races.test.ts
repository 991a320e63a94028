import { compareQueueEntries } from '@dispatch/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleet, rejection } from './helpers/fleet';
import { createHarness, type THarness } from './helpers/harness';
import { CONSISTENT, findInconsistencies } from './helpers/invariants';

// Real concurrency: every call below runs on its own pooled connection, so the database sees up to
// 60 transactions at once, and the assertions hold only if the locks and indexes do their job.
let h: THarness;
let f: ReturnType<typeof fleet>;
beforeAll(async () => {
  h = await createHarness({ max: 60 });
  f = fleet(h);
});
afterAll(() => h.destroy());

const settled = async <T>(promises: Promise<T>[]) => {
  const results = await Promise.allSettled(promises);
  return {
    ok: results
      .filter((r): r is PromiseFulfilledResult<Awaited<T>> => r.status === 'fulfilled')
      .map((r) => r.value),
    failed: results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => r.reason as unknown),
  };
};

describe('races', () => {
  it('50 simultaneous assigns of one piece of equipment: exactly one wins, 49 get CONFLICT', async () => {
    await f.autoDispatch(false);
    const type = await f.type('race-crane');
    const crane = await f.equipment(type.id, 'RACE-1');
    const drivers = await Promise.all(Array.from({ length: 50 }, () => f.driver([type.id])));
    const orders = await Promise.all(Array.from({ length: 50 }, () => f.order(type.id)));

    const { ok, failed } = await settled(
      orders.map((order, i) =>
        h.dispatcher.dispatch.assign({
          workOrderId: order.id,
          equipmentId: crane.id,
          driverId: drivers[i]!.id,
        }),
      ),
    );
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(49);
    const reasons = await Promise.all(failed.map((e) => rejection(Promise.reject(e))));
    // Every loser was stopped by the row lock and the state check, not by the index backstop.
    expect(new Set(reasons.map((r) => `${r.code}:${r.reason}`))).toEqual(
      new Set(['CONFLICT:EQUIPMENT_NOT_AVAILABLE']),
    );

    const [active] = await h.tdb
      .sql`select count(*)::int as n from dispatches where equipment_id = ${crane.id} and ended_at is null`;
    expect(active?.n).toBe(1);
    const statuses = await h.tdb
      .sql`select status, count(*)::int as n from work_orders where id in ${h.tdb.sql(orders.map((o) => o.id))} group by status order by status`;
    expect(statuses.map((r) => [r.status, r.n])).toEqual([
      ['queued', 49],
      ['dispatched', 1],
    ]);
    expect(await findInconsistencies(h.tdb)).toEqual(CONSISTENT);
  });

  it('100 simultaneous creates over 5 free units: 5 dispatched, 95 queued in order; completions fill the head', async () => {
    await f.autoDispatch(true);
    const type = await f.type('race-truck');
    await Promise.all(Array.from({ length: 5 }, (_, i) => f.equipment(type.id, `TRK-${i}`)));
    await Promise.all(Array.from({ length: 10 }, () => f.driver([type.id])));
    const priorities = ['urgent', 'high', 'standard', 'low'] as const;
    const base = Date.now() + 24 * 3600_000;

    const { ok, failed } = await settled(
      Array.from({ length: 100 }, (_, i) =>
        h.as(i % 2 ? 'dispatcher' : 'dispatcher2').workOrders.create({
          title: `Storm ${i}`,
          siteAddress: `${i} Dock Lane`,
          equipmentTypeId: type.id,
          priority: priorities[i % 4],
          ...(i % 3 === 0 ? { dueBy: new Date(base + (i % 7) * 3600_000) } : {}),
        }),
      ),
    );
    expect(failed).toEqual([]);
    expect(ok).toHaveLength(100);

    const counts = await h.tdb.sql`
      select status, count(*)::int as n from work_orders where equipment_type_id = ${type.id} group by status order by status`;
    expect(counts.map((r) => [r.status, r.n])).toEqual([
      ['queued', 95],
      ['dispatched', 5],
    ]);
    expect(await findInconsistencies(h.tdb)).toEqual(CONSISTENT);

    const queue = await h.viewer.queue.list({ limit: 500 });
    const mine = queue.items.filter((q) => q.equipmentTypeId === type.id);
    expect(mine).toHaveLength(95);
    expect(mine.map((q) => q.positionInType)).toEqual(Array.from({ length: 95 }, (_, i) => i + 1));
    const numbers = new Map(ok.map((o) => [o.id, o.number]));
    const asEntries = mine.map((q) => ({ ...q, number: numbers.get(q.id) ?? 0 }));
    expect(asEntries.map((q) => q.id)).toEqual(
      [...asEntries].sort(compareQueueEntries).map((q) => q.id),
    );
    expect(mine.every((q) => q.reason === 'EQUIPMENT_BUSY')).toBe(true);

    // Complete all five running jobs at once: the five orders at the head take their places.
    const head = mine.slice(0, 5).map((q) => q.id);
    const running = await h.tdb
      .sql`select id from work_orders where equipment_type_id = ${type.id} and status = 'dispatched'`;
    await h.tdb
      .sql`update work_orders set status = 'on_site' where id in ${h.tdb.sql(running.map((r) => r.id as string))}`;
    await h.tdb.sql`update dispatches set en_route_at = now(), on_site_at = now()
                    where ended_at is null and work_order_id in ${h.tdb.sql(running.map((r) => r.id as string))}`;
    const completions = await settled(
      running.map((r) =>
        h.dispatcher.dispatch.complete({ workOrderId: r.id as string, note: 'done' }),
      ),
    );
    expect(completions.failed).toEqual([]);
    const nowDispatched = await h.tdb.sql`
      select id from work_orders where equipment_type_id = ${type.id} and status = 'dispatched'`;
    expect(nowDispatched.map((r) => r.id).sort()).toEqual([...head].sort());
    expect(await findInconsistencies(h.tdb)).toEqual(CONSISTENT);
  });

  it('concurrent retries with one idempotency key make one row and return the first result', async () => {
    await f.autoDispatch(false);
    const type = await f.type('race-idem');
    const input = {
      title: 'Retry me',
      siteAddress: '9 Retry Row',
      equipmentTypeId: type.id,
      idempotencyKey: 'client-retry-0001',
    };
    const { ok, failed } = await settled(
      Array.from({ length: 25 }, () => h.dispatcher.workOrders.create(input)),
    );
    expect(failed).toEqual([]);
    expect(new Set(ok.map((o) => o.id)).size).toBe(1);
    expect(new Set(ok.map((o) => o.reference)).size).toBe(1);
    const [rows] = await h.tdb
      .sql`select count(*)::int as n from work_orders where title = 'Retry me'`;
    expect(rows?.n).toBe(1);

    const e = await f.equipment(type.id);
    const d = await f.driver([type.id]);
    const assign = {
      workOrderId: ok[0]!.id,
      equipmentId: e.id,
      driverId: d.id,
      idempotencyKey: 'assign-retry-01',
    };
    const assigned = await settled(
      Array.from({ length: 25 }, () => h.dispatcher.dispatch.assign(assign)),
    );
    expect(assigned.failed).toEqual([]);
    expect(new Set(assigned.ok.map((o) => o.dispatch?.id)).size).toBe(1);
    const [dispatchRows] = await h.tdb
      .sql`select count(*)::int as n from dispatches where work_order_id = ${ok[0]!.id}`;
    expect(dispatchRows?.n).toBe(1);

    expect(
      await rejection(h.dispatcher.workOrders.create({ ...input, title: 'Something else' })),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
    // Keys are per caller: another dispatcher using the same key creates their own order.
    const other = await h.as('dispatcher2').workOrders.create(input);
    expect(other.id).not.toBe(ok[0]!.id);
  });

  it('a storm of mixed operations never breaks an invariant or deadlocks', async () => {
    await f.autoDispatch(true);
    const type = await f.type('race-mixed');
    const units = await Promise.all(Array.from({ length: 6 }, () => f.equipment(type.id)));
    const people = await Promise.all(Array.from({ length: 6 }, () => f.driver([type.id])));
    const orders = await Promise.all(Array.from({ length: 30 }, () => f.order(type.id)));
    let seed = 42;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const unexpected: unknown[] = [];
    for (let round = 0; round < 4; round++) {
      const ops = Array.from({ length: 40 }, () => {
        const order = orders[rand(orders.length)]!;
        const unit = units[rand(units.length)]!;
        const person = people[rand(people.length)]!;
        switch (rand(6)) {
          case 0:
            return h.dispatcher.dispatch.assign({
              workOrderId: order.id,
              equipmentId: unit.id,
              driverId: person.id,
            });
          case 1:
            return h.dispatcher.dispatch.release({ workOrderId: order.id, reason: 'reshuffle' });
          case 2:
            return h.admin.equipment.setStatus({
              id: unit.id,
              status: rand(2) ? 'maintenance' : 'available',
            });
          case 3:
            return h.dispatcher.drivers.setAvailability({
              id: person.id,
              status: rand(2) ? 'off_duty' : 'available',
            });
          case 4:
            return f.order(type.id, { priority: 'urgent' });
          default:
            return h.dispatcher.queue.fill();
        }
      });
      const { failed } = await settled<unknown>(ops);
      for (const error of failed) {
        const { code, reason } = await rejection(Promise.reject(error));
        if (code !== 'CONFLICT' || reason === 'CONCURRENT_CONFLICT')
          unexpected.push({ code, reason });
      }
      expect(await findInconsistencies(h.tdb)).toEqual(CONSISTENT);
    }
    expect(unexpected).toEqual([]);
  });
});
