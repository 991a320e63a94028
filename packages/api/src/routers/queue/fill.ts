import { z } from 'zod';
import { actorOf } from '../../core/actor';
import { fillQueue } from '../../core/fill-queue';
import { mutate } from '../../core/transaction';
import { dispatcherProcedure } from '../../procedures';

/** Fills the queue now, whatever the auto-dispatch setting: the manual-control "dispatch all". */
export const fillQueueNow = dispatcherProcedure
  .output(
    z.object({
      filled: z.array(
        z.object({
          workOrderId: z.string(),
          reference: z.string(),
          dispatchId: z.string(),
          equipmentCode: z.string(),
          driverName: z.string(),
        }),
      ),
    }),
  )
  .mutation(async ({ ctx }) => {
    const actor = actorOf(ctx.principal);
    const filled = await mutate(ctx, actor, (tx) => fillQueue(tx, actor), { refill: false });
    return { filled };
  });
