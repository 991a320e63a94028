import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { utilizationReport } from '../src/read/reports/utilization';
import { fleet, rejection } from './helpers/fleet';
import { countRows, createHarness, type THarness } from './helpers/harness';

/**
 * reports.utilization against a hand-built history, inserted with SQL at fixed instants. The
 * window is 2026-04-01 00:00 → 04-03 00:00 UTC (48 h, in the past). Hand computation per unit:
 *
 *   C-1 crane  d 03-31 20:00→04-01 04:00 (4 h inside), 10:00→12:30 (2.5 h), 04-02 20:00→04-03 03:00
 *              (4 h inside); maintenance 04-01 14:00→20:00 (6 h). Assigned 10.5, usable 42.
 *   C-2 crane  maintenance since 03-30 12:00 until 04-01 06:00 (6 h inside: the status in force at
 *              `from` comes from the last event before it); out of service from 04-02 00:00, back
 *              only on 04-03 06:00 (24 h inside); d 04-01 08:00→14:00 (6 h). Usable 48 − 30 = 18.
 *   C-3 crane  created 04-02 12:00 (12 h window); d 04-02 18:00, still running (6 h inside).
 *   C-4 crane  inserted in maintenance on 03-20 and never changed: 48 h maintenance, usable 0.
 *   C-5 crane  first event 04-01 03:00 out_of_service→available, so out of service since its
 *              creation: 3 h; d 04-02 00:00→09:00 (9 h). Usable 45.
 *   T-1 truck  idle. T-2 truck created 04-10, after the window: not listed.
 *   barge      a type without units.
 * Drivers: Ann drove C-1's three dispatches, Ben C-2's and C-5's, Cat C-3's; Dan only before the
 * window; Eve was created after it.
 */

let h: THarness;
const at = (s: string) => new Date(`2026-${s.replace(' ', 'T')}:00Z`);
const iso = (s: string) => at(s).toISOString();

async function insertId(query: Promise<{ id: string }[]>) {
  const [row] = await query;
  if (!row) throw new Error('insert returned no row');
  return row.id;
}

const type = (name: string) =>
  insertId(h.tdb.sql`insert into equipment_types (name) values (${name}) returning id`);

const unit = (code: string, typeId: string, created: string, status = 'available') =>
  insertId(h.tdb.sql`
    insert into equipment (code, name, type_id, status, created_at, updated_at)
    values (${code}, ${`Unit ${code}`}, ${typeId}, ${status}::equipment_status,
            ${iso(created)}::timestamptz, ${iso(created)}::timestamptz)
    returning id`);

const driver = (name: string, created: string) =>
  insertId(h.tdb.sql`
    insert into drivers (name, phone, email, created_at)
    values (${name}, '+1 555 0100', ${`${name.toLowerCase()}@example.com`}, ${iso(created)}::timestamptz)
    returning id`);

async function statusChanged(equipmentId: string, when: string, from: string, to: string) {
  await h.tdb.sql`
    insert into events (entity_type, entity_id, action, actor_subject, actor_name, payload, created_at)
    values ('equipment', ${equipmentId}, 'status_changed', 'fixture', 'Fixture',
            ${JSON.stringify({ from, to })}::jsonb, ${iso(when)}::timestamptz)`;
}

