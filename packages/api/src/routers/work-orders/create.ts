import { ZCreateWorkOrderSchema } from '@dispatch/domain';
import { runMutation } from '../../commands/run-mutation';
import { createWorkOrderCommand } from '../../commands/work-orders/create';
import { dispatcherProcedure } from '../../procedures';
import { ZWorkOrderSummaryOutput } from '../../read/shapes';
import { workOrderSummaryOf } from '../../read/work-orders';

export const createWorkOrder = dispatcherProcedure
  .input(ZCreateWorkOrderSchema)
  .output(ZWorkOrderSummaryOutput)
  .mutation(({ ctx, input }) =>
    runMutation(ctx, createWorkOrderCommand, input, workOrderSummaryOf),
  );
