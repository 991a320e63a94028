import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleet, rejection } from './helpers/fleet';
import { countRows, createHarness, type TCaller, type THarness } from './helpers/harness';

let h: THarness;
let f: ReturnType<typeof fleet>;
let crane: { id: string; name: string };
let drew: { id: string; name: string };
let dana: { id: string; name: string };
let me: TCaller;

beforeAll(async () => {
  h = await createHarness();
  f = fleet(h);
  await f.autoDispatch(false);
  crane = await f.type('crane');
  drew = await f.linkedDriver([crane.id]);
  dana = await f.linkedDriver([crane.id], 'driver2');
  me = h.as('driver');
});
afterAll(() => h.destroy());

const MISSING = '00000000-0000-4000-8000-000000000000';

/** A new crane order assigned by the dispatcher to the given driver (Drew by default). */
async function job(driverId = drew.id, extra: Parameters<typeof f.order>[1] = {}) {
  const e = await f.equipment(crane.id);
  const wo = await f.order(crane.id, extra);
  const assigned = await h.dispatcher.dispatch.assign({
    workOrderId: wo.id,
    equipmentId: e.id,
    driverId,
  });
  const dispatchId = assigned.dispatch?.id;
  if (!dispatchId) throw new Error('assignment returned no dispatch');
  return { wo, e, dispatchId };
}

/** Ends a test's job without sending it back to the queue. */
const cleanup = (workOrderId: string) =>
  h.dispatcher.workOrders.cancel({ id: workOrderId, reason: 'test cleanup' });

describe('driverApp access', () => {
  it('is only for signed-in drivers linked to a driver record', async () => {
    const unlinked = h.as({ subject: 'user-unlinked', name: 'Una Linked', roles: ['driver'] });
    expect(await rejection(unlinked.driverApp.myDispatches())).toEqual({
      code: 'FORBIDDEN',
      reason: 'DRIVER_NOT_LINKED',
    });
    expect(
      await rejection(unlinked.driverApp.advance({ dispatchId: MISSING, to: 'en_route' })),
    ).toEqual({ code: 'FORBIDDEN', reason: 'DRIVER_NOT_LINKED' });
    expect(await rejection(h.dispatcher.driverApp.myDispatches())).toEqual({
      code: 'FORBIDDEN',
      reason: null,
    });
    expect(await rejection(h.admin.driverApp.myDispatches())).toEqual({
      code: 'FORBIDDEN',
      reason: null,
    });
    expect(await rejection(h.as(null).driverApp.myDispatches())).toEqual({
      code: 'UNAUTHORIZED',
      reason: null,
    });
  });
});

describe('driverApp.myDispatches', () => {
  it('shows no current job before anything is assigned', async () => {
    expect(await me.driverApp.myDispatches()).toEqual({
      driver: { id: drew.id, name: 'Drew Driver', status: 'available' },
      current: null,
      recent: [],
    });
  });

  it('shows the assigned job with its site and equipment, to its driver only', async () => {
    const due = new Date(Date.now() + 4 * 3600 * 1000);
    const { wo, e, dispatchId } = await job(drew.id, {
      title: 'Set roof trusses',
      description: 'Gate code 4411',
      siteAddress: '22 Wharf Street',
      lat: 53.4,
      lng: -2.98,
      priority: 'high',
      dueBy: due,
    });
    const mine = await me.driverApp.myDispatches();
    expect(mine.driver).toEqual({ id: drew.id, name: 'Drew Driver', status: 'assigned' });
    expect(mine.current).toMatchObject({
      dispatchId,
      workOrderId: wo.id,
      reference: wo.reference,
      title: 'Set roof trusses',
      description: 'Gate code 4411',
      siteAddress: '22 Wharf Street',
      lat: 53.4,
      lng: -2.98,
      priority: 'high',
      dueBy: due,
      status: 'dispatched',
      equipmentCode: e.code,
      equipmentName: e.name,
      enRouteAt: null,
      onSiteAt: null,
      endedAt: null,
      outcome: null,
      completionNote: null,
    });
    expect(mine.current?.assignedAt).toBeInstanceOf(Date);
    expect(mine.recent).toEqual([]);
    // The other driver sees none of it.
    const theirs = await h.as('driver2').driverApp.myDispatches();
    expect(theirs.driver.id).toBe(dana.id);
    expect(theirs.current).toBeNull();
    await cleanup(wo.id);
  });
});

