import { ZAssignDispatchSchema } from '@dispatch/domain';
import { assignDispatchCommand } from '../../commands/dispatch/assign';
import { runMutation } from '../../commands/run-mutation';
import { dispatcherProcedure } from '../../procedures';
import { ZWorkOrderSummaryOutput } from '../../read/shapes';

/** Assigns equipment and a qualified driver to an order in one atomic step. */
export const assignDispatch = dispatcherProcedure
  .input(ZAssignDispatchSchema)
  .output(ZWorkOrderSummaryOutput)
  .mutation(({ ctx, input }) => runMutation(ctx, assignDispatchCommand, input));
