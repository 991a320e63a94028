import type { Transaction } from '@dispatch/db';
import { schema } from '@dispatch/db';
import { transitionWorkOrder } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import type { TActor } from './actor';
import { appendEvent } from './append-event';

/**
 * The writes of one assignment, on rows the caller has already locked and checked: the dispatch,
 * the three status changes and the event. Shared by manual assignment and the queue fill.
 */
export async function applyAssignment(
  tx: Transaction,
  actor: TActor,
  input: {
    workOrder: { id: string; reference: string; status: Parameters<typeof transitionWorkOrder>[0] };
    equipment: { id: string; code: string };
    driver: { id: string; name: string };
    auto: boolean;
  },
) {
  const { workOrder, equipment, driver } = input;
  const status = transitionWorkOrder(workOrder.status, 'assign');
  const [dispatch] = await tx
    .insert(schema.dispatches)
    .values({
      workOrderId: workOrder.id,
      equipmentId: equipment.id,
      driverId: driver.id,
      assignedBySubject: actor.subject,
    })
    .returning({ id: schema.dispatches.id, assignedAt: schema.dispatches.assignedAt });
  if (!dispatch) throw new Error('dispatch insert returned no row');
  await tx
    .update(schema.workOrders)
    .set({
      status,
      queuedAt: sql`coalesce(${schema.workOrders.queuedAt}, now())`,
      updatedAt: sql`now()`,
    })
    .where(eq(schema.workOrders.id, workOrder.id));
  await tx
    .update(schema.equipment)
    .set({ status: 'assigned', statusChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(schema.equipment.id, equipment.id));
  await tx
    .update(schema.drivers)
    .set({ status: 'assigned', statusChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(schema.drivers.id, driver.id));
  await appendEvent(tx, actor, {
    entityType: 'work_order',
    entityId: workOrder.id,
    action: 'assigned',
    payload: {
      dispatchId: dispatch.id,
      equipmentId: equipment.id,
      equipmentCode: equipment.code,
      driverId: driver.id,
      driverName: driver.name,
      auto: input.auto,
    },
  });
  return { dispatchId: dispatch.id, status };
}
