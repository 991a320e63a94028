import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleet, rejection } from './helpers/fleet';
import { countRows, createHarness, type THarness } from './helpers/harness';
import { allPages } from './helpers/pagination';

type THistoryItem = Awaited<
  ReturnType<THarness['viewer']['equipment']['history']>
>['items'][number];

let h: THarness;
let f: ReturnType<typeof fleet>;
let crane: { id: string };
let drew: { id: string; name: string };
let hana: { id: string; name: string };
beforeAll(async () => {
  h = await createHarness();
  f = fleet(h);
  await f.autoDispatch(false);
  crane = await f.type('hist-crane');
  drew = await f.linkedDriver([crane.id]);
  hana = await f.driver([crane.id], { name: 'Hana Hook' });
});
afterAll(() => h.destroy());

const MISSING = '00000000-0000-4000-8000-000000000000';

async function assign(workOrderId: string, equipmentId: string, driverId: string) {
  const result = await h.dispatcher.dispatch.assign({ workOrderId, equipmentId, driverId });
  if (!result.dispatch) throw new Error('assignment returned no dispatch');
  return result.dispatch.id;
}

// A JS Date keeps milliseconds; the database keeps microseconds and the API drops the rest.
const MS = (column: string) => `floor(extract(epoch from ${column}) * 1000)::float8`;

/** The events recorded against a unit, oldest first, as the database has them. */
async function eventsOf(equipmentId: string) {
  const rows = await h.tdb.sql<{ id: string; ms: number }[]>`
    select id, ${h.tdb.sql.unsafe(MS('created_at'))} as ms from events
    where entity_type = 'equipment' and entity_id = ${equipmentId} order by id`;
  return rows.map((row) => ({ id: row.id, createdAt: new Date(row.ms) }));
}

async function assignedAt(dispatchId: string) {
  const [row] = await h.tdb.sql<{ ms: number }[]>`
    select ${h.tdb.sql.unsafe(MS('assigned_at'))} as ms from dispatches where id = ${dispatchId}`;
  if (!row) throw new Error('no such dispatch');
  return new Date(row.ms);
}

