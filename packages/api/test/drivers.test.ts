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

let contact = 0;
/** A driver with chosen name and qualifications and unique contact details. */
function createDriver(name: string, qualificationTypeIds: string[], subject?: string) {
  const n = ++contact;
  return h.admin.drivers.create({
    name,
    phone: `+44 20 7946 ${String(n).padStart(4, '0')}`,
    email: `${name.toLowerCase().replace(/\s+/g, '.')}.${n}@crew.test`,
    qualificationTypeIds,
    ...(subject ? { subject } : {}),
  });
}

describe('drivers.list', () => {
  it('filters by status and qualification and searches name, email and phone', async () => {
    const q1 = await h.admin.equipmentTypes.create({ name: 'drv-filter-a' });
    const q2 = await h.admin.equipmentTypes.create({ name: 'drv-filter-b' });
    const fiona = await h.admin.drivers.create({
      name: 'Fiona Filter',
      phone: '+44 20 7946 1001',
      email: 'fiona@filter.test',
      qualificationTypeIds: [q1.id],
    });
    const gus = await h.admin.drivers.create({
      name: 'Gus Filter',
      phone: '+44 20 7946 1002',
      email: 'gus@filter.test',
      qualificationTypeIds: [q2.id, q1.id],
    });
    const hana = await h.admin.drivers.create({
      name: 'Hana Filter',
      phone: '+44 20 7946 1003',
      email: 'hana@filter.test',
      qualificationTypeIds: [q2.id],
    });
    await h.admin.drivers.create({
      name: 'Ivo Filter',
      phone: '+44 20 7946 1004',
      email: 'ivo@filter.test',
      qualificationTypeIds: [],
    });
    await h.dispatcher.drivers.setAvailability({ id: hana.id, status: 'off_duty' });
    const e = await f.equipment(q1.id);
    const wo = await f.order(q1.id);
    await h.dispatcher.dispatch.assign({ workOrderId: wo.id, equipmentId: e.id, driverId: gus.id });

    const names = async (input: Parameters<typeof h.viewer.drivers.list>[0]) =>
      (await h.viewer.drivers.list(input)).items.map((d) => d.name);

    expect(await names({ qualifiedForTypeId: q1.id })).toEqual(['Fiona Filter', 'Gus Filter']);
    expect(await names({ qualifiedForTypeId: q2.id })).toEqual(['Gus Filter', 'Hana Filter']);
    expect(await names({ qualifiedForTypeId: q2.id, status: 'off_duty' })).toEqual(['Hana Filter']);
    expect(await names({ qualifiedForTypeId: q2.id, status: 'available' })).toEqual([]);
    expect(await names({ qualifiedForTypeId: MISSING })).toEqual([]);
    expect(await names({ search: 'filter' })).toEqual([
      'Fiona Filter',
      'Gus Filter',
      'Hana Filter',
      'Ivo Filter',
    ]);
    expect(await names({ search: 'FILTER', status: 'available' })).toEqual([
      'Fiona Filter',
      'Ivo Filter',
    ]);
    expect(await names({ search: 'hana@filter' })).toEqual(['Hana Filter']);
    expect(await names({ search: '7946 1002' })).toEqual(['Gus Filter']);
    expect(await names({ search: '%filter' })).toEqual([]);

    const assigned = await h.viewer.drivers.list({ search: 'filter', status: 'assigned' });
    expect(assigned.items).toHaveLength(1);
    expect(assigned.items[0]).toMatchObject({
      id: gus.id,
      status: 'assigned',
      activeWorkOrder: { id: wo.id, reference: wo.reference },
      // Qualifications come sorted by type name whatever order they were given in.
      qualifications: [
        { id: q1.id, name: 'drv-filter-a' },
        { id: q2.id, name: 'drv-filter-b' },
      ],
    });
    expect(fiona.activeWorkOrder).toBeNull();
  });

  it('pages by name then id, with no duplicates or gaps even among equal names', async () => {
    const p = await f.type();
    const ids: string[] = [];
    for (let i = 0; i < 17; i++) {
      // Five drivers share one name, so the id has to break the tie in the cursor.
      const name = i % 3 === 0 && i < 15 ? 'Pat Same' : `Page ${String(17 - i).padStart(2, '0')}`;
      ids.push((await createDriver(name, [p.id])).id);
    }
    const single = await h.viewer.drivers.list({ qualifiedForTypeId: p.id, limit: 100 });
    expect(single.items).toHaveLength(17);
    expect(single.nextCursor).toBeNull();
    expect(single.items.filter((d) => d.name === 'Pat Same')).toHaveLength(5);
    const sortedNames = single.items.map((d) => d.name);
    expect(sortedNames).toEqual([...sortedNames].sort());

    const pages = await allPages((cursor) =>
      h.viewer.drivers.list({ qualifiedForTypeId: p.id, limit: 4, cursor }),
    );
    expect(pages.map((page) => page.length)).toEqual([4, 4, 4, 4, 1]);
    const seen = pages.flat().map((d) => d.id);
    expect(seen).toEqual(single.items.map((d) => d.id));
    expect(new Set(seen).size).toBe(17);
    expect([...seen].sort()).toEqual([...ids].sort());

    // A page size that splits the equal names across pages.
    const pages2 = await allPages((cursor) =>
      h.viewer.drivers.list({ qualifiedForTypeId: p.id, limit: 2, cursor }),
    );
    expect(pages2.flat().map((d) => d.id)).toEqual(single.items.map((d) => d.id));

    expect(await rejection(h.viewer.drivers.list({ cursor: 'garbage' }))).toEqual({
      code: 'BAD_REQUEST',
      reason: 'INVALID_INPUT',
    });
  });
});

