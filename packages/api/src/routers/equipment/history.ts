import { schema } from '@dispatch/db';
import { DomainError, ZEquipmentHistorySchema } from '@dispatch/domain';
import { eq } from 'drizzle-orm';
import { viewerProcedure } from '../../procedures';
import { decodeCursor, encodeCursor } from '../../read/cursor';
import { selectEquipment } from '../../read/equipment';
import {
  ZEquipmentHistoryItem,
  ZHistoryCursor,
  mergeHistoryPage,
  selectEquipmentDispatches,
  selectEquipmentEvents,
} from '../../read/equipment-history';
import { ZEquipmentOutput, pageOf } from '../../read/shapes';

/**
 * One unit and its timeline, newest first: its dispatches (order, driver, stage times, outcome)
 * merged with the events recorded against it (created, edited, status changes). The work order's
 * own stage events are not repeated: the dispatch row already carries every stage's time, its note
 * and its reason. Three queries per page whatever its size.
 */
export const equipmentHistory = viewerProcedure
  .input(ZEquipmentHistorySchema)
  .output(pageOf(ZEquipmentHistoryItem).extend({ unit: ZEquipmentOutput }))
  .query(async ({ ctx, input }) => {
    const cursor = decodeCursor(input.cursor, ZHistoryCursor);
    const [[unit], dispatchRows, eventRows] = await Promise.all([
      selectEquipment(ctx.db, eq(schema.equipment.id, input.id), 1),
      selectEquipmentDispatches(ctx.db, input.id, cursor, input.limit + 1),
      selectEquipmentEvents(ctx.db, input.id, cursor, input.limit + 1),
    ]);
    if (!unit)
      throw new DomainError('EQUIPMENT_NOT_FOUND', 'No such equipment.', { equipmentId: input.id });
    const page = mergeHistoryPage([dispatchRows, eventRows], input.limit);
    return {
      unit,
      items: page.items,
      nextCursor: page.nextCursor ? encodeCursor(page.nextCursor) : null,
    };
  });
