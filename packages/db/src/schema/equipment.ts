import { relations, sql } from 'drizzle-orm';
import { check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps, tstz } from './columns';
import { equipmentStatusEnum } from './enums';
import { equipmentTypes } from './equipment-types';

export const equipment = pgTable(
  'equipment',
  {
    id: id(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    typeId: uuid('type_id')
      .notNull()
      .references(() => equipmentTypes.id, { onDelete: 'restrict' }),
    status: equipmentStatusEnum('status').notNull().default('available'),
    /** When the status last changed: idle-longest-first matching reads it. */
    statusChangedAt: tstz('status_changed_at').notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('equipment_code_uq').on(t.code),
    // Serves "free equipment of this type, idle longest first" for matching and the queue fill.
    index('equipment_match_idx').on(t.typeId, t.status, t.statusChangedAt),
    check('equipment_code_upper_ck', sql`${t.code} = upper(${t.code})`),
  ],
);

export const equipmentRelations = relations(equipment, ({ one }) => ({
  type: one(equipmentTypes, { fields: [equipment.typeId], references: [equipmentTypes.id] }),
}));
