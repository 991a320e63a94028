import type { TPrincipal } from '@dispatch/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCEDURE_PATHS } from '../src/procedure-tree';
import { appRouter } from '../src/router';
import { fleet, rejection } from './helpers/fleet';
import { countRows, createHarness, type TCaller, type THarness } from './helpers/harness';
import type { TPrincipalName } from './helpers/principals';

/**
 * The authorisation matrix: every procedure of the router, called by every kind of principal.
 * The policy table below is written by hand on purpose; a procedure added to the router without a
 * row here (or a row left behind for a removed procedure) fails the suite.
 */

const ROLE_NAMES = ['anonymous', 'nobody', 'viewer', 'driver', 'dispatcher', 'admin'] as const;
type TRoleName = (typeof ROLE_NAMES)[number];

const SIGNED_IN: readonly TRoleName[] = ['nobody', 'viewer', 'driver', 'dispatcher', 'admin'];
const READ: readonly TRoleName[] = ['viewer', 'dispatcher', 'admin'];
const OPERATE: readonly TRoleName[] = ['dispatcher', 'admin'];
const ADMINISTER: readonly TRoleName[] = ['admin'];
const DRIVE: readonly TRoleName[] = ['driver'];

const POLICY: Readonly<Record<string, readonly TRoleName[]>> = {
  'me.get': SIGNED_IN,

  'equipmentTypes.list': READ,
  'equipmentTypes.create': ADMINISTER,

  'equipment.list': READ,
  'equipment.get': READ,
  'equipment.create': ADMINISTER,
  'equipment.update': ADMINISTER,
  'equipment.setStatus': ADMINISTER,

  'drivers.list': READ,
  'drivers.get': READ,
  'drivers.create': ADMINISTER,
  'drivers.update': ADMINISTER,
  'drivers.setAvailability': OPERATE,

  'workOrders.list': READ,
  'workOrders.get': READ,
  'workOrders.create': OPERATE,
  'workOrders.update': OPERATE,
  'workOrders.cancel': OPERATE,

  'dispatch.assign': OPERATE,
  'dispatch.release': OPERATE,
  'dispatch.complete': OPERATE,
  'dispatch.candidates': READ,

  'queue.list': READ,
  'queue.fill': OPERATE,

  'driverApp.myDispatches': DRIVE,
  'driverApp.advance': DRIVE,

  'dashboard.summary': READ,

  'settings.get': READ,
  'settings.update': ADMINISTER,

  'equipment.history': READ,

  'reports.completion': READ,
  'reports.utilization': READ,

  'imports.equipment': ADMINISTER,
  'imports.drivers': ADMINISTER,

  'operations.report': ADMINISTER,
};

/** Every procedure path of the router, e.g. 'workOrders.create', read from the router itself. */
const ROUTER_PATHS = [...PROCEDURE_PATHS];
const POLICY_PATHS = Object.keys(POLICY).sort();
const ALL_PATHS = [...new Set([...ROUTER_PATHS, ...POLICY_PATHS])].sort();

function procedureType(path: string): string | undefined {
  const procedure = (appRouter._def.procedures as Record<string, unknown>)[path] as
    { _def?: { type?: string } } | undefined;
  return procedure?._def?.type;
}

function principalOf(role: TRoleName): TPrincipalName | null {
  return role === 'anonymous' ? null : role;
}

/** The caller's procedure at a dotted path, as a plain function. */
function procedureAt(caller: TCaller, path: string): (input?: unknown) => Promise<unknown> {
  let node: unknown = caller;
  for (const key of path.split('.')) node = (node as Record<string, unknown>)[key];
  return node as (input?: unknown) => Promise<unknown>;
}

type TOutcome = { ok: true } | { ok: false; code: string; reason: string | null };

async function settle(promise: Promise<unknown>): Promise<TOutcome> {
  try {
    await promise;
    return { ok: true };
  } catch (error) {
    const e = error as { code?: unknown; cause?: { code?: unknown } };
    return {
      ok: false,
      code: typeof e.code === 'string' ? e.code : `not a TRPCError: ${String(error)}`,
      reason: typeof e.cause?.code === 'string' ? e.cause.code : null,
    };
  }
}

let h: THarness;
let f: ReturnType<typeof fleet>;
let n = 0;
const unique = () => `${Date.now().toString(36)}${++n}`;

/** Ids created once for the whole matrix. */
const ids = {
  type: '',
  equipment: '',
  spareEquipment: '',
  driver: '',
  spareDriver: '',
  queuedOrder: '',
  /** The active dispatch of the `driver` principal's own driver record. */
  myDispatch: '',
  myOrder: '',
};

