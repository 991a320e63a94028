import { schema } from '@dispatch/db';
import type { TCreateEquipmentType } from '@dispatch/domain';
import { defineCommand } from '../command';

export const createEquipmentTypeCommand = defineCommand({
  name: 'equipmentTypes.create',
  async run({ tx, events }, input: TCreateEquipmentType) {
    const [row] = await tx.insert(schema.equipmentTypes).values({ name: input.name }).returning({
      id: schema.equipmentTypes.id,
      name: schema.equipmentTypes.name,
      createdAt: schema.equipmentTypes.createdAt,
    });
    if (!row) throw new Error('insert returned no row');
    events.append({
      kind: 'equipment_type.created',
      entityId: row.id,
      payload: { name: row.name },
    });
    return row;
  },
});
