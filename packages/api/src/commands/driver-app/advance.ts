import { schema } from '@dispatch/db';
import { DomainError, type TAdvanceDispatch } from '@dispatch/domain';
import { eq } from 'drizzle-orm';
import { defineCommand } from '../command';
import { advanceDispatch } from '../steps/advance-dispatch';

/**
 * A driver moves their own job forward: en route, on site, completed (with a note). `driverId` is
 * the signed-in driver's record: another driver's job, active or ended, is reported exactly like a
 * missing one, so its existence and its order never leak.
 */
export const advanceMyDispatchCommand = defineCommand({
  name: 'driverApp.advance',
  async run(context, input: TAdvanceDispatch & { driverId: string }) {
    const [dispatch] = await context.tx
      .select({
        workOrderId: schema.dispatches.workOrderId,
        driverId: schema.dispatches.driverId,
        outcome: schema.dispatches.outcome,
      })
      .from(schema.dispatches)
      .where(eq(schema.dispatches.id, input.dispatchId));
    if (!dispatch || dispatch.driverId !== input.driverId) {
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
      throw new DomainError('INVALID_TRANSITION', `This job was ${dispatch.outcome} by dispatch.`, {
        from: dispatch.outcome,
        action: input.to,
      });
    }
    const result = await advanceDispatch(context, {
      workOrderId: dispatch.workOrderId,
      to: input.to,
      note: input.note,
      onlyDriverId: input.driverId,
      expectedDispatchId: input.dispatchId,
    });
    return { ...result, dispatchId: input.dispatchId };
  },
});
