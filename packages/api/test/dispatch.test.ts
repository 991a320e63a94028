import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleet, rejection } from './helpers/fleet';
import { countRows, createHarness, type THarness } from './helpers/harness';

let h: THarness;
let f: ReturnType<typeof fleet>;
beforeAll(async () => {
  h = await createHarness();
  f = fleet(h);
  await f.autoDispatch(false);
});
afterAll(() => h.destroy());

describe('dispatch.assign', () => {
  it('reserves order, equipment and driver together and records the event', async () => {
    const crane = await f.type();
    const e = await f.equipment(crane.id);
    const d = await f.driver([crane.id]);
    const wo = await f.order(crane.id);
    expect(wo.status).toBe('queued');

    const assigned = await h.dispatcher.dispatch.assign({
      workOrderId: wo.id,
      equipmentId: e.id,
      driverId: d.id,
    });
    expect(assigned.status).toBe('dispatched');
    expect(assigned.dispatch).toMatchObject({ equipmentCode: e.code, driverName: d.name });
    // The answer is built from the locked rows, not read back: it must equal what a read gives.
    const {
      description: _d,
      dispatches: _ds,
      timeline: _t,
      ...summary
    } = await h.viewer.workOrders.get({ id: wo.id });
    expect(assigned).toEqual(summary);
    expect((await h.viewer.equipment.get({ id: e.id })).status).toBe('assigned');
    expect((await h.viewer.drivers.get({ id: d.id })).status).toBe('assigned');
    const detail = await h.viewer.workOrders.get({ id: wo.id });
    expect(detail.timeline.map((ev) => ev.action)).toEqual(['created', 'assigned']);
    expect(detail.timeline[1]).toMatchObject({
      actorName: 'Dee Dispatcher',
      payload: { auto: false },
    });
  });

  it('refuses taken, unqualified, mismatched and unknown resources, writing nothing', async () => {
    const crane = await f.type();
    const truck = await f.type();
    const e1 = await f.equipment(crane.id);
    const t1 = await f.equipment(truck.id);
    const d1 = await f.driver([crane.id]);
    const d2 = await f.driver([crane.id]);
    const truckOnly = await f.driver([truck.id]);
    const wo1 = await f.order(crane.id);
    const wo2 = await f.order(crane.id);
    await h.dispatcher.dispatch.assign({
      workOrderId: wo1.id,
      equipmentId: e1.id,
      driverId: d1.id,
    });
    const before = await countRows(h.tdb);

    const taken = h.dispatcher.dispatch.assign({
      workOrderId: wo2.id,
      equipmentId: e1.id,
      driverId: d2.id,
    });
    await expect(taken).rejects.toThrow(`${e1.code} was just assigned to ${wo1.reference}`);
    expect(
      await rejection(
        h.dispatcher.dispatch.assign({ workOrderId: wo2.id, equipmentId: e1.id, driverId: d2.id }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'EQUIPMENT_NOT_AVAILABLE',
    });
    const e2 = await f.equipment(crane.id);
    const before2 = await countRows(h.tdb);
    expect(before2.equipment).toBe((before.equipment ?? 0) + 1);
    expect(
      await rejection(
        h.dispatcher.dispatch.assign({ workOrderId: wo2.id, equipmentId: e2.id, driverId: d1.id }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'DRIVER_NOT_AVAILABLE',
    });
    expect(
      await rejection(
        h.dispatcher.dispatch.assign({
          workOrderId: wo2.id,
          equipmentId: e2.id,
          driverId: truckOnly.id,
        }),
      ),
    ).toEqual({ code: 'CONFLICT', reason: 'DRIVER_NOT_QUALIFIED' });
    expect(
      await rejection(
        h.dispatcher.dispatch.assign({ workOrderId: wo2.id, equipmentId: t1.id, driverId: d2.id }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'EQUIPMENT_TYPE_MISMATCH',
    });
    expect(
      await rejection(
        h.dispatcher.dispatch.assign({ workOrderId: wo1.id, equipmentId: e2.id, driverId: d2.id }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(
      await rejection(
        h.dispatcher.dispatch.assign({ workOrderId: missing, equipmentId: e2.id, driverId: d2.id }),
      ),
    ).toEqual({
      code: 'NOT_FOUND',
      reason: 'WORK_ORDER_NOT_FOUND',
    });
    expect(
      await rejection(
        h.dispatcher.dispatch.assign({
          workOrderId: wo2.id,
          equipmentId: missing,
          driverId: d2.id,
        }),
      ),
    ).toEqual({
      code: 'NOT_FOUND',
      reason: 'EQUIPMENT_NOT_FOUND',
    });
    expect(
      await rejection(
        h.dispatcher.dispatch.assign({
          workOrderId: wo2.id,
          equipmentId: e2.id,
          driverId: missing,
        }),
      ),
    ).toEqual({
      code: 'NOT_FOUND',
      reason: 'DRIVER_NOT_FOUND',
    });
    expect(await countRows(h.tdb)).toEqual(before2);
  });
});

describe('dispatch.release and dispatch.complete', () => {
  it('sends the order back to the queue at its old place and can take a broken unit out', async () => {
    const crane = await f.type();
    const e = await f.equipment(crane.id);
    const d = await f.driver([crane.id]);
    const wo = await f.order(crane.id, { priority: 'high' });
    await h.dispatcher.dispatch.assign({ workOrderId: wo.id, equipmentId: e.id, driverId: d.id });
    const released = await h.dispatcher.dispatch.release({
      workOrderId: wo.id,
      reason: 'Hydraulic leak',
      equipmentStatus: 'maintenance',
    });
    expect(released.status).toBe('queued');
    expect(released.queuedAt).toEqual(wo.queuedAt);
    expect(released.dispatch).toBeNull();
    expect((await h.viewer.equipment.get({ id: e.id })).status).toBe('maintenance');
    expect((await h.viewer.drivers.get({ id: d.id })).status).toBe('available');
    const detail = await h.viewer.workOrders.get({ id: wo.id });
    expect(detail.dispatches).toHaveLength(1);
    expect(detail.dispatches[0]).toMatchObject({
      outcome: 'released',
      releaseReason: 'Hydraulic leak',
    });
    expect(
      await rejection(h.dispatcher.dispatch.release({ workOrderId: wo.id, reason: 'again' })),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
  });

  it('lets a dispatcher complete only an on-site job', async () => {
    const crane = await f.type();
    const e = await f.equipment(crane.id);
    const d = await f.driver([crane.id]);
    const wo = await f.order(crane.id);
    await h.dispatcher.dispatch.assign({ workOrderId: wo.id, equipmentId: e.id, driverId: d.id });
    expect(
      await rejection(h.dispatcher.dispatch.complete({ workOrderId: wo.id, note: 'done' })),
    ).toEqual({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
    // Progress the dispatch as its driver would (by SQL: this driver has no login).
    await h.tdb.sql`update work_orders set status = 'on_site' where id = ${wo.id}`;
    await h.tdb
      .sql`update dispatches set en_route_at = now(), on_site_at = now() where work_order_id = ${wo.id}`;
    const done = await h.dispatcher.dispatch.complete({
      workOrderId: wo.id,
      note: 'Driver phone dead; confirmed by call',
    });
    expect(done.status).toBe('completed');
    expect(done.completedAt).toBeInstanceOf(Date);
    expect((await h.viewer.equipment.get({ id: e.id })).status).toBe('available');
  });
});

describe('dispatch.candidates', () => {
  it('lists eligible pairs idle-longest first and every exclusion with its reason', async () => {
    const crane = await f.type();
    const truck = await f.type();
    const busy = await f.equipment(crane.id, 'CR-BUSY');
    const idleOld = await f.equipment(crane.id, 'CR-OLD');
    await f.equipment(crane.id, 'CR-NEW');
    const broken = await f.equipment(crane.id, 'CR-BROKEN');
    await h.admin.equipment.setStatus({ id: broken.id, status: 'out_of_service' });
    await h.tdb
      .sql`update equipment set status_changed_at = now() - interval '3 hours' where id = ${idleOld.id}`;
    const dBusy = await f.driver([crane.id], { name: 'Busy Bee' });
    await f.driver([crane.id], { name: 'Free Fay' });
    const dOff = await f.driver([crane.id], { name: 'Off Otto' });
    const dTruck = await f.driver([truck.id], { name: 'Truck Tim' });
    await h.dispatcher.drivers.setAvailability({ id: dOff.id, status: 'off_duty' });
    const first = await f.order(crane.id);
    await h.dispatcher.dispatch.assign({
      workOrderId: first.id,
      equipmentId: busy.id,
      driverId: dBusy.id,
    });
    const wo = await f.order(crane.id);

    const c = await h.viewer.dispatch.candidates({ workOrderId: wo.id });
    expect(c.equipment.eligible.map((e) => e.code)).toEqual(['CR-OLD', 'CR-NEW']);
    expect(c.equipment.excluded.map((e) => [e.code, e.reason, e.heldBy])).toEqual(
      expect.arrayContaining([
        ['CR-BUSY', 'EQUIPMENT_ASSIGNED', first.reference],
        ['CR-BROKEN', 'EQUIPMENT_OUT_OF_SERVICE', null],
      ]),
    );
    expect(c.drivers.eligible.map((d) => d.name)).toContain('Free Fay');
    const reasons = Object.fromEntries(c.drivers.excluded.map((d) => [d.name, d.reason]));
    expect(reasons).toMatchObject({
      'Busy Bee': 'DRIVER_ASSIGNED',
      'Off Otto': 'DRIVER_OFF_DUTY',
      'Truck Tim': 'DRIVER_NOT_QUALIFIED',
    });
    expect(c.best?.equipmentId).toBe(idleOld.id);
    expect(dTruck.id).toBeTruthy();
  });
});
