import type { Executor, Transaction } from '@dispatch/db';
import { MAX_IMPORT_ROWS, type TImportCsv, type TPrincipal } from '@dispatch/domain';
import { sql } from 'drizzle-orm';
import type { TContext } from '../context';
import { actorOf, type TActor } from '../core/actor';
import { fillIfAuto, mutate } from '../core/transaction';
import { readCsv, type TCsvRecord, type TImportColumns } from './read-csv';
import { reportOf, type TImportReport, type TPlanSummary } from './report';

/** One kind of import: its columns, how it checks rows, how it writes them. */
export interface TImportKind<TPlan extends TPlanSummary> {
  columns: TImportColumns;
  /** Names this kind among advisory locks (any constant distinct from the others works). */
  lockKey: number;
  plan: (
    db: Executor,
    records: readonly TCsvRecord[],
    options: { lock: boolean },
  ) => Promise<TPlan>;
  apply: (tx: Transaction, actor: TActor, plan: TPlan) => Promise<void>;
}

/**
 * A dry run checks the file against a consistent snapshot and writes nothing. A commit checks it
 * again inside its own transaction (the file or the data may have changed since the dry run) and
 * writes every row or, if any row is rejected, none.
 *
 * Commits of the same kind take a transaction-scoped advisory lock before they read, so imports run
 * one after another: two files that both add driver ann@example.com (emails have no unique index)
 * cannot both create her; the second sees the first's rows and updates or leaves them. The import
 * then locks the existing rows it matched (FOR UPDATE, id order); the queue fill it triggers only
 * ever skips locked rows, so the lock order of core/locks.ts is kept.
 */
export async function runImport<TPlan extends TPlanSummary>(
  ctx: Pick<TContext, 'db' | 'log'> & { principal: TPrincipal },
  input: TImportCsv,
  kind: TImportKind<TPlan>,
): Promise<TImportReport> {
  // File-level problems (not CSV, wrong header, too many rows) end here, before any database work.
  const records = readCsv(input.csv, kind.columns, MAX_IMPORT_ROWS);
  if (input.mode === 'dry_run') {
    const plan = await ctx.db.transaction((tx) => kind.plan(tx, records, { lock: false }), {
      isolationLevel: 'repeatable read',
      accessMode: 'read only',
    });
    return reportOf('dry_run', plan, false);
  }
  const actor = actorOf(ctx.principal);
  return mutate(
    ctx,
    actor,
    async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${kind.lockKey})`);
      const plan = await kind.plan(tx, records, { lock: true });
      if (plan.rejected.length > 0) return reportOf('commit', plan, false);
      await kind.apply(tx, actor, plan);
      // New or newly available units and drivers may serve waiting orders.
      if (plan.creates.length + plan.updates.length > 0) await fillIfAuto(tx, actor);
      return reportOf('commit', plan, true);
    },
    { refill: true },
  );
}
