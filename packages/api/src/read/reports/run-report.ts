import type { Executor } from '@dispatch/db';
import { type SQL, sql } from 'drizzle-orm';

/**
 * Runs one report statement and returns its rows. The pool prepares statements (see
 * packages/db/src/prepared-statements.ts), and after five runs PostgreSQL may switch a prepared
 * statement to a generic plan, made without knowing the window: on the one-year dataset of
 * apps/perf `bench:reports` that plan took 1.7 times the CPU of the custom one for a year's
 * completion report. `plan_cache_mode` keeps the plans custom; `set local` needs a transaction (a savepoint when `db` is one already, in which
 * case the setting lasts until that transaction ends: it only affects planning).
 */
export function runReport<TRow>(db: Executor, query: SQL): Promise<TRow[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local plan_cache_mode = force_custom_plan`);
    return (await tx.execute(query)) as unknown as TRow[];
  });
}
