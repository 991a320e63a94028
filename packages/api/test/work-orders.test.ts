import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleet, rejection } from './helpers/fleet';
import { allPages } from './helpers/pagination';
import { countRows, createHarness, type THarness } from './helpers/harness';

let h: THarness;
let f: ReturnType<typeof fleet>;
beforeAll(async () => {
  h = await createHarness();
  f = fleet(h);
  await f.autoDispatch(false);
});
afterAll(() => h.destroy());

const MISSING = '00000000-0000-4000-8000-000000000000';

/** Runs `body` with auto-dispatch on, switching it back off afterwards. */
async function withAuto(body: () => Promise<void>) {
  await f.autoDispatch(true);
  try {
    await body();
  } finally {
    await f.autoDispatch(false);
  }
}

/** Moves an active order to on site as its driver would (these drivers have no login). */
async function driveToSite(workOrderId: string) {
  await h.tdb.sql`update work_orders set status = 'on_site' where id = ${workOrderId}`;
  await h.tdb.sql`
    update dispatches set en_route_at = now(), on_site_at = now()
    where work_order_id = ${workOrderId} and ended_at is null`;
}

describe('workOrders.create', () => {
  it('with auto-dispatch on, dispatches at once when equipment and a driver are free', async () => {
    const t = await f.type();
    const e = await f.equipment(t.id);
    const d = await f.driver([t.id]);
    await withAuto(async () => {
      const wo = await f.order(t.id);
      expect(wo.status).toBe('dispatched');
      expect(wo.queuedAt).toBeInstanceOf(Date);
      expect(wo.dispatch).toMatchObject({
        equipmentId: e.id,
        equipmentCode: e.code,
        equipmentName: e.name,
        driverId: d.id,
        driverName: d.name,
        driverPhone: d.phone,
        enRouteAt: null,
        onSiteAt: null,
      });
      expect(wo.dispatch?.assignedAt).toBeInstanceOf(Date);
      const detail = await h.viewer.workOrders.get({ id: wo.id });
      expect(
        detail.timeline.map((ev) => [
          ev.action,
          ev.actorName,
          ev.kind === 'work_order.assigned' ? ev.payload.auto : undefined,
        ]),
      ).toEqual([
        ['created', 'Dee Dispatcher', undefined],
        ['assigned', 'Dee Dispatcher', true],
      ]);
      expect((await h.viewer.equipment.get({ id: e.id })).status).toBe('assigned');
      expect((await h.viewer.drivers.get({ id: d.id })).status).toBe('assigned');
    });
  });

  it('with auto-dispatch on but nothing free, queues the order', async () => {
    const t = await f.type();
    await f.equipment(t.id); // equipment but no qualified driver
    await withAuto(async () => {
      const wo = await f.order(t.id);
      expect(wo.status).toBe('queued');
      expect(wo.dispatch).toBeNull();
      expect(wo.queuedAt).toBeInstanceOf(Date);
    });
  });

  it('with auto-dispatch on, a new order never jumps ahead of a more urgent waiting one', async () => {
    const t = await f.type();
    const e = await f.equipment(t.id);
    const d = await f.driver([t.id]);
    const urgent = await f.order(t.id, { priority: 'urgent' });
    expect(urgent.status).toBe('queued');
    // Flip the switch without its own fill, so the next create is the first fill to run.
    await h.tdb.sql`update settings set auto_dispatch = true where id = 1`;
    try {
      const later = await f.order(t.id, { priority: 'standard' });
      expect(later.status).toBe('queued');
      const first = await h.viewer.workOrders.get({ id: urgent.id });
      expect(first.status).toBe('dispatched');
      expect(first.dispatch).toMatchObject({ equipmentId: e.id, driverId: d.id });
      // Cleanup: the waiting order must not take later tests' resources.
      await h.dispatcher.workOrders.cancel({ id: later.id, reason: 'test cleanup' });
    } finally {
      await f.autoDispatch(false);
    }
  });

  it('with auto-dispatch off, queues the order even when a pair is free', async () => {
    const t = await f.type();
    const e = await f.equipment(t.id);
    const d = await f.driver([t.id]);
    const wo = await f.order(t.id);
    expect(wo.status).toBe('queued');
    expect(wo.dispatch).toBeNull();
    expect((await h.viewer.equipment.get({ id: e.id })).status).toBe('available');
    expect((await h.viewer.drivers.get({ id: d.id })).status).toBe('available');
    const detail = await h.viewer.workOrders.get({ id: wo.id });
    expect(detail.timeline.map((ev) => ev.action)).toEqual(['created']);
    // Cleanup.
    await h.dispatcher.workOrders.cancel({ id: wo.id, reason: 'test cleanup' });
  });

  it('fills defaults, derives the reference from the number and records the creator', async () => {
    const t = await f.type();
    const wo = await h.dispatcher.workOrders.create({
      title: '  Pour slab ',
      siteAddress: ' 7 Dock Road ',
      equipmentTypeId: t.id,
    });
    expect(wo).toMatchObject({
      title: 'Pour slab',
      siteAddress: '7 Dock Road',
      equipmentTypeId: t.id,
      equipmentTypeName: t.name,
      priority: 'standard',
      lat: null,
      lng: null,
      dueBy: null,
      status: 'queued',
      completedAt: null,
      cancelledAt: null,
      cancelReason: null,
      createdByName: 'Dee Dispatcher',
      dispatch: null,
    });
    expect(wo.reference).toBe(`WO-${String(wo.number).padStart(6, '0')}`);
    const detail = await h.viewer.workOrders.get({ id: wo.id });
    expect(detail.description).toBe('');
    expect(detail.timeline[0]).toMatchObject({
      action: 'created',
      entityType: 'work_order',
      entityId: wo.id,
      workOrderId: wo.id,
      payload: { reference: wo.reference, priority: 'standard', title: 'Pour slab' },
    });

    const due = new Date(Date.now() + 2 * 3600 * 1000);
    const full = await h.dispatcher.workOrders.create({
      title: 'Full order',
      description: 'Line one\nLine two',
      siteAddress: 'Pier 4',
      lat: 51.5,
      lng: -0.12,
      equipmentTypeId: t.id,
      priority: 'high',
      dueBy: due,
    });
    expect(full).toMatchObject({ lat: 51.5, lng: -0.12, priority: 'high', dueBy: due });
    expect(full.number).toBeGreaterThan(wo.number);
    expect((await h.viewer.workOrders.get({ id: full.id })).description).toBe('Line one\nLine two');
  });

  it('refuses bad input, an unknown type and non-operators, writing nothing', async () => {
    const t = await f.type();
    const before = await countRows(h.tdb);
    const base = { title: 'Bad', siteAddress: 'Nowhere', equipmentTypeId: t.id };
    expect(
      await rejection(h.dispatcher.workOrders.create({ ...base, equipmentTypeId: MISSING })),
    ).toEqual({ code: 'NOT_FOUND', reason: 'EQUIPMENT_TYPE_NOT_FOUND' });
    expect(await rejection(h.dispatcher.workOrders.create({ ...base, lat: 10 }))).toEqual({
      code: 'BAD_REQUEST',
      reason: null,
    });
    expect(await rejection(h.dispatcher.workOrders.create({ ...base, title: '   ' }))).toEqual({
      code: 'BAD_REQUEST',
      reason: null,
    });
    expect(
      await rejection(
        h.dispatcher.workOrders.create({ ...base, dueBy: new Date('1999-12-31T00:00:00Z') }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', reason: null });
    expect(await rejection(h.viewer.workOrders.create(base))).toEqual({
      code: 'FORBIDDEN',
      reason: null,
    });
    expect(await rejection(h.as('driver').workOrders.create(base))).toEqual({
      code: 'FORBIDDEN',
      reason: null,
    });
    expect(await countRows(h.tdb)).toEqual(before);
  });

  it('replays a retried create with the same idempotency key', async () => {
    const t = await f.type();
    const input = {
      title: 'Idempotent job',
      siteAddress: '1 Retry Lane',
      equipmentTypeId: t.id,
      dueBy: new Date(Date.now() + 3600 * 1000),
      idempotencyKey: 'wo-create-0001',
    };
    const first = await h.dispatcher.workOrders.create(input);
    const after = await countRows(h.tdb);
    const retry = await h.dispatcher.workOrders.create(input);
    expect(retry).toEqual(first);
    expect(await countRows(h.tdb)).toEqual(after);
    expect(
      (await h.viewer.workOrders.list({ equipmentTypeId: t.id })).items.map((w) => w.id),
    ).toEqual([first.id]);
    expect(
      await rejection(h.dispatcher.workOrders.create({ ...input, title: 'Another job' })),
    ).toEqual({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await countRows(h.tdb)).toEqual(after);
    // Another dispatcher's identical key is their own request.
    const theirs = await h.as('dispatcher2').workOrders.create(input);
    expect(theirs.id).not.toBe(first.id);
    await h.dispatcher.workOrders.cancel({ id: first.id, reason: 'test cleanup' });
    await h.dispatcher.workOrders.cancel({ id: theirs.id, reason: 'test cleanup' });
  });
});

describe('workOrders.list', () => {
  it('filters by status, priority and type and searches reference, title and site', async () => {
    const lt = await f.type();
    const mt = await f.type();
    const e = await f.equipment(lt.id);
    const d = await f.driver([lt.id]);
    const a = await f.order(lt.id, {
      title: 'Lift girders',
      siteAddress: '12 Quay Street',
      priority: 'urgent',
    });
    const b = await f.order(lt.id, {
      title: 'Move generator',
      siteAddress: '4 Mill Lane',
      priority: 'low',
    });
    const c = await f.order(lt.id, {
      title: 'Crane check',
      siteAddress: '9 Quay Street',
      priority: 'standard',
    });
    const m = await f.order(mt.id, {
      title: 'Lift panels',
      siteAddress: 'Unit 5, 100% Industrial Estate',
      priority: 'high',
    });
    await h.dispatcher.dispatch.assign({ workOrderId: a.id, equipmentId: e.id, driverId: d.id });
    await h.dispatcher.workOrders.cancel({ id: c.id, reason: 'Not needed' });

    const refs = async (input: Parameters<typeof h.viewer.workOrders.list>[0]) =>
      (await h.viewer.workOrders.list(input)).items.map((w) => w.reference);

    expect(await refs({ equipmentTypeId: lt.id })).toEqual([c.reference, b.reference, a.reference]);
    expect(await refs({ equipmentTypeId: mt.id })).toEqual([m.reference]);
    expect(await refs({ equipmentTypeId: lt.id, statuses: ['queued'] })).toEqual([b.reference]);
    expect(await refs({ equipmentTypeId: lt.id, statuses: ['dispatched', 'cancelled'] })).toEqual([
      c.reference,
      a.reference,
    ]);
    expect(await refs({ equipmentTypeId: lt.id, statuses: [] })).toHaveLength(3);
    expect(await refs({ equipmentTypeId: lt.id, priorities: ['urgent', 'high'] })).toEqual([
      a.reference,
    ]);
    expect(
      await refs({ equipmentTypeId: lt.id, priorities: ['low', 'standard'], statuses: ['queued'] }),
    ).toEqual([b.reference]);

    // Search: reference (any case), title, site; LIKE wildcards are literal.
    expect(await refs({ search: a.reference })).toEqual([a.reference]);
    expect(await refs({ search: a.reference.toLowerCase() })).toEqual([a.reference]);
    expect(await refs({ search: 'lift' })).toEqual([m.reference, a.reference]);
    expect(await refs({ search: 'QUAY street' })).toEqual([c.reference, a.reference]);
    expect(await refs({ search: 'quay', statuses: ['cancelled'] })).toEqual([c.reference]);
    expect(await refs({ search: 'mill lane' })).toEqual([b.reference]);
    expect(await refs({ search: '100%' })).toEqual([m.reference]);
    expect(await refs({ search: 'lift', equipmentTypeId: mt.id })).toEqual([m.reference]);
    expect(await refs({ search: 'no such words' })).toEqual([]);

    const listed = await h.viewer.workOrders.list({ equipmentTypeId: lt.id });
    const byRef = Object.fromEntries(listed.items.map((w) => [w.reference, w]));
    expect(byRef[a.reference]).toMatchObject({
      status: 'dispatched',
      dispatch: { equipmentCode: e.code, driverName: d.name },
    });
    expect(byRef[c.reference]).toMatchObject({ status: 'cancelled', cancelReason: 'Not needed' });
    expect(byRef[b.reference]).not.toHaveProperty('description');
  });

  it('pages newest first over 30 orders, every order exactly once', async () => {
    const p = await f.type();
    const created: { id: string; number: number }[] = [];
    for (let i = 0; i < 30; i++) created.push(await f.order(p.id));
    let interloper: string | null = null;
    const pages = await allPages(
      (cursor) => h.viewer.workOrders.list({ equipmentTypeId: p.id, limit: 7, cursor }),
      async (pageIndex) => {
        // An order created mid-way is newer than the cursor and must not disturb the walk.
        if (pageIndex === 1) interloper = (await f.order(p.id)).id;
      },
    );
    expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 7, 2]);
    const seen = pages.flat();
    expect(seen.map((w) => w.id)).toEqual(
      [...created].sort((x, y) => y.number - x.number).map((w) => w.id),
    );
    expect(new Set(seen.map((w) => w.id)).size).toBe(30);
    const numbers = seen.map((w) => w.number);
    expect(numbers).toEqual([...numbers].sort((x, y) => y - x));
    expect(interloper).not.toBeNull();
    const fresh = await h.viewer.workOrders.list({ equipmentTypeId: p.id, limit: 7 });
    expect(fresh.items[0]?.id).toBe(interloper);

    const exact = await h.viewer.workOrders.list({ equipmentTypeId: p.id, limit: 31 });
    expect(exact.items).toHaveLength(31);
    expect(exact.nextCursor).toBeNull();
    expect(await rejection(h.viewer.workOrders.list({ cursor: 'bm9wZQ' }))).toEqual({
      code: 'BAD_REQUEST',
      reason: 'INVALID_INPUT',
    });
    // Cleanup: these orders must not take later tests' resources.
    for (const w of [...created.map((c) => c.id), interloper ?? '']) {
      await h.dispatcher.workOrders.cancel({ id: w, reason: 'test cleanup' });
    }
  });
});

describe('workOrders.get', () => {
  it('returns the timeline with actors and every dispatch, oldest first', async () => {
    const t = await f.type();
    const e1 = await f.equipment(t.id);
    const e2 = await f.equipment(t.id);
    const d = await f.driver([t.id]);
    const wo = await f.order(t.id, { description: 'Two beams' });
    const dee = h.dispatcher;
    const dan = h.as('dispatcher2');
    const first = await dee.dispatch.assign({
      workOrderId: wo.id,
      equipmentId: e1.id,
      driverId: d.id,
    });
    await dan.dispatch.release({
      workOrderId: wo.id,
      reason: 'Hydraulic leak',
      equipmentStatus: 'maintenance',
    });
    const second = await dan.dispatch.assign({
      workOrderId: wo.id,
      equipmentId: e2.id,
      driverId: d.id,
    });
    await dee.workOrders.update({ id: wo.id, priority: 'urgent' });
    await h.admin.workOrders.cancel({ id: wo.id, reason: 'Client called off' });

    const detail = await h.viewer.workOrders.get({ id: wo.id });
    expect(detail).toMatchObject({
      id: wo.id,
      description: 'Two beams',
      status: 'cancelled',
      priority: 'urgent',
      cancelReason: 'Client called off',
      dispatch: null,
    });
    expect(detail.cancelledAt).toBeInstanceOf(Date);
    expect(detail.dispatches).toHaveLength(2);
    expect(detail.dispatches[0]).toMatchObject({
      id: first.dispatch?.id,
      equipmentCode: e1.code,
      driverName: d.name,
      outcome: 'released',
      releaseReason: 'Hydraulic leak',
      completionNote: null,
    });
    expect(detail.dispatches[1]).toMatchObject({
      id: second.dispatch?.id,
      equipmentCode: e2.code,
      driverName: d.name,
      outcome: 'cancelled',
      releaseReason: 'Client called off',
    });
    expect(detail.dispatches.every((x) => x.endedAt instanceof Date)).toBe(true);

    expect(
      detail.timeline.map((ev) => [ev.entityType, ev.action, ev.actorName, ev.payload]),
    ).toEqual([
      [
        'work_order',
        'created',
        'Dee Dispatcher',
        { reference: wo.reference, priority: 'standard', title: wo.title },
      ],
      [
        'work_order',
        'assigned',
        'Dee Dispatcher',
        {
          dispatchId: first.dispatch?.id,
          equipmentId: e1.id,
          equipmentCode: e1.code,
          driverId: d.id,
          driverName: d.name,
          auto: false,
        },
      ],
      [
        'work_order',
        'released',
        'Dan Dispatcher',
        {
          dispatchId: first.dispatch?.id,
          reason: 'Hydraulic leak',
          from: 'dispatched',
          equipmentStatus: 'maintenance',
        },
      ],
      [
        'equipment',
        'status_changed',
        'Dan Dispatcher',
        { from: 'assigned', to: 'maintenance', note: 'Hydraulic leak' },
      ],
      [
        'work_order',
        'assigned',
        'Dan Dispatcher',
        {
          dispatchId: second.dispatch?.id,
          equipmentId: e2.id,
          equipmentCode: e2.code,
          driverId: d.id,
          driverName: d.name,
          auto: false,
        },
      ],
      ['work_order', 'updated', 'Dee Dispatcher', { priority: 'urgent' }],
      [
        'work_order',
        'cancelled',
        'Ada Admin',
        { reason: 'Client called off', from: 'dispatched', dispatchId: second.dispatch?.id },
      ],
    ]);
    expect(detail.timeline.every((ev) => ev.workOrderId === wo.id)).toBe(true);
    const ids = detail.timeline.map((ev) => ev.id);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
  });

  it('reports an unknown order as NOT_FOUND', async () => {
    expect(await rejection(h.viewer.workOrders.get({ id: MISSING }))).toEqual({
      code: 'NOT_FOUND',
      reason: 'WORK_ORDER_NOT_FOUND',
    });
  });
});

describe('workOrders.update', () => {
  it('edits the fields and records what changed', async () => {
    const t = await f.type();
    const wo = await f.order(t.id);
    const due = new Date(Date.now() + 6 * 3600 * 1000);
    const updated = await h.dispatcher.workOrders.update({
      id: wo.id,
      title: 'New title',
      description: 'Bring slings',
      siteAddress: '2 New Road',
      lat: -33.86,
      lng: 151.2,
      priority: 'high',
      dueBy: due,
    });
    expect(updated).toMatchObject({
      id: wo.id,
      title: 'New title',
      siteAddress: '2 New Road',
      lat: -33.86,
      lng: 151.2,
      priority: 'high',
      dueBy: due,
      status: 'queued',
      queuedAt: wo.queuedAt,
    });
    expect((await h.viewer.workOrders.get({ id: wo.id })).description).toBe('Bring slings');

    const cleared = await h.dispatcher.workOrders.update({
      id: wo.id,
      lat: null,
      lng: null,
      dueBy: null,
    });
    expect(cleared).toMatchObject({ lat: null, lng: null, dueBy: null, title: 'New title' });

    const timeline = (await h.viewer.workOrders.get({ id: wo.id })).timeline;
    expect(timeline.map((ev) => ev.action)).toEqual(['created', 'updated', 'updated']);
    expect(timeline[1]).toMatchObject({
      actorName: 'Dee Dispatcher',
      payload: {
        title: 'New title',
        description: 'Bring slings',
        siteAddress: '2 New Road',
        lat: -33.86,
        lng: 151.2,
        priority: 'high',
        dueBy: due.toISOString(),
      },
    });
    expect(timeline[2]?.payload).toEqual({ lat: null, lng: null, dueBy: null });

    expect(await rejection(h.dispatcher.workOrders.update({ id: wo.id, lat: 1 }))).toEqual({
      code: 'BAD_REQUEST',
      reason: null,
    });
    expect(await rejection(h.viewer.workOrders.update({ id: wo.id, title: 'x' }))).toEqual({
      code: 'FORBIDDEN',
      reason: null,
    });
    expect(await rejection(h.dispatcher.workOrders.update({ id: MISSING, title: 'x' }))).toEqual({
      code: 'NOT_FOUND',
      reason: 'WORK_ORDER_NOT_FOUND',
    });
    await h.dispatcher.workOrders.cancel({ id: wo.id, reason: 'test cleanup' });
  });

  it('changes the equipment type only while the order waits', async () => {
    const crane = await f.type();
    const truck = await f.type();
    const wo = await f.order(crane.id);
    const retyped = await h.dispatcher.workOrders.update({ id: wo.id, equipmentTypeId: truck.id });
    expect(retyped).toMatchObject({ equipmentTypeId: truck.id, equipmentTypeName: truck.name });
    expect(
      await rejection(h.dispatcher.workOrders.update({ id: wo.id, equipmentTypeId: MISSING })),
    ).toEqual({ code: 'NOT_FOUND', reason: 'EQUIPMENT_TYPE_NOT_FOUND' });

    const e = await f.equipment(truck.id);
    const d = await f.driver([truck.id, crane.id]);
    await h.dispatcher.dispatch.assign({ workOrderId: wo.id, equipmentId: e.id, driverId: d.id });
    const before = await countRows(h.tdb);
    expect(
      await rejection(h.dispatcher.workOrders.update({ id: wo.id, equipmentTypeId: crane.id })),
    ).toEqual({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    expect(
      await rejection(
        h.dispatcher.workOrders.update({ id: wo.id, equipmentTypeId: crane.id, title: 'Both' }),
      ),
    ).toEqual({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    expect(await countRows(h.tdb)).toEqual(before);

    // Other fields, or the type it already has, may still change while dispatched.
    const edited = await h.dispatcher.workOrders.update({
      id: wo.id,
      title: 'Edited while out',
      equipmentTypeId: truck.id,
    });
    expect(edited).toMatchObject({
      title: 'Edited while out',
      equipmentTypeId: truck.id,
      status: 'dispatched',
      dispatch: { equipmentId: e.id, driverId: d.id },
    });
    await h.dispatcher.workOrders.cancel({ id: wo.id, reason: 'test cleanup' });
  });

  it('with auto-dispatch on, retyping a waiting order to a type with a free pair dispatches it', async () => {
    const crane = await f.type();
    const truck = await f.type();
    const e = await f.equipment(truck.id);
    const d = await f.driver([truck.id]);
    const wo = await f.order(crane.id);
    await withAuto(async () => {
      expect((await h.viewer.workOrders.get({ id: wo.id })).status).toBe('queued');
      const retyped = await h.dispatcher.workOrders.update({
        id: wo.id,
        equipmentTypeId: truck.id,
      });
      expect(retyped.status).toBe('dispatched');
      expect(retyped.dispatch).toMatchObject({ equipmentId: e.id, driverId: d.id });
    });
    await h.dispatcher.workOrders.cancel({ id: wo.id, reason: 'test cleanup' });
  });

  it('refuses to edit completed and cancelled orders', async () => {
    const t = await f.type();
    const e = await f.equipment(t.id);
    const d = await f.driver([t.id]);
    const done = await f.order(t.id);
    await h.dispatcher.dispatch.assign({ workOrderId: done.id, equipmentId: e.id, driverId: d.id });
    await driveToSite(done.id);
    await h.dispatcher.dispatch.complete({ workOrderId: done.id, note: 'ok' });
    const gone = await f.order(t.id);
    await h.dispatcher.workOrders.cancel({ id: gone.id, reason: 'Duplicate order' });

    const before = await countRows(h.tdb);
    for (const id of [done.id, gone.id]) {
      expect(await rejection(h.dispatcher.workOrders.update({ id, title: 'Too late' }))).toEqual({
        code: 'CONFLICT',
        reason: 'INVALID_TRANSITION',
      });
      expect(await rejection(h.dispatcher.workOrders.update({ id, priority: 'urgent' }))).toEqual({
        code: 'CONFLICT',
        reason: 'INVALID_TRANSITION',
      });
    }
    expect(await countRows(h.tdb)).toEqual(before);
    expect((await h.viewer.workOrders.get({ id: done.id })).title).toBe(done.title);
  });
});

describe('workOrders.cancel', () => {
  it('cancels a queued order with its reason and takes it out of the queue', async () => {
    const t = await f.type();
    const wo = await f.order(t.id);
    expect((await h.viewer.queue.list()).items.map((q) => q.id)).toContain(wo.id);
    const cancelled = await h.dispatcher.workOrders.cancel({ id: wo.id, reason: ' Wrong site ' });
    expect(cancelled).toMatchObject({
      id: wo.id,
      status: 'cancelled',
      cancelReason: 'Wrong site',
      dispatch: null,
    });
    expect(cancelled.cancelledAt).toBeInstanceOf(Date);
    expect((await h.viewer.queue.list()).items.map((q) => q.id)).not.toContain(wo.id);
    const detail = await h.viewer.workOrders.get({ id: wo.id });
    expect(detail.dispatches).toEqual([]);
    expect(detail.timeline.at(-1)).toMatchObject({
      action: 'cancelled',
      actorName: 'Dee Dispatcher',
      payload: { reason: 'Wrong site', from: 'queued' },
    });
    expect(detail.timeline.at(-1)?.payload).not.toHaveProperty('dispatchId');
  });

  it('cancelling a dispatched order frees its equipment and driver (auto-dispatch off)', async () => {
    const t = await f.type();
    const e = await f.equipment(t.id);
    const d = await f.driver([t.id]);
    const wo = await f.order(t.id);
    const waiting = await f.order(t.id);
    await h.dispatcher.dispatch.assign({ workOrderId: wo.id, equipmentId: e.id, driverId: d.id });
    const cancelled = await h.dispatcher.workOrders.cancel({ id: wo.id, reason: 'Site closed' });
    expect(cancelled).toMatchObject({ status: 'cancelled', dispatch: null });
    expect(await h.viewer.equipment.get({ id: e.id })).toMatchObject({
      status: 'available',
      activeWorkOrder: null,
    });
    expect(await h.viewer.drivers.get({ id: d.id })).toMatchObject({
      status: 'available',
      activeWorkOrder: null,
    });
    expect((await h.viewer.workOrders.get({ id: wo.id })).dispatches).toMatchObject([
      { outcome: 'cancelled', releaseReason: 'Site closed' },
    ]);
    expect((await h.viewer.workOrders.get({ id: waiting.id })).status).toBe('queued');
    await h.dispatcher.workOrders.cancel({ id: waiting.id, reason: 'test cleanup' });
  });

  it('with auto-dispatch on, the freed pair fills the next queued order', async () => {
    const t = await f.type();
    const e = await f.equipment(t.id);
    const d = await f.driver([t.id]);
    const wo = await f.order(t.id);
    await h.dispatcher.dispatch.assign({ workOrderId: wo.id, equipmentId: e.id, driverId: d.id });
    const low = await f.order(t.id, { priority: 'low' });
    const next = await f.order(t.id, { priority: 'high' });
    await withAuto(async () => {
      expect((await h.viewer.workOrders.get({ id: next.id })).status).toBe('queued');
      await h.as('dispatcher2').workOrders.cancel({ id: wo.id, reason: 'Client cancelled' });
      const filled = await h.viewer.workOrders.get({ id: next.id });
      expect(filled.status).toBe('dispatched');
      expect(filled.dispatch).toMatchObject({ equipmentId: e.id, driverId: d.id });
      expect(filled.timeline.at(-1)).toMatchObject({
        action: 'assigned',
        actorName: 'Dan Dispatcher',
        payload: { auto: true, equipmentId: e.id, driverId: d.id },
      });
      expect((await h.viewer.workOrders.get({ id: low.id })).status).toBe('queued');
      expect((await h.viewer.equipment.get({ id: e.id })).activeWorkOrder?.id).toBe(next.id);
    });
    await h.dispatcher.workOrders.cancel({ id: low.id, reason: 'test cleanup' });
    await h.dispatcher.workOrders.cancel({ id: next.id, reason: 'test cleanup' });
  });

  it('refuses a second cancel and cancelling a completed order, writing nothing', async () => {
    const t = await f.type();
    const e = await f.equipment(t.id);
    const d = await f.driver([t.id]);
    const wo = await f.order(t.id);
    await h.dispatcher.workOrders.cancel({ id: wo.id, reason: 'First time' });
    const done = await f.order(t.id);
    await h.dispatcher.dispatch.assign({ workOrderId: done.id, equipmentId: e.id, driverId: d.id });
    await driveToSite(done.id);
    await h.dispatcher.dispatch.complete({ workOrderId: done.id, note: '' });
    const before = await countRows(h.tdb);
    expect(
      await rejection(h.dispatcher.workOrders.cancel({ id: wo.id, reason: 'Second time' })),
    ).toEqual({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    expect(
      await rejection(h.dispatcher.workOrders.cancel({ id: done.id, reason: 'Too late' })),
    ).toEqual({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    expect(await countRows(h.tdb)).toEqual(before);
    expect((await h.viewer.workOrders.get({ id: wo.id })).cancelReason).toBe('First time');
  });

  it('requires a reason, an existing order and an operator', async () => {
    const t = await f.type();
    const wo = await f.order(t.id);
    const before = await countRows(h.tdb);
    const badRequest = { code: 'BAD_REQUEST', reason: null };
    expect(
      await rejection(
        h.dispatcher.workOrders.cancel({ id: wo.id } as { id: string; reason: string }),
      ),
    ).toEqual(badRequest);
    expect(await rejection(h.dispatcher.workOrders.cancel({ id: wo.id, reason: '' }))).toEqual(
      badRequest,
    );
    expect(await rejection(h.dispatcher.workOrders.cancel({ id: wo.id, reason: '   ' }))).toEqual(
      badRequest,
    );
    expect(await rejection(h.dispatcher.workOrders.cancel({ id: wo.id, reason: 'no' }))).toEqual(
      badRequest,
    );
    expect(
      await rejection(h.dispatcher.workOrders.cancel({ id: MISSING, reason: 'Whatever' })),
    ).toEqual({ code: 'NOT_FOUND', reason: 'WORK_ORDER_NOT_FOUND' });
    expect(
      await rejection(h.viewer.workOrders.cancel({ id: wo.id, reason: 'Not mine to cancel' })),
    ).toEqual({ code: 'FORBIDDEN', reason: null });
    expect(await countRows(h.tdb)).toEqual(before);
    expect((await h.viewer.workOrders.get({ id: wo.id })).status).toBe('queued');
  });
});
