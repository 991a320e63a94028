import { ZImportCsvSchema } from '@dispatch/domain';
import { importDriversCommand } from '../../commands/imports/drivers';
import { ZImportReportOutput } from '../../imports/report';
import { runImport } from '../../imports/run-import';
import { adminProcedure } from '../../procedures';

/** `dry_run` reports what a file would do; `commit` writes all its rows or none. */
export const importDrivers = adminProcedure
  .input(ZImportCsvSchema)
  .output(ZImportReportOutput)
  .mutation(({ ctx, input }) => runImport(ctx, input, importDriversCommand));
