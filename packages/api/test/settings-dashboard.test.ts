import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleet, rejection } from './helpers/fleet';
import { countRows, createHarness, type THarness } from './helpers/harness';
import { principalWithRoles } from './helpers/principals';

let h: THarness;
let f: ReturnType<typeof fleet>;
beforeAll(async () => {
  h = await createHarness();
  f = fleet(h);
});
afterAll(() => h.destroy());

const SETTINGS_ID = '00000000-0000-0000-0000-000000000000';

describe('me.get', () => {
  it('returns roles and capabilities for each role, and no driver id for non-drivers', async () => {
    expect(await h.admin.me.get()).toEqual({
      subject: 'user-admin',
      name: 'Ada Admin',
      roles: ['admin'],
      capabilities: ['read', 'operate', 'administer'],
      driverId: null,
    });
    expect(await h.dispatcher.me.get()).toEqual({
      subject: 'user-dispatcher',
      name: 'Dee Dispatcher',
      roles: ['dispatcher'],
      capabilities: ['read', 'operate'],
      driverId: null,
    });
    expect(await h.viewer.me.get()).toEqual({
      subject: 'user-viewer',
      name: 'Vic Viewer',
      roles: ['viewer'],
      capabilities: ['read'],
      driverId: null,
    });
    // Unknown roles are dropped; known ones come in a fixed order.
    expect(await h.as('nobody').me.get()).toMatchObject({ roles: [], capabilities: [] });
    expect(
      await h
        .as({ subject: 'user-mixed', name: 'Mix', roles: ['admin', 'sso-user', 'driver'] })
        .me.get(),
    ).toMatchObject({
      roles: ['driver', 'admin'],
      capabilities: ['read', 'operate', 'administer', 'drive'],
      driverId: null,
    });
    expect(await rejection(h.as(null).me.get())).toEqual({ code: 'UNAUTHORIZED', reason: null });
  });

  it('returns the linked driver id for a driver, and null until linked', async () => {
    const before = await h.as('driver').me.get();
    expect(before).toEqual({
      subject: 'user-driver',
      name: 'Drew Driver',
      roles: ['driver'],
      capabilities: ['drive'],
      driverId: null,
    });
    const t = await f.type();
    const linked = await f.linkedDriver([t.id]);
    expect((await h.as('driver').me.get()).driverId).toBe(linked.id);
    expect((await h.as('driver2').me.get()).driverId).toBeNull();
    // A principal with roles only (no linked record) with the same roles is still unlinked.
    expect((await h.as(principalWithRoles(['viewer', 'driver'])).me.get()).driverId).toBeNull();
  });
});

