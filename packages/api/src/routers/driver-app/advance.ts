import { schema } from '@dispatch/db';
import { DomainError, WORK_ORDER_STATUSES, ZAdvanceDispatchSchema } from '@dispatch/domain';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { actorOf } from '../../core/actor';
import { advanceDispatchCore } from '../../core/advance-dispatch';
import { fillIfAuto, mutate } from '../../core/transaction';
import { driverProcedure } from '../../procedures';

/** A driver moves their own job forward: en route, on site, completed (with a note). */
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
  .mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.principal);
    return mutate(
      ctx,
      actor,
      async (tx) => {
        const [dispatch] = await tx
          .select({
            workOrderId: schema.dispatches.workOrderId,
            driverId: schema.dispatches.driverId,
            outcome: schema.dispatches.outcome,
          })
          .from(schema.dispatches)
          .where(eq(schema.dispatches.id, input.dispatchId));
        // Someone else's dispatch is reported exactly like a missing one: no existence leak.
        if (!dispatch || dispatch.driverId !== ctx.driver.id) {
          throw new DomainError('DISPATCH_NOT_FOUND', 'No such job.', {
            dispatchId: input.dispatchId,
          });
        }
        if (dispatch.outcome === 'completed' && input.to === 'completed') {
          return {
            dispatchId: input.dispatchId,
            workOrderId: dispatch.workOrderId,
            status: 'completed' as const,
            changed: false,
          };
        }
        if (dispatch.outcome) {
          throw new DomainError(
            'INVALID_TRANSITION',
            `This job was ${dispatch.outcome} by dispatch.`,
            {
              from: dispatch.outcome,
              action: input.to,
            },
          );
        }
        const result = await advanceDispatchCore(tx, actor, {
          workOrderId: dispatch.workOrderId,
          to: input.to,
          note: input.note,
          onlyDriverId: ctx.driver.id,
          expectedDispatchId: input.dispatchId,
        });
        if (result.changed && result.status === 'completed') await fillIfAuto(tx, actor);
        return { ...result, dispatchId: input.dispatchId };
      },
      { refill: input.to === 'completed' },
    );
  });