/** A dispatch with the order it serves: completed when it has ended, else still dispatched. */
async function dispatch(
  typeId: string,
  equipmentId: string,
  driverId: string,
  assigned: string,
  ended?: string,
) {
  const orderId = await insertId(h.tdb.sql`
    insert into work_orders (title, site_address, equipment_type_id, status, completed_at,
      created_by_subject, created_by_name, created_at)
    values ('Fixture', '1 Test St', ${typeId}, ${ended ? 'completed' : 'dispatched'},
      ${ended ? iso(ended) : null}::timestamptz, 'fixture', 'Fixture', ${iso(assigned)}::timestamptz)
    returning id`);
  await h.tdb.sql`
    insert into dispatches (work_order_id, equipment_id, driver_id, assigned_at, ended_at, outcome,
      assigned_by_subject)
    values (${orderId}, ${equipmentId}, ${driverId}, ${iso(assigned)}::timestamptz,
      ${ended ? iso(ended) : null}::timestamptz, ${ended ? 'completed' : null}::dispatch_outcome,
      'fixture')`;
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  h = await createHarness();
  ids.barge = await type('barge');
  ids.crane = await type('crane');
  ids.truck = await type('truck');
  const crane = ids.crane;
  ids.c1 = await unit('C-1', crane, '03-01 00:00');
  ids.c2 = await unit('C-2', crane, '03-01 00:00');
  ids.c3 = await unit('C-3', crane, '04-02 12:00');
  ids.c4 = await unit('C-4', crane, '03-20 00:00', 'maintenance');
  ids.c5 = await unit('C-5', crane, '03-20 00:00');
  ids.t1 = await unit('T-1', ids.truck, '03-01 00:00');
  ids.t2 = await unit('T-2', ids.truck, '04-10 00:00');
  ids.ann = await driver('Ann', '03-01 00:00');
  ids.ben = await driver('Ben', '03-01 00:00');
  ids.cat = await driver('Cat', '03-01 00:00');
  ids.dan = await driver('Dan', '03-01 00:00');
  ids.eve = await driver('Eve', '04-10 00:00');

  await dispatch(crane, ids.c1, ids.ann, '03-31 20:00', '04-01 04:00');
  await dispatch(crane, ids.c1, ids.ann, '04-01 10:00', '04-01 12:30');
  await statusChanged(ids.c1, '04-01 14:00', 'available', 'maintenance');
  await statusChanged(ids.c1, '04-01 20:00', 'maintenance', 'available');
  await dispatch(crane, ids.c1, ids.ann, '04-02 20:00', '04-03 03:00');

  await statusChanged(ids.c2, '03-30 12:00', 'available', 'maintenance');
  await statusChanged(ids.c2, '04-01 06:00', 'maintenance', 'available');
  await dispatch(crane, ids.c2, ids.ben, '04-01 08:00', '04-01 14:00');
  await statusChanged(ids.c2, '04-02 00:00', 'available', 'out_of_service');
  await statusChanged(ids.c2, '04-03 06:00', 'out_of_service', 'available');

  await dispatch(crane, ids.c3, ids.cat, '04-02 18:00');

  await statusChanged(ids.c5, '04-01 03:00', 'out_of_service', 'available');
  await dispatch(crane, ids.c5, ids.ben, '04-02 00:00', '04-02 09:00');

  await dispatch(ids.truck, ids.t1, ids.dan, '03-20 10:00', '03-21 10:00');
});
afterAll(() => h?.destroy());

type THours = {
  window: number;
  assigned: number;
  maintenance: number;
  outOfService: number;
};

/** The reported figures for the given hours, derived exactly as the report defines them. */
function figures({ window, assigned, maintenance, outOfService }: THours) {
  const usable = window - maintenance - outOfService;
  return {
    windowHours: window,
    assignedHours: assigned,
    maintenanceHours: maintenance,
    outOfServiceHours: outOfService,
    unavailableHours: maintenance + outOfService,
    availableHours: Math.max(0, usable - assigned),
    utilization: usable > 0 ? assigned / usable : null,
  };
}

const ZERO = { window: 0, assigned: 0, maintenance: 0, outOfService: 0 };
const unitRow = (key: string, code: string, typeKey: string, hours: THours) => ({
  equipmentId: ids[key],
  code,
  name: `Unit ${code}`,
  typeId: ids[typeKey],
  typeName: typeKey,
  ...figures(hours),
});
const driverRow = (key: string, name: string, dispatchCount: number, dispatchHours: number) => ({
  driverId: ids[key],
  name,
  dispatchCount,
  dispatchHours,
});

