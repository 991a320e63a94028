import type { Executor } from '@dispatch/db';
import { schema } from '@dispatch/db';
import {
  type TEventEntityType,
  type TEventKind,
  type TEventPayload,
  eventColumnsOf,
  eventKindOf,
} from '@dispatch/domain';
import { asc, desc, sql, type SQL } from 'drizzle-orm';
import type { TEventOutput } from './shapes';

const { events } = schema;

/** The columns of an event that readers get; `eventOutputOf` turns them into a typed event. */
export const eventColumns = {
  id: events.id,
  entityType: events.entityType,
  entityId: events.entityId,
  workOrderId: events.workOrderId,
  workOrderReference: events.workOrderReference,
  action: events.action,
  actorName: events.actorName,
  payload: events.payload,
  createdAt: events.createdAt,
};

interface TEventRow {
  id: number;
  entityType: TEventEntityType;
  entityId: string;
  workOrderId: string | null;
  workOrderReference: string | null;
  action: string;
  actorName: string;
  payload: unknown;
  createdAt: Date;
}

/**
 * A stored event as the catalogue types it: its kind (`work_order.assigned`) from its two columns.
 * The payload is checked against the catalogue by each procedure's output schema.
 */
export function eventOutputOf(row: TEventRow): TEventOutput {
  return { ...row, kind: eventKindOf(row) } as TEventOutput;
}

/** Events matching `where`, newest first (or oldest first), as typed events. */
export async function selectEvents(
  db: Executor,
  where: SQL | undefined,
  limit: number,
  order: 'newest' | 'oldest' = 'newest',
): Promise<TEventOutput[]> {
  const rows = await db
    .select(eventColumns)
    .from(events)
    .where(where)
    .orderBy(order === 'newest' ? desc(events.id) : asc(events.id))
    .limit(limit);
  return rows.map(eventOutputOf);
}

/** SQL true for events of this kind; `alias` is the events table's alias in the statement. */
export function isEventKindSql(kind: TEventKind, alias: string): SQL {
  const { entityType, action } = eventColumnsOf(kind);
  return sql.raw(`${alias}.entity_type = '${entityType}' and ${alias}.action = '${action}'`);
}

/**
 * A payload field of an event kind, as text in SQL. The field is checked against the catalogue
 * when this compiles, so a renamed payload field cannot silently empty a report.
 */
export function payloadTextSql<K extends TEventKind>(
  _kind: K,
  field: keyof TEventPayload<K> & string,
  alias: string,
): SQL {
  return sql.raw(`${alias}.payload->>'${field}'`);
}
