import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FILL_LOCK_KEY } from '../src/commands/steps/fill-queue';
import { fleet, rejection } from './helpers/fleet';
import { createHarness, type THarness } from './helpers/harness';
import { CONSISTENT, findInconsistencies } from './helpers/invariants';
import { deadlocksSoFar, holdLocks, untilLockWaiters } from './helpers/lock-waits';

/*
 * Each guarantee of the locking scheme (docs/architecture.md, "Invariants") forced in a known order:
 * a blocker transaction holds the one row (or advisory) lock the calls share, the calls queue up
 * behind it (counted in pg_stat_activity, not guessed with sleeps), then the blocker lets go. Each
 * test fails if the lock it is about is dropped or taken in the wrong order: the losers would then
 * be stopped by the unique-index backstop (CONCURRENT_CONFLICT), a deadlock, or not at all.
 */

let h: THarness;
let f: ReturnType<typeof fleet>;
beforeAll(async () => {
  // A short deadlock_timeout makes PostgreSQL look for a cycle after 20 ms instead of 1 s.
  h = await createHarness({ max: 20, settings: { deadlock_timeout: '20ms' } });
  f = fleet(h);
});
afterAll(() => h.destroy());
beforeEach(() => f.autoDispatch(false));

type TOutcome = { ok: true } | { ok: false; code: string; reason: string | null };
/** A call's outcome as a value, taken at once so a rejection is never "unhandled" while we wait. */
function outcome(call: Promise<unknown>): Promise<TOutcome> {
  return call.then(
    () => ({ ok: true }) as const,
    (error: unknown) =>
      rejection(Promise.reject(error)).then((r) => ({ ok: false, ...r }) as const),
  );
}

describe('the assignment locks its driver', () => {
  it('five assigns sharing only a driver: one wins, four are told the driver is taken', async () => {
    const type = await f.type();
    const units = await Promise.all([1, 2, 3, 4, 5].map(() => f.equipment(type.id)));
    const orders = await Promise.all([1, 2, 3, 4, 5].map(() => f.order(type.id)));
    const driver = await f.driver([type.id]);
    const blocker = await holdLocks(
      h.tdb,
      (s) => s`select 1 from drivers where id = ${driver.id} for update`,
    );
    const calls = orders.map((order, i) =>
      outcome(
        h.dispatcher.dispatch.assign({
          workOrderId: order.id,
          equipmentId: units[i]!.id,
          driverId: driver.id,
        }),
      ),
    );
    await untilLockWaiters(h.tdb, 5);
    await blocker.release();
    const results = await Promise.all(calls);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(
      Array.from({ length: 4 }, () => ({
        ok: false,
        code: 'CONFLICT',
        reason: 'DRIVER_NOT_AVAILABLE',
      })),
    );
    expect(await findInconsistencies(h.tdb)).toEqual(CONSISTENT);
  });
});

