import { schema } from '@dispatch/db';
import { ZListEquipmentSchema } from '@dispatch/domain';
import { and, eq, gt, ilike, or } from 'drizzle-orm';
import { z } from 'zod';
import { viewerProcedure } from '../../procedures';
import { decodeCursor, encodeCursor, escapeLike } from '../../read/cursor';
import { selectEquipment } from '../../read/equipment';
import { ZEquipmentOutput, pageOf } from '../../read/shapes';

const { equipment } = schema;

export const listEquipment = viewerProcedure
  .input(ZListEquipmentSchema)
  .output(pageOf(ZEquipmentOutput))
  .query(async ({ ctx, input }) => {
    const after = decodeCursor(input.cursor, z.tuple([z.string()]));
    const search = input.search ? `%${escapeLike(input.search)}%` : null;
    const items = await selectEquipment(
      ctx.db,
      and(
        input.status ? eq(equipment.status, input.status) : undefined,
        input.typeId ? eq(equipment.typeId, input.typeId) : undefined,
        search ? or(ilike(equipment.code, search), ilike(equipment.name, search)) : undefined,
        after ? gt(equipment.code, after[0]) : undefined,
      ),
      input.limit + 1,
    );
    const page = items.slice(0, input.limit);
    const last = page.at(-1);
    return {
      items: page,
      nextCursor: items.length > input.limit && last ? encodeCursor([last.code]) : null,
    };
  });