/**
 * A valid input for each procedure, built fresh for each call: an allowed role's call must succeed,
 * so the orders to cancel, assign, release and complete are made anew each time.
 */
const INPUTS: Readonly<Record<string, () => unknown>> = {
  'me.get': () => undefined,

  'equipmentTypes.list': () => undefined,
  'equipmentTypes.create': () => ({ name: `auth-${unique()}` }),

  'equipment.list': () => ({}),
  'equipment.get': () => ({ id: ids.equipment }),
  'equipment.create': () => ({ code: `A-${unique()}`, name: 'Matrix unit', typeId: ids.type }),
  'equipment.update': () => ({ id: ids.spareEquipment, name: `Renamed ${unique()}` }),
  'equipment.setStatus': () => ({ id: ids.spareEquipment, status: 'maintenance' }),

  'drivers.list': () => ({}),
  'drivers.get': () => ({ id: ids.driver }),
  'drivers.create': () => ({
    name: `Matrix ${unique()}`,
    phone: '+1 555 0100',
    email: `matrix-${unique()}@example.com`,
    qualificationTypeIds: [],
  }),
  'drivers.update': () => ({ id: ids.spareDriver, name: `Renamed ${unique()}` }),
  'drivers.setAvailability': () => ({ id: ids.spareDriver, status: 'off_duty' }),

  'workOrders.list': () => ({}),
  'workOrders.get': () => ({ id: ids.queuedOrder }),
  'workOrders.create': () => ({
    title: `Matrix ${unique()}`,
    siteAddress: '1 Matrix Way',
    equipmentTypeId: ids.type,
  }),
  'workOrders.update': () => ({ id: ids.queuedOrder, title: `Retitled ${unique()}` }),
  'workOrders.cancel': async () => ({
    id: (await f.order(ids.type)).id,
    reason: 'Customer called it off',
  }),

  'dispatch.assign': async () => {
    const [order, unit, driver] = await Promise.all([
      f.order(ids.type),
      f.equipment(ids.type),
      f.driver([ids.type]),
    ]);
    return { workOrderId: order.id, equipmentId: unit.id, driverId: driver.id };
  },
  'dispatch.release': async () => ({
    workOrderId: (await dispatchedOrder()).id,
    reason: 'Wrong crane sent',
  }),
  'dispatch.complete': async () => {
    const order = await dispatchedOrder();
    // Bring it on site as its driver would (by SQL: this driver has no login).
    await h.tdb.sql`update work_orders set status = 'on_site' where id = ${order.id}`;
    await h.tdb.sql`
      update dispatches set en_route_at = now(), on_site_at = now()
      where work_order_id = ${order.id} and ended_at is null`;
    return { workOrderId: order.id, note: 'Confirmed by phone' };
  },
  'dispatch.candidates': () => ({ workOrderId: ids.queuedOrder }),

  'queue.list': () => ({}),
  'queue.fill': () => undefined,

  'driverApp.myDispatches': () => undefined,
  'driverApp.advance': () => ({ dispatchId: ids.myDispatch, to: 'en_route' }),

  'dashboard.summary': () => undefined,

  'settings.get': () => undefined,
  'settings.update': () => ({ autoDispatch: false }),

  // Owned by the equipment-history work.
  'equipment.history': () => ({ id: ids.equipment }),

  // Owned by the reports work.
  'reports.completion': () => ({
    from: new Date('2026-01-01T00:00:00Z'),
    to: new Date('2026-01-08T00:00:00Z'),
    groupBy: 'day',
  }),
  'reports.utilization': () => ({
    from: new Date('2026-01-01T00:00:00Z'),
    to: new Date('2026-01-08T00:00:00Z'),
  }),

  // Owned by the CSV import work.
  'imports.equipment': () => ({ csv: 'code,name,type\n', mode: 'dry_run' }),
  'imports.drivers': () => ({ csv: 'name,phone,email,qualifications\n', mode: 'dry_run' }),

  // Owned by the operations-report work.
  'operations.report': () => undefined,
};

async function call(role: TRoleName, path: string, input?: unknown): Promise<unknown> {
  const given = input ?? (await INPUTS[path]?.());
  return procedureAt(h.as(principalOf(role)), path)(given);
}

/** A new order of the matrix's type, dispatched to a new unit and driver. */
async function dispatchedOrder() {
  const [order, unit, driver] = await Promise.all([
    f.order(ids.type),
    f.equipment(ids.type),
    f.driver([ids.type]),
  ]);
  await h.dispatcher.dispatch.assign({
    workOrderId: order.id,
    equipmentId: unit.id,
    driverId: driver.id,
  });
  return order;
}

