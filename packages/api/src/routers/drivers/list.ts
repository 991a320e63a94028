import { schema } from '@dispatch/db';
import { ZListDriversSchema } from '@dispatch/domain';
import { and, eq, exists, ilike, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { viewerProcedure } from '../../procedures';
import { decodeCursor, encodeCursor, escapeLike } from '../../read/cursor';
import { selectDrivers } from '../../read/drivers';
import { ZDriverOutput, pageOf } from '../../read/shapes';

const { drivers, driverQualifications } = schema;

export const listDrivers = viewerProcedure
  .input(ZListDriversSchema)
  .output(pageOf(ZDriverOutput))
  .query(async ({ ctx, input }) => {
    const after = decodeCursor(input.cursor, z.tuple([z.string(), z.uuid()]));
    const search = input.search ? `%${escapeLike(input.search)}%` : null;
    const items = await selectDrivers(
      ctx.db,
      and(
        input.status ? eq(drivers.status, input.status) : undefined,
        input.qualifiedForTypeId
          ? exists(
              ctx.db
                .select({ one: sql`1` })
                .from(driverQualifications)
                .where(
                  and(
                    eq(driverQualifications.driverId, drivers.id),
                    eq(driverQualifications.equipmentTypeId, input.qualifiedForTypeId),
                  ),
                ),
            )
          : undefined,
        search
          ? or(
              ilike(drivers.name, search),
              ilike(drivers.email, search),
              ilike(drivers.phone, search),
            )
          : undefined,
        after ? sql`(${drivers.name}, ${drivers.id}) > (${after[0]}, ${after[1]})` : undefined,
      ),
      input.limit + 1,
    );
    const page = items.slice(0, input.limit);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor: items.length > input.limit && last ? encodeCursor([last.name, last.id]) : null,
    };
  });
