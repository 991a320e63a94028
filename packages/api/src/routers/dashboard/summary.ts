import { schema } from '@dispatch/db';
import { ACTIVE_WORK_ORDER_STATUSES, PRIORITIES, WORK_ORDER_STATUSES } from '@dispatch/domain';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { viewerProcedure } from '../../procedures';
import { selectEvents } from '../../read/events';
import { ZQueueEntryOutput, selectQueue } from '../../read/queue';
import { ZEventOutput } from '../../read/shapes';

const { workOrders, dispatches, equipment, drivers, equipmentTypes } = schema;

const OPEN_STATUSES = ['new', 'queued', 'dispatched', 'en_route', 'on_site'] as const;

/**
 * Everything the dashboard shows in one call, polled every 30 s by every open dashboard, so each
 * part is an index-served aggregate or a short, limited list: open orders by status, the last 24
 * hours' completions and cancellations, the queue head, active dispatches, free resources and
 * recent activity.
 */
export const dashboardSummary = viewerProcedure
  .output(
    z.object({
      generatedAt: z.date(),
      autoDispatch: z.boolean(),
      counts: z.object({
        byStatus: z.record(z.enum(OPEN_STATUSES), z.number()),
        completedLast24h: z.number(),
        cancelledLast24h: z.number(),
      }),
      queue: z.object({ total: z.number(), head: z.array(ZQueueEntryOutput) }),
      active: z.array(
        z.object({
          workOrderId: z.string(),
          reference: z.string(),
          title: z.string(),
          priority: z.enum(PRIORITIES),
          status: z.enum(WORK_ORDER_STATUSES),
          equipmentCode: z.string(),
          driverName: z.string(),
          assignedAt: z.date(),
          enRouteAt: z.date().nullable(),
          onSiteAt: z.date().nullable(),
        }),
      ),
      freeEquipment: z.array(
        z.object({
          typeId: z.string(),
          typeName: z.string(),
          available: z.number(),
          total: z.number(),
        }),
      ),
      drivers: z.object({ available: z.number(), assigned: z.number(), offDuty: z.number() }),
      recent: z.array(ZEventOutput),
    }),
  )
  .query(async ({ ctx }) => {
    const { db } = ctx;
    const [statusRows, closedRows, queue, active, freeEquipment, driverRows, recent] =
      await Promise.all([
        db
          .select({ status: workOrders.status, n: sql<number>`count(*)::int` })
          .from(workOrders)
          .where(inArray(workOrders.status, [...OPEN_STATUSES]))
          .groupBy(workOrders.status),
        db.execute(sql`
        select
          (select count(*)::int from work_orders where status = 'completed' and completed_at > now() - interval '24 hours') as completed,
          (select count(*)::int from work_orders where status = 'cancelled' and cancelled_at > now() - interval '24 hours') as cancelled`),
        selectQueue(db, 10),
        db
          .select({
            workOrderId: workOrders.id,
            reference: workOrders.reference,
            title: workOrders.title,
            priority: workOrders.priority,
            status: workOrders.status,
            equipmentCode: equipment.code,
            driverName: drivers.name,
            assignedAt: dispatches.assignedAt,
            enRouteAt: dispatches.enRouteAt,
            onSiteAt: dispatches.onSiteAt,
          })
          .from(dispatches)
          .innerJoin(workOrders, eq(workOrders.id, dispatches.workOrderId))
          .innerJoin(equipment, eq(equipment.id, dispatches.equipmentId))
          .innerJoin(drivers, eq(drivers.id, dispatches.driverId))
          .where(
            and(
              isNull(dispatches.endedAt),
              inArray(workOrders.status, [...ACTIVE_WORK_ORDER_STATUSES]),
            ),
          )
          .orderBy(asc(dispatches.assignedAt))
          .limit(200),
        db
          .select({
            typeId: equipmentTypes.id,
            typeName: equipmentTypes.name,
            available: sql<number>`count(${equipment.id}) filter (where ${equipment.status} = 'available')::int`,
            total: sql<number>`count(${equipment.id})::int`,
          })
          .from(equipmentTypes)
          .leftJoin(equipment, eq(equipment.typeId, equipmentTypes.id))
          .groupBy(equipmentTypes.id, equipmentTypes.name)
          .orderBy(asc(equipmentTypes.name)),
        db
          .select({ status: drivers.status, n: sql<number>`count(*)::int` })
          .from(drivers)
          .groupBy(drivers.status),
        selectEvents(db, undefined, 15),
      ]);
    const byStatus = Object.fromEntries(OPEN_STATUSES.map((s) => [s, 0])) as Record<
      (typeof OPEN_STATUSES)[number],
      number
    >;
    for (const row of statusRows) byStatus[row.status as (typeof OPEN_STATUSES)[number]] = row.n;
    const closed = (closedRows as unknown as { completed: number; cancelled: number }[])[0];
    const driverCount = (status: string) => driverRows.find((r) => r.status === status)?.n ?? 0;
    return {
      generatedAt: new Date(),
      autoDispatch: queue.autoDispatch,
      counts: {
        byStatus,
        completedLast24h: closed?.completed ?? 0,
        cancelledLast24h: closed?.cancelled ?? 0,
      },
      queue: { total: queue.total, head: queue.items },
      active,
      freeEquipment,
      drivers: {
        available: driverCount('available'),
        assigned: driverCount('assigned'),
        offDuty: driverCount('off_duty'),
      },
      recent,
    };
  });
