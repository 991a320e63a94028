import { digestAllRows } from '@dispatch/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/router';
import { fleet, rejection } from './helpers/fleet';
import { createHarness, type TCaller, type THarness } from './helpers/harness';
import { principals } from './helpers/principals';

/*
 * Every change and its event commit together or not at all. A failure is injected at the very end
 * of each mutation's transaction: a deferred constraint trigger on every table a command writes
 * (all but `events`) raises at COMMIT, after every statement of the transaction has run. The call
 * must then fail and leave every row of every table as it was, events included. An event written
 * on another connection than its change (outside the transaction) would survive and fail this.
 */

const WRITTEN_TABLES = [
  'work_orders',
  'dispatches',
  'equipment',
  'equipment_types',
  'drivers',
  'driver_qualifications',
  'settings',
  'idempotency_keys',
];

let h: THarness;
let f: ReturnType<typeof fleet>;
let n = 0;
const unique = () => `${Date.now().toString(36)}${++n}`;

beforeAll(async () => {
  h = await createHarness();
  f = fleet(h);
  await f.autoDispatch(false);
  await h.tdb.sql.unsafe(`
    create function test_fail_at_commit() returns trigger language plpgsql as $$
    begin raise exception 'failure injected at commit'; end $$`);
});
afterAll(() => h.destroy());
afterEach(async () => {
  await disarm();
  await f.autoDispatch(false);
});

async function arm() {
  for (const table of WRITTEN_TABLES) {
    await h.tdb.sql.unsafe(`
      create constraint trigger test_fail_at_commit after insert or update or delete on ${table}
      deferrable initially deferred for each row execute function test_fail_at_commit()`);
  }
}
async function disarm() {
  for (const table of WRITTEN_TABLES) {
    await h.tdb.sql.unsafe(`drop trigger if exists test_fail_at_commit on ${table}`);
  }
}

/** Builds what a mutation needs and returns the call to make; each succeeds when not injected. */
const CASES: Readonly<
  Record<
    string,
    () => Promise<(as: (who: 'admin' | 'dispatcher' | 'driver') => TCaller) => Promise<unknown>>
  >
> = {
  'equipmentTypes.create': async () => (as) =>
    as('admin').equipmentTypes.create({ name: `type-${unique()}` }),
  'equipment.create': async () => {
    const type = await f.type();
    return (as) =>
      as('admin').equipment.create({ code: `AT-${unique()}`, name: 'Atomic', typeId: type.id });
  },
  'equipment.update': async () => {
    const unit = await f.equipment((await f.type()).id);
    return (as) => as('admin').equipment.update({ id: unit.id, name: 'Renamed unit' });
  },
  'equipment.setStatus': async () => {
    const unit = await f.equipment((await f.type()).id);
    return (as) => as('admin').equipment.setStatus({ id: unit.id, status: 'maintenance' });
  },
  'drivers.create': async () => (as) =>
    as('admin').drivers.create({
      name: 'Atomic Driver',
      phone: '+1 555 0100',
      email: `atomic-${unique()}@example.com`,
    }),
  'drivers.update': async () => {
    const driver = await f.driver([(await f.type()).id]);
    return (as) =>
      as('admin').drivers.update({
        id: driver.id,
        name: 'Renamed driver',
        qualificationTypeIds: [],
      });
  },
  'drivers.setAvailability': async () => {
    const driver = await f.driver([]);
    return (as) => as('dispatcher').drivers.setAvailability({ id: driver.id, status: 'off_duty' });
  },
  'workOrders.create': async () => {
    const type = await f.type();
    return (as) =>
      as('dispatcher').workOrders.create({
        title: 'Atomic order',
        siteAddress: '1 Atomic Way',
        equipmentTypeId: type.id,
        idempotencyKey: `atomic-${unique()}`,
      });
  },
  'workOrders.update': async () => {
    const order = await f.order((await f.type()).id);
    return (as) =>
      as('dispatcher').workOrders.update({ id: order.id, title: 'Retitled', priority: 'urgent' });
  },
  'workOrders.cancel': async () => {
    const { order } = await dispatched();
    return (as) => as('dispatcher').workOrders.cancel({ id: order.id, reason: 'Called off' });
  },
  'dispatch.assign': async () => {
    const type = await f.type();
    const [unit, driver, order] = await Promise.all([
      f.equipment(type.id),
      f.driver([type.id]),
      f.order(type.id),
    ]);
    return (as) =>
      as('dispatcher').dispatch.assign({
        workOrderId: order.id,
        equipmentId: unit.id,
        driverId: driver.id,
        idempotencyKey: `atomic-${unique()}`,
      });
  },
  'dispatch.release': async () => {
    const { order } = await dispatched();
    return (as) =>
      as('dispatcher').dispatch.release({
        workOrderId: order.id,
        reason: 'Broke down',
        equipmentStatus: 'maintenance',
      });
  },
  'dispatch.complete': async () => {
    const { order, dispatchId } = await dispatched(true);
    const driver = h.as('driver').driverApp;
    await driver.advance({ dispatchId, to: 'en_route' });
    await driver.advance({ dispatchId, to: 'on_site' });
    return (as) => as('dispatcher').dispatch.complete({ workOrderId: order.id, note: 'Done' });
  },
  'queue.fill': async () => {
    const type = await f.type();
    await Promise.all([f.equipment(type.id), f.driver([type.id]), f.order(type.id)]);
    return (as) => as('dispatcher').queue.fill();
  },
  'driverApp.advance': async () => {
    const { dispatchId } = await dispatched(true);
    return (as) => as('driver').driverApp.advance({ dispatchId, to: 'en_route' });
  },
  'settings.update': async () => (as) => as('admin').settings.update({ autoDispatch: true }),
  'imports.equipment': async () => {
    const type = await f.type();
    return (as) =>
      as('admin').imports.equipment({
        csv: `code,name,type\nIMP-${unique()},Imported,${type.name}\n`,
        mode: 'commit',
      });
  },
  'imports.drivers': async () => {
    const type = await f.type();
    return (as) =>
      as('admin').imports.drivers({
        csv: `name,phone,email,qualifications\nIm Ported,+1 555 0101,imp-${unique()}@example.com,${type.name}\n`,
        mode: 'commit',
      });
  },
};