describe('drivers.get', () => {
  it('returns the driver with qualifications, current order and history', async () => {
    const t = await h.admin.equipmentTypes.create({ name: 'drv-get-type' });
    const d = await createDriver('Gert Getter', [t.id]);
    await h.admin.drivers.update({ id: d.id, phone: '+44 20 7946 9999' });
    await h.dispatcher.drivers.setAvailability({ id: d.id, status: 'off_duty' });
    await h.as('dispatcher2').drivers.setAvailability({ id: d.id, status: 'available' });
    const e = await f.equipment(t.id);
    const wo = await f.order(t.id);
    await h.dispatcher.dispatch.assign({ workOrderId: wo.id, equipmentId: e.id, driverId: d.id });

    const got = await h.viewer.drivers.get({ id: d.id });
    expect(got).toMatchObject({
      id: d.id,
      name: 'Gert Getter',
      phone: '+44 20 7946 9999',
      email: d.email,
      subject: null,
      status: 'assigned',
      qualifications: [{ id: t.id, name: 'drv-get-type' }],
      activeWorkOrder: { id: wo.id, reference: wo.reference },
    });
    expect(got.history.map((ev) => [ev.action, ev.actorName, ev.payload])).toEqual([
      ['availability_changed', 'Dan Dispatcher', { from: 'off_duty', to: 'available' }],
      ['availability_changed', 'Dee Dispatcher', { from: 'available', to: 'off_duty' }],
      ['updated', 'Ada Admin', { phone: '+44 20 7946 9999' }],
      ['created', 'Ada Admin', { name: 'Gert Getter', qualificationTypeIds: [t.id] }],
    ]);
  });

  it('reports unknown ids as NOT_FOUND everywhere', async () => {
    const notFound = { code: 'NOT_FOUND', reason: 'DRIVER_NOT_FOUND' };
    expect(await rejection(h.viewer.drivers.get({ id: MISSING }))).toEqual(notFound);
    expect(await rejection(h.admin.drivers.update({ id: MISSING, name: 'Nobody' }))).toEqual(
      notFound,
    );
    expect(
      await rejection(h.dispatcher.drivers.setAvailability({ id: MISSING, status: 'off_duty' })),
    ).toEqual(notFound);
  });
});

