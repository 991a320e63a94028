import { schema } from '@dispatch/db';
import { ZCreateWorkOrderSchema, transitionWorkOrder } from '@dispatch/domain';
import { sql } from 'drizzle-orm';
import { actorOf } from '../../core/actor';
import { appendEvent } from '../../core/append-event';
import { withIdempotency } from '../../core/idempotency';
import { fillIfAuto, mutate } from '../../core/transaction';
import { dispatcherProcedure } from '../../procedures';
import { ZWorkOrderSummaryOutput } from '../../read/shapes';
import { selectWorkOrderSummary } from '../../read/work-orders';

/**
 * A new order joins the queue at once, and with auto-dispatch on the queue is filled in the same
 * transaction: the order is dispatched if it is the best waiting order that the free resources can
 * serve, so a new order never jumps ahead of one that has waited with a higher priority.
 */
export const createWorkOrder = dispatcherProcedure
  .input(ZCreateWorkOrderSchema)
  .output(ZWorkOrderSummaryOutput)
  .mutation(({ ctx, input }) => {
    const actor = actorOf(ctx.principal);
    const { idempotencyKey, ...fields } = input;
    return mutate(
      ctx,
      actor,
      (tx) =>
        withIdempotency(
          tx,
          {
            subject: actor.subject,
            operation: 'workOrders.create',
            key: idempotencyKey,
            input: fields,
          },
          async () => {
            const [row] = await tx
              .insert(schema.workOrders)
              .values({
                ...fields,
                lat: fields.lat ?? null,
                lng: fields.lng ?? null,
                dueBy: fields.dueBy ?? null,
                status: transitionWorkOrder('new', 'enqueue'),
                queuedAt: sql`clock_timestamp()`,
                createdBySubject: actor.subject,
                createdByName: actor.name,
              })
              .returning({ id: schema.workOrders.id, reference: schema.workOrders.reference });
            if (!row) throw new Error('insert returned no row');
            await appendEvent(tx, actor, {
              entityType: 'work_order',
              entityId: row.id,
              action: 'created',
              payload: { reference: row.reference, priority: fields.priority, title: fields.title },
            });
            await fillIfAuto(tx, actor);
            return selectWorkOrderSummary(tx, row.id);
          },
        ),
      { refill: true },
    );
  });
