import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type THarness } from './helpers/harness';
import { holdLocks, untilLockWaiters } from './helpers/lock-waits';

/**
 * A database restart or failover terminates the backends under running statements. A read that
 * met a dropped connection runs once more on a fresh one; a mutation does not (its caller retries
 * with the same idempotency key), and it leaves nothing behind.
 */
let h: THarness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.destroy();
});

/** Blocks `call` on a table lock, terminates the backend that runs it, then lets go. */
async function terminatedMidStatement<T>(call: () => Promise<T>): Promise<PromiseSettledResult<T>> {
  const blocker = await holdLocks(
    h.tdb,
    (sql) => sql`lock table equipment_types in access exclusive mode`,
  );
  const settled = Promise.allSettled([call()]).then(([result]) => result!);
  await untilLockWaiters(h.tdb, 1, settled);
  const [terminated] = await h.tdb.sql<{ n: number }[]>`
    select count(*)::int as n from (
      select pg_terminate_backend(pid) from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'
    ) as killed`;
  expect(terminated?.n).toBe(1);
  await blocker.release();
  return settled;
}

describe('a lost database connection', () => {
  it('is retried once for a read, which then answers', async () => {
    await h.admin.equipmentTypes.create({ name: 'survives-a-restart' });
    for (let round = 0; round < 3; round++) {
      const result = await terminatedMidStatement(() => h.viewer.equipmentTypes.list());
      expect(result.status).toBe('fulfilled');
      if (result.status === 'fulfilled') {
        expect(result.value.map((type) => type.name)).toContain('survives-a-restart');
      }
    }
  });

  it('fails a mutation without retrying it, and nothing is written', async () => {
    const result = await terminatedMidStatement(() =>
      h.admin.equipmentTypes.create({ name: 'never-written' }),
    );
    expect(result.status).toBe('rejected');
    if (result.status === 'rejected') {
      expect(result.reason).toBeInstanceOf(TRPCError);
      expect((result.reason as TRPCError).code).toBe('INTERNAL_SERVER_ERROR');
    }
    const names = (await h.viewer.equipmentTypes.list()).map((type) => type.name);
    expect(names).not.toContain('never-written');
  });
});
