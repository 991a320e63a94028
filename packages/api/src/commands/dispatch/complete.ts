import type { TCompleteDispatch } from '@dispatch/domain';
import { defineCommand } from '../command';
import { advanceDispatch } from '../steps/advance-dispatch';

/** A dispatcher completes an on-site job for a driver who cannot (flat phone, no signal). */
export const completeDispatchCommand = defineCommand({
  name: 'dispatch.complete',
  async run(context, input: TCompleteDispatch) {
    await advanceDispatch(context, {
      workOrderId: input.workOrderId,
      to: 'completed',
      note: input.note,
    });
    return { workOrderId: input.workOrderId };
  },
});
