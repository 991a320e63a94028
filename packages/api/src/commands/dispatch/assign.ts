import type { Transaction } from '@dispatch/db';
import { schema } from '@dispatch/db';
import {
  DomainError,
  type TAssignDispatch,
  assertAssignable,
  isDomainError,
  transitionWorkOrder,
} from '@dispatch/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type { TWorkOrderSummaryOutput } from '../../read/shapes';
import { defineCommand } from '../command';
import { applyAssignment } from '../steps/apply-assignment';
import { lockEquipment, lockQualifiedDriver, lockWorkOrderSummary } from '../steps/locks';

/** The reference of the order that holds a resource, to tell a dispatcher what just happened. */
async function heldBy(tx: Transaction, column: 'equipmentId' | 'driverId', id: string) {
  const [row] = await tx
    .select({ reference: schema.workOrders.reference })
    .from(schema.dispatches)
    .innerJoin(schema.workOrders, eq(schema.workOrders.id, schema.dispatches.workOrderId))
    .where(and(eq(schema.dispatches[column], id), isNull(schema.dispatches.endedAt)));
  return row?.reference ?? null;
}

/**
 * Manual assignment, one transaction: lock the work order, the equipment and the driver in that
 * order, check the state machine and the matching rule on the locked rows, then write. Answers
 * with the order's summary built from the locked rows and the writes (nothing else can change
 * them before the commit), which saves reading it back on the hottest write.
 */
export const assignDispatchCommand = defineCommand({
  name: 'dispatch.assign',
  async run(
    context,
    input: Omit<TAssignDispatch, 'idempotencyKey'>,
  ): Promise<TWorkOrderSummaryOutput> {
    const { tx } = context;
    const workOrder = await lockWorkOrderSummary(tx, input.workOrderId);
    const equipment = await lockEquipment(tx, input.equipmentId);
    const driver = await lockQualifiedDriver(tx, input.driverId);
    transitionWorkOrder(workOrder.status, 'assign');

    try {
      assertAssignable({ requiredTypeId: workOrder.equipmentTypeId, equipment, driver });
    } catch (error) {
      if (
        isDomainError(error) &&
        error.code === 'EQUIPMENT_NOT_AVAILABLE' &&
        equipment.status === 'assigned'
      ) {
        const reference = await heldBy(tx, 'equipmentId', equipment.id);
        throw new DomainError(
          'EQUIPMENT_NOT_AVAILABLE',
          `${equipment.code} was just assigned to ${reference ?? 'another work order'}; pick another.`,
          { ...error.details, heldBy: reference },
        );
      }
      if (
        isDomainError(error) &&
        error.code === 'DRIVER_NOT_AVAILABLE' &&
        driver.status === 'assigned'
      ) {
        const reference = await heldBy(tx, 'driverId', driver.id);
        throw new DomainError(
          'DRIVER_NOT_AVAILABLE',
          `${driver.name} was just assigned to ${reference ?? 'another work order'}; pick another.`,
          { ...error.details, heldBy: reference },
        );
      }
      throw error;
    }
    const written = await applyAssignment(context, { workOrder, equipment, driver, auto: false });
    return {
      ...workOrder,
      status: written.status,
      queuedAt: workOrder.queuedAt ?? written.assignedAt,
      updatedAt: written.assignedAt,
      dispatch: {
        id: written.dispatchId,
        equipmentId: equipment.id,
        equipmentCode: equipment.code,
        equipmentName: equipment.name,
        driverId: driver.id,
        driverName: driver.name,
        driverPhone: driver.phone,
        assignedAt: written.assignedAt,
        enRouteAt: null,
        onSiteAt: null,
      },
    };
  },
});
