import type { Database } from '@dispatch/db';
import { schema } from '@dispatch/db';
import { and, desc, lt } from 'drizzle-orm';
import type { TCsvTable } from '../csv/write-csv';
import {
  selectWorkOrders,
  type TWorkOrderFilters,
  workOrderFilterWhere,
} from '../read/work-orders';

/** Rows per query: small enough to keep memory flat, large enough that 100k rows is 100 queries. */
const BATCH = 1000;

const HEADER = [
  'reference',
  'title',
  'status',
  'priority',
  'equipment_type',
  'site_address',
  'lat',
  'lng',
  'due_by',
  'equipment_code',
  'driver_name',
  'created_by',
  'created_at',
  'queued_at',
  'completed_at',
  'cancelled_at',
  'cancel_reason',
  'description',
] as const;

/**
 * The work-order list as CSV, newest first, with the list's own filters. Rows are read in keyset
 * batches (number < last seen) rather than through one server-side cursor: each batch is a short
 * indexed query, so a slow download never holds a pooled connection or an open transaction. Orders
 * created during the download have higher numbers and are simply not in it.
 */
export function workOrdersCsv(db: Database, filters: TWorkOrderFilters): TCsvTable {
  return { header: HEADER, rows: rows(db, filters) };
}

async function* rows(db: Database, filters: TWorkOrderFilters) {
  const filter = workOrderFilterWhere(filters);
  let before: number | null = null;
  for (;;) {
    const batch = await selectWorkOrders(db, {
      where: and(filter, before === null ? undefined : lt(schema.workOrders.number, before)),
      orderBy: [desc(schema.workOrders.number)],
      limit: BATCH,
    });
    for (const order of batch) {
      yield [
        order.reference,
        order.title,
        order.status,
        order.priority,
        order.equipmentTypeName,
        order.siteAddress,
        order.lat,
        order.lng,
        order.dueBy,
        order.dispatch?.equipmentCode ?? null,
        order.dispatch?.driverName ?? null,
        order.createdByName,
        order.createdAt,
        order.queuedAt,
        order.completedAt,
        order.cancelledAt,
        order.cancelReason,
        order.description,
      ];
    }
    const last = batch.at(-1);
    if (batch.length < BATCH || !last) return;
    before = last.number;
  }
}
