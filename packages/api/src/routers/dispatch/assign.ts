import { ZAssignDispatchSchema } from '@dispatch/domain';
import { actorOf } from '../../core/actor';
import { assignDispatchCore } from '../../core/assign-dispatch';
import { withIdempotency } from '../../core/idempotency';
import { mutate } from '../../core/transaction';
import { dispatcherProcedure } from '../../procedures';
import { ZWorkOrderSummaryOutput } from '../../read/shapes';

/** Assigns equipment and a qualified driver to an order in one atomic step. */
export const assignDispatch = dispatcherProcedure
  .input(ZAssignDispatchSchema)
  .output(ZWorkOrderSummaryOutput)
  .mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.principal);
    const { idempotencyKey, ...fields } = input;
    return mutate(
      ctx,
      actor,
      (tx) =>
        withIdempotency(
          tx,
          {
            subject: actor.subject,
            operation: 'dispatch.assign',
            key: idempotencyKey,
            input: fields,
          },
          () => assignDispatchCore(tx, actor, fields),
        ),
      { refill: false },
    );
  });