describe('equipment.history', () => {
  it("merges the unit's dispatches and its own events, newest first, with exact figures", async () => {
    const unit = await h.admin.equipment.create({ code: 'HIS-1', name: 'Crane', typeId: crane.id });
    await h.admin.equipment.update({ id: unit.id, name: 'Crane One' });
    // Completed by the driver on his phone.
    const wo1 = await f.order(crane.id, { title: 'Lift roof beams' });
    const d1 = await assign(wo1.id, unit.id, drew.id);
    for (const to of ['en_route', 'on_site'] as const) {
      await h.as('driver').driverApp.advance({ dispatchId: d1, to });
    }
    await h.as('driver').driverApp.advance({ dispatchId: d1, to: 'completed', note: 'Beams set' });
    // Released after a breakdown: the unit goes to maintenance (an event tied to the order).
    const wo2 = await f.order(crane.id, { title: 'Lift HVAC unit' });
    const d2 = await assign(wo2.id, unit.id, hana.id);
    await h.dispatcher.dispatch.release({
      workOrderId: wo2.id,
      reason: 'Hydraulic leak',
      equipmentStatus: 'maintenance',
    });
    await h.admin.equipment.setStatus({ id: unit.id, status: 'available', note: 'Seal replaced' });
    const wo3 = await f.order(crane.id, { title: 'Set trusses' });
    const d3 = await assign(wo3.id, unit.id, drew.id);
    // Another unit's history must not leak in.
    const other = await f.equipment(crane.id);
    await h.admin.equipment.setStatus({ id: other.id, status: 'maintenance' });

    // Fixed times for the ended dispatches, so durations are known to the second.
    await h.tdb.sql`update dispatches set assigned_at = '2025-03-03T08:00:00Z',
      en_route_at = '2025-03-03T08:10:00Z', on_site_at = '2025-03-03T08:40:00Z',
      ended_at = '2025-03-03T10:15:30.4Z' where id = ${d1}`;
    await h.tdb.sql`update dispatches set assigned_at = '2025-03-03T11:00:00Z',
      ended_at = '2025-03-03T11:00:45.5Z' where id = ${d2}`;

    const [created, updated, toMaintenance, toAvailable, ...extra] = await eventsOf(unit.id);
    expect(extra).toEqual([]);
    if (!created || !updated || !toMaintenance || !toAvailable) throw new Error('events missing');
    const event = (
      row: { id: string; createdAt: Date },
      fields: { action: string; actorName: string; payload: Record<string, unknown> },
      workOrder: { id: string; reference: string } | null = null,
    ) => ({
      kind: 'event',
      at: row.createdAt,
      event: {
        id: Number(row.id),
        kind: `equipment.${fields.action}`,
        entityType: 'equipment',
        entityId: unit.id,
        workOrderId: workOrder?.id ?? null,
        workOrderReference: workOrder?.reference ?? null,
        createdAt: row.createdAt,
        ...fields,
      },
    });
    const d3At = await assignedAt(d3);

    const history = await h.viewer.equipment.history({ id: unit.id });
    expect(history.unit).toMatchObject({
      id: unit.id,
      code: 'HIS-1',
      name: 'Crane One',
      typeName: 'hist-crane',
      status: 'assigned',
      activeWorkOrder: { id: wo3.id, reference: wo3.reference },
    });
    expect(history.nextCursor).toBeNull();
    expect(history.items).toEqual([
      {
        kind: 'dispatch',
        at: d3At,
        id: d3,
        workOrder: { id: wo3.id, reference: wo3.reference, title: 'Set trusses' },
        driver: { id: drew.id, name: 'Drew Driver' },
        assignedAt: d3At,
        enRouteAt: null,
        onSiteAt: null,
        endedAt: null,
        outcome: null,
        completionNote: null,
        releaseReason: null,
        durationSeconds: null,
      },
      event(toAvailable, {
        action: 'status_changed',
        actorName: 'Ada Admin',
        payload: { from: 'maintenance', to: 'available', note: 'Seal replaced' },
      }),
      event(
        toMaintenance,
        {
          action: 'status_changed',
          actorName: 'Dee Dispatcher',
          payload: { from: 'assigned', to: 'maintenance', note: 'Hydraulic leak' },
        },
        wo2,
      ),
      event(updated, { action: 'updated', actorName: 'Ada Admin', payload: { name: 'Crane One' } }),
      event(created, {
        action: 'created',
        actorName: 'Ada Admin',
        payload: { code: 'HIS-1', name: 'Crane', typeId: crane.id },
      }),
      {
        kind: 'dispatch',
        at: new Date('2025-03-03T11:00:00Z'),
        id: d2,
        workOrder: { id: wo2.id, reference: wo2.reference, title: 'Lift HVAC unit' },
        driver: { id: hana.id, name: 'Hana Hook' },
        assignedAt: new Date('2025-03-03T11:00:00Z'),
        enRouteAt: null,
        onSiteAt: null,
        endedAt: new Date('2025-03-03T11:00:45.500Z'),
        outcome: 'released',
        completionNote: null,
        releaseReason: 'Hydraulic leak',
        // 45.5 s rounds half away from zero.
        durationSeconds: 46,
      },
      {
        kind: 'dispatch',
        at: new Date('2025-03-03T08:00:00Z'),
        id: d1,
        workOrder: { id: wo1.id, reference: wo1.reference, title: 'Lift roof beams' },
        driver: { id: drew.id, name: 'Drew Driver' },
        assignedAt: new Date('2025-03-03T08:00:00Z'),
        enRouteAt: new Date('2025-03-03T08:10:00Z'),
        onSiteAt: new Date('2025-03-03T08:40:00Z'),
        endedAt: new Date('2025-03-03T10:15:30.400Z'),
        outcome: 'completed',
        completionNote: 'Beams set',
        releaseReason: null,
        // 2 h 15 min 30.4 s.
        durationSeconds: 8130,
      },
    ]);
  });

  it('pages through ties and sub-millisecond differences without skipping or repeating', async () => {
    const unit = await h.admin.equipment.create({ code: 'HIS-2', name: 'Pager', typeId: crane.id });
    await h.admin.equipment.setStatus({ id: unit.id, status: 'maintenance' });
    await h.admin.equipment.setStatus({ id: unit.id, status: 'available' });
    const wo = await f.order(crane.id);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(await assign(wo.id, unit.id, hana.id));
      await h.dispatcher.dispatch.release({ workOrderId: wo.id, reason: `Swap ${i}` });
    }
    const [d0, d1, dC, dD, dE] = ids as [string, string, string, string, string];
    // B, a microsecond after A, has the smaller id: were times cut to milliseconds, the id
    // tie-break would put A first.
    const [dB, dA] = [d0, d1].sort();
    if (!dA || !dB) throw new Error('dispatches missing');
    const [eCreated, eMaintenance, eAvailable] = await eventsOf(unit.id);
    if (!eCreated || !eMaintenance || !eAvailable) throw new Error('events missing');
    // A and B a microsecond apart (one JS millisecond); C and D at the same instant; E at the same
    // instant as the maintenance event.
    const setTime = (id: string, at: string) =>
      h.tdb.sql`update dispatches set assigned_at = ${at}::timestamptz,
        ended_at = ${at}::timestamptz + interval '5 minutes' where id = ${id}`;
    await setTime(dA, '2025-04-01T09:00:00.000001Z');
    await setTime(dB, '2025-04-01T09:00:00.000002Z');
    await setTime(dC, '2025-04-01T10:00:00Z');
    await setTime(dD, '2025-04-01T10:00:00Z');
    await h.tdb.sql`update dispatches set
      assigned_at = (select created_at from events where id = ${eMaintenance.id}),
      ended_at = (select created_at from events where id = ${eMaintenance.id}) + interval '1 minute'
      where id = ${dE}`;

    const [tiedFirst, tiedSecond] = [dC, dD].sort().reverse();
    const expected = [
      `event:${eAvailable.id}`,
      `event:${eMaintenance.id}`,
      `dispatch:${dE}`,
      `event:${eCreated.id}`,
      `dispatch:${tiedFirst}`,
      `dispatch:${tiedSecond}`,
      `dispatch:${dB}`,
      `dispatch:${dA}`,
    ];
    const key = (item: THistoryItem) =>
      item.kind === 'event' ? `event:${item.event.id}` : `dispatch:${item.id}`;
    const all = await h.viewer.equipment.history({ id: unit.id, limit: 100 });
    expect(all.items.map(key)).toEqual(expected);

    for (let limit = 1; limit <= 9; limit++) {
      const pages = await allPages((cursor) =>
        h.viewer.equipment.history({ id: unit.id, limit, ...(cursor ? { cursor } : {}) }),
      );
      expect(pages.flat().map(key), `limit ${limit}`).toEqual(expected);
      expect(
        pages.map((p) => p.length),
        `limit ${limit}`,
      ).toEqual(
        Array.from({ length: Math.ceil(expected.length / limit) }, (_, i) =>
          Math.min(limit, expected.length - i * limit),
        ),
      );
    }
  });

  it('shows a unit with no history yet as itself and an empty page', async () => {
    const [row] = await h.tdb.sql<{ id: string }[]>`
      insert into equipment (code, name, type_id) values ('HIS-3', 'Bare', ${crane.id})
      returning id`;
    if (!row) throw new Error('insert failed');
    const history = await h.viewer.equipment.history({ id: row.id });
    expect(history.unit).toMatchObject({ code: 'HIS-3', status: 'available' });
    expect(history.items).toEqual([]);
    expect(history.nextCursor).toBeNull();
  });

  it('refuses an unknown unit, a bad cursor, bad input and non-readers, writing nothing', async () => {
    const unit = await f.equipment(crane.id);
    const before = await countRows(h.tdb);
    expect(await rejection(h.viewer.equipment.history({ id: MISSING }))).toEqual({
      code: 'NOT_FOUND',
      reason: 'EQUIPMENT_NOT_FOUND',
    });
    // Not base64url at all: the schema refuses it, naming the field.
    expect(
      await rejection(h.viewer.equipment.history({ id: unit.id, cursor: 'not-base64!' })),
    ).toEqual({ code: 'BAD_REQUEST', reason: null });
    const forged = [
      Buffer.from('["a\\u0000b", "event", 7]').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
      Buffer.from(JSON.stringify([1, 'event', MISSING])).toString('base64url'),
      Buffer.from(JSON.stringify([1, 'dispatch', 7])).toString('base64url'),
      Buffer.from(JSON.stringify([-1, 'event', 7])).toString('base64url'),
      Buffer.from(JSON.stringify([1.5, 'event', 7])).toString('base64url'),
    ];
    for (const cursor of forged) {
      expect(await rejection(h.viewer.equipment.history({ id: unit.id, cursor })), cursor).toEqual({
        code: 'BAD_REQUEST',
        reason: 'INVALID_INPUT',
      });
    }
    for (const input of [{ id: 'nope' }, { id: unit.id, limit: 0 }, { id: unit.id, limit: 101 }]) {
      expect(await rejection(h.viewer.equipment.history(input))).toEqual({
        code: 'BAD_REQUEST',
        reason: null,
      });
    }
    expect(await rejection(h.as('driver').equipment.history({ id: unit.id }))).toEqual({
      code: 'FORBIDDEN',
      reason: null,
    });
    expect(await rejection(h.as(null).equipment.history({ id: unit.id }))).toEqual({
      code: 'UNAUTHORIZED',
      reason: null,
    });
    expect(await countRows(h.tdb)).toEqual(before);
  });
});