describe('reports.utilization', () => {
  const input = { from: at('04-01 00:00'), to: at('04-03 00:00') };

  it('clips dispatches and status intervals to the window and checks every figure', async () => {
    const c1 = { window: 48, assigned: 10.5, maintenance: 6, outOfService: 0 };
    const c2 = { window: 48, assigned: 6, maintenance: 6, outOfService: 24 };
    const c3 = { window: 12, assigned: 6, maintenance: 0, outOfService: 0 };
    const c4 = { window: 48, assigned: 0, maintenance: 48, outOfService: 0 };
    const c5 = { window: 48, assigned: 9, maintenance: 0, outOfService: 3 };
    const t1 = { ...ZERO, window: 48 };
    const crane = { window: 204, assigned: 31.5, maintenance: 60, outOfService: 27 };
    expect(await h.viewer.reports.utilization(input)).toEqual({
      window: { ...input, effectiveFrom: input.from, effectiveTo: input.to, hours: 48 },
      fleet: {
        equipmentCount: 6,
        ...figures({ window: 252, assigned: 31.5, maintenance: 60, outOfService: 27 }),
      },
      types: [
        { typeId: ids.barge, typeName: 'barge', equipmentCount: 0, ...figures(ZERO) },
        { typeId: ids.crane, typeName: 'crane', equipmentCount: 5, ...figures(crane) },
        { typeId: ids.truck, typeName: 'truck', equipmentCount: 1, ...figures(t1) },
      ],
      equipment: [
        unitRow('c1', 'C-1', 'crane', c1),
        unitRow('c2', 'C-2', 'crane', c2),
        unitRow('c3', 'C-3', 'crane', c3),
        unitRow('c4', 'C-4', 'crane', c4),
        unitRow('c5', 'C-5', 'crane', c5),
        unitRow('t1', 'T-1', 'truck', t1),
      ],
      drivers: [
        driverRow('ann', 'Ann', 3, 10.5),
        driverRow('ben', 'Ben', 2, 15),
        driverRow('cat', 'Cat', 1, 6),
        driverRow('dan', 'Dan', 0, 0),
      ],
    });
  });

  it('spells out the hand-computed utilisation of the interesting rows', async () => {
    const report = await h.viewer.reports.utilization(input);
    const byCode = Object.fromEntries(report.equipment.map((e) => [e.code, e]));
    expect(byCode['C-1']).toMatchObject({ availableHours: 31.5, utilization: 0.25 });
    expect(byCode['C-2']).toMatchObject({
      availableHours: 12,
      unavailableHours: 30,
      utilization: 6 / 18,
    });
    expect(byCode['C-3']).toMatchObject({ availableHours: 6, utilization: 0.5 });
    expect(byCode['C-4']).toMatchObject({ availableHours: 0, utilization: null });
    expect(byCode['C-5']).toMatchObject({ availableHours: 36, utilization: 0.2 });
    expect(report.types[0]).toMatchObject({ typeName: 'barge', utilization: null });
    expect(report.types[1]).toMatchObject({ availableHours: 85.5, unavailableHours: 87 });
  });

  it('returns zeros and nulls, and no units, for a window before any equipment existed', async () => {
    const empty = { from: at('01-10 00:00'), to: at('01-12 00:00') };
    expect(await h.viewer.reports.utilization(empty)).toEqual({
      window: { ...empty, effectiveFrom: empty.from, effectiveTo: empty.to, hours: 48 },
      fleet: { equipmentCount: 0, ...figures(ZERO) },
      types: ['barge', 'crane', 'truck'].map((name) => ({
        typeId: ids[name],
        typeName: name,
        equipmentCount: 0,
        ...figures(ZERO),
      })),
      equipment: [],
      drivers: [],
    });
  });

  it('counts a window entirely in the future as zero hours', async () => {
    const from = new Date(Date.now() + 24 * 3600_000);
    const future = { from, to: new Date(from.getTime() + 24 * 3600_000) };
    const report = await h.viewer.reports.utilization(future);
    expect(report.window).toEqual({ ...future, effectiveFrom: from, effectiveTo: from, hours: 0 });
    expect(report.fleet).toEqual({ equipmentCount: 7, ...figures(ZERO) });
    expect(report.equipment.map((e) => e.windowHours + e.assignedHours)).toEqual(Array(7).fill(0));
    expect(report.drivers.map((d) => [d.name, d.dispatchCount, d.dispatchHours])).toEqual(
      ['Ann', 'Ben', 'Cat', 'Dan', 'Eve'].map((name) => [name, 0, 0]),
    );
  });

  it('ends a window that reaches into the future at now, running dispatches included', async () => {
    const to = new Date(Date.now() + 3600_000);
    const window = { from: at('04-02 00:00'), to };
    // One transaction, so the test reads the same now() as the report.
    await h.tdb.db.transaction(async (tx) => {
      const [clock] = (await tx.execute(
        sql`select extract(epoch from now() - ${iso('04-02 00:00')}::timestamptz)::float8 / 3600 as hours,
                   extract(epoch from now())::float8 as now_s`,
      )) as unknown as { hours: number; now_s: number }[];
      if (!clock) throw new Error('no clock');
      const report = await utilizationReport(tx, window);
      expect(report.window).toEqual({
        ...window,
        effectiveFrom: window.from,
        effectiveTo: new Date(clock.now_s * 1000),
        hours: clock.hours,
      });
      const c3 = report.equipment.find((e) => e.code === 'C-3');
      // C-3 exists from 12:00; its dispatch has run since 18:00 and is running still.
      expect(c3?.windowHours).toBeCloseTo(clock.hours - 12, 9);
      expect(c3?.assignedHours).toBeCloseTo(clock.hours - 18, 9);
      expect(report.drivers.find((d) => d.name === 'Cat')).toMatchObject({ dispatchCount: 1 });
      expect(report.drivers.find((d) => d.name === 'Cat')?.dispatchHours).toBeCloseTo(
        clock.hours - 18,
        9,
      );
    });
  });

  it('reads the maintenance the real procedures record', async () => {
    const f = fleet(h);
    const dredger = await f.type('dredger');
    const unitCreated = await f.equipment(dredger.id, 'DR-1');
    await h.admin.equipment.setStatus({ id: unitCreated.id, status: 'maintenance' });
    const report = await h.viewer.reports.utilization({
      from: new Date(unitCreated.createdAt.getTime() - 3600_000),
      to: new Date(Date.now() + 3600_000),
    });
    const row = report.equipment.find((e) => e.code === 'DR-1');
    expect(row?.windowHours).toBeGreaterThan(0);
    // In maintenance from the status change until now: all but the first instants of its window.
    expect(row?.maintenanceHours).toBeGreaterThan(0);
    expect(row?.maintenanceHours).toBeLessThanOrEqual(row?.windowHours ?? 0);
    expect(row).toMatchObject({ assignedHours: 0, outOfServiceHours: 0, utilization: 0 });
  });
});

