import { relations, sql } from 'drizzle-orm';
import { check, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, timestamps, tstz } from './columns';
import { drivers } from './drivers';
import { dispatchOutcomeEnum } from './enums';
import { equipment } from './equipment';
import { workOrders } from './work-orders';

/**
 * One assignment of equipment and a driver to a work order. It is active while `ended_at` is null;
 * the three partial unique indexes make double booking impossible whatever the code does.
 */
export const dispatches = pgTable(
  'dispatches',
  {
    id: id(),
    workOrderId: uuid('work_order_id')
      .notNull()
      .references(() => workOrders.id, { onDelete: 'restrict' }),
    equipmentId: uuid('equipment_id')
      .notNull()
      .references(() => equipment.id, { onDelete: 'restrict' }),
    driverId: uuid('driver_id')
      .notNull()
      .references(() => drivers.id, { onDelete: 'restrict' }),
    assignedAt: tstz('assigned_at').notNull().defaultNow(),
    enRouteAt: tstz('en_route_at'),
    onSiteAt: tstz('on_site_at'),
    endedAt: tstz('ended_at'),
    outcome: dispatchOutcomeEnum('outcome'),
    completionNote: text('completion_note'),
    releaseReason: text('release_reason'),
    assignedBySubject: text('assigned_by_subject').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('dispatches_active_equipment_uq')
      .on(t.equipmentId)
      .where(sql`ended_at is null`),
    uniqueIndex('dispatches_active_driver_uq')
      .on(t.driverId)
      .where(sql`ended_at is null`),
    uniqueIndex('dispatches_active_work_order_uq')
      .on(t.workOrderId)
      .where(sql`ended_at is null`),
    index('dispatches_work_order_idx').on(t.workOrderId, t.assignedAt),
    index('dispatches_equipment_idx').on(t.equipmentId, t.assignedAt),
    index('dispatches_driver_idx').on(t.driverId, t.assignedAt),
    check('dispatches_outcome_ck', sql`(${t.endedAt} is null) = (${t.outcome} is null)`),
    check('dispatches_stage_order_ck', sql`${t.onSiteAt} is null or ${t.enRouteAt} is not null`),
  ],
);

export const dispatchesRelations = relations(dispatches, ({ one }) => ({
  workOrder: one(workOrders, { fields: [dispatches.workOrderId], references: [workOrders.id] }),
  equipment: one(equipment, { fields: [dispatches.equipmentId], references: [equipment.id] }),
  driver: one(drivers, { fields: [dispatches.driverId], references: [drivers.id] }),
}));
