import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  doublePrecision,
  pgTable,
  primaryKey,
  text,
} from 'drizzle-orm/pg-core';
import { tstz } from './columns';

/**
 * Operations statistics: how often each tRPC procedure ran in an ISO week (Monday 00:00 UTC), and
 * how long it took as a latency histogram with fixed bucket bounds (packages/api/src/usage/
 * histogram.ts). Histograms of different weeks and server processes add element by element, so a
 * p95 over any set of rows is exact to the bucket. Written only by the usage collector's flush,
 * which adds to the row (`calls + excluded.calls`), never one write per request.
 */
export const usageProcedureWeeks = pgTable(
  'usage_procedure_weeks',
  {
    weekStart: date('week_start', { mode: 'string' }).notNull(),
    procedure: text('procedure').notNull(),
    calls: bigint('calls', { mode: 'number' }).notNull(),
    /** The slowest call, so the open-ended last bucket still reports a real figure. */
    maxMs: doublePrecision('max_ms').notNull(),
    histogram: bigint('histogram', { mode: 'number' }).array().notNull(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.weekStart, t.procedure] }),
    check('usage_procedure_weeks_calls_ck', sql`${t.calls} >= 0`),
    // The bucket count of histogram.ts: changing the bounds needs a migration, and a server still
    // running the old bounds then fails its flush (and keeps its counts) instead of mixing them.
    check('usage_procedure_weeks_histogram_ck', sql`cardinality(${t.histogram}) = 52`),
  ],
);
