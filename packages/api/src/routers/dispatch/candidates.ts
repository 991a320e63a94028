import { schema } from '@dispatch/db';
import {
  DRIVER_EXCLUSION_REASONS,
  DRIVER_STATUSES,
  DomainError,
  EQUIPMENT_EXCLUSION_REASONS,
  EQUIPMENT_STATUSES,
  WORK_ORDER_STATUSES,
  ZCandidatesSchema,
  rankDrivers,
  rankEquipment,
} from '@dispatch/domain';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { viewerProcedure } from '../../procedures';

const { workOrders, equipmentTypes, equipment, drivers, dispatches, driverQualifications } = schema;

const ZHeld = z.string().nullable();

/**
 * Who could take this order: free equipment of its type and free qualified drivers, best first
 * (idle longest), plus every excluded one with the reason, so a dispatcher sees why not.
 */
export const listCandidates = viewerProcedure
  .input(ZCandidatesSchema)
  .output(
    z.object({
      workOrder: z.object({
        id: z.string(),
        reference: z.string(),
        status: z.enum(WORK_ORDER_STATUSES),
        equipmentTypeId: z.string(),
        equipmentTypeName: z.string(),
      }),
      equipment: z.object({
        eligible: z.array(
          z.object({
            id: z.string(),
            code: z.string(),
            name: z.string(),
            statusChangedAt: z.date(),
          }),
        ),
        excluded: z.array(
          z.object({
            id: z.string(),
            code: z.string(),
            name: z.string(),
            status: z.enum(EQUIPMENT_STATUSES),
            reason: z.enum(EQUIPMENT_EXCLUSION_REASONS),
            heldBy: ZHeld,
          }),
        ),
      }),
      drivers: z.object({
        eligible: z.array(
          z.object({ id: z.string(), name: z.string(), statusChangedAt: z.date() }),
        ),
        excluded: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            status: z.enum(DRIVER_STATUSES),
            reason: z.enum(DRIVER_EXCLUSION_REASONS),
            heldBy: ZHeld,
          }),
        ),
      }),
      best: z.object({ equipmentId: z.string(), driverId: z.string() }).nullable(),
    }),
  )
  .query(async ({ ctx, input }) => {
    const [order] = await ctx.db
      .select({
        id: workOrders.id,
        reference: workOrders.reference,
        status: workOrders.status,
        equipmentTypeId: workOrders.equipmentTypeId,
        equipmentTypeName: equipmentTypes.name,
      })
      .from(workOrders)
      .innerJoin(equipmentTypes, eq(equipmentTypes.id, workOrders.equipmentTypeId))
      .where(eq(workOrders.id, input.workOrderId));
    if (!order) {
      throw new DomainError('WORK_ORDER_NOT_FOUND', 'No such work order.', {
        workOrderId: input.workOrderId,
      });
    }
    const heldReference = sql<
      string | null
    >`(select wo.reference from ${workOrders} wo where wo.id = ${dispatches.workOrderId})`;
    const [equipmentRows, driverRows] = await Promise.all([
      ctx.db
        .select({
          id: equipment.id,
          code: equipment.code,
          name: equipment.name,
          typeId: equipment.typeId,
          status: equipment.status,
          statusChangedAt: equipment.statusChangedAt,
          heldBy: heldReference,
        })
        .from(equipment)
        .leftJoin(
          dispatches,
          and(eq(dispatches.equipmentId, equipment.id), isNull(dispatches.endedAt)),
        )
        .where(eq(equipment.typeId, order.equipmentTypeId)),
      ctx.db
        .select({
          id: drivers.id,
          name: drivers.name,
          status: drivers.status,
          statusChangedAt: drivers.statusChangedAt,
          qualifiedTypeIds: sql<
            string[]
          >`coalesce((select array_agg(q.equipment_type_id) from ${driverQualifications} q where q.driver_id = ${drivers.id}), '{}')`,
          heldBy: heldReference,
        })
        .from(drivers)
        .leftJoin(dispatches, and(eq(dispatches.driverId, drivers.id), isNull(dispatches.endedAt))),
    ]);
    const rankedEquipment = rankEquipment(equipmentRows, order.equipmentTypeId);
    const rankedDrivers = rankDrivers(driverRows, order.equipmentTypeId);
    const bestEquipment = rankedEquipment.eligible[0];
    const bestDriver = rankedDrivers.eligible[0];
    return {
      workOrder: order,
      equipment: {
        eligible: rankedEquipment.eligible.map(({ id, code, name, statusChangedAt }) => ({
          id,
          code,
          name,
          statusChangedAt,
        })),
        excluded: rankedEquipment.excluded.map(({ item, reason }) => ({
          id: item.id,
          code: item.code,
          name: item.name,
          status: item.status,
          reason,
          heldBy: item.heldBy,
        })),
      },
      drivers: {
        eligible: rankedDrivers.eligible.map(({ id, name, statusChangedAt }) => ({
          id,
          name,
          statusChangedAt,
        })),
        excluded: rankedDrivers.excluded.map(({ item, reason }) => ({
          id: item.id,
          name: item.name,
          status: item.status,
          reason,
          heldBy: item.heldBy,
        })),
      },
      best:
        bestEquipment && bestDriver
          ? { equipmentId: bestEquipment.id, driverId: bestDriver.id }
          : null,
    };
  });
