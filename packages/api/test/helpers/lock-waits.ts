import type { TTestDatabase } from '@dispatch/db/testing';

type TReservedSql = Awaited<ReturnType<TTestDatabase['sql']['reserve']>>;

/** How many backends of this test database are waiting for a lock right now. */
export async function lockWaiters(tdb: TTestDatabase): Promise<number> {
  const [row] = await tdb.sql<{ n: number }[]>`
    select count(*)::int as n from pg_stat_activity
    where datname = current_database() and wait_event_type = 'Lock'`;
  return row?.n ?? 0;
}

/**
 * Waits until at least `n` backends wait for a lock, or until `settled` resolves (a call that did
 * not block at all), so a test can order concurrent transactions by their locks rather than by
 * sleeping and hoping.
 */
export async function untilLockWaiters(
  tdb: TTestDatabase,
  n: number,
  settled: Promise<unknown> = new Promise(() => undefined),
): Promise<void> {
  let done = false;
  void settled.then(
    () => (done = true),
    () => (done = true),
  );
  const deadline = Date.now() + 20_000;
  while (!done && (await lockWaiters(tdb)) < n) {
    if (Date.now() > deadline) throw new Error(`fewer than ${n} lock waiters after 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A transaction on a connection of its own that holds row locks (or an advisory lock) until
 * `release`, so the calls under test queue up behind it in a known order.
 */
export async function holdLocks(
  tdb: TTestDatabase,
  statement: (sql: TReservedSql) => Promise<unknown>,
) {
  const blocker = await tdb.sql.reserve();
  await blocker`begin`;
  await statement(blocker);
  return {
    release: async () => {
      await blocker`commit`;
      blocker.release();
    },
  };
}

/**
 * Deadlocks PostgreSQL has detected in this test database so far. Each backend reports its
 * statistics shortly after its transaction ends, so this waits a moment and reads a fresh snapshot.
 */
export async function deadlocksSoFar(tdb: TTestDatabase): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1200));
  await tdb.sql`select pg_stat_clear_snapshot()`;
  const [row] = await tdb.sql<{ n: number }[]>`
    select deadlocks::int as n from pg_stat_database where datname = current_database()`;
  return row?.n ?? 0;
}
