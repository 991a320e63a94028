import { ZCompleteDispatchSchema } from '@dispatch/domain';
import { actorOf } from '../../core/actor';
import { advanceDispatchCore } from '../../core/advance-dispatch';
import { fillIfAuto, mutate } from '../../core/transaction';
import { dispatcherProcedure } from '../../procedures';
import { ZWorkOrderSummaryOutput } from '../../read/shapes';
import { selectWorkOrderSummary } from '../../read/work-orders';

/** A dispatcher completes an on-site job for a driver who cannot (flat phone, no signal). */
export const completeDispatch = dispatcherProcedure
  .input(ZCompleteDispatchSchema)
  .output(ZWorkOrderSummaryOutput)
  .mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.principal);
    return mutate(
      ctx,
      actor,
      async (tx) => {
        const result = await advanceDispatchCore(tx, actor, {
          workOrderId: input.workOrderId,
          to: 'completed',
          note: input.note,
        });
        if (result.changed) await fillIfAuto(tx, actor);
        return selectWorkOrderSummary(tx, input.workOrderId);
      },
      { refill: true },
    );
  });
