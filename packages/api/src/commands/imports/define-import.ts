import type { Executor } from '@dispatch/db';
import { sql } from 'drizzle-orm';
import type { TCsvRecord, TImportColumns } from '../../imports/read-csv';
import { type TImportReport, type TPlanSummary, reportOf } from '../../imports/report';
import { type TCommand, type TCommandContext, defineCommand } from '../command';

/** One kind of import: its columns, how it checks rows, and how it writes a valid plan. */
export interface TImportKind<TPlan extends TPlanSummary> {
  /** The procedure path, e.g. `imports.equipment`. */
  name: string;
  columns: TImportColumns;
  /** Names this kind among advisory locks (any constant distinct from the others works). */
  lockKey: number;
  plan: (
    db: Executor,
    records: readonly TCsvRecord[],
    options: { lock: boolean },
  ) => Promise<TPlan>;
  /** Writes every row of a fully valid plan by running the entity's own commands. */
  apply: (context: TCommandContext, plan: TPlan) => Promise<void>;
}

/**
 * The commit of an import file, as one command. It checks the file again inside its transaction
 * (the file or the data may have changed since a dry run) and writes every row or, if any row is
 * rejected, none.
 *
 * Commits of the same kind take a transaction-scoped advisory lock before they read, so imports run
 * one after another: two files that both add driver ann@example.com (emails have no unique index)
 * cannot both create her; the second sees the first's rows and updates or leaves them. The plan
 * then locks the existing rows it matched (FOR UPDATE, id order); each row is written by the same
 * command the app uses, so an imported change obeys exactly the app's rules and writes its events.
 */
export function defineImportCommand<TPlan extends TPlanSummary>(
  kind: TImportKind<TPlan>,
): TImportCommand<TPlan> {
  const command = defineCommand({
    name: kind.name,
    async run(context, input: { records: readonly TCsvRecord[] }) {
      await context.tx.execute(sql`select pg_advisory_xact_lock(${kind.lockKey})`);
      const plan = await kind.plan(context.tx, input.records, { lock: true });
      if (plan.rejected.length > 0) return reportOf('commit', plan, false);
      await kind.apply(context, plan);
      return reportOf('commit', plan, true);
    },
  });
  return { ...command, kind };
}

/** An import's commit command, with its kind (columns and plan) for the dry run. */
export type TImportCommand<TPlan extends TPlanSummary> = TCommand<
  { records: readonly TCsvRecord[] },
  TImportReport
> & { kind: TImportKind<TPlan> };
