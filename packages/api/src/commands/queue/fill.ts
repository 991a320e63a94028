import { defineCommand } from '../command';
import { fillQueue } from '../steps/fill-queue';

/** Fills the queue now, whatever the auto-dispatch setting: the manual-control "dispatch all". */
export const fillQueueCommand = defineCommand({
  name: 'queue.fill',
  async run(context, _input: Record<string, never>) {
    return { filled: await fillQueue(context) };
  },
});
