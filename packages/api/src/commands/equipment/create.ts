import { schema } from '@dispatch/db';
import {
  type IMPORT_SOURCE,
  type TCreateEquipment,
  type TSettableEquipmentStatus,
} from '@dispatch/domain';
import { defineCommand } from '../command';

/** A new unit, available unless an import says otherwise. */
export const createEquipmentCommand = defineCommand({
  name: 'equipment.create',
  async run(
    { tx, events },
    input: Omit<TCreateEquipment, 'idempotencyKey'> & {
      status?: TSettableEquipmentStatus;
      source?: typeof IMPORT_SOURCE;
    },
  ) {
    const { source, ...fields } = input;
    const [row] = await tx
      .insert(schema.equipment)
      .values(fields)
      .returning({ id: schema.equipment.id });
    if (!row) throw new Error('insert returned no row');
    events.append({
      kind: 'equipment.created',
      entityId: row.id,
      payload: {
        code: fields.code,
        name: fields.name,
        typeId: fields.typeId,
        ...(fields.status && fields.status !== 'available' ? { status: fields.status } : {}),
        ...(source ? { source } : {}),
      },
    });
    return { equipmentId: row.id };
  },
});
