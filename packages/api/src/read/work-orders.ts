import type { Executor } from '@dispatch/db';
import { schema } from '@dispatch/db';
import type { TListWorkOrders } from '@dispatch/domain';
import { and, eq, ilike, inArray, isNull, or, type SQL } from 'drizzle-orm';
import { escapeLike } from './cursor';
import type { TWorkOrderSummaryOutput } from './shapes';

const { workOrders, equipmentTypes, dispatches, equipment, drivers } = schema;

export type TWorkOrderFilters = Pick<
  TListWorkOrders,
  'statuses' | 'priorities' | 'equipmentTypeId' | 'search'
>;

/**
 * The list's filters as a WHERE condition: status, priority and type, and a search of reference,
 * title and site. `workOrders.list` and the CSV export share it, so a download holds exactly the
 * rows the list shows.
 */
export function workOrderFilterWhere(filters: TWorkOrderFilters): SQL | undefined {
  const search = filters.search ? `%${escapeLike(filters.search)}%` : null;
  return and(
    filters.statuses?.length ? inArray(workOrders.status, filters.statuses) : undefined,
    filters.priorities?.length ? inArray(workOrders.priority, filters.priorities) : undefined,
    filters.equipmentTypeId ? eq(workOrders.equipmentTypeId, filters.equipmentTypeId) : undefined,
    search
      ? or(
          ilike(workOrders.reference, search),
          ilike(workOrders.title, search),
          ilike(workOrders.siteAddress, search),
        )
      : undefined,
  );
}

/**
 * A work order's own summary columns and its type's name (the query must join equipment_types).
 * The lists read them, and an assignment locks the order with exactly these (commands/steps/locks.ts).
 */
export const workOrderSummaryColumns = {
  id: workOrders.id,
  number: workOrders.number,
  reference: workOrders.reference,
  title: workOrders.title,
  siteAddress: workOrders.siteAddress,
  lat: workOrders.lat,
  lng: workOrders.lng,
  equipmentTypeId: workOrders.equipmentTypeId,
  equipmentTypeName: equipmentTypes.name,
  priority: workOrders.priority,
  dueBy: workOrders.dueBy,
  status: workOrders.status,
  queuedAt: workOrders.queuedAt,
  completedAt: workOrders.completedAt,
  cancelledAt: workOrders.cancelledAt,
  cancelReason: workOrders.cancelReason,
  createdByName: workOrders.createdByName,
  createdAt: workOrders.createdAt,
  updatedAt: workOrders.updatedAt,
};

/** Work orders with their type and active dispatch (equipment, driver) in one query. */
export async function selectWorkOrders(
  db: Executor,
  options: { where: SQL | undefined; orderBy: SQL[]; limit: number },
): Promise<(TWorkOrderSummaryOutput & { description: string })[]> {
  const rows = await db
    .select({
      ...workOrderSummaryColumns,
      description: workOrders.description,
      dispatchId: dispatches.id,
      equipmentId: equipment.id,
      equipmentCode: equipment.code,
      equipmentName: equipment.name,
      driverId: drivers.id,
      driverName: drivers.name,
      driverPhone: drivers.phone,
      assignedAt: dispatches.assignedAt,
      enRouteAt: dispatches.enRouteAt,
      onSiteAt: dispatches.onSiteAt,
    })
    .from(workOrders)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, workOrders.equipmentTypeId))
    .leftJoin(
      dispatches,
      and(eq(dispatches.workOrderId, workOrders.id), isNull(dispatches.endedAt)),
    )
    .leftJoin(equipment, eq(equipment.id, dispatches.equipmentId))
    .leftJoin(drivers, eq(drivers.id, dispatches.driverId))
    .where(options.where)
    .orderBy(...options.orderBy)
    .limit(options.limit);
  return rows.map((r) => {
    const {
      dispatchId,
      equipmentId,
      equipmentCode,
      equipmentName,
      driverId,
      driverName,
      driverPhone,
      assignedAt,
      enRouteAt,
      onSiteAt,
      ...order
    } = r;
    const dispatch =
      dispatchId &&
      equipmentId &&
      equipmentCode &&
      equipmentName &&
      driverId &&
      driverName &&
      driverPhone &&
      assignedAt
        ? {
            id: dispatchId,
            equipmentId,
            equipmentCode,
            equipmentName,
            driverId,
            driverName,
            driverPhone,
            assignedAt,
            enRouteAt,
            onSiteAt,
          }
        : null;
    return { ...order, dispatch };
  });
}

/** One order's summary (without the description), read in the caller's transaction. */
export async function selectWorkOrderSummary(
  db: Executor,
  id: string,
): Promise<TWorkOrderSummaryOutput> {
  const [order] = await selectWorkOrders(db, {
    where: eq(workOrders.id, id),
    orderBy: [],
    limit: 1,
  });
  if (!order) throw new Error(`work order ${id} not found after a write`);
  const { description: _description, ...summary } = order;
  return summary;
}

/** The answer of a command that changed one order: its summary, read in the same transaction. */
export function workOrderSummaryOf(db: Executor, changed: { workOrderId: string }) {
  return selectWorkOrderSummary(db, changed.workOrderId);
}
