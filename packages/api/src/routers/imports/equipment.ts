import { ZImportCsvSchema } from '@dispatch/domain';
import { importEquipmentCommand } from '../../commands/imports/equipment';
import { ZImportReportOutput } from '../../imports/report';
import { runImport } from '../../imports/run-import';
import { adminProcedure } from '../../procedures';

/** `dry_run` reports what a file would do; `commit` writes all its rows or none. */
export const importEquipment = adminProcedure
  .input(ZImportCsvSchema)
  .output(ZImportReportOutput)
  .mutation(({ ctx, input }) => runImport(ctx, input, importEquipmentCommand));