describe('settings', () => {
  it('starts with auto-dispatch on, and only admins may change it', async () => {
    const initial = await h.viewer.settings.get();
    expect(initial.autoDispatch).toBe(true);
    expect(initial.updatedBySubject).toBeNull();
    expect(initial.updatedAt).toBeInstanceOf(Date);
    expect(await rejection(h.dispatcher.settings.update({ autoDispatch: false }))).toEqual({
      code: 'FORBIDDEN',
      reason: null,
    });
    expect(await rejection(h.as('driver').settings.get())).toEqual({
      code: 'FORBIDDEN',
      reason: null,
    });
  });

  it('records each update as an event by its actor', async () => {
    const start = await h.viewer.settings.get();
    const off = await h.admin.settings.update({ autoDispatch: false });
    expect(off.autoDispatch).toBe(false);
    expect(off.updatedBySubject).toBe('user-admin');
    expect(off.updatedAt.getTime()).toBeGreaterThanOrEqual(start.updatedAt.getTime());
    expect(await h.viewer.settings.get()).toEqual(off);

    const events = await h.tdb.sql<
      {
        entity_type: string;
        entity_id: string;
        action: string;
        actor_name: string;
        payload: unknown;
      }[]
    >`select entity_type, entity_id, action, actor_name, payload from events
      where entity_type = 'settings' order by id`;
    expect(events.at(-1)).toEqual({
      entity_type: 'settings',
      entity_id: SETTINGS_ID,
      action: 'updated',
      actor_name: 'Ada Admin',
      payload: { autoDispatch: { from: true, to: false } },
    });
    const recent = (await h.viewer.dashboard.summary()).recent[0];
    expect(recent).toMatchObject({
      entityType: 'settings',
      entityId: SETTINGS_ID,
      action: 'updated',
      actorName: 'Ada Admin',
      payload: { autoDispatch: { from: true, to: false } },
    });
  });

  it('turning auto-dispatch on fills the queue in queue order', async () => {
    await f.autoDispatch(false);
    const t = await f.type();
    const e = await f.equipment(t.id);
    const d = await f.driver([t.id]);
    const standard = await f.order(t.id);
    const urgent = await f.order(t.id, { priority: 'urgent' });
    expect(standard.status).toBe('queued');
    expect(urgent.status).toBe('queued');

    const on = await h.admin.settings.update({ autoDispatch: true });
    expect(on.autoDispatch).toBe(true);
    const first = await h.viewer.workOrders.get({ id: urgent.id });
    expect(first.status).toBe('dispatched');
    expect(first.dispatch).toMatchObject({ equipmentId: e.id, driverId: d.id });
    expect(first.timeline.at(-1)).toMatchObject({
      action: 'assigned',
      actorName: 'Ada Admin',
      payload: { auto: true },
    });
    expect((await h.viewer.workOrders.get({ id: standard.id })).status).toBe('queued');
    await f.autoDispatch(false);
    await h.dispatcher.workOrders.cancel({ id: standard.id, reason: 'test cleanup' });
    await h.dispatcher.workOrders.cancel({ id: urgent.id, reason: 'test cleanup' });
  });

  it('turning auto-dispatch off dispatches nothing', async () => {
    await f.autoDispatch(false);
    const t = await f.type();
    await f.equipment(t.id);
    await f.driver([t.id]);
    const wo = await f.order(t.id);
    const before = await countRows(h.tdb);
    await h.admin.settings.update({ autoDispatch: false });
    const after = await countRows(h.tdb);
    expect(after.dispatches).toBe(before.dispatches);
    expect((await h.viewer.workOrders.get({ id: wo.id })).status).toBe('queued');
    await h.dispatcher.workOrders.cancel({ id: wo.id, reason: 'test cleanup' });
  });
});

