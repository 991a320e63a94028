import { ZImportCsvSchema } from '@dispatch/domain';
import { equipmentImport } from '../../imports/kinds';
import { ZImportReportOutput } from '../../imports/report';
import { runImport } from '../../imports/run-import';
import { adminProcedure } from '../../procedures';

/**
 * Equipment from CSV (`code,name,type[,status]`), matched by code: new codes are created, changed
 * rows updated, the rest left alone. `dry_run` reports; `commit` writes all rows or none.
 */
export const importEquipment = adminProcedure
  .input(ZImportCsvSchema)
  .output(ZImportReportOutput)
  .mutation(({ ctx, input }) => runImport(ctx, input, equipmentImport));
