import { ZImportCsvSchema } from '@dispatch/domain';
import { driverImport } from '../../imports/kinds';
import { ZImportReportOutput } from '../../imports/report';
import { runImport } from '../../imports/run-import';
import { adminProcedure } from '../../procedures';

/**
 * Drivers from CSV (`name,phone,email,qualifications[,status]`, qualifications as type names
 * separated by `;`), matched by email. `dry_run` reports; `commit` writes all rows or none.
 */
export const importDrivers = adminProcedure
  .input(ZImportCsvSchema)
  .output(ZImportReportOutput)
  .mutation(({ ctx, input }) => runImport(ctx, input, driverImport));
