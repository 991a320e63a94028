import type { fleet } from './fleet';
import type { TCaller, THarness } from './harness';
import { principals } from './principals';

type TWho = 'admin' | 'dispatcher' | 'driver';
/** A prepared call: made with the callers the test gives it. */
export type TPreparedCall = (as: (who: TWho) => TCaller) => Promise<unknown>;

/**
 * One case per mutation procedure of the router: each builds what its call needs and returns the
 * call, which succeeds and changes something. Shared by the tests that must cover every mutation
 * (atomicity, the event catalogue); a mutation added to the router without a case fails them.
 */
export function mutationCases(h: THarness, f: ReturnType<typeof fleet>) {
  let n = 0;
  const unique = () => `${Date.now().toString(36)}${++n}`;
  const cases: Readonly<Record<string, () => Promise<TPreparedCall>>> = {
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
      return (as) =>
        as('dispatcher').drivers.setAvailability({ id: driver.id, status: 'off_duty' });
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

  return cases;
}
