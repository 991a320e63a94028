import { ZCompletionReportSchema } from '@dispatch/domain';
import { viewerProcedure } from '../../procedures';
import { completionReport } from '../../read/reports/completion';
import { ZCompletionReportOutput } from '../../read/reports/shapes';

/** Orders created, dispatched, completed and cancelled per day or week and priority. */
export const reportCompletion = viewerProcedure
  .input(ZCompletionReportSchema)
  .output(ZCompletionReportOutput)
  .query(({ ctx, input }) => completionReport(ctx.db, input));
