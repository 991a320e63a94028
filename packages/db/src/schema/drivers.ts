import { relations } from 'drizzle-orm';
import { index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { id, timestamps, tstz } from './columns';
import { driverQualifications } from './driver-qualifications';
import { driverStatusEnum } from './enums';

export const drivers = pgTable(
  'drivers',
  {
    id: id(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    /** OpenID subject of the driver's login; links a signed-in driver to their work. */
    subject: text('subject'),
    status: driverStatusEnum('status').notNull().default('available'),
    statusChangedAt: tstz('status_changed_at').notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('drivers_subject_uq').on(t.subject),
    index('drivers_match_idx').on(t.status, t.statusChangedAt),
    index('drivers_name_idx').on(t.name, t.id),
  ],
);

export const driversRelations = relations(drivers, ({ many }) => ({
  qualifications: many(driverQualifications),
}));
