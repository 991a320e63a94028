import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { EVENT_ENTITY_TYPES } from '@dispatch/domain';
import { tstz } from './columns';

/**
 * Append-only history: a trigger (in the migrations) rejects UPDATE, DELETE and TRUNCATE, so it
 * has only `created_at`. `work_order_id` is set on every event that concerns an order, which makes
 * a timeline one index range scan, and `work_order_reference` names that order (WO-000123), so no
 * reader joins or rebuilds it. `entity_type` and `action` together are the event's kind in the
 * domain's event catalogue, which types `payload`.
 */
export const events = pgTable(
  'events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entityType: text('entity_type', { enum: EVENT_ENTITY_TYPES }).notNull(),
    entityId: uuid('entity_id').notNull(),
    workOrderId: uuid('work_order_id'),
    workOrderReference: text('work_order_reference'),
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
