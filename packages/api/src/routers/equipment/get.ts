import { schema } from '@dispatch/db';
import { DomainError, ZIdInputSchema } from '@dispatch/domain';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { viewerProcedure } from '../../procedures';
import { selectEquipment } from '../../read/equipment';
import { selectEvents } from '../../read/events';
import { ZEquipmentOutput, ZEventOutput } from '../../read/shapes';

export const getEquipment = viewerProcedure
  .input(ZIdInputSchema)
  .output(ZEquipmentOutput.extend({ history: z.array(ZEventOutput) }))
  .query(async ({ ctx, input }) => {
    const [item] = await selectEquipment(ctx.db, eq(schema.equipment.id, input.id), 1);
    if (!item)
      throw new DomainError('EQUIPMENT_NOT_FOUND', 'No such equipment.', { equipmentId: input.id });
    const history = await selectEvents(
      ctx.db,
      and(eq(schema.events.entityType, 'equipment'), eq(schema.events.entityId, input.id)),
      100,
    );
    return { ...item, history };
  });
