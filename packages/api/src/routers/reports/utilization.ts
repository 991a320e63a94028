import { ZUtilizationReportSchema } from '@dispatch/domain';
import { viewerProcedure } from '../../procedures';
import { ZUtilizationReportOutput } from '../../read/reports/shapes';
import { utilizationReport } from '../../read/reports/utilization';

/** Hours assigned, in maintenance and available per unit and type; hours on dispatch per driver. */
export const reportUtilization = viewerProcedure
  .input(ZUtilizationReportSchema)
  .output(ZUtilizationReportOutput)
  .query(({ ctx, input }) => utilizationReport(ctx.db, input));
