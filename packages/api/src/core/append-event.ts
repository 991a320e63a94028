import type { Executor } from '@dispatch/db';
import { schema } from '@dispatch/db';
import type { TActor } from './actor';

type TEventInput = {
  entityType: (typeof schema.EVENT_ENTITY_TYPES)[number];
  entityId: string;
  workOrderId?: string | null;
  action: string;
  payload?: Record<string, unknown>;
};

/** Every state change writes one event with its actor, in the same transaction as the change. */
export async function appendEvent(tx: Executor, actor: TActor, event: TEventInput): Promise<void> {
  await tx.insert(schema.events).values({
    entityType: event.entityType,
    entityId: event.entityId,
    workOrderId: event.workOrderId ?? (event.entityType === 'work_order' ? event.entityId : null),
    action: event.action,
    actorSubject: actor.subject,
    actorName: actor.name,
    payload: event.payload ?? {},
  });
}
