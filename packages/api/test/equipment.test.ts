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

/** Every page of a listing, following the cursor until it runs out. */

describe('equipmentTypes', () => {
  it('creates a type with a normalised name and zero counts, and records the event', async () => {
    const created = await h.admin.equipmentTypes.create({ name: '  Crane-50T ' });
    expect(created).toMatchObject({
      name: 'crane-50t',
      equipmentCount: 0,
      qualifiedDriverCount: 0,
    });
    expect(created.createdAt).toBeInstanceOf(Date);
    const events = await h.tdb.sql<{ entity_type: string; action: string; actor_name: string }[]>`
      select entity_type, action, actor_name, payload from events where entity_id = ${created.id}`;
    expect(events.map((e) => [e.entity_type, e.action, e.actor_name])).toEqual([
      ['equipment_type', 'created', 'Ada Admin'],
    ]);
  });

  it('refuses a duplicate name (case-insensitively, after normalising) and writes nothing', async () => {
    await h.admin.equipmentTypes.create({ name: 'excavator-20t' });
    const before = await countRows(h.tdb);
    expect(await rejection(h.admin.equipmentTypes.create({ name: 'EXCAVATOR-20T' }))).toEqual({
      code: 'CONFLICT',
      reason: 'EQUIPMENT_TYPE_NAME_TAKEN',
    });
    expect(await rejection(h.admin.equipmentTypes.create({ name: ' excavator-20t ' }))).toEqual({
      code: 'CONFLICT',
      reason: 'EQUIPMENT_TYPE_NAME_TAKEN',
    });
    expect(await countRows(h.tdb)).toEqual(before);
  });

  it('lists types sorted by name with their qualified-driver counts', async () => {
    const zeta = await h.admin.equipmentTypes.create({ name: 'zz-drivers-b' });
    const alpha = await h.admin.equipmentTypes.create({ name: 'zz-drivers-a' });
    await f.driver([alpha.id, zeta.id]);
    await f.driver([alpha.id]);

    const list = await h.viewer.equipmentTypes.list();
    const names = list.map((t) => t.name);
    expect(names).toEqual([...names].sort());
    expect(names.indexOf('zz-drivers-a')).toBe(names.indexOf('zz-drivers-b') - 1);
    const byId = Object.fromEntries(list.map((t) => [t.id, t]));
    expect(byId[alpha.id]).toMatchObject({ name: 'zz-drivers-a', qualifiedDriverCount: 2 });
    expect(byId[zeta.id]).toMatchObject({ name: 'zz-drivers-b', qualifiedDriverCount: 1 });
  });

  it('counts the equipment of each type (every status counts)', async () => {
    const empty = await h.admin.equipmentTypes.create({ name: 'zz-count-empty' });
    const counted = await h.admin.equipmentTypes.create({ name: 'zz-count-three' });
    await f.equipment(counted.id);
    await f.equipment(counted.id);
    const broken = await f.equipment(counted.id);
    await h.admin.equipment.setStatus({ id: broken.id, status: 'out_of_service' });

    const byId = Object.fromEntries(
      (await h.viewer.equipmentTypes.list()).map((t) => [t.id, t.equipmentCount]),
    );
    expect(byId[empty.id]).toBe(0);
    expect(byId[counted.id]).toBe(3);
  });

  it('lets only admins create types', async () => {
    expect(await rejection(h.dispatcher.equipmentTypes.create({ name: 'nope-type' }))).toEqual({
      code: 'FORBIDDEN',
      reason: null,
    });
    expect(await rejection(h.viewer.equipmentTypes.create({ name: 'nope-type' }))).toEqual({
      code: 'FORBIDDEN',
      reason: null,
    });
    expect(await rejection(h.admin.equipmentTypes.create({ name: 'Bad Name!' }))).toEqual({
      code: 'BAD_REQUEST',
      reason: null,
    });
  });
});

