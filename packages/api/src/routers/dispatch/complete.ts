import { ZCompleteDispatchSchema } from '@dispatch/domain';
import { completeDispatchCommand } from '../../commands/dispatch/complete';
import { runMutation } from '../../commands/run-mutation';
import { dispatcherProcedure } from '../../procedures';
import { ZWorkOrderSummaryOutput } from '../../read/shapes';
import { workOrderSummaryOf } from '../../read/work-orders';

export const completeDispatch = dispatcherProcedure
  .input(ZCompleteDispatchSchema)
  .output(ZWorkOrderSummaryOutput)
  .mutation(({ ctx, input }) =>
    runMutation(ctx, completeDispatchCommand, input, workOrderSummaryOf),
  );
