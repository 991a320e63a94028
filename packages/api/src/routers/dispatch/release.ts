import { ZReleaseDispatchSchema } from '@dispatch/domain';
import { releaseDispatchCommand } from '../../commands/dispatch/release';
import { runMutation } from '../../commands/run-mutation';
import { dispatcherProcedure } from '../../procedures';
import { ZWorkOrderSummaryOutput } from '../../read/shapes';
import { workOrderSummaryOf } from '../../read/work-orders';

export const releaseDispatch = dispatcherProcedure
  .input(ZReleaseDispatchSchema)
  .output(ZWorkOrderSummaryOutput)
  .mutation(({ ctx, input }) =>
    runMutation(ctx, releaseDispatchCommand, input, workOrderSummaryOf),
  );
