import type { Executor } from '@dispatch/db';
import type { TPriority, TWorkOrderStatus } from '@dispatch/domain';
import { type SQL, sql } from 'drizzle-orm';
import { DASHBOARD_OPEN_STATUSES } from './dashboard-shape';
import { selectEvents } from './events';
import { selectQueue } from './queue';

type TOpenStatus = (typeof DASHBOARD_OPEN_STATUSES)[number];

const QUEUE_HEAD = 10;
const ACTIVE_LIMIT = 200;
const RECENT_EVENTS = 15;

/**
 * Every count on the dashboard in one row: open orders by status (an index-only scan of the open
 * orders), the last 24 hours' completions and cancellations (partial indexes on their timestamps)
 * and drivers by availability. Exported, like the other statements here, so the benchmark EXPLAINs
 * exactly what runs.
 */
export function dashboardCountsQuery(): SQL {
  return sql`
    select o.*, closed.*, d.*
    from (
      select count(*) filter (where status = 'new')::int as new,
             count(*) filter (where status = 'queued')::int as queued,
             count(*) filter (where status = 'dispatched')::int as dispatched,
             count(*) filter (where status = 'en_route')::int as en_route,
             count(*) filter (where status = 'on_site')::int as on_site
      from work_orders
      where status in ('new', 'queued', 'dispatched', 'en_route', 'on_site')
    ) o,
    (
      select
        (select count(*)::int from work_orders
         where status = 'completed' and completed_at > now() - interval '24 hours') as completed,
        (select count(*)::int from work_orders
         where status = 'cancelled' and cancelled_at > now() - interval '24 hours') as cancelled
    ) closed,
    (
      select count(*) filter (where status = 'available')::int as drivers_available,
             count(*) filter (where status = 'assigned')::int as drivers_assigned,
             count(*) filter (where status = 'off_duty')::int as drivers_off_duty
      from drivers
    ) d`;
}

/** Active dispatches, oldest first; the partial unique index on open dispatches bounds the scan. */
export function activeDispatchesQuery(limit: number): SQL {
  return sql`
    select wo.id as work_order_id, wo.reference, wo.title, wo.priority, wo.status,
           e.code as equipment_code, d.name as driver_name,
           di.assigned_at, di.en_route_at, di.on_site_at
    from dispatches di
    join work_orders wo on wo.id = di.work_order_id
    join equipment e on e.id = di.equipment_id
    join drivers d on d.id = di.driver_id
    where di.ended_at is null and wo.status in ('dispatched', 'en_route', 'on_site')
    order by di.assigned_at
    limit ${limit}`;
}

/** Units per type and how many of them are free, every type listed (a type may have none). */
export function freeEquipmentQuery(): SQL {
  return sql`
    select et.id as type_id, et.name as type_name,
           count(e.id) filter (where e.status = 'available')::int as available,
           count(e.id)::int as total
    from equipment_types et
    left join equipment e on e.type_id = et.id
    group by et.id, et.name
    order by et.name`;
}

type TCountsRow = Record<TOpenStatus, number> & {
  completed: number;
  cancelled: number;
  drivers_available: number;
  drivers_assigned: number;
  drivers_off_duty: number;
};
type TActiveRow = {
  work_order_id: string;
  reference: string;
  title: string;
  priority: TPriority;
  status: TWorkOrderStatus;
  equipment_code: string;
  driver_name: string;
  assigned_at: string;
  en_route_at: string | null;
  on_site_at: string | null;
};
type TFreeRow = { type_id: string; type_name: string; available: number; total: number };

const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

/**
 * Everything the dashboard shows, in five statements sent together (each on its own pooled
 * connection): the counts, the queue head with its totals, active dispatches, free equipment and
 * recent events.
 */
export async function computeDashboard(db: Executor) {
  const [countRows, queue, activeRows, freeRows, recent] = await Promise.all([
    db.execute(dashboardCountsQuery()) as unknown as Promise<TCountsRow[]>,
    selectQueue(db, QUEUE_HEAD),
    db.execute(activeDispatchesQuery(ACTIVE_LIMIT)) as unknown as Promise<TActiveRow[]>,
    db.execute(freeEquipmentQuery()) as unknown as Promise<TFreeRow[]>,
    selectEvents(db, undefined, RECENT_EVENTS),
  ]);
  const counts = countRows[0];
  if (!counts) throw new Error('the dashboard counts returned no row');
  return {
    generatedAt: new Date(),
    autoDispatch: queue.autoDispatch,
    counts: {
      byStatus: Object.fromEntries(
        DASHBOARD_OPEN_STATUSES.map((status) => [status, counts[status]]),
      ) as Record<TOpenStatus, number>,
      completedLast24h: counts.completed,
      cancelledLast24h: counts.cancelled,
    },
    queue: { total: queue.total, head: queue.items },
    active: activeRows.map((r) => ({
      workOrderId: r.work_order_id,
      reference: r.reference,
      title: r.title,
      priority: r.priority,
      status: r.status,
      equipmentCode: r.equipment_code,
      driverName: r.driver_name,
      assignedAt: new Date(r.assigned_at),
      enRouteAt: dateOrNull(r.en_route_at),
      onSiteAt: dateOrNull(r.on_site_at),
    })),
    freeEquipment: freeRows.map((r) => ({
      typeId: r.type_id,
      typeName: r.type_name,
      available: r.available,
      total: r.total,
    })),
    drivers: {
      available: counts.drivers_available,
      assigned: counts.drivers_assigned,
      offDuty: counts.drivers_off_duty,
    },
    recent,
  };
}