describe('reports.utilization input and access', () => {
  const valid = { from: at('04-01 00:00'), to: at('04-03 00:00') };

  it('refuses bad windows with BAD_REQUEST, writing nothing', async () => {
    const before = await countRows(h.tdb);
    const bad: unknown[] = [
      { ...valid, to: valid.from },
      { from: valid.to, to: valid.from },
      { from: new Date('2023-01-01T00:00:00Z'), to: new Date('2026-01-06T00:00:00Z') }, // 1101 days
      { ...valid, from: 'soon' },
      { ...valid, to: undefined },
      { from: new Date('1999-12-31T00:00:00Z'), to: valid.to },
    ];
    for (const input of bad) {
      expect(
        await rejection(h.viewer.reports.utilization(input as typeof valid)),
        JSON.stringify(input),
      ).toEqual({ code: 'BAD_REQUEST', reason: null });
    }
    expect(await countRows(h.tdb)).toEqual(before);
  });

  it('lets viewers, dispatchers and admins read; refuses drivers and anonymous callers', async () => {
    for (const who of ['viewer', 'dispatcher', 'admin'] as const) {
      expect((await h.as(who).reports.utilization(valid)).fleet.equipmentCount).toBe(6);
    }
    expect(await rejection(h.as('driver').reports.utilization(valid))).toEqual({
      code: 'FORBIDDEN',
      reason: null,
    });
    expect(await rejection(h.as(null).reports.utilization(valid))).toEqual({
      code: 'UNAUTHORIZED',
      reason: null,
    });
  });
});