async function activeDispatchId(workOrderId: string): Promise<string> {
  const [row] = await h.tdb.sql<{ id: string }[]>`
    select id from dispatches where work_order_id = ${workOrderId} and ended_at is null`;
  if (!row) throw new Error(`no active dispatch for ${workOrderId}`);
  return row.id;
}

beforeAll(async () => {
  h = await createHarness();
  f = fleet(h);
  await f.autoDispatch(false);

  const crane = await f.type();
  // driver2 is qualified only for a type with no equipment, so a queue fill never busies them.
  const barge = await f.type();
  ids.type = crane.id;

  const [e, spare] = await Promise.all([1, 2].map(() => f.equipment(crane.id)));
  const me = await f.linkedDriver([crane.id], 'driver');
  await f.linkedDriver([barge.id], 'driver2');
  const spareD = await f.driver([crane.id]);
  if (!e || !spare) throw new Error('fleet not built');
  Object.assign(ids, {
    equipment: e.id,
    spareEquipment: spare.id,
    driver: me.id,
    spareDriver: spareD.id,
  });

  const myOrder = await f.order(crane.id);
  await h.dispatcher.dispatch.assign({
    workOrderId: myOrder.id,
    equipmentId: e.id,
    driverId: me.id,
  });
  ids.myOrder = myOrder.id;
  ids.myDispatch = await activeDispatchId(myOrder.id);
  ids.queuedOrder = (await f.order(crane.id)).id;
});
afterAll(() => h?.destroy());

describe('the policy table', () => {
  it('names exactly the procedures of appRouter', () => {
    expect(ROUTER_PATHS.length).toBeGreaterThan(0);
    expect(
      ROUTER_PATHS.filter((p) => !(p in POLICY)),
      'procedures missing from the policy table',
    ).toEqual([]);
    expect(
      POLICY_PATHS.filter((p) => !ROUTER_PATHS.includes(p)),
      'policy rows for procedures the router does not have',
    ).toEqual([]);
    expect(Object.keys(INPUTS).sort()).toEqual(ROUTER_PATHS);
  });

  it('matches the stated policy: viewer reads, dispatcher operates, admin administers', () => {
    const allowed = (role: TRoleName) => ALL_PATHS.filter((p) => POLICY[p]?.includes(role)).sort();
    const viewer = allowed('viewer');
    const dispatcher = allowed('dispatcher');
    const admin = allowed('admin');
    // Read-only for viewers: queries only, and every non-driver query is readable by a viewer.
    for (const path of viewer) expect(procedureType(path), path).toBe('query');
    expect(dispatcher).toEqual(expect.arrayContaining(viewer));
    expect(admin).toEqual(expect.arrayContaining(dispatcher));
    expect(allowed('driver')).toEqual(['driverApp.advance', 'driverApp.myDispatches', 'me.get']);
    expect(allowed('nobody')).toEqual(['me.get']);
    expect(allowed('anonymous')).toEqual([]);
  });
});