describe('driverApp.advance', () => {
  it('moves en route, on site and completed, each an event by the driver', async () => {
    const { wo, e, dispatchId } = await job();

    const enRoute = await me.driverApp.advance({ dispatchId, to: 'en_route' });
    expect(enRoute).toEqual({ dispatchId, workOrderId: wo.id, status: 'en_route', changed: true });
    const mid = await me.driverApp.myDispatches();
    expect(mid.current).toMatchObject({ dispatchId, status: 'en_route', onSiteAt: null });
    expect(mid.current?.enRouteAt).toBeInstanceOf(Date);

    const onSite = await me.driverApp.advance({ dispatchId, to: 'on_site' });
    expect(onSite).toEqual({ dispatchId, workOrderId: wo.id, status: 'on_site', changed: true });
    expect((await me.driverApp.myDispatches()).current?.onSiteAt).toBeInstanceOf(Date);

    const done = await me.driverApp.advance({
      dispatchId,
      to: 'completed',
      note: '  Lifted 3 beams ',
    });
    expect(done).toEqual({ dispatchId, workOrderId: wo.id, status: 'completed', changed: true });

    const detail = await h.viewer.workOrders.get({ id: wo.id });
    expect(detail.status).toBe('completed');
    expect(detail.completedAt).toBeInstanceOf(Date);
    expect(detail.dispatch).toBeNull();
    expect(detail.dispatches).toHaveLength(1);
    expect(detail.dispatches[0]).toMatchObject({
      id: dispatchId,
      outcome: 'completed',
      completionNote: 'Lifted 3 beams',
      releaseReason: null,
    });
    expect(detail.dispatches[0]?.enRouteAt).toBeInstanceOf(Date);
    expect(detail.dispatches[0]?.onSiteAt).toBeInstanceOf(Date);
    expect(detail.dispatches[0]?.endedAt).toBeInstanceOf(Date);
    expect(detail.timeline.map((ev) => [ev.action, ev.actorName, ev.payload])).toEqual([
      [
        'created',
        'Dee Dispatcher',
        { reference: wo.reference, priority: 'standard', title: wo.title },
      ],
      ['assigned', 'Dee Dispatcher', expect.objectContaining({ dispatchId, auto: false })],
      ['en_route', 'Drew Driver', { dispatchId }],
      ['on_site', 'Drew Driver', { dispatchId }],
      ['completed', 'Drew Driver', { dispatchId, note: 'Lifted 3 beams' }],
    ]);

    // Completion frees the equipment and the driver.
    expect(await h.viewer.equipment.get({ id: e.id })).toMatchObject({
      status: 'available',
      activeWorkOrder: null,
    });
    expect(await h.viewer.drivers.get({ id: drew.id })).toMatchObject({
      status: 'available',
      activeWorkOrder: null,
    });
    const after = await me.driverApp.myDispatches();
    expect(after.driver.status).toBe('available');
    expect(after.current).toBeNull();
    expect(after.recent[0]).toMatchObject({
      dispatchId,
      workOrderId: wo.id,
      status: 'completed',
      outcome: 'completed',
      completionNote: 'Lifted 3 beams',
    });
    expect(after.recent[0]?.endedAt).toBeInstanceOf(Date);

    // A retried "completed" tap is harmless; going back is not.
    const before = await countRows(h.tdb);
    expect(await me.driverApp.advance({ dispatchId, to: 'completed', note: 'again' })).toEqual({
      dispatchId,
      workOrderId: wo.id,
      status: 'completed',
      changed: false,
    });
    expect(await rejection(me.driverApp.advance({ dispatchId, to: 'en_route' }))).toEqual({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
    expect(await countRows(h.tdb)).toEqual(before);
  });

  it('treats repeating the current stage as a harmless no-op', async () => {
    const { wo, dispatchId } = await job();
    await me.driverApp.advance({ dispatchId, to: 'en_route' });
    const before = await countRows(h.tdb);
    const enRouteAt = (await me.driverApp.myDispatches()).current?.enRouteAt;
    expect(await me.driverApp.advance({ dispatchId, to: 'en_route' })).toEqual({
      dispatchId,
      workOrderId: wo.id,
      status: 'en_route',
      changed: false,
    });
    expect(await countRows(h.tdb)).toEqual(before);
    expect((await me.driverApp.myDispatches()).current?.enRouteAt).toEqual(enRouteAt);

    await me.driverApp.advance({ dispatchId, to: 'on_site' });
    const before2 = await countRows(h.tdb);
    expect(await me.driverApp.advance({ dispatchId, to: 'on_site' })).toEqual({
      dispatchId,
      workOrderId: wo.id,
      status: 'on_site',
      changed: false,
    });
    expect(await countRows(h.tdb)).toEqual(before2);
    const timeline = (await h.viewer.workOrders.get({ id: wo.id })).timeline;
    expect(timeline.map((ev) => ev.action)).toEqual(['created', 'assigned', 'en_route', 'on_site']);
    await cleanup(wo.id);
  });

  it('refuses to skip or go back a stage, writing nothing', async () => {
    const { wo, dispatchId } = await job();
    const before = await countRows(h.tdb);
    const invalid = { code: 'CONFLICT', reason: 'INVALID_TRANSITION' };
    expect(await rejection(me.driverApp.advance({ dispatchId, to: 'completed' }))).toEqual(invalid);
    expect(await rejection(me.driverApp.advance({ dispatchId, to: 'on_site' }))).toEqual(invalid);
    expect(await countRows(h.tdb)).toEqual(before);
    expect((await h.viewer.workOrders.get({ id: wo.id })).status).toBe('dispatched');

    await me.driverApp.advance({ dispatchId, to: 'en_route' });
    const before2 = await countRows(h.tdb);
    expect(await rejection(me.driverApp.advance({ dispatchId, to: 'completed' }))).toEqual(invalid);
    await me.driverApp.advance({ dispatchId, to: 'on_site' });
    expect(await rejection(me.driverApp.advance({ dispatchId, to: 'en_route' }))).toEqual(invalid);
    expect((await countRows(h.tdb)).events).toBe((before2.events ?? 0) + 1);
    await cleanup(wo.id);
  });

  it('refuses to advance a job the dispatcher released or cancelled', async () => {
    const { wo, e, dispatchId } = await job();
    await me.driverApp.advance({ dispatchId, to: 'en_route' });
    await h.dispatcher.dispatch.release({ workOrderId: wo.id, reason: 'Reassigning' });
    expect((await h.viewer.workOrders.get({ id: wo.id })).status).toBe('queued');
    const before = await countRows(h.tdb);
    for (const to of ['en_route', 'on_site', 'completed'] as const) {
      expect(await rejection(me.driverApp.advance({ dispatchId, to }))).toEqual({
        code: 'CONFLICT',
        reason: 'INVALID_TRANSITION',
      });
    }
    expect(await countRows(h.tdb)).toEqual(before);
    const mine = await me.driverApp.myDispatches();
    expect(mine.current).toBeNull();
    expect(mine.recent[0]).toMatchObject({ dispatchId, outcome: 'released', status: 'queued' });

    // Assigned again (a new dispatch), the old one stays closed and the new one works.
    const again = await h.dispatcher.dispatch.assign({
      workOrderId: wo.id,
      equipmentId: e.id,
      driverId: drew.id,
    });
    const newId = again.dispatch?.id ?? '';
    expect(newId).not.toBe(dispatchId);
    expect(await rejection(me.driverApp.advance({ dispatchId, to: 'en_route' }))).toEqual({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
    expect(await me.driverApp.advance({ dispatchId: newId, to: 'en_route' })).toMatchObject({
      status: 'en_route',
      changed: true,
    });

    await h.dispatcher.workOrders.cancel({ id: wo.id, reason: 'Client cancelled' });
    expect(await rejection(me.driverApp.advance({ dispatchId: newId, to: 'on_site' }))).toEqual({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
    expect(await rejection(me.driverApp.advance({ dispatchId: newId, to: 'completed' }))).toEqual({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
    expect((await me.driverApp.myDispatches()).current).toBeNull();
  });

  it("reports someone else's job exactly like a missing one", async () => {
    const { wo, dispatchId } = await job(dana.id);
    const before = await countRows(h.tdb);
    expect(await rejection(me.driverApp.advance({ dispatchId, to: 'en_route' }))).toEqual({
      code: 'NOT_FOUND',
      reason: 'DISPATCH_NOT_FOUND',
    });
    expect(await rejection(me.driverApp.advance({ dispatchId: MISSING, to: 'en_route' }))).toEqual({
      code: 'NOT_FOUND',
      reason: 'DISPATCH_NOT_FOUND',
    });
    expect(await countRows(h.tdb)).toEqual(before);
    expect((await me.driverApp.myDispatches()).current).toBeNull();
    const dana2 = h.as('driver2');
    expect((await dana2.driverApp.myDispatches()).current?.dispatchId).toBe(dispatchId);
    expect(await dana2.driverApp.advance({ dispatchId, to: 'en_route' })).toMatchObject({
      changed: true,
    });
    expect((await h.viewer.workOrders.get({ id: wo.id })).timeline.at(-1)?.actorName).toBe(
      'Dana Driver',
    );
    await cleanup(wo.id);
  });

  it("reports someone else's ended job exactly like a missing one, naming nothing of it", async () => {
    // The router's owner check is the only one an ended dispatch meets (no active dispatch reaches
    // the core's check): without it, Drew would learn that Dana's job was released, and its order.
    const released = await job(dana.id);
    await h.dispatcher.dispatch.release({ workOrderId: released.wo.id, reason: 'Swap the job' });
    const cancelled = await job(dana.id);
    await cleanup(cancelled.wo.id);
    const before = await countRows(h.tdb);
    for (const { dispatchId } of [released, cancelled]) {
      for (const to of ['en_route', 'on_site', 'completed'] as const) {
        const error = await me.driverApp.advance({ dispatchId, to }).then(
          () => null,
          (e: unknown) => e as { code?: string; message?: string; cause?: { details?: unknown } },
        );
        expect(error?.code).toBe('NOT_FOUND');
        expect(error?.message).toBe('No such job.');
        expect(error?.cause).toMatchObject({ code: 'DISPATCH_NOT_FOUND' });
        expect(error?.cause?.details).toEqual({ dispatchId });
      }
    }
    expect(await countRows(h.tdb)).toEqual(before);
    await cleanup(released.wo.id);
  });

  it('with auto-dispatch on, completing hands the freed driver the next waiting job', async () => {
    const pump = await f.type('pump');
    await h.admin.drivers.update({ id: drew.id, qualificationTypeIds: [crane.id, pump.id] });
    const p1 = await f.equipment(pump.id);
    const first = await f.order(pump.id);
    const assigned = await h.dispatcher.dispatch.assign({
      workOrderId: first.id,
      equipmentId: p1.id,
      driverId: drew.id,
    });
    const dispatchId = assigned.dispatch?.id ?? '';
    const second = await f.order(pump.id);
    await f.autoDispatch(true);
    try {
      expect((await h.viewer.workOrders.get({ id: second.id })).status).toBe('queued');
      await me.driverApp.advance({ dispatchId, to: 'en_route' });
      await me.driverApp.advance({ dispatchId, to: 'on_site' });
      expect(await me.driverApp.advance({ dispatchId, to: 'completed' })).toMatchObject({
        status: 'completed',
        changed: true,
      });
      const mine = await me.driverApp.myDispatches();
      expect(mine.current).toMatchObject({
        workOrderId: second.id,
        equipmentCode: p1.code,
        status: 'dispatched',
      });
      expect(mine.recent[0]).toMatchObject({ workOrderId: first.id, outcome: 'completed' });
      expect((await h.viewer.workOrders.get({ id: second.id })).timeline.at(-1)).toMatchObject({
        action: 'assigned',
        actorName: 'Drew Driver',
        payload: { auto: true, driverId: drew.id, equipmentId: p1.id },
      });
    } finally {
      await f.autoDispatch(false);
    }
    await cleanup(second.id);
  });
});
