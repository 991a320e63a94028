import { schema } from '@dispatch/db';
import { ZListWorkOrdersSchema } from '@dispatch/domain';
import { and, desc, eq, ilike, inArray, lt, or } from 'drizzle-orm';
import { z } from 'zod';
import { viewerProcedure } from '../../procedures';
import { decodeCursor, encodeCursor, escapeLike } from '../../read/cursor';
import { ZWorkOrderSummaryOutput, pageOf } from '../../read/shapes';
import { selectWorkOrders } from '../../read/work-orders';

const { workOrders } = schema;

/** Newest first; filters by status, priority and type; searches reference, title and site. */
export const listWorkOrders = viewerProcedure
  .input(ZListWorkOrdersSchema)
  .output(pageOf(ZWorkOrderSummaryOutput))
  .query(async ({ ctx, input }) => {
    const after = decodeCursor(input.cursor, z.tuple([z.number().int()]));
    const search = input.search ? `%${escapeLike(input.search)}%` : null;
    const rows = await selectWorkOrders(ctx.db, {
      where: and(
        input.statuses?.length ? inArray(workOrders.status, input.statuses) : undefined,
        input.priorities?.length ? inArray(workOrders.priority, input.priorities) : undefined,
        input.equipmentTypeId ? eq(workOrders.equipmentTypeId, input.equipmentTypeId) : undefined,
        search
          ? or(
              ilike(workOrders.reference, search),
              ilike(workOrders.title, search),
              ilike(workOrders.siteAddress, search),
            )
          : undefined,
        after ? lt(workOrders.number, after[0]) : undefined,
      ),
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
