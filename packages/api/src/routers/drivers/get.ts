import { schema } from '@dispatch/db';
import { DomainError, ZIdInputSchema } from '@dispatch/domain';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { viewerProcedure } from '../../procedures';
import { selectDrivers } from '../../read/drivers';
import { selectEvents } from '../../read/events';
import { ZDriverOutput, ZEventOutput } from '../../read/shapes';

export const getDriver = viewerProcedure
  .input(ZIdInputSchema)
  .output(ZDriverOutput.extend({ history: z.array(ZEventOutput) }))
  .query(async ({ ctx, input }) => {
    const [driver] = await selectDrivers(ctx.db, eq(schema.drivers.id, input.id), 1);
    if (!driver)
      throw new DomainError('DRIVER_NOT_FOUND', 'No such driver.', { driverId: input.id });
    const history = await selectEvents(
      ctx.db,
      and(eq(schema.events.entityType, 'driver'), eq(schema.events.entityId, input.id)),
      100,
    );
    return { ...driver, history };
  });
