import type { Transaction } from '@dispatch/db';
import { transitionWorkOrder } from '@dispatch/domain';
import { sql } from 'drizzle-orm';
import type { TActor } from './actor';

/**
 * The writes of one assignment, on rows the caller has already locked and checked: the dispatch,
 * the three status changes and the event.  Shared by manual assignment and the queue fill.
 *
 * One statement of data-modifying CTEs rather than five: with the rows locked nothing can change
 * between the writes, PostgreSQL runs every CTE to completion whether or not the final select reads
 * it, and the statement is atomic, so the only difference is four round trips fewer on the hottest
 * write of the product (docs/performance.md). The event row has the columns `appendEvent` writes.
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
  const rows = (await tx.execute(sql`
    with dispatch as (
      insert into dispatches (work_order_id, equipment_id, driver_id, assigned_by_subject)
      values (${workOrder.id}, ${equipment.id}, ${driver.id}, ${actor.subject})
      returning id, assigned_at
    ),
    order_update as (
      update work_orders
      set status = ${status}, queued_at = coalesce(queued_at, now()), updated_at = now()
      where id = ${workOrder.id}
    ),
    unit_update as (
      update equipment set status = 'assigned', status_changed_at = now(), updated_at = now()
      where id = ${equipment.id}
    ),
    driver_update as (
      update drivers set status = 'assigned', status_changed_at = now(), updated_at = now()
      where id = ${driver.id}
    ),
    event as (
      insert into events
        (entity_type, entity_id, work_order_id, action, actor_subject, actor_name, payload)
      select 'work_order', ${workOrder.id}, ${workOrder.id}, 'assigned',
             ${actor.subject}, ${actor.name},
             jsonb_build_object(
               'dispatchId', dispatch.id,
               'equipmentId', ${equipment.id}::text,
               'equipmentCode', ${equipment.code}::text,
               'driverId', ${driver.id}::text,
               'driverName', ${driver.name}::text,
               'auto', ${input.auto}::boolean)
      from dispatch
    )
    select id, assigned_at from dispatch
  `)) as unknown as { id: string; assigned_at: string }[];
  const [dispatch] = rows;
  if (!dispatch) throw new Error('dispatch insert returned no row');
  // now() is the transaction's start time: the order's updated_at and the dispatch's assigned_at.
  return { dispatchId: dispatch.id, status, assignedAt: new Date(dispatch.assigned_at) };
}
