import type { Executor } from '@dispatch/db';
import { schema } from '@dispatch/db';
import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { eventColumns, eventOutputOf } from './events';
import { ZEventOutput } from './shapes';

const { dispatches, drivers, events, workOrders } = schema;

export const ZEquipmentHistoryDispatch = z.object({
  kind: z.literal('dispatch'),
  at: z.date(),
  id: z.string(),
  workOrder: z.object({ id: z.string(), reference: z.string(), title: z.string() }),
  driver: z.object({ id: z.string(), name: z.string() }),
  assignedAt: z.date(),
  enRouteAt: z.date().nullable(),
  onSiteAt: z.date().nullable(),
  endedAt: z.date().nullable(),
  outcome: z.enum(['completed', 'released', 'cancelled']).nullable(),
  completionNote: z.string().nullable(),
  releaseReason: z.string().nullable(),
  /** Assigned to ended, whole seconds; null while the dispatch is active. */
  durationSeconds: z.number().int().nullable(),
});

export const ZEquipmentHistoryEvent = z.object({
  kind: z.literal('event'),
  at: z.date(),
  event: ZEventOutput,
});

export const ZEquipmentHistoryItem = z.discriminatedUnion('kind', [
  ZEquipmentHistoryDispatch,
  ZEquipmentHistoryEvent,
]);
export type TEquipmentHistoryItem = z.infer<typeof ZEquipmentHistoryItem>;

/**
 * Position in the merged timeline: microseconds since the epoch (a JS Date would drop the
 * database's microseconds and skip or repeat rows at a page edge), then the kind, then the row id.
 */
export const ZHistoryCursor = z.union([
  z.tuple([z.number().int().nonnegative(), z.literal('event'), z.number().int().nonnegative()]),
  z.tuple([z.number().int().nonnegative(), z.literal('dispatch'), z.uuid()]),
]);
export type THistoryCursor = z.infer<typeof ZHistoryCursor>;

type TSorted<T> = T & { micros: number };

const microsOf = (column: typeof events.createdAt | typeof dispatches.assignedAt) =>
  sql<number>`(extract(epoch from ${column}) * 1000000)::bigint`.mapWith(Number);

// The timeline is sorted by (time, kind rank, id), all descending: at one instant an event comes
// before a dispatch.
const KIND_RANK = { event: 1, dispatch: 0 } as const;

/**
 * "Strictly after the cursor" in that order, for one stream. `idBefore` compares the row id with
 * the cursor's; it matters only when the cursor row is of this stream's kind.
 */
function afterCursor(
  kind: keyof typeof KIND_RANK,
  micros: SQL<number>,
  idBefore: SQL,
  cursor: THistoryCursor | null,
): SQL | undefined {
  if (!cursor) return undefined;
  const [at, cursorKind] = cursor;
  if (KIND_RANK[kind] < KIND_RANK[cursorKind]) return sql`${micros} <= ${at}`;
  if (KIND_RANK[kind] > KIND_RANK[cursorKind]) return sql`${micros} < ${at}`;
  return or(sql`${micros} < ${at}`, and(sql`${micros} = ${at}`, idBefore));
}

/** The unit's dispatches with order and driver, newest first: one indexed query. */
export async function selectEquipmentDispatches(
  db: Executor,
  equipmentId: string,
  cursor: THistoryCursor | null,
  limit: number,
) {
  const micros = microsOf(dispatches.assignedAt);
  const rows = await db
    .select({
      micros,
      id: dispatches.id,
      workOrderId: workOrders.id,
      reference: workOrders.reference,
      title: workOrders.title,
      driverId: drivers.id,
      driverName: drivers.name,
      assignedAt: dispatches.assignedAt,
      enRouteAt: dispatches.enRouteAt,
      onSiteAt: dispatches.onSiteAt,
      endedAt: dispatches.endedAt,
      outcome: dispatches.outcome,
      completionNote: dispatches.completionNote,
      releaseReason: dispatches.releaseReason,
      durationSeconds: sql<
        number | null
      >`round(extract(epoch from ${dispatches.endedAt} - ${dispatches.assignedAt}))::int`,
    })
    .from(dispatches)
    .innerJoin(workOrders, eq(workOrders.id, dispatches.workOrderId))
    .innerJoin(drivers, eq(drivers.id, dispatches.driverId))
    .where(
      and(
        eq(dispatches.equipmentId, equipmentId),
        afterCursor(
          'dispatch',
          micros,
          cursor?.[1] === 'dispatch' ? lt(dispatches.id, cursor[2]) : sql`false`,
          cursor,
        ),
      ),
    )
    .orderBy(desc(dispatches.assignedAt), desc(dispatches.id))
    .limit(limit);
  return rows.map(({ micros: m, workOrderId, reference, title, driverId, driverName, ...row }) => ({
    micros: m,
    kind: 'dispatch' as const,
    at: row.assignedAt,
    ...row,
    workOrder: { id: workOrderId, reference, title },
    driver: { id: driverId, name: driverName },
  }));
}

/** Events recorded against the unit itself (created, edited, status changes), newest first. */
export async function selectEquipmentEvents(
  db: Executor,
  equipmentId: string,
  cursor: THistoryCursor | null,
  limit: number,
) {
  const micros = microsOf(events.createdAt);
  const rows = await db
    .select({ ...eventColumns, micros })
    .from(events)
    .where(
      and(
        eq(events.entityType, 'equipment'),
        eq(events.entityId, equipmentId),
        afterCursor(
          'event',
          micros,
          cursor?.[1] === 'event' ? lt(events.id, cursor[2]) : sql`false`,
          cursor,
        ),
      ),
    )
    .orderBy(desc(events.createdAt), desc(events.id))
    .limit(limit);
  return rows.map(({ micros: m, ...row }) => ({
    micros: m,
    kind: 'event' as const,
    at: row.createdAt,
    event: eventOutputOf(row),
  }));
}

function compareNewestFirst(
  a: TSorted<TEquipmentHistoryItem>,
  b: TSorted<TEquipmentHistoryItem>,
): number {
  if (a.micros !== b.micros) return b.micros - a.micros;
  if (a.kind !== b.kind) return KIND_RANK[b.kind] - KIND_RANK[a.kind];
  if (a.kind === 'event' && b.kind === 'event') return b.event.id - a.event.id;
  if (a.kind !== 'dispatch' || b.kind !== 'dispatch') return 0;
  // uuid order in PostgreSQL is byte order, which is the order of the lower-case hex text.
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * Merges the two newest-first streams into one page. Each stream was read with `limit + 1` rows
 * after the same cursor, so the merged first `limit + 1` are exactly the timeline's next rows.
 */
export function mergeHistoryPage(
  streams: TSorted<TEquipmentHistoryItem>[][],
  limit: number,
): { items: TEquipmentHistoryItem[]; nextCursor: THistoryCursor | null } {
  const merged = streams.flat().sort(compareNewestFirst);
  const page = merged.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ micros: _micros, ...item }) => item),
    nextCursor:
      merged.length > limit && last
        ? last.kind === 'event'
          ? [last.micros, 'event', last.event.id]
          : [last.micros, 'dispatch', last.id]
        : null,
  };
}
