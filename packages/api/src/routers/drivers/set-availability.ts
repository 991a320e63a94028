import { schema } from '@dispatch/db';
import { DomainError, ZSetDriverAvailabilitySchema } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import { actorOf } from '../../core/actor';
import { appendEvent } from '../../core/append-event';
import { lockDriver } from '../../core/locks';
import { fillIfAuto, mutate } from '../../core/transaction';
import { dispatcherProcedure } from '../../procedures';
import { selectDrivers } from '../../read/drivers';
import { ZDriverOutput } from '../../read/shapes';

/** On or off duty. A driver on a job must finish or be released first. */
export const setDriverAvailability = dispatcherProcedure
  .input(ZSetDriverAvailabilitySchema)
  .output(ZDriverOutput)
  .mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.principal);
    return mutate(
      ctx,
      actor,
      async (tx) => {
        const current = await lockDriver(tx, input.id);
        if (current.status === 'assigned') {
          throw new DomainError(
            'DRIVER_ASSIGNED',
            `${current.name} is on a job; release it first.`,
            {
              driverId: current.id,
            },
          );
        }
        if (current.status !== input.status) {
          await tx
            .update(schema.drivers)
            .set({ status: input.status, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
            .where(eq(schema.drivers.id, input.id));
          await appendEvent(tx, actor, {
            entityType: 'driver',
            entityId: input.id,
            action: 'availability_changed',
            payload: { from: current.status, to: input.status },
          });
          if (input.status === 'available') await fillIfAuto(tx, actor);
        }
        const [driver] = await selectDrivers(tx, eq(schema.drivers.id, input.id), 1);
        if (!driver) throw new Error('driver vanished');
        return driver;
      },
      { refill: input.status === 'available' },
    );
  });
