/**
 * The statements `dashboard.summary` runs (packages/api/src/read/dashboard.ts and read/queue.ts),
 * for EXPLAIN ANALYZE. All but the recent events are compiled from the procedure's own builders,
 * so they cannot drift; keep that one in step by hand.
 */
import {
  activeDispatchesQuery,
  dashboardCountsQuery,
  freeEquipmentQuery,
  queueHeadQuery,
} from '@dispatch/api/bench';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

function compiled(query: SQL): { sql: string; params: unknown[] } {
  const { sql, params } = new PgDialect().sqlToQuery(query);
  return { sql, params };
}

export const SUMMARY_QUERIES: { name: string; sql: string; params?: unknown[] }[] = [
  { name: 'counts (orders, last 24 h, drivers)', ...compiled(dashboardCountsQuery()) },
  { name: 'queue head (10), total, settings', ...compiled(queueHeadQuery(10)) },
  { name: 'active dispatches', ...compiled(activeDispatchesQuery(200)) },
  { name: 'free equipment by type', ...compiled(freeEquipmentQuery()) },
  {
    name: 'recent events (15)',
    sql: `select id, entity_type, entity_id, work_order_id, action, actor_name, payload, created_at
      from events order by id desc limit 15`,
  },
];