/** An order dispatched to a fresh unit and driver (the `driver` principal's own, if asked). */
async function dispatched(toLinkedDriver = false) {
  const type = await f.type();
  const unit = await f.equipment(type.id);
  const driver = toLinkedDriver ? await linkedDriver(type.id) : await f.driver([type.id]);
  const order = await f.order(type.id);
  const assigned = await h.dispatcher.dispatch.assign({
    workOrderId: order.id,
    equipmentId: unit.id,
    driverId: driver.id,
  });
  return { order, dispatchId: assigned.dispatch?.id ?? '' };
}

/** The `driver` principal's record, made once and given each new type's qualification. */
let linked: { id: string; types: string[] } | null = null;
async function linkedDriver(typeId: string) {
  if (!linked) linked = { id: (await f.linkedDriver([])).id, types: [] };
  linked.types.push(typeId);
  await h.admin.drivers.update({ id: linked.id, qualificationTypeIds: linked.types });
  // Free again if an earlier case left the driver on a job.
  await h.tdb.sql`
    update work_orders set status = 'cancelled', cancelled_at = now(), cancel_reason = 'cleanup'
    where id in (select work_order_id from dispatches where driver_id = ${linked.id} and ended_at is null)`;
  await h.tdb.sql`
    update dispatches set ended_at = now(), outcome = 'cancelled'
    where driver_id = ${linked.id} and ended_at is null`;
  await h.tdb.sql`update drivers set status = 'available' where id = ${linked.id}`;
  return { id: linked.id, name: principals.driver.name };
}

const MUTATIONS = Object.entries(appRouter._def.procedures)
  .filter(
    ([, procedure]) =>
      (procedure as unknown as { _def: { type: string } })._def.type === 'mutation',
  )
  .map(([path]) => path)
  .sort();

describe('a failure at commit leaves no change and no event', () => {
  it('has a case for every mutation of the router', () => {
    expect(Object.keys(CASES).sort()).toEqual(MUTATIONS);
  });

  for (const path of MUTATIONS) {
    it(path, async () => {
      const prepare = CASES[path];
      if (!prepare) throw new Error(`no case for ${path}`);
      const call = await prepare();
      const before = await digestAllRows(h.tdb.sql);
      await arm();
      expect(await rejection(call((who) => h.as(who)))).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        reason: null,
      });
      await disarm();
      expect(await digestAllRows(h.tdb.sql)).toEqual(before);
      // The same call, not injected, succeeds: the case does exercise a real change.
      const after = await call((who) => h.as(who));
      expect(after).toBeDefined();
      expect(await digestAllRows(h.tdb.sql)).not.toEqual(before);
    });
  }
});
