import { schema } from '@dispatch/db';
import { type TCreateWorkOrder, transitionWorkOrder } from '@dispatch/domain';
import { sql } from 'drizzle-orm';
import { defineCommand } from '../command';

/**
 * A new order joins the queue at once. With auto-dispatch on, the mutation builder then fills the
 * queue in the same transaction: the order is dispatched if it is the best waiting order the free
 * resources can serve, so a new order never jumps ahead of one that has waited with a higher
 * priority.
 */
export const createWorkOrderCommand = defineCommand({
  name: 'workOrders.create',
  async run({ tx, actor, events }, input: Omit<TCreateWorkOrder, 'idempotencyKey'>) {
    const [row] = await tx
      .insert(schema.workOrders)
      .values({
        ...input,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        dueBy: input.dueBy ?? null,
        status: transitionWorkOrder('new', 'enqueue'),
        queuedAt: sql`clock_timestamp()`,
        createdBySubject: actor.subject,
        createdByName: actor.name,
      })
      .returning({ id: schema.workOrders.id, reference: schema.workOrders.reference });
    if (!row) throw new Error('insert returned no row');
    events.append({
      kind: 'work_order.created',
      workOrder: row,
      payload: { reference: row.reference, priority: input.priority, title: input.title },
    });
    return { workOrderId: row.id };
  },
});