describe('authorisation matrix', () => {
  for (const path of ALL_PATHS) {
    describe(path, () => {
      for (const role of ROLE_NAMES) {
        const allowed = POLICY[path]?.includes(role) ?? false;
        it(`${allowed ? 'lets in' : 'refuses'} ${role}`, async () => {
          expect(POLICY[path], `${path} has no row in the policy table`).toBeDefined();
          expect(ROUTER_PATHS, `${path} is not a procedure of appRouter`).toContain(path);
          expect(INPUTS[path], `${path} has no sample input`).toBeDefined();

          if (allowed) {
            // Every allowed call succeeds: a refusal of any kind (even NOT_FOUND or CONFLICT) would
            // also hide a role check that wrongly lets nobody in.
            expect(await settle(call(role, path)), `${role} on ${path}`).toEqual({ ok: true });
            return;
          }

          const input = await INPUTS[path]?.();
          const before = await countRows(h.tdb);
          const result = await settle(call(role, path, input));
          expect(result).toEqual({
            ok: false,
            code: role === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN',
            reason: null,
          });
          expect(await countRows(h.tdb)).toEqual(before);
        });
      }
    });
  }

  it('writes nothing for the whole matrix of refused calls', async () => {
    const refused = ALL_PATHS.flatMap((path) =>
      ROLE_NAMES.filter((role) => !POLICY[path]?.includes(role)).map((role) => ({ path, role })),
    );
    const mutations = refused.filter(({ path }) => procedureType(path) === 'mutation');
    expect(mutations.length).toBeGreaterThan(40);
    const inputs = await Promise.all(refused.map(({ path }) => INPUTS[path]?.()));
    const before = await countRows(h.tdb);
    const results = await Promise.all(
      refused.map(({ path, role }, i) => settle(call(role, path, inputs[i]))),
    );
    expect(
      results
        .map((result, i) => ({ ...refused[i], result }))
        .filter(
          ({ role, result }) =>
            result.ok || result.code !== (role === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN'),
        ),
    ).toEqual([]);
    expect(await countRows(h.tdb)).toEqual(before);
  });

  it('checks the role before the input, so refusals do not reveal the input schema', async () => {
    const garbage = { id: 'not-a-uuid', title: '\u0007', workOrderId: 42, autoDispatch: 'yes' };
    const before = await countRows(h.tdb);
    for (const path of ALL_PATHS) {
      for (const role of ROLE_NAMES.filter((r) => !POLICY[path]?.includes(r))) {
        expect(await rejection(call(role, path, garbage)), `${role} on ${path}`).toMatchObject({
          code: role === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN',
        });
      }
    }
    expect(await countRows(h.tdb)).toEqual(before);
  });
});

describe('drivers see and move only their own dispatches', () => {
  async function dispatchRow(id: string) {
    const [row] = await h.tdb.sql`
      select d.driver_id, d.en_route_at, d.on_site_at, d.ended_at, d.outcome, d.updated_at,
             w.status as work_order_status, w.updated_at as work_order_updated_at
      from dispatches d join work_orders w on w.id = d.work_order_id
      where d.id = ${id}`;
    return row;
  }

  it("refuses another driver's dispatch as NOT_FOUND and leaves it unchanged", async () => {
    const before = await dispatchRow(ids.myDispatch);
    const counts = await countRows(h.tdb);
    expect(before).toBeDefined();
    for (const to of ['en_route', 'on_site', 'completed'] as const) {
      expect(
        await rejection(
          h.as('driver2').driverApp.advance({ dispatchId: ids.myDispatch, to, note: 'not mine' }),
        ),
      ).toEqual({ code: 'NOT_FOUND', reason: 'DISPATCH_NOT_FOUND' });
    }
    expect(await dispatchRow(ids.myDispatch)).toEqual(before);
    expect(await countRows(h.tdb)).toEqual(counts);
  });

  it("does not show another driver's dispatch in the driver app", async () => {
    const theirs = await h.as('driver2').driverApp.myDispatches();
    expect(theirs.driver.name).toBe('Dana Driver');
    expect(theirs.current).toBeNull();
    expect(theirs.recent.map((job) => job.dispatchId)).not.toContain(ids.myDispatch);

    const mine = await h.as('driver').driverApp.myDispatches();
    expect(mine.driver.id).toBe(ids.driver);
    expect(mine.current?.dispatchId).toBe(ids.myDispatch);
    expect(mine.current?.workOrderId).toBe(ids.myOrder);
  });

  it('refuses a driver login linked to no driver record with DRIVER_NOT_LINKED', async () => {
    const unlinked: TPrincipal = {
      subject: 'user-driver-unlinked',
      name: 'Una Unlinked',
      roles: ['driver'],
    };
    const before = await countRows(h.tdb);
    const row = await dispatchRow(ids.myDispatch);
    expect(await rejection(h.as(unlinked).driverApp.myDispatches())).toEqual({
      code: 'FORBIDDEN',
      reason: 'DRIVER_NOT_LINKED',
    });
    expect(
      await rejection(
        h.as(unlinked).driverApp.advance({ dispatchId: ids.myDispatch, to: 'on_site' }),
      ),
    ).toEqual({ code: 'FORBIDDEN', reason: 'DRIVER_NOT_LINKED' });
    expect(await dispatchRow(ids.myDispatch)).toEqual(row);
    expect(await countRows(h.tdb)).toEqual(before);
    // Signed in all the same: they may ask who they are.
    expect(await h.as(unlinked).me.get()).toMatchObject({
      roles: ['driver'],
      capabilities: ['drive'],
      driverId: null,
    });
  });

  it('lets the linked driver move their own dispatch', async () => {
    const driver = h.as('driver').driverApp;
    // En route already if the matrix ran; asking again changes nothing and succeeds.
    await driver.advance({ dispatchId: ids.myDispatch, to: 'en_route' });
    const result = await driver.advance({ dispatchId: ids.myDispatch, to: 'on_site' });
    expect(result).toMatchObject({ dispatchId: ids.myDispatch, status: 'on_site', changed: true });
    expect(await driver.advance({ dispatchId: ids.myDispatch, to: 'on_site' })).toMatchObject({
      changed: false,
    });
  });
});

describe('the procedure tree', () => {
  it('lists exactly the procedures tRPC serves', () => {
    expect(PROCEDURE_PATHS).toEqual(Object.keys(appRouter._def.procedures).sort());
  });
});
