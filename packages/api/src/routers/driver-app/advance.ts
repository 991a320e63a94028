import { WORK_ORDER_STATUSES, ZAdvanceDispatchSchema } from '@dispatch/domain';
import { z } from 'zod';
import { advanceMyDispatchCommand } from '../../commands/driver-app/advance';
import { runMutation } from '../../commands/run-mutation';
import { driverProcedure } from '../../procedures';

export const advanceMyDispatch = driverProcedure
  .input(ZAdvanceDispatchSchema)
  .output(
    z.object({
      dispatchId: z.string(),
      workOrderId: z.string(),
      status: z.enum(WORK_ORDER_STATUSES),
      changed: z.boolean(),
    }),
  )
  .mutation(({ ctx, input }) =>
    runMutation(ctx, advanceMyDispatchCommand, { ...input, driverId: ctx.driver.id }),
  );
