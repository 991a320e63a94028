import { ZUpdateWorkOrderSchema } from '@dispatch/domain';
import { runMutation } from '../../commands/run-mutation';
import { updateWorkOrderCommand } from '../../commands/work-orders/update';
import { dispatcherProcedure } from '../../procedures';
import { ZWorkOrderSummaryOutput } from '../../read/shapes';
import { workOrderSummaryOf } from '../../read/work-orders';

export const updateWorkOrder = dispatcherProcedure
  .input(ZUpdateWorkOrderSchema)
  .output(ZWorkOrderSummaryOutput)
  .mutation(({ ctx, input }) =>
    runMutation(ctx, updateWorkOrderCommand, input, workOrderSummaryOf),
  );