describe('dashboard.summary', () => {
  // A database of its own, so every count on the dashboard is known exactly.
  let dh: THarness;
  let df: ReturnType<typeof fleet>;
  beforeAll(async () => {
    dh = await createHarness();
    df = fleet(dh);
    await df.autoDispatch(false);
  });
  afterAll(() => dh.destroy());

  it('is empty on an empty fleet', async () => {
    const s = await dh.viewer.dashboard.summary();
    expect(s).toMatchObject({
      autoDispatch: false,
      counts: {
        byStatus: { new: 0, queued: 0, dispatched: 0, en_route: 0, on_site: 0 },
        completedLast24h: 0,
        cancelledLast24h: 0,
      },
      queue: { total: 0, head: [] },
      active: [],
      freeEquipment: [],
      drivers: { available: 0, assigned: 0, offDuty: 0 },
    });
    expect(s.generatedAt).toBeInstanceOf(Date);
    expect(s.recent.map((ev) => ev.action)).toEqual(['updated']);
    expect(await rejection(dh.as('driver').dashboard.summary())).toEqual({
      code: 'FORBIDDEN',
      reason: null,
    });
  });

  it('counts orders, explains the queue, lists active work, free resources and recent events', async () => {
    const crane = await df.type('dash-crane');
    const hoist = await df.type('dash-hoist');
    const lift = await df.type('dash-lift');
    const mixer = await df.type('dash-mixer');
    const pump = await df.type('dash-pump');
    const truck = await df.type('dash-truck');

    const c1 = await df.equipment(crane.id, 'C1');
    await df.equipment(crane.id, 'C2');
    const h1 = await df.equipment(hoist.id, 'H1');
    await dh.admin.equipment.setStatus({ id: h1.id, status: 'out_of_service' });
    const l1 = await df.equipment(lift.id, 'L1');
    await df.equipment(lift.id, 'L2');
    const m1 = await df.equipment(mixer.id, 'M1');
    await dh.admin.equipment.setStatus({ id: m1.id, status: 'maintenance' });
    const p1 = await df.equipment(pump.id, 'P1');
    await df.equipment(truck.id, 'T1');

    const drew = await df.linkedDriver([crane.id]);
    await df.driver([crane.id], { name: 'Cara Crane' });
    const lou = await df.driver([lift.id], { name: 'Lou Lift' });
    await df.linkedDriver([pump.id], 'driver2');
    const otto = await df.driver([crane.id], { name: 'Otto Off' });
    await dh.dispatcher.drivers.setAvailability({ id: otto.id, status: 'off_duty' });

    // Active: one en route, one dispatched. Closed: one completed, one cancelled.
    const o1 = await df.order(crane.id, { title: 'Crane on the way' });
    const a1 = await dh.dispatcher.dispatch.assign({
      workOrderId: o1.id,
      equipmentId: c1.id,
      driverId: drew.id,
    });
    await dh.as('driver').driverApp.advance({ dispatchId: a1.dispatch?.id ?? '', to: 'en_route' });
    const o2 = await df.order(lift.id, { title: 'Lift waiting for driver' });
    await dh.dispatcher.dispatch.assign({
      workOrderId: o2.id,
      equipmentId: l1.id,
      driverId: lou.id,
    });
    const o3 = await df.order(pump.id);
    const a3 = await dh.dispatcher.dispatch.assign({
      workOrderId: o3.id,
      equipmentId: p1.id,
      driverId: (await dh.as('driver2').me.get()).driverId ?? '',
    });
    const dana = dh.as('driver2');
    for (const to of ['en_route', 'on_site', 'completed'] as const) {
      await dana.driverApp.advance({ dispatchId: a3.dispatch?.id ?? '', to });
    }
    const o4 = await df.order(truck.id);

    // The queue: one order per reason, plus an urgent one that goes to the front.
    const q1 = await df.order(mixer.id);
    const q2 = await df.order(hoist.id);
    const q3 = await df.order(truck.id);
    const q4 = await df.order(lift.id);
    const q5 = await df.order(crane.id);
    const q6 = await df.order(crane.id);
    const q7 = await df.order(crane.id, { priority: 'urgent' });
    await dh.dispatcher.workOrders.cancel({ id: o4.id, reason: 'Customer withdrew' });

    const s = await dh.viewer.dashboard.summary();
    expect(s.autoDispatch).toBe(false);
    expect(s.counts).toEqual({
      byStatus: { new: 0, queued: 7, dispatched: 1, en_route: 1, on_site: 0 },
      completedLast24h: 1,
      cancelledLast24h: 1,
    });
    expect(s.queue.total).toBe(7);
    expect(s.queue.head.map((q) => [q.reference, q.position, q.positionInType, q.reason])).toEqual([
      [q7.reference, 1, 1, 'AWAITING_MANUAL_DISPATCH'],
      [q1.reference, 2, 1, 'EQUIPMENT_BUSY'],
      [q2.reference, 3, 1, 'NO_EQUIPMENT_OF_TYPE'],
      [q3.reference, 4, 1, 'NO_QUALIFIED_DRIVER'],
      [q4.reference, 5, 1, 'DRIVERS_BUSY'],
      [q5.reference, 6, 2, 'AHEAD_IN_QUEUE'],
      [q6.reference, 7, 3, 'AHEAD_IN_QUEUE'],
    ]);
    expect(s.queue.head[0]).toMatchObject({
      id: q7.id,
      priority: 'urgent',
      equipmentTypeId: crane.id,
      equipmentTypeName: 'dash-crane',
      siteAddress: '1 Harbour Road',
    });
    expect(s.queue.head.every((q) => q.waitingSeconds >= 0)).toBe(true);

    expect(s.active).toHaveLength(2);
    expect(s.active[0]).toMatchObject({
      workOrderId: o1.id,
      reference: o1.reference,
      title: 'Crane on the way',
      status: 'en_route',
      equipmentCode: 'C1',
      driverName: 'Drew Driver',
      onSiteAt: null,
    });
    expect(s.active[0]?.enRouteAt).toBeInstanceOf(Date);
    expect(s.active[1]).toMatchObject({
      workOrderId: o2.id,
      status: 'dispatched',
      equipmentCode: 'L1',
      driverName: 'Lou Lift',
      enRouteAt: null,
    });

    expect(s.freeEquipment).toEqual([
      { typeId: crane.id, typeName: 'dash-crane', available: 1, total: 2 },
      { typeId: hoist.id, typeName: 'dash-hoist', available: 0, total: 1 },
      { typeId: lift.id, typeName: 'dash-lift', available: 1, total: 2 },
      { typeId: mixer.id, typeName: 'dash-mixer', available: 0, total: 1 },
      { typeId: pump.id, typeName: 'dash-pump', available: 1, total: 1 },
      { typeId: truck.id, typeName: 'dash-truck', available: 1, total: 1 },
    ]);
    expect(s.drivers).toEqual({ available: 2, assigned: 2, offDuty: 1 });

    expect(s.recent).toHaveLength(15);
    const ids = s.recent.map((ev) => ev.id);
    expect(ids).toEqual([...ids].sort((x, y) => y - x));
    expect(s.recent[0]).toMatchObject({
      entityType: 'work_order',
      entityId: o4.id,
      action: 'cancelled',
      actorName: 'Dee Dispatcher',
      payload: { reason: 'Customer withdrew', from: 'queued' },
    });
    expect(s.recent.slice(1, 8).map((ev) => [ev.action, ev.entityId])).toEqual(
      [q7, q6, q5, q4, q3, q2, q1].map((q) => ['created', q.id]),
    );
    expect(s.recent[8]).toMatchObject({ action: 'created', entityId: o4.id });
    expect(s.recent[9]).toMatchObject({
      action: 'completed',
      entityId: o3.id,
      actorName: 'Dana Driver',
    });

    // Turning auto-dispatch on fills what it can; the dashboard follows.
    await dh.admin.settings.update({ autoDispatch: true });
    const after = await dh.viewer.dashboard.summary();
    expect(after.autoDispatch).toBe(true);
    expect(after.counts.byStatus).toEqual({
      new: 0,
      queued: 6,
      dispatched: 2,
      en_route: 1,
      on_site: 0,
    });
    // Only the urgent crane order could be served (C2 with Cara); each other type still lacks
    // something, and the crane orders behind it now wait for equipment.
    expect(after.queue.head.map((q) => [q.reference, q.reason])).toEqual([
      [q1.reference, 'EQUIPMENT_BUSY'],
      [q2.reference, 'NO_EQUIPMENT_OF_TYPE'],
      [q3.reference, 'NO_QUALIFIED_DRIVER'],
      [q4.reference, 'DRIVERS_BUSY'],
      [q5.reference, 'EQUIPMENT_BUSY'],
      [q6.reference, 'EQUIPMENT_BUSY'],
    ]);
    expect(after.active.map((a) => [a.workOrderId, a.equipmentCode, a.driverName])).toEqual([
      [o1.id, 'C1', 'Drew Driver'],
      [o2.id, 'L1', 'Lou Lift'],
      [q7.id, 'C2', 'Cara Crane'],
    ]);
    expect(after.drivers).toEqual({ available: 1, assigned: 3, offDuty: 1 });
    expect(after.freeEquipment.map((x) => [x.typeName, x.available])).toEqual([
      ['dash-crane', 0],
      ['dash-hoist', 0],
      ['dash-lift', 1],
      ['dash-mixer', 0],
      ['dash-pump', 1],
      ['dash-truck', 1],
    ]);
  });
});
