import { ZCancelWorkOrderSchema } from '@dispatch/domain';
import { runMutation } from '../../commands/run-mutation';
import { cancelWorkOrderCommand } from '../../commands/work-orders/cancel';
import { dispatcherProcedure } from '../../procedures';
import { ZWorkOrderSummaryOutput } from '../../read/shapes';
import { workOrderSummaryOf } from '../../read/work-orders';

export const cancelWorkOrder = dispatcherProcedure
  .input(ZCancelWorkOrderSchema)
  .output(ZWorkOrderSummaryOutput)
  .mutation(({ ctx, input }) =>
    runMutation(ctx, cancelWorkOrderCommand, input, workOrderSummaryOf),
  );
