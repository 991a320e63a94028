import { schema } from '@dispatch/db';
import {
  DISPATCH_OUTCOMES,
  DRIVER_STATUSES,
  PRIORITIES,
  WORK_ORDER_STATUSES,
  ZNoInputSchema,
} from '@dispatch/domain';
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { driverProcedure } from '../../procedures';

const { dispatches, workOrders, equipment, drivers } = schema;

const ZJob = z.object({
  dispatchId: z.string(),
  workOrderId: z.string(),
  reference: z.string(),
  title: z.string(),
  description: z.string(),
  siteAddress: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  priority: z.enum(PRIORITIES),
  dueBy: z.date().nullable(),
  status: z.enum(WORK_ORDER_STATUSES),
  equipmentCode: z.string(),
  equipmentName: z.string(),
  assignedAt: z.date(),
  enRouteAt: z.date().nullable(),
  onSiteAt: z.date().nullable(),
  endedAt: z.date().nullable(),
  outcome: z.enum(DISPATCH_OUTCOMES).nullable(),
  completionNote: z.string().nullable(),
});

const jobColumns = {
  dispatchId: dispatches.id,
  workOrderId: workOrders.id,
  reference: workOrders.reference,
  title: workOrders.title,
  description: workOrders.description,
  siteAddress: workOrders.siteAddress,
  lat: workOrders.lat,
  lng: workOrders.lng,
  priority: workOrders.priority,
  dueBy: workOrders.dueBy,
  status: workOrders.status,
  equipmentCode: equipment.code,
  equipmentName: equipment.name,
  assignedAt: dispatches.assignedAt,
  enRouteAt: dispatches.enRouteAt,
  onSiteAt: dispatches.onSiteAt,
  endedAt: dispatches.endedAt,
  outcome: dispatches.outcome,
  completionNote: dispatches.completionNote,
};

/** The signed-in driver's current job and their recent ones; never anyone else's. */
export const myDispatches = driverProcedure
  .input(ZNoInputSchema)
  .output(
    z.object({
      driver: z.object({ id: z.string(), name: z.string(), status: z.enum(DRIVER_STATUSES) }),
      current: ZJob.nullable(),
      recent: z.array(ZJob),
    }),
  )
  .query(async ({ ctx }) => {
    const base = () =>
      ctx.db
        .select(jobColumns)
        .from(dispatches)
        .innerJoin(workOrders, eq(workOrders.id, dispatches.workOrderId))
        .innerJoin(equipment, eq(equipment.id, dispatches.equipmentId));
    const [[driver], [current], recent] = await Promise.all([
      ctx.db
        .select({ id: drivers.id, name: drivers.name, status: drivers.status })
        .from(drivers)
        .where(eq(drivers.id, ctx.driver.id)),
      base().where(and(eq(dispatches.driverId, ctx.driver.id), isNull(dispatches.endedAt))),
      base()
        .where(and(eq(dispatches.driverId, ctx.driver.id), isNotNull(dispatches.endedAt)))
        .orderBy(desc(dispatches.endedAt))
        .limit(10),
    ]);
    if (!driver) throw new Error('linked driver vanished');
    return { driver, current: current ?? null, recent };
  });
