import { schema } from '@dispatch/db';
import { DomainError, ZIdInputSchema } from '@dispatch/domain';
import { asc, eq } from 'drizzle-orm';
import { viewerProcedure } from '../../procedures';
import { selectEvents } from '../../read/events';
import { ZWorkOrderDetailOutput } from '../../read/shapes';
import { selectWorkOrders } from '../../read/work-orders';

const { workOrders, dispatches, equipment, drivers, events } = schema;

/** One order with its current dispatch, every past dispatch and the full event timeline. */
export const getWorkOrder = viewerProcedure
  .input(ZIdInputSchema)
  .output(ZWorkOrderDetailOutput)
  .query(async ({ ctx, input }) => {
    const [order] = await selectWorkOrders(ctx.db, {
      where: eq(workOrders.id, input.id),
      orderBy: [],
      limit: 1,
    });
    if (!order)
      throw new DomainError('WORK_ORDER_NOT_FOUND', 'No such work order.', {
        workOrderId: input.id,
      });
    const [history, timeline] = await Promise.all([
      ctx.db
        .select({
          id: dispatches.id,
          equipmentCode: equipment.code,
          driverName: drivers.name,
          assignedAt: dispatches.assignedAt,
          enRouteAt: dispatches.enRouteAt,
          onSiteAt: dispatches.onSiteAt,
          endedAt: dispatches.endedAt,
          outcome: dispatches.outcome,
          completionNote: dispatches.completionNote,
          releaseReason: dispatches.releaseReason,
        })
        .from(dispatches)
        .innerJoin(equipment, eq(equipment.id, dispatches.equipmentId))
        .innerJoin(drivers, eq(drivers.id, dispatches.driverId))
        .where(eq(dispatches.workOrderId, input.id))
        .orderBy(asc(dispatches.assignedAt), asc(dispatches.id)),
      selectEvents(ctx.db, eq(events.workOrderId, input.id), 1000, 'oldest'),
    ]);
    return { ...order, dispatches: history, timeline };
  });
