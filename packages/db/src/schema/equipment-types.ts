import { relations } from 'drizzle-orm';
import { pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, timestamps } from './columns';
import { equipment } from './equipment';

export const equipmentTypes = pgTable(
  'equipment_types',
  {
    id: id(),
    name: text('name').notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('equipment_types_name_uq').on(t.name)],
);

export const equipmentTypesRelations = relations(equipmentTypes, ({ many }) => ({
  equipment: many(equipment),
}));
