import { ZNoInputSchema } from '@dispatch/domain';
import { z } from 'zod';
import { fillQueueCommand } from '../../commands/queue/fill';
import { runMutation } from '../../commands/run-mutation';
import { dispatcherProcedure } from '../../procedures';

const ZFilledOutput = z.object({
  workOrderId: z.string(),
  reference: z.string(),
  dispatchId: z.string(),
  equipmentCode: z.string(),
  driverName: z.string(),
});

/** Fills the queue now, whatever the auto-dispatch setting: the manual-control "dispatch all". */
export const fillQueueNow = dispatcherProcedure
  .input(ZNoInputSchema)
  .output(z.object({ filled: z.array(ZFilledOutput) }))
  .mutation(({ ctx }) => runMutation(ctx, fillQueueCommand, {}));