describe('the assignment locks its work order', () => {
  it('five assigns sharing only a work order: one wins, four are told it is dispatched', async () => {
    const type = await f.type();
    const units = await Promise.all([1, 2, 3, 4, 5].map(() => f.equipment(type.id)));
    const drivers = await Promise.all([1, 2, 3, 4, 5].map(() => f.driver([type.id])));
    const order = await f.order(type.id);
    const blocker = await holdLocks(
      h.tdb,
      (s) => s`select 1 from work_orders where id = ${order.id} for update`,
    );
    const calls = units.map((unit, i) =>
      outcome(
        h.dispatcher.dispatch.assign({
          workOrderId: order.id,
          equipmentId: unit.id,
          driverId: drivers[i]!.id,
        }),
      ),
    );
    await untilLockWaiters(h.tdb, 5);
    await blocker.release();
    const results = await Promise.all(calls);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(
      Array.from({ length: 4 }, () => ({
        ok: false,
        code: 'CONFLICT',
        reason: 'INVALID_TRANSITION',
      })),
    );
    expect(await findInconsistencies(h.tdb)).toEqual(CONSISTENT);
  });

  /** A queued order with a free unit and driver, and a blocker on the driver: the assignment's last lock. */
  async function assignmentHeldAtItsDriver() {
    const type = await f.type();
    const unit = await f.equipment(type.id);
    const driver = await f.driver([type.id]);
    const order = await f.order(type.id);
    const blocker = await holdLocks(
      h.tdb,
      (s) => s`select 1 from drivers where id = ${driver.id} for update`,
    );
    const assign = outcome(
      h.dispatcher.dispatch.assign({
        workOrderId: order.id,
        equipmentId: unit.id,
        driverId: driver.id,
      }),
    );
    // The assignment now holds the work order and the unit, and waits for the driver.
    await untilLockWaiters(h.tdb, 1);
    return { type, unit, driver, order, blocker, assign };
  }

  it('a cancel arriving mid-assignment waits for it, then cancels the dispatched order', async () => {
    const { order, unit, driver, blocker, assign } = await assignmentHeldAtItsDriver();
    const cancel = outcome(h.dispatcher.workOrders.cancel({ id: order.id, reason: 'Called off' }));
    // The cancel queues behind the assignment's lock on the order (unless it did not have one).
    await untilLockWaiters(h.tdb, 2, cancel);
    await blocker.release();
    expect(await assign).toEqual({ ok: true });
    expect(await cancel).toEqual({ ok: true });
    const after = await h.viewer.workOrders.get({ id: order.id });
    expect(after.status).toBe('cancelled');
    expect(after.dispatch).toBeNull();
    expect(after.dispatches.map((d) => d.outcome)).toEqual(['cancelled']);
    expect(after.timeline.map((e) => e.action).slice(-2)).toEqual(['assigned', 'cancelled']);
    expect((await h.viewer.equipment.get({ id: unit.id })).status).toBe('available');
    expect((await h.viewer.drivers.get({ id: driver.id })).status).toBe('available');
    expect(await findInconsistencies(h.tdb)).toEqual(CONSISTENT);
  });

  it("an edit of the order's equipment type arriving mid-assignment waits, then is refused", async () => {
    const { order, type, blocker, assign } = await assignmentHeldAtItsDriver();
    const other = await f.type();
    const edit = outcome(
      h.dispatcher.workOrders.update({ id: order.id, equipmentTypeId: other.id }),
    );
    await untilLockWaiters(h.tdb, 2, edit);
    await blocker.release();
    expect(await assign).toEqual({ ok: true });
    expect(await edit).toEqual({ ok: false, code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    const after = await h.viewer.workOrders.get({ id: order.id });
    expect(after).toMatchObject({ status: 'dispatched', equipmentTypeId: type.id });
    expect(await findInconsistencies(h.tdb)).toEqual(CONSISTENT);
  });
});

describe('lock order and SKIP LOCKED keep deadlocks away', () => {
  it('a release and an assignment of the pair it frees both succeed, without a deadlock', async () => {
    // Release locks order, dispatch, unit, driver; the assignment locks order, unit, driver. If
    // ending a dispatch took the driver before the unit, the two would wait on each other.
    const type = await f.type();
    const unit = await f.equipment(type.id);
    const driver = await f.driver([type.id]);
    const running = await f.order(type.id);
    await h.dispatcher.dispatch.assign({
      workOrderId: running.id,
      equipmentId: unit.id,
      driverId: driver.id,
    });
    const next = await f.order(type.id);
    const before = await deadlocksSoFar(h.tdb);

    const blocker = await holdLocks(
      h.tdb,
      (s) => s`select 1 from drivers where id = ${driver.id} for update`,
    );
    const release = outcome(
      h.dispatcher.dispatch.release({ workOrderId: running.id, reason: 'Swap over' }),
    );
    await untilLockWaiters(h.tdb, 1);
    const assign = outcome(
      h.dispatcher.dispatch.assign({
        workOrderId: next.id,
        equipmentId: unit.id,
        driverId: driver.id,
      }),
    );
    await untilLockWaiters(h.tdb, 2, assign);
    await blocker.release();

    expect(await release).toEqual({ ok: true });
    expect(await assign).toEqual({ ok: true });
    expect((await h.viewer.workOrders.get({ id: next.id })).status).toBe('dispatched');
    expect(await deadlocksSoFar(h.tdb)).toBe(before);
    expect(await findInconsistencies(h.tdb)).toEqual(CONSISTENT);
  });

  it('two edits that each fill the queue inside their transaction do not deadlock', async () => {
    // Each edit locks its own queued order, then fills the queue (advisory lock, then the queue
    // head). A fill that waited for the other edit's order, instead of skipping it, would close a
    // cycle: one holds the advisory lock and waits for a row, the other holds the row and waits
    // for the advisory lock.
    await f.autoDispatch(true);
    const first = await f.order((await f.type()).id, { priority: 'low' });
    const second = await f.order((await f.type()).id, { priority: 'low' });
    expect([first.status, second.status]).toEqual(['queued', 'queued']);
    const before = await deadlocksSoFar(h.tdb);

    const blocker = await holdLocks(
      h.tdb,
      (s) => s`select pg_advisory_xact_lock(${FILL_LOCK_KEY})`,
    );
    const edits = [first, second].map((order) =>
      outcome(h.dispatcher.workOrders.update({ id: order.id, priority: 'urgent' })),
    );
    await untilLockWaiters(h.tdb, 2);
    await blocker.release();

    expect(await Promise.all(edits)).toEqual([{ ok: true }, { ok: true }]);
    expect(await deadlocksSoFar(h.tdb)).toBe(before);
  });
});
