import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

export const EVENT_ENTITY_TYPES = [
  'work_order',
  'equipment',
  'equipment_type',
  'driver',
  'settings',
] as const;
export type TEventEntityType = (typeof EVENT_ENTITY_TYPES)[number];

/**
 * Append-only history: a trigger (in the migrations) rejects UPDATE, DELETE and TRUNCATE, so it
 * has only `created_at`. `work_order_id` is set on every event that concerns an order, which makes
 * a timeline one index range scan.
 */
export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entityType: text('entity_type', { enum: EVENT_ENTITY_TYPES }).notNull(),
    entityId: uuid('entity_id').notNull(),
    workOrderId: uuid('work_order_id'),
    action: text('action').notNull(),
    actorSubject: text('actor_subject').notNull(),
    actorName: text('actor_name').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('events_work_order_idx').on(t.workOrderId, t.id),
    index('events_entity_idx').on(t.entityType, t.entityId, t.id),
    index('events_created_idx').on(t.createdAt),
    check(
      'events_entity_type_ck',
      sql.raw(`entity_type in (${EVENT_ENTITY_TYPES.map((e) => `'${e}'`).join(', ')})`),
    ),
  ],
);
