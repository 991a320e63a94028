import { jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

/**
 * A key a client chose for one create or assign, scoped to the caller and the operation. The row is
 * written in the same transaction as the change, so it exists exactly when the change does.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    subject: text('subject').notNull(),
    operation: text('operation').notNull(),
    key: text('key').notNull(),
    /** Hash of the request, to refuse the same key with a different input. */
    requestHash: text('request_hash').notNull(),
    /** The first result, serialised, returned as-is to every retry. */
    response: jsonb('response').$type<unknown>(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.subject, t.operation, t.key] })],
);