describe('equipment.list', () => {
  it('filters by type and status and searches code and name', async () => {
    const lift = await h.admin.equipmentTypes.create({ name: 'list-lift' });
    const other = await h.admin.equipmentTypes.create({ name: 'list-other' });
    const a1 = await h.admin.equipment.create({
      code: 'LST-A1',
      name: 'Liebherr LTM 1050',
      typeId: lift.id,
    });
    const a2 = await h.admin.equipment.create({
      code: 'LST-A2',
      name: 'Grove GMK',
      typeId: lift.id,
    });
    const a3 = await h.admin.equipment.create({
      code: 'LST-A3',
      name: 'Tadano 100%',
      typeId: lift.id,
    });
    const b1 = await h.admin.equipment.create({
      code: 'LST-B1',
      name: 'Liebherr LTM 1030',
      typeId: other.id,
    });
    await h.admin.equipment.setStatus({ id: a2.id, status: 'maintenance' });
    await h.admin.equipment.setStatus({ id: a3.id, status: 'out_of_service' });
    const d = await f.driver([lift.id]);
    const wo = await f.order(lift.id);
    await h.dispatcher.dispatch.assign({ workOrderId: wo.id, equipmentId: a1.id, driverId: d.id });

    const codes = async (input: Parameters<typeof h.viewer.equipment.list>[0]) =>
      (await h.viewer.equipment.list(input)).items.map((e) => e.code);

    expect(await codes({ typeId: lift.id })).toEqual(['LST-A1', 'LST-A2', 'LST-A3']);
    expect(await codes({ typeId: lift.id, status: 'maintenance' })).toEqual(['LST-A2']);
    expect(await codes({ typeId: lift.id, status: 'out_of_service' })).toEqual(['LST-A3']);
    expect(await codes({ typeId: lift.id, status: 'available' })).toEqual([]);
    expect(await codes({ typeId: other.id, status: 'available' })).toEqual(['LST-B1']);
    const assigned = await h.viewer.equipment.list({ typeId: lift.id, status: 'assigned' });
    expect(assigned.items).toHaveLength(1);
    expect(assigned.items[0]).toMatchObject({
      id: a1.id,
      code: 'LST-A1',
      typeId: lift.id,
      typeName: 'list-lift',
      status: 'assigned',
      activeWorkOrder: { id: wo.id, reference: wo.reference },
    });

    // Search: code (case-insensitive, substring) and name, combined with the other filters.
    expect(await codes({ search: 'lst-b' })).toEqual(['LST-B1']);
    expect(await codes({ search: 'LST-A' })).toEqual(['LST-A1', 'LST-A2', 'LST-A3']);
    expect(await codes({ search: 'liebherr' })).toEqual(['LST-A1', 'LST-B1']);
    expect(await codes({ search: 'liebherr', typeId: other.id })).toEqual(['LST-B1']);
    expect(await codes({ search: '  grove  ' })).toEqual(['LST-A2']);
    // LIKE wildcards in a search are literal characters.
    expect(await codes({ search: '100%' })).toEqual(['LST-A3']);
    expect(await codes({ search: '%', typeId: lift.id })).toEqual(['LST-A3']);
    expect(await codes({ search: '_', typeId: lift.id })).toEqual([]);
    expect(await codes({ search: 'no-such-thing' })).toEqual([]);
    expect(b1.status).toBe('available');
  });

  it('pages by code across pages with no duplicates or gaps', async () => {
    const pageType = await h.admin.equipmentTypes.create({ name: 'page-type' });
    const created: string[] = [];
    for (let i = 1; i <= 23; i++) {
      // Created out of code order, so the page order has to come from the sort.
      const n = ((i * 7) % 23) + 1;
      const e = await h.admin.equipment.create({
        code: `PG-${String(n).padStart(3, '0')}`,
        name: `Paged ${n}`,
        typeId: pageType.id,
      });
      created.push(e.code);
    }
    expect(new Set(created).size).toBe(23);

    const pages = await allPages((cursor) =>
      h.viewer.equipment.list({ typeId: pageType.id, limit: 5, cursor }),
    );
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    const seen = pages.flat().map((e) => e.code);
    expect(seen).toEqual([...created].sort());
    expect(new Set(seen).size).toBe(23);

    // An exact fit gives one page and no cursor; one fewer gives a cursor to a one-item page.
    const exact = await h.viewer.equipment.list({ typeId: pageType.id, limit: 23 });
    expect(exact.items).toHaveLength(23);
    expect(exact.nextCursor).toBeNull();
    const almost = await h.viewer.equipment.list({ typeId: pageType.id, limit: 22 });
    expect(almost.nextCursor).not.toBeNull();
    const rest = await h.viewer.equipment.list({
      typeId: pageType.id,
      limit: 22,
      cursor: almost.nextCursor ?? undefined,
    });
    expect(rest.items.map((e) => e.code)).toEqual(['PG-023']);
    expect(rest.nextCursor).toBeNull();

    // Pagination with search keeps the filter on every page.
    const searched = await allPages((cursor) =>
      h.viewer.equipment.list({ search: 'pg-01', limit: 4, cursor }),
    );
    expect(searched.flat().map((e) => e.code)).toEqual([
      'PG-010',
      'PG-011',
      'PG-012',
      'PG-013',
      'PG-014',
      'PG-015',
      'PG-016',
      'PG-017',
      'PG-018',
      'PG-019',
    ]);
  });

  it('rejects a forged cursor', async () => {
    expect(await rejection(h.viewer.equipment.list({ cursor: 'not-a-cursor' }))).toEqual({
      code: 'BAD_REQUEST',
      reason: 'INVALID_INPUT',
    });
    const wrongShape = Buffer.from(JSON.stringify([42])).toString('base64url');
    expect(await rejection(h.viewer.equipment.list({ cursor: wrongShape }))).toEqual({
      code: 'BAD_REQUEST',
      reason: 'INVALID_INPUT',
    });
  });
});

