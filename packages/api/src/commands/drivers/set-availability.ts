import { schema } from '@dispatch/db';
import { DomainError, type IMPORT_SOURCE, type TSetDriverAvailability } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import { defineCommand } from '../command';
import { lockDriver } from '../steps/locks';

/** On or off duty. A driver on a job must finish or be released first. */
export const setDriverAvailabilityCommand = defineCommand({
  name: 'drivers.setAvailability',
  async run({ tx, events }, input: TSetDriverAvailability & { source?: typeof IMPORT_SOURCE }) {
    const current = await lockDriver(tx, input.id);
    if (current.status === 'assigned') {
      throw new DomainError('DRIVER_ASSIGNED', `${current.name} is on a job; release it first.`, {
        driverId: current.id,
      });
    }
    if (current.status !== input.status) {
      await tx
        .update(schema.drivers)
        .set({ status: input.status, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(schema.drivers.id, input.id));
      events.append({
        kind: 'driver.availability_changed',
        entityId: input.id,
        payload: {
          from: current.status,
          to: input.status,
          ...(input.source ? { source: input.source } : {}),
        },
      });
    }
    return { driverId: input.id };
  },
});
