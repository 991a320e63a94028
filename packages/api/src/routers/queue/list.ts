import { ZListQueueSchema } from '@dispatch/domain';
import { z } from 'zod';
import { viewerProcedure } from '../../procedures';
import { ZQueueEntryOutput, selectQueue } from '../../read/queue';

export const listQueue = viewerProcedure
  .input(ZListQueueSchema)
  .output(
    z.object({ items: z.array(ZQueueEntryOutput), total: z.number(), autoDispatch: z.boolean() }),
  )
  .query(({ ctx, input }) => selectQueue(ctx.db, input.limit));
