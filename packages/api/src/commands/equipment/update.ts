import { schema } from '@dispatch/db';
import { DomainError, type IMPORT_SOURCE, type TUpdateEquipment } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import { defineCommand } from '../command';
import { lockEquipment } from '../steps/locks';

/** Code, name and type. A unit on a job keeps its type until the job is released. */
export const updateEquipmentCommand = defineCommand({
  name: 'equipment.update',
  async run({ tx, events }, input: TUpdateEquipment & { source?: typeof IMPORT_SOURCE }) {
    const { id, source, ...changes } = input;
    const current = await lockEquipment(tx, id);
    if (
      changes.typeId !== undefined &&
      changes.typeId !== current.typeId &&
      current.status === 'assigned'
    ) {
      throw new DomainError(
        'EQUIPMENT_ASSIGNED',
        `${current.code} is on a job; release it before changing its type.`,
        { equipmentId: id },
      );
    }
    await tx
      .update(schema.equipment)
      .set({ ...changes, updatedAt: sql`now()` })
      .where(eq(schema.equipment.id, id));
    events.append({
      kind: 'equipment.updated',
      entityId: id,
      payload: { ...changes, ...(source ? { source } : {}) },
    });
    return { equipmentId: id };
  },
});