describe('equipment.get', () => {
  it('returns the item with its history, newest first, with actors and payloads', async () => {
    const t = await f.type();
    const e = await h.admin.equipment.create({
      code: 'HIST-1',
      name: 'History unit',
      typeId: t.id,
    });
    await h.admin.equipment.update({ id: e.id, name: 'Renamed unit' });
    await h.admin.equipment.setStatus({ id: e.id, status: 'maintenance', note: 'Annual check' });
    await h.admin.equipment.setStatus({ id: e.id, status: 'available' });

    const got = await h.viewer.equipment.get({ id: e.id });
    expect(got).toMatchObject({
      id: e.id,
      code: 'HIST-1',
      name: 'Renamed unit',
      typeId: t.id,
      typeName: t.name,
      status: 'available',
      activeWorkOrder: null,
    });
    expect(got.history.map((ev) => [ev.action, ev.actorName, ev.payload])).toEqual([
      ['status_changed', 'Ada Admin', { from: 'maintenance', to: 'available' }],
      [
        'status_changed',
        'Ada Admin',
        { from: 'available', to: 'maintenance', note: 'Annual check' },
      ],
      ['updated', 'Ada Admin', { name: 'Renamed unit' }],
      ['created', 'Ada Admin', { code: 'HIST-1', name: 'History unit', typeId: t.id }],
    ]);
    expect(got.history.every((ev) => ev.entityType === 'equipment' && ev.entityId === e.id)).toBe(
      true,
    );
    const ids = got.history.map((ev) => ev.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('reports unknown ids as NOT_FOUND everywhere', async () => {
    const t = await f.type();
    const notFound = { code: 'NOT_FOUND', reason: 'EQUIPMENT_NOT_FOUND' };
    expect(await rejection(h.viewer.equipment.get({ id: MISSING }))).toEqual(notFound);
    expect(await rejection(h.admin.equipment.update({ id: MISSING, name: 'x' }))).toEqual(notFound);
    expect(await rejection(h.admin.equipment.update({ id: MISSING, typeId: t.id }))).toEqual(
      notFound,
    );
    expect(
      await rejection(h.admin.equipment.setStatus({ id: MISSING, status: 'maintenance' })),
    ).toEqual(notFound);
    expect(await rejection(h.viewer.equipment.get({ id: 'not-a-uuid' }))).toEqual({
      code: 'BAD_REQUEST',
      reason: null,
    });
  });
});

describe('equipment.create', () => {
  it('normalises the code to upper case and refuses a duplicate code', async () => {
    const t = await f.type();
    const e = await h.admin.equipment.create({
      code: ' ab-12 ',
      name: ' Boom lift ',
      typeId: t.id,
    });
    expect(e).toMatchObject({
      code: 'AB-12',
      name: 'Boom lift',
      typeId: t.id,
      typeName: t.name,
      status: 'available',
      activeWorkOrder: null,
    });
    expect(e.statusChangedAt).toBeInstanceOf(Date);

    const before = await countRows(h.tdb);
    expect(
      await rejection(h.admin.equipment.create({ code: 'ab-12', name: 'Other', typeId: t.id })),
    ).toEqual({ code: 'CONFLICT', reason: 'EQUIPMENT_CODE_TAKEN' });
    expect(await countRows(h.tdb)).toEqual(before);
  });

  it('refuses an unknown type as NOT_FOUND and writes nothing', async () => {
    const before = await countRows(h.tdb);
    expect(
      await rejection(
        h.admin.equipment.create({ code: 'GHOST-1', name: 'Ghost', typeId: MISSING }),
      ),
    ).toEqual({ code: 'NOT_FOUND', reason: 'EQUIPMENT_TYPE_NOT_FOUND' });
    expect(await countRows(h.tdb)).toEqual(before);
  });

  it('refuses invalid codes and non-admins', async () => {
    const t = await f.type();
    expect(
      await rejection(h.admin.equipment.create({ code: 'A B', name: 'x', typeId: t.id })),
    ).toEqual({ code: 'BAD_REQUEST', reason: null });
    expect(
      await rejection(h.admin.equipment.create({ code: '-AB', name: 'x', typeId: t.id })),
    ).toEqual({ code: 'BAD_REQUEST', reason: null });
    expect(
      await rejection(h.dispatcher.equipment.create({ code: 'DISP-1', name: 'x', typeId: t.id })),
    ).toEqual({ code: 'FORBIDDEN', reason: null });
  });

  it('replays a retried create with the same idempotency key instead of writing twice', async () => {
    const t = await f.type();
    const input = {
      code: 'idem-1',
      name: 'Idempotent',
      typeId: t.id,
      idempotencyKey: 'eq-key-0001',
    };
    const first = await h.admin.equipment.create(input);
    const after = await countRows(h.tdb);
    const retry = await h.admin.equipment.create(input);
    expect(retry).toEqual(first);
    // The key covers the normalised input, so a differently-cased retry is the same request.
    expect(await h.admin.equipment.create({ ...input, code: ' IDEM-1' })).toEqual(first);
    expect(await countRows(h.tdb)).toEqual(after);
    expect((await h.viewer.equipment.list({ typeId: t.id })).items.map((e) => e.id)).toEqual([
      first.id,
    ]);

    // The same key with another input is refused, and writes nothing.
    expect(await rejection(h.admin.equipment.create({ ...input, name: 'Something else' }))).toEqual(
      { code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' },
    );
    expect(await rejection(h.admin.equipment.create({ ...input, code: 'IDEM-2' }))).toEqual({
      code: 'CONFLICT',
      reason: 'IDEMPOTENCY_KEY_REUSED',
    });
    expect(await countRows(h.tdb)).toEqual(after);

    // Keys belong to the caller: another admin's identical key is a separate request.
    const otherAdmin = h.as({ subject: 'user-admin-2', name: 'Al Admin', roles: ['admin'] });
    const theirs = await otherAdmin.equipment.create({ ...input, code: 'IDEM-3' });
    expect(theirs.id).not.toBe(first.id);
    expect(theirs.code).toBe('IDEM-3');
  });

  it('does not burn an idempotency key on a refused first attempt', async () => {
    const t = await f.type();
    await h.admin.equipment.create({ code: 'IDEM-TAKEN', name: 'Taken', typeId: t.id });
    const key = 'eq-key-0002';
    expect(
      await rejection(
        h.admin.equipment.create({
          code: 'IDEM-TAKEN',
          name: 'Dup',
          typeId: t.id,
          idempotencyKey: key,
        }),
      ),
    ).toEqual({ code: 'CONFLICT', reason: 'EQUIPMENT_CODE_TAKEN' });
    const ok = await h.admin.equipment.create({
      code: 'IDEM-FREE',
      name: 'Free',
      typeId: t.id,
      idempotencyKey: key,
    });
    expect(ok.code).toBe('IDEM-FREE');
  });

  it('with auto-dispatch on, new equipment serves a waiting order at once', async () => {
    const t = await f.type();
    const d = await f.driver([t.id]);
    const wo = await f.order(t.id);
    expect(wo.status).toBe('queued');
    await f.autoDispatch(true);
    try {
      expect((await h.viewer.workOrders.get({ id: wo.id })).status).toBe('queued');
      const e = await h.admin.equipment.create({ code: 'AUTO-NEW', name: 'Fresh', typeId: t.id });
      expect(e.status).toBe('assigned');
      expect(e.activeWorkOrder).toEqual({ id: wo.id, reference: wo.reference });
      const detail = await h.viewer.workOrders.get({ id: wo.id });
      expect(detail.status).toBe('dispatched');
      expect(detail.dispatch).toMatchObject({ equipmentId: e.id, driverId: d.id });
    } finally {
      await f.autoDispatch(false);
    }
  });
});

describe('equipment.update', () => {
  it('changes name and code (normalised), refusing a taken code', async () => {
    const t = await f.type();
    const e = await h.admin.equipment.create({ code: 'UPD-1', name: 'Before', typeId: t.id });
    await h.admin.equipment.create({ code: 'UPD-2', name: 'Other', typeId: t.id });
    const updated = await h.admin.equipment.update({ id: e.id, code: 'upd-1b', name: 'After' });
    expect(updated).toMatchObject({ id: e.id, code: 'UPD-1B', name: 'After', typeId: t.id });
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(e.updatedAt.getTime());
    const before = await countRows(h.tdb);
    expect(await rejection(h.admin.equipment.update({ id: e.id, code: 'upd-2' }))).toEqual({
      code: 'CONFLICT',
      reason: 'EQUIPMENT_CODE_TAKEN',
    });
    expect(await rejection(h.admin.equipment.update({ id: e.id, typeId: MISSING }))).toEqual({
      code: 'NOT_FOUND',
      reason: 'EQUIPMENT_TYPE_NOT_FOUND',
    });
    expect(await countRows(h.tdb)).toEqual(before);
    expect((await h.viewer.equipment.get({ id: e.id })).code).toBe('UPD-1B');
  });

  it('changes the type of free equipment but refuses while it is assigned', async () => {
    const crane = await f.type();
    const truck = await f.type();
    const e = await f.equipment(crane.id);
    const retyped = await h.admin.equipment.update({ id: e.id, typeId: truck.id });
    expect(retyped).toMatchObject({ typeId: truck.id, typeName: truck.name });
    await h.admin.equipment.update({ id: e.id, typeId: crane.id });

    const d = await f.driver([crane.id]);
    const wo = await f.order(crane.id);
    await h.dispatcher.dispatch.assign({ workOrderId: wo.id, equipmentId: e.id, driverId: d.id });
    const before = await countRows(h.tdb);
    expect(await rejection(h.admin.equipment.update({ id: e.id, typeId: truck.id }))).toEqual({
      code: 'CONFLICT',
      reason: 'EQUIPMENT_ASSIGNED',
    });
    expect(
      await rejection(h.admin.equipment.update({ id: e.id, typeId: truck.id, name: 'Both' })),
    ).toEqual({ code: 'CONFLICT', reason: 'EQUIPMENT_ASSIGNED' });
    expect(await countRows(h.tdb)).toEqual(before);

    // Renaming, or naming the type it already has, is fine while assigned.
    const renamed = await h.admin.equipment.update({
      id: e.id,
      name: 'Still busy',
      typeId: crane.id,
    });
    expect(renamed).toMatchObject({
      name: 'Still busy',
      typeId: crane.id,
      status: 'assigned',
      activeWorkOrder: { id: wo.id, reference: wo.reference },
    });
  });

  it('with auto-dispatch on, retyping free equipment serves a waiting order of the new type', async () => {
    const crane = await f.type();
    const truck = await f.type();
    const e = await f.equipment(crane.id);
    const d = await f.driver([truck.id]);
    const wo = await f.order(truck.id);
    await f.autoDispatch(true);
    try {
      const retyped = await h.admin.equipment.update({ id: e.id, typeId: truck.id });
      expect(retyped.status).toBe('assigned');
      expect(retyped.activeWorkOrder?.id).toBe(wo.id);
      expect((await h.viewer.workOrders.get({ id: wo.id })).dispatch).toMatchObject({
        equipmentId: e.id,
        driverId: d.id,
      });
    } finally {
      await f.autoDispatch(false);
    }
  });
});

describe('equipment.setStatus', () => {
  it('moves between maintenance, out of service and available, one event per change', async () => {
    const t = await f.type();
    const e = await f.equipment(t.id);
    const m = await h.admin.equipment.setStatus({ id: e.id, status: 'maintenance', note: 'Tyres' });
    expect(m.status).toBe('maintenance');
    expect(m.statusChangedAt.getTime()).toBeGreaterThanOrEqual(e.statusChangedAt.getTime());
    const o = await h.admin.equipment.setStatus({ id: e.id, status: 'out_of_service' });
    expect(o.status).toBe('out_of_service');
    const a = await h.admin.equipment.setStatus({ id: e.id, status: 'available' });
    expect(a.status).toBe('available');

    // Asking for the status it already has changes nothing and writes no event.
    const before = await countRows(h.tdb);
    const same = await h.admin.equipment.setStatus({ id: e.id, status: 'available' });
    expect(same.status).toBe('available');
    expect(same.statusChangedAt).toEqual(a.statusChangedAt);
    expect(await countRows(h.tdb)).toEqual(before);

    const history = (await h.viewer.equipment.get({ id: e.id })).history;
    expect(history.filter((ev) => ev.action === 'status_changed').map((ev) => ev.payload)).toEqual([
      { from: 'out_of_service', to: 'available' },
      { from: 'maintenance', to: 'out_of_service' },
      { from: 'available', to: 'maintenance', note: 'Tyres' },
    ]);
    expect(history).toHaveLength(4);
  });

  it('refuses any status change while the equipment is assigned', async () => {
    const t = await f.type();
    const e = await f.equipment(t.id);
    const d = await f.driver([t.id]);
    const wo = await f.order(t.id);
    await h.dispatcher.dispatch.assign({ workOrderId: wo.id, equipmentId: e.id, driverId: d.id });
    const before = await countRows(h.tdb);
    for (const status of ['maintenance', 'out_of_service', 'available'] as const) {
      expect(await rejection(h.admin.equipment.setStatus({ id: e.id, status }))).toEqual({
        code: 'CONFLICT',
        reason: 'EQUIPMENT_ASSIGNED',
      });
    }
    expect(await countRows(h.tdb)).toEqual(before);
    expect((await h.viewer.equipment.get({ id: e.id })).status).toBe('assigned');
  });

  it('only admins may set the status', async () => {
    const t = await f.type();
    const e = await f.equipment(t.id);
    expect(
      await rejection(h.dispatcher.equipment.setStatus({ id: e.id, status: 'maintenance' })),
    ).toEqual({ code: 'FORBIDDEN', reason: null });
  });

  it('back to available with auto-dispatch on dispatches the waiting order', async () => {
    const t = await f.type();
    const e = await f.equipment(t.id);
    const d = await f.driver([t.id]);
    await h.admin.equipment.setStatus({ id: e.id, status: 'maintenance' });
    const wo = await f.order(t.id);
    await f.autoDispatch(true);
    try {
      // Nothing to fill with while the only unit is in the workshop.
      expect((await h.viewer.workOrders.get({ id: wo.id })).status).toBe('queued');
      const back = await h.admin.equipment.setStatus({ id: e.id, status: 'available' });
      expect(back.status).toBe('assigned');
      expect(back.activeWorkOrder).toEqual({ id: wo.id, reference: wo.reference });
      const detail = await h.viewer.workOrders.get({ id: wo.id });
      expect(detail.status).toBe('dispatched');
      expect(detail.dispatch).toMatchObject({ equipmentId: e.id, driverId: d.id });
      expect(
        detail.timeline.map((ev) => [
          ev.action,
          ev.actorName,
          ev.kind === 'work_order.assigned' ? ev.payload.auto : undefined,
        ]),
      ).toEqual([
        ['created', 'Dee Dispatcher', undefined],
        ['assigned', 'Ada Admin', true],
      ]);
      expect((await h.viewer.drivers.get({ id: d.id })).status).toBe('assigned');
      const history = (await h.viewer.equipment.get({ id: e.id })).history;
      expect(history[0]).toMatchObject({
        action: 'status_changed',
        payload: { from: 'maintenance', to: 'available' },
      });
    } finally {
      await f.autoDispatch(false);
    }
  });

  it('back to available with auto-dispatch off leaves the order queued', async () => {
    const t = await f.type();
    const e = await f.equipment(t.id);
    await f.driver([t.id]);
    await h.admin.equipment.setStatus({ id: e.id, status: 'maintenance' });
    const wo = await f.order(t.id);
    const back = await h.admin.equipment.setStatus({ id: e.id, status: 'available' });
    expect(back.status).toBe('available');
    expect((await h.viewer.workOrders.get({ id: wo.id })).status).toBe('queued');
  });
});
