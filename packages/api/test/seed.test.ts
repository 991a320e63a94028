import { DEMO_SUBJECTS, seedDemoData } from '@dispatch/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createHarness, type THarness } from './helpers/harness';
import { CONSISTENT, findInconsistencies } from './helpers/invariants';

let h: THarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.destroy());

describe('demo seed', () => {
  it('writes a realistic, consistent fleet once', async () => {
    expect(await seedDemoData(h.tdb.db)).toEqual({ seeded: true });
    const counts = await countRows(h.tdb);
    expect(counts).toMatchObject({
      equipment_types: 5,
      equipment: 15,
      drivers: 10,
      work_orders: 40,
    });
    const statuses = await h.tdb
      .sql`select status, count(*)::int as n from work_orders group by status order by status`;
    expect(Object.fromEntries(statuses.map((r) => [r.status, r.n]))).toEqual({
      queued: 9,
      dispatched: 2,
      en_route: 2,
      on_site: 2,
      completed: 22,
      cancelled: 3,
    });
    expect(await findInconsistencies(h.tdb)).toEqual(CONSISTENT);

    expect(await seedDemoData(h.tdb.db)).toEqual({ seeded: false });
    expect(await countRows(h.tdb)).toEqual(counts);
  });

  it('leaves nothing for the queue fill to do: every queued order really waits', async () => {
    const queue = await h.viewer.queue.list({ limit: 100 });
    expect(queue.total).toBe(9);
    expect(new Set(queue.items.map((q) => q.reason))).toEqual(
      new Set(['EQUIPMENT_BUSY', 'DRIVERS_BUSY']),
    );
    expect((await h.dispatcher.queue.fill()).filled).toEqual([]);
  });

  it('gives the demo driver a job in progress', async () => {
    const driver = h.as({ subject: DEMO_SUBJECTS.driver, name: 'Sam Carter', roles: ['driver'] });
    const mine = await driver.driverApp.myDispatches();
    expect(mine.current).toMatchObject({ status: 'en_route', equipmentCode: 'FB-01' });
  });
});
