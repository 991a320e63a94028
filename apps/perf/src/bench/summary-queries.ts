/**
 * The statements `dashboard.summary` runs (packages/api/src/routers/dashboard/summary.ts and
 * read/queue.ts), as the SQL Drizzle sends, for EXPLAIN ANALYZE. The queue head, the one complex
 * statement, is compiled from the procedure's builder; keep the simple ones in step by hand.
 */
import { queueHeadQuery } from '@dispatch/api';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';

const OPEN = `('new', 'queued', 'dispatched', 'en_route', 'on_site')`;
const ACTIVE = `('dispatched', 'en_route', 'on_site')`;

function compiled(query: SQL): { sql: string; params: unknown[] } {
  const { sql, params } = new PgDialect().sqlToQuery(query);
  return { sql, params };
}

export const SUMMARY_QUERIES: { name: string; sql: string; params?: unknown[] }[] = [
  {
    name: 'open orders by status',
    sql: `select status, count(*)::int from work_orders where status in ${OPEN} group by status`,
  },
  {
    name: 'closed in last 24 h',
    sql: `select
      (select count(*)::int from work_orders where status = 'completed' and completed_at > now() - interval '24 hours') as completed,
      (select count(*)::int from work_orders where status = 'cancelled' and cancelled_at > now() - interval '24 hours') as cancelled`,
  },
  { name: 'settings', sql: `select auto_dispatch from settings where id = 1` },
  {
    name: 'queue head (10)',
    // Compiled from the procedure's own builder, so this one cannot drift.
    ...compiled(queueHeadQuery(10)),
  },
  {
    name: 'queue total',
    sql: `select count(*)::int as n from work_orders where status = 'queued'`,
  },
  {
    name: 'active dispatches',
    sql: `select wo.id, wo.reference, wo.title, wo.priority, wo.status, e.code, d.name,
             di.assigned_at, di.en_route_at, di.on_site_at
      from dispatches di
      inner join work_orders wo on wo.id = di.work_order_id
      inner join equipment e on e.id = di.equipment_id
      inner join drivers d on d.id = di.driver_id
      where (di.ended_at is null and wo.status in ${ACTIVE})
      order by di.assigned_at asc limit 200`,
  },
  {
    name: 'free equipment by type',
    sql: `select et.id, et.name,
             count(e.id) filter (where e.status = 'available')::int,
             count(e.id)::int
      from equipment_types et left join equipment e on e.type_id = et.id
      group by et.id, et.name order by et.name asc`,
  },
  {
    name: 'drivers by status',
    sql: `select status, count(*)::int from drivers group by status`,
  },
  {
    name: 'recent events (15)',
    sql: `select id, entity_type, entity_id, work_order_id, action, actor_name, payload, created_at
      from events order by id desc limit 15`,
  },
];
