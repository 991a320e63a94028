import { sql } from 'drizzle-orm';
import { bigint, check, date, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Failed calls per ISO week and procedure, by tRPC code and domain reason (e.g. CONFLICT /
 * EQUIPMENT_NOT_AVAILABLE). `reason` is '' when the error has none (a primary key cannot hold null).
 */
export const usageErrors = pgTable(
  'usage_errors',
  {
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    procedure: text('procedure').notNull(),
    code: text('code').notNull(),
    reason: text('reason').notNull().default(''),
    count: bigint('count', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.weekStart, t.procedure, t.code, t.reason] }),
    check('usage_errors_count_ck', sql`${t.count} > 0`),
  ],
);
