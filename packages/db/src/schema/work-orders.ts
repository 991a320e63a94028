import { relations, sql } from 'drizzle-orm';
import {
  bigint,
  check,
  doublePrecision,
  index,
  pgSequence,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { id, timestamps, tstz } from './columns';
import { dispatches } from './dispatches';
import { priorityEnum, workOrderStatusEnum } from './enums';
import { equipmentTypes } from './equipment-types';

export const workOrderNumberSeq = pgSequence('work_order_number_seq', { startWith: 1 });

export const workOrders = pgTable(
  'work_orders',
  {
    id: id(),
    number: bigint('number', { mode: 'number' })
      .notNull()
      .default(sql`nextval('work_order_number_seq')`),
    /** Human reference such as WO-000123, derived from the number so the two never disagree. */
    reference: text('reference')
      .notNull()
      .generatedAlwaysAs(sql`'WO-' || lpad(number::text, 6, '0')`),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    siteAddress: text('site_address').notNull(),
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    equipmentTypeId: uuid('equipment_type_id')
      .notNull()
      .references(() => equipmentTypes.id, { onDelete: 'restrict' }),
    priority: priorityEnum('priority').notNull().default('standard'),
    dueBy: tstz('due_by'),
    status: workOrderStatusEnum('status').notNull().default('new'),
    /** When the order first entered the queue; a released order keeps its place in line. */
    queuedAt: tstz('queued_at'),
    completedAt: tstz('completed_at'),
    cancelledAt: tstz('cancelled_at'),
    cancelReason: text('cancel_reason'),
    createdBySubject: text('created_by_subject').notNull(),
    createdByName: text('created_by_name').notNull(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('work_orders_number_uq').on(t.number),
    // The queue, in queue order, holding only queued rows: the fill and queue.list walk it.
    index('work_orders_queue_idx')
      .on(t.priority, t.dueBy.asc().nullsLast(), t.queuedAt, t.number)
      .where(sql`status = 'queued'`),
    index('work_orders_status_idx').on(t.status, t.equipmentTypeId),
    index('work_orders_type_idx').on(t.equipmentTypeId, t.number),
    // The dashboard's "last 24 hours" counts read only these small ranges.
    index('work_orders_completed_idx')
      .on(t.completedAt)
      .where(sql`status = 'completed'`),
    index('work_orders_cancelled_idx')
      .on(t.cancelledAt)
      .where(sql`status = 'cancelled'`),
    check('work_orders_lat_lng_ck', sql`(${t.lat} is null) = (${t.lng} is null)`),
    check('work_orders_queued_at_ck', sql`${t.status} <> 'queued' or ${t.queuedAt} is not null`),
    check(
      'work_orders_cancel_ck',
      sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null and ${t.cancelReason} is not null)`,
    ),
    check(
      'work_orders_completed_ck',
      sql`(${t.status} = 'completed') = (${t.completedAt} is not null)`,
    ),
  ],
);

export const workOrdersRelations = relations(workOrders, ({ one, many }) => ({
  equipmentType: one(equipmentTypes, {
    fields: [workOrders.equipmentTypeId],
    references: [equipmentTypes.id],
  }),
  dispatches: many(dispatches),
}));
