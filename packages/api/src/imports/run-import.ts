import { MAX_IMPORT_ROWS, type TImportCsv } from '@dispatch/domain';
import type { TImportCommand } from '../commands/imports/define-import';
import { type TMutationContext, runMutation } from '../commands/run-mutation';
import { readCsv } from './read-csv';
import { reportOf, type TImportReport, type TPlanSummary } from './report';

/**
 * An import procedure's whole work. File-level problems (not CSV, wrong header, too many rows) end
 * here, before any database work. A dry run checks the file against a consistent snapshot and
 * writes nothing; a commit runs the import command.
 */
export async function runImport<TPlan extends TPlanSummary>(
  ctx: TMutationContext,
  input: TImportCsv,
  command: TImportCommand<TPlan>,
): Promise<TImportReport> {
  const { kind } = command;
  const records = readCsv(input.csv, kind.columns, MAX_IMPORT_ROWS);
  if (input.mode === 'commit') return runMutation(ctx, command, { records });
  const plan = await ctx.db.transaction((tx) => kind.plan(tx, records, { lock: false }), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
  return reportOf('dry_run', plan, false);
}
