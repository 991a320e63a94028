import { createDatabase } from '@dispatch/db';
import { compareQueueEntries } from '@dispatch/domain';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../src/router';
import { fleet } from './helpers/fleet';
import { createHarness, testLog, type THarness } from './helpers/harness';
import { principals } from './helpers/principals';

let h: THarness;
let f: ReturnType<typeof fleet>;
beforeAll(async () => {
  h = await createHarness();
  f = fleet(h);
  await f.autoDispatch(false);
});
afterAll(() => h.destroy());

const hours = (n: number) => new Date(Date.now() + n * 3600_000);

describe('queue', () => {
  it('lists in fill order (priority, due-by with none last, time queued) with positions', async () => {
    const type = await f.type();
    const low = await f.order(type.id, { priority: 'low' });
    const stdNoDue = await f.order(type.id, { priority: 'standard' });
    const stdLate = await f.order(type.id, { priority: 'standard', dueBy: hours(8) });
    const stdSoon = await f.order(type.id, { priority: 'standard', dueBy: hours(2) });
    const urgent = await f.order(type.id, { priority: 'urgent' });
    const high = await f.order(type.id, { priority: 'high', dueBy: hours(30) });
    const queue = await h.viewer.queue.list({ limit: 100 });
    const mine = queue.items.filter((q) => q.equipmentTypeId === type.id);
    expect(mine.map((q) => q.id)).toEqual(
      [urgent, high, stdSoon, stdLate, stdNoDue, low].map((o) => o.id),
    );
    expect(mine.map((q) => q.positionInType)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(queue.items.map((q) => q.position)).toEqual(queue.items.map((_, i) => i + 1));
    expect(mine[0]!.waitingSeconds).toBeGreaterThanOrEqual(0);
    // The database's order is the domain's order.
    const withNumbers = mine.map((q) => ({ ...q, number: Number(q.reference.slice(3)) }));
    expect([...withNumbers].sort(compareQueueEntries).map((q) => q.id)).toEqual(
      mine.map((q) => q.id),
    );
  });

  it('says why each order waits', async () => {
    const noUnits = await f.type('reason-no-units');
    const noDrivers = await f.type('reason-no-drivers');
    const busy = await f.type('reason-busy');
    const ready = await f.type('reason-ready');
    await f.equipment(noDrivers.id);
    const busyUnit = await f.equipment(busy.id);
    const busyDriver = await f.driver([busy.id]);
    await f.equipment(ready.id);
    await f.driver([ready.id]);
    const offDuty = await f.driver([noDrivers.id]);
    await h.dispatcher.drivers.setAvailability({ id: offDuty.id, status: 'off_duty' });

    const a = await f.order(noUnits.id);
    const b = await f.order(noDrivers.id);
    const first = await f.order(busy.id);
    await h.dispatcher.dispatch.assign({
      workOrderId: first.id,
      equipmentId: busyUnit.id,
      driverId: busyDriver.id,
    });
    const c = await f.order(busy.id);
    const d1 = await f.order(ready.id);
    const d2 = await f.order(ready.id);

    const reasons = Object.fromEntries(
      (await h.viewer.queue.list({ limit: 500 })).items.map((q) => [q.id, q.reason]),
    );
    expect(reasons[a.id]).toBe('NO_EQUIPMENT_OF_TYPE');
    expect(reasons[b.id]).toBe('DRIVERS_BUSY');
    expect(reasons[c.id]).toBe('EQUIPMENT_BUSY');
    expect(reasons[d1.id]).toBe('AWAITING_MANUAL_DISPATCH');
    expect(reasons[d2.id]).toBe('AHEAD_IN_QUEUE');

    await h.admin.drivers.update({ id: offDuty.id, qualificationTypeIds: [] });
    const after = Object.fromEntries(
      (await h.viewer.queue.list({ limit: 500 })).items.map((q) => [q.id, q.reason]),
    );
    expect(after[b.id]).toBe('NO_QUALIFIED_DRIVER');
  });

  it('fills by hand in order, and an order for one type never blocks another type', async () => {
    const crane = await f.type();
    const truck = await f.type();
    await f.equipment(truck.id);
    await f.driver([truck.id, crane.id]);
    const craneOrder = await f.order(crane.id, { priority: 'urgent' });
    const truckLow = await f.order(truck.id, { priority: 'low' });
    const truckHigh = await f.order(truck.id, { priority: 'high' });
    const { filled } = await h.dispatcher.queue.fill();
    expect(filled.map((x) => x.workOrderId)).toContain(truckHigh.id);
    expect(filled.map((x) => x.workOrderId)).not.toContain(truckLow.id);
    expect((await h.viewer.workOrders.get({ id: craneOrder.id })).status).toBe('queued');
    const event = (await h.viewer.workOrders.get({ id: truckHigh.id })).timeline.at(-1);
    expect(event).toMatchObject({
      action: 'assigned',
      actorName: principals.dispatcher.name,
      payload: { auto: true },
    });
  });

  it('fills the head when equipment comes back from maintenance (auto-dispatch on)', async () => {
    const type = await f.type();
    const unit = await f.equipment(type.id);
    await h.admin.equipment.setStatus({ id: unit.id, status: 'maintenance' });
    await f.driver([type.id]);
    await f.autoDispatch(true);
    const later = await f.order(type.id, { priority: 'standard' });
    const sooner = await f.order(type.id, { priority: 'urgent' });
    expect([later.status, sooner.status]).toEqual(['queued', 'queued']);
    await h.admin.equipment.setStatus({ id: unit.id, status: 'available' });
    expect((await h.viewer.workOrders.get({ id: sooner.id })).status).toBe('dispatched');
    expect((await h.viewer.workOrders.get({ id: later.id })).status).toBe('queued');
    await f.autoDispatch(false);
  });

  it('is durable: a new connection pool (a restarted server) sees the same queue', async () => {
    const before = await h.viewer.queue.list({ limit: 500 });
    const fresh = createDatabase({ url: h.tdb.url, max: 2 });
    try {
      const caller = createCaller({
        db: fresh.db,
        principal: principals.viewer,
        log: testLog,
        requestId: randomUUID(),
      });
      const after = await caller.queue.list({ limit: 500 });
      expect(after.items.map((q) => q.id)).toEqual(before.items.map((q) => q.id));
      expect(after.total).toBe(before.total);
    } finally {
      await fresh.close();
    }
  });
});
