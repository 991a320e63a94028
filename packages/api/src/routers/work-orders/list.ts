import { schema } from '@dispatch/db';
import { ZListWorkOrdersSchema } from '@dispatch/domain';
import { and, desc, lt } from 'drizzle-orm';
import { z } from 'zod';
import { viewerProcedure } from '../../procedures';
import { decodeCursor, encodeCursor } from '../../read/cursor';
import { ZWorkOrderSummaryOutput, pageOf } from '../../read/shapes';
import { selectWorkOrders, workOrderFilterWhere } from '../../read/work-orders';

const { workOrders } = schema;

/** Newest first; filters by status, priority and type; searches reference, title and site. */
export const listWorkOrders = viewerProcedure
  .input(ZListWorkOrdersSchema)
  .output(pageOf(ZWorkOrderSummaryOutput))
  .query(async ({ ctx, input }) => {
    const after = decodeCursor(input.cursor, z.tuple([z.number().int()]));
    const rows = await selectWorkOrders(ctx.db, {
      where: and(workOrderFilterWhere(input), after ? lt(workOrders.number, after[0]) : undefined),
      orderBy: [desc(workOrders.number)],
      limit: input.limit + 1,
    });
    const page = rows.slice(0, input.limit).map(({ description: _description, ...row }) => row);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor: rows.length > input.limit && last ? encodeCursor([last.number]) : null,
    };
  });