describe('drivers.create', () => {
  it('stores qualifications and the login link', async () => {
    const a = await h.admin.equipmentTypes.create({ name: 'drv-create-b' });
    const b = await h.admin.equipmentTypes.create({ name: 'drv-create-a' });
    const d = await h.admin.drivers.create({
      name: '  Carla Create ',
      phone: '+1 (555) 010-2030',
      email: 'carla@crew.test',
      subject: 'oidc|carla',
      qualificationTypeIds: [a.id, b.id],
    });
    expect(d).toMatchObject({
      name: 'Carla Create',
      phone: '+1 (555) 010-2030',
      email: 'carla@crew.test',
      subject: 'oidc|carla',
      status: 'available',
      activeWorkOrder: null,
      qualifications: [
        { id: b.id, name: 'drv-create-a' },
        { id: a.id, name: 'drv-create-b' },
      ],
    });
    expect(d.statusChangedAt).toBeInstanceOf(Date);
    const me = await h.as({ subject: 'oidc|carla', name: 'Carla', roles: ['driver'] }).me.get();
    expect(me.driverId).toBe(d.id);

    const none = await createDriver('Nora None', []);
    expect(none.qualifications).toEqual([]);
    expect(none.subject).toBeNull();
  });

  it('refuses a login already linked to another driver, writing nothing', async () => {
    await createDriver('First Link', [], 'oidc|shared');
    const before = await countRows(h.tdb);
    expect(await rejection(createDriver('Second Link', [], 'oidc|shared'))).toEqual({
      code: 'CONFLICT',
      reason: 'DRIVER_SUBJECT_TAKEN',
    });
    expect(await countRows(h.tdb)).toEqual(before);
  });

  it('refuses an unknown qualification type as NOT_FOUND, writing nothing', async () => {
    const t = await f.type();
    const before = await countRows(h.tdb);
    expect(await rejection(createDriver('Ghost Qual', [t.id, MISSING]))).toEqual({
      code: 'NOT_FOUND',
      reason: 'EQUIPMENT_TYPE_NOT_FOUND',
    });
    expect(await countRows(h.tdb)).toEqual(before);
    expect((await h.viewer.drivers.list({ search: 'Ghost Qual' })).items).toEqual([]);
  });

  it('refuses invalid input and non-admins', async () => {
    const t = await f.type();
    const valid = {
      name: 'Val Id',
      phone: '+44 20 7946 0000',
      email: 'val@crew.test',
      qualificationTypeIds: [t.id],
    };
    const badRequest = { code: 'BAD_REQUEST', reason: null };
    expect(await rejection(h.admin.drivers.create({ ...valid, email: 'nope' }))).toEqual(
      badRequest,
    );
    expect(await rejection(h.admin.drivers.create({ ...valid, phone: 'call me' }))).toEqual(
      badRequest,
    );
    expect(
      await rejection(h.admin.drivers.create({ ...valid, qualificationTypeIds: [t.id, t.id] })),
    ).toEqual(badRequest);
    expect(await rejection(h.admin.drivers.create({ ...valid, subject: 'has space' }))).toEqual(
      badRequest,
    );
    expect(await rejection(h.dispatcher.drivers.create(valid))).toEqual({
      code: 'FORBIDDEN',
      reason: null,
    });
  });

  it('replays a retried create with the same idempotency key', async () => {
    const t = await f.type();
    const input = {
      name: 'Ida Empotent',
      phone: '+44 20 7946 7777',
      email: 'ida@crew.test',
      qualificationTypeIds: [t.id],
      idempotencyKey: 'driver-key-1',
    };
    const first = await h.admin.drivers.create(input);
    const after = await countRows(h.tdb);
    expect(await h.admin.drivers.create(input)).toEqual(first);
    expect(await countRows(h.tdb)).toEqual(after);
    expect(await rejection(h.admin.drivers.create({ ...input, qualificationTypeIds: [] }))).toEqual(
      { code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' },
    );
    expect(await countRows(h.tdb)).toEqual(after);
  });

  it('with auto-dispatch on, a new qualified driver takes a waiting order', async () => {
    const t = await f.type();
    const e = await f.equipment(t.id);
    const wo = await f.order(t.id);
    await f.autoDispatch(true);
    try {
      expect((await h.viewer.workOrders.get({ id: wo.id })).status).toBe('queued');
      const d = await createDriver('Newt Newcomer', [t.id]);
      expect(d.status).toBe('assigned');
      expect(d.activeWorkOrder).toEqual({ id: wo.id, reference: wo.reference });
      expect((await h.viewer.workOrders.get({ id: wo.id })).dispatch).toMatchObject({
        equipmentId: e.id,
        driverId: d.id,
      });
    } finally {
      await f.autoDispatch(false);
    }
  });
});

describe('drivers.update', () => {
  it('replaces the qualification list exactly, and leaves it alone when not given', async () => {
    const a = await h.admin.equipmentTypes.create({ name: 'drv-upd-a' });
    const b = await h.admin.equipmentTypes.create({ name: 'drv-upd-b' });
    const c = await h.admin.equipmentTypes.create({ name: 'drv-upd-c' });
    const d = await createDriver('Quinn Qual', [a.id, b.id]);

    const swapped = await h.admin.drivers.update({ id: d.id, qualificationTypeIds: [c.id, b.id] });
    expect(swapped.qualifications).toEqual([
      { id: b.id, name: 'drv-upd-b' },
      { id: c.id, name: 'drv-upd-c' },
    ]);
    const renamed = await h.admin.drivers.update({ id: d.id, name: 'Quinn Renamed' });
    expect(renamed.name).toBe('Quinn Renamed');
    expect(renamed.qualifications.map((q) => q.id)).toEqual([b.id, c.id]);
    const cleared = await h.admin.drivers.update({ id: d.id, qualificationTypeIds: [] });
    expect(cleared.qualifications).toEqual([]);
    expect((await h.viewer.drivers.list({ qualifiedForTypeId: b.id })).items).toEqual([]);

    const history = (await h.viewer.drivers.get({ id: d.id })).history;
    expect(history.slice(0, 3).map((ev) => [ev.action, ev.payload])).toEqual([
      ['updated', { qualificationTypeIds: [] }],
      ['updated', { name: 'Quinn Renamed' }],
      ['updated', { qualificationTypeIds: [c.id, b.id] }],
    ]);
  });

  it('refuses an unknown type or a taken login, writing nothing', async () => {
    const a = await f.type();
    const d = await createDriver('Ulla Unknown', [a.id]);
    await createDriver('Other Login', [], 'oidc|taken');
    const before = await countRows(h.tdb);
    expect(
      await rejection(h.admin.drivers.update({ id: d.id, qualificationTypeIds: [MISSING] })),
    ).toEqual({ code: 'NOT_FOUND', reason: 'EQUIPMENT_TYPE_NOT_FOUND' });
    expect(
      await rejection(h.admin.drivers.update({ id: d.id, subject: 'oidc|taken', name: 'X' })),
    ).toEqual({ code: 'CONFLICT', reason: 'DRIVER_SUBJECT_TAKEN' });
    expect(await countRows(h.tdb)).toEqual(before);
    const got = await h.viewer.drivers.get({ id: d.id });
    expect(got.qualifications.map((q) => q.id)).toEqual([a.id]);
    expect(got.name).toBe('Ulla Unknown');
    expect(got.subject).toBeNull();
  });

  it('links and unlinks a login', async () => {
    const d = await createDriver('Link Later', []);
    const linked = await h.admin.drivers.update({ id: d.id, subject: 'oidc|later' });
    expect(linked.subject).toBe('oidc|later');
    const principal = { subject: 'oidc|later', name: 'Link', roles: ['driver'] };
    expect((await h.as(principal).me.get()).driverId).toBe(d.id);
    expect((await h.as(principal).driverApp.myDispatches()).driver.id).toBe(d.id);
    const unlinked = await h.admin.drivers.update({ id: d.id, subject: null });
    expect(unlinked.subject).toBeNull();
    expect(await rejection(h.as(principal).driverApp.myDispatches())).toEqual({
      code: 'FORBIDDEN',
      reason: 'DRIVER_NOT_LINKED',
    });
  });

  it('with auto-dispatch on, qualifying a free driver fills a waiting order', async () => {
    const crane = await f.type();
    const truck = await f.type();
    const e = await f.equipment(crane.id);
    const d = await createDriver('Otto Truckonly', [truck.id]);
    const wo = await f.order(crane.id);
    await f.autoDispatch(true);
    try {
      expect((await h.viewer.workOrders.get({ id: wo.id })).status).toBe('queued');
      // Changing only contact details does not matter to the queue.
      await h.admin.drivers.update({ id: d.id, phone: '+44 20 7946 5555' });
      expect((await h.viewer.workOrders.get({ id: wo.id })).status).toBe('queued');

      const updated = await h.admin.drivers.update({
        id: d.id,
        qualificationTypeIds: [truck.id, crane.id],
      });
      expect(updated.status).toBe('assigned');
      expect(updated.activeWorkOrder).toEqual({ id: wo.id, reference: wo.reference });
      const detail = await h.viewer.workOrders.get({ id: wo.id });
      expect(detail.status).toBe('dispatched');
      expect(detail.dispatch).toMatchObject({ equipmentId: e.id, driverId: d.id });
      expect(detail.timeline.at(-1)).toMatchObject({
        action: 'assigned',
        actorName: 'Ada Admin',
        payload: { auto: true, driverId: d.id, equipmentId: e.id },
      });
    } finally {
      await f.autoDispatch(false);
    }
  });

  it('qualifying an off-duty driver fills nothing', async () => {
    const t = await f.type();
    await f.equipment(t.id);
    const d = await createDriver('Offduty Olga', []);
    await h.dispatcher.drivers.setAvailability({ id: d.id, status: 'off_duty' });
    const wo = await f.order(t.id);
    await f.autoDispatch(true);
    try {
      const updated = await h.admin.drivers.update({ id: d.id, qualificationTypeIds: [t.id] });
      expect(updated.status).toBe('off_duty');
      expect((await h.viewer.workOrders.get({ id: wo.id })).status).toBe('queued');
      // Cleanup: this order must not be filled by later tests' resources.
      await h.dispatcher.workOrders.cancel({ id: wo.id, reason: 'test cleanup' });
    } finally {
      await f.autoDispatch(false);
    }
  });
});

describe('drivers.setAvailability', () => {
  it('moves between available and off duty, one event per change', async () => {
    const d = await createDriver('Avery Avail', []);
    const off = await h.dispatcher.drivers.setAvailability({ id: d.id, status: 'off_duty' });
    expect(off.status).toBe('off_duty');
    expect(off.statusChangedAt.getTime()).toBeGreaterThanOrEqual(d.statusChangedAt.getTime());
    const before = await countRows(h.tdb);
    const again = await h.dispatcher.drivers.setAvailability({ id: d.id, status: 'off_duty' });
    expect(again.status).toBe('off_duty');
    expect(again.statusChangedAt).toEqual(off.statusChangedAt);
    expect(await countRows(h.tdb)).toEqual(before);
    const on = await h.admin.drivers.setAvailability({ id: d.id, status: 'available' });
    expect(on.status).toBe('available');
    const history = (await h.viewer.drivers.get({ id: d.id })).history;
    expect(history.map((ev) => [ev.action, ev.actorName, ev.payload])).toEqual([
      ['availability_changed', 'Ada Admin', { from: 'off_duty', to: 'available' }],
      ['availability_changed', 'Dee Dispatcher', { from: 'available', to: 'off_duty' }],
      ['created', 'Ada Admin', { name: 'Avery Avail', qualificationTypeIds: [] }],
    ]);
    expect(
      await rejection(h.viewer.drivers.setAvailability({ id: d.id, status: 'off_duty' })),
    ).toEqual({ code: 'FORBIDDEN', reason: null });
  });

  it('refuses while the driver is on a job', async () => {
    const t = await f.type();
    const e = await f.equipment(t.id);
    const d = await createDriver('Busy Bart', [t.id]);
    const wo = await f.order(t.id);
    await h.dispatcher.dispatch.assign({ workOrderId: wo.id, equipmentId: e.id, driverId: d.id });
    const before = await countRows(h.tdb);
    for (const status of ['off_duty', 'available'] as const) {
      expect(await rejection(h.dispatcher.drivers.setAvailability({ id: d.id, status }))).toEqual({
        code: 'CONFLICT',
        reason: 'DRIVER_ASSIGNED',
      });
    }
    expect(await countRows(h.tdb)).toEqual(before);
    expect((await h.viewer.drivers.get({ id: d.id })).status).toBe('assigned');
  });

  it('with auto-dispatch on, coming back on duty fills the queue', async () => {
    const t = await f.type();
    const e = await f.equipment(t.id);
    const d = await createDriver('Returning Rita', [t.id]);
    await h.dispatcher.drivers.setAvailability({ id: d.id, status: 'off_duty' });
    const wo = await f.order(t.id);
    await f.autoDispatch(true);
    try {
      expect((await h.viewer.workOrders.get({ id: wo.id })).status).toBe('queued');
      const back = await h.dispatcher.drivers.setAvailability({ id: d.id, status: 'available' });
      expect(back.status).toBe('assigned');
      expect(back.activeWorkOrder).toEqual({ id: wo.id, reference: wo.reference });
      expect((await h.viewer.workOrders.get({ id: wo.id })).dispatch).toMatchObject({
        equipmentId: e.id,
        driverId: d.id,
      });
      expect((await h.viewer.drivers.get({ id: d.id })).history[0]).toMatchObject({
        action: 'availability_changed',
        payload: { from: 'off_duty', to: 'available' },
      });
    } finally {
      await f.autoDispatch(false);
    }
  });

  it('with auto-dispatch off, coming back on duty leaves the queue alone', async () => {
    const t = await f.type();
    await f.equipment(t.id);
    const d = await createDriver('Manual Mo', [t.id]);
    await h.dispatcher.drivers.setAvailability({ id: d.id, status: 'off_duty' });
    const wo = await f.order(t.id);
    const back = await h.dispatcher.drivers.setAvailability({ id: d.id, status: 'available' });
    expect(back.status).toBe('available');
    expect((await h.viewer.workOrders.get({ id: wo.id })).status).toBe('queued');
  });
});
