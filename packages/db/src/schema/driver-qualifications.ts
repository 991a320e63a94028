import { relations } from 'drizzle-orm';
import { index, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { tstz } from './columns';
import { drivers } from './drivers';
import { equipmentTypes } from './equipment-types';

/** Which equipment types a driver may operate. */
export const driverQualifications = pgTable(
  'driver_qualifications',
  {
    driverId: uuid('driver_id')
      .notNull()
      .references(() => drivers.id, { onDelete: 'cascade' }),
    equipmentTypeId: uuid('equipment_type_id')
      .notNull()
      .references(() => equipmentTypes.id, { onDelete: 'restrict' }),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.driverId, t.equipmentTypeId] }),
    index('driver_qualifications_type_idx').on(t.equipmentTypeId, t.driverId),
  ],
);

export const driverQualificationsRelations = relations(driverQualifications, ({ one }) => ({
  driver: one(drivers, { fields: [driverQualifications.driverId], references: [drivers.id] }),
  equipmentType: one(equipmentTypes, {
    fields: [driverQualifications.equipmentTypeId],
    references: [equipmentTypes.id],
  }),
}));
