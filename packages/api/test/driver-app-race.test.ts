import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleet, rejection } from './helpers/fleet';
import { createHarness, type THarness } from './helpers/harness';

// Found by `pnpm chaos`: a driver's tap that was in flight while dispatch released the job (and
// auto-dispatch gave it straight back to the same driver) must not move the NEW dispatch.
let h: THarness;
beforeAll(async () => {
  h = await createHarness({ max: 6 });
});
afterAll(() => h.destroy());

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a stale driver tap racing a release', () => {
  it('is refused and leaves the re-issued dispatch untouched', async () => {
    const f = fleet(h);
    await f.autoDispatch(true);
    const type = await f.type();
    await f.equipment(type.id);
    await f.linkedDriver([type.id]);
    const order = await f.order(type.id);
    expect(order.status).toBe('dispatched');
    const first = order.dispatch!.id;

    // Hold the work order's row lock so the release and the tap queue up behind it, in that order.
    const blocker = await h.tdb.sql.reserve();
    await blocker`begin`;
    await blocker`select id from work_orders where id = ${order.id} for update`;
    const release = h.dispatcher.dispatch.release({
      workOrderId: order.id,
      reason: 'Swap the job over',
    });
    await pause(150);
    // Settled at once into a value, so its rejection is never "unhandled" while we wait.
    const tap = rejection(
      h.as('driver').driverApp.advance({ dispatchId: first, to: 'en_route' }),
    ).catch((error: unknown) => ({ code: 'RESOLVED', reason: String(error) }));
    await pause(150);
    await blocker`commit`;
    blocker.release();

    const released = await release;
    // Auto-dispatch gave the job straight back to the only free driver: a new dispatch.
    expect(released.status).toBe('dispatched');
    expect(released.dispatch?.id).not.toBe(first);
    expect(await tap).toEqual({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    const [second] = await h.tdb
      .sql`select en_route_at from dispatches where id = ${released.dispatch!.id}`;
    expect(second?.en_route_at).toBeNull();
    const [old] = await h.tdb.sql`select outcome, en_route_at from dispatches where id = ${first}`;
    expect(old).toEqual({ outcome: 'released', en_route_at: null });
  });
});
