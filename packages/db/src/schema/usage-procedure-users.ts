import { date, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * Who called a procedure in an ISO week: one row per (week, procedure, subject), inserted with
 * `on conflict do nothing`, so distinct users per week are a count. Subjects are the opaque ids
 * of the identity provider, as in `sessions.subject`.
 */
export const usageProcedureUsers = pgTable(
  'usage_procedure_users',
  {
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    procedure: text('procedure').notNull(),
    subject: text('subject').notNull(),
  },
  (t) => [primaryKey({ columns: [t.weekStart, t.procedure, t.subject] })],
);
