import { schema } from '@dispatch/db';
import { DomainError, type IMPORT_SOURCE, type TSetEquipmentStatus } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import { defineCommand } from '../command';
import { lockEquipment } from '../steps/locks';

/** Maintenance, out of service, or back to available. A unit on a job must be released first. */
export const setEquipmentStatusCommand = defineCommand({
  name: 'equipment.setStatus',
  async run({ tx, events }, input: TSetEquipmentStatus & { source?: typeof IMPORT_SOURCE }) {
    const current = await lockEquipment(tx, input.id);
    if (current.status === 'assigned') {
      throw new DomainError(
        'EQUIPMENT_ASSIGNED',
        `${current.code} is on a job; release the dispatch to take it out of service.`,
        { equipmentId: current.id },
      );
    }
    if (current.status !== input.status) {
      await tx
        .update(schema.equipment)
        .set({ status: input.status, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(schema.equipment.id, input.id));
      events.append({
        kind: 'equipment.status_changed',
        entityId: input.id,
        payload: {
          from: current.status,
          to: input.status,
          ...(input.note ? { note: input.note } : {}),
          ...(input.source ? { source: input.source } : {}),
        },
      });
    }
    return { equipmentId: input.id };
  },
});
