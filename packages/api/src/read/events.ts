import type { Executor } from '@dispatch/db';
import { schema } from '@dispatch/db';
import { desc } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';

export const eventColumns = {
  id: schema.events.id,
  entityType: schema.events.entityType,
  entityId: schema.events.entityId,
  workOrderId: schema.events.workOrderId,
  action: schema.events.action,
  actorName: schema.events.actorName,
  payload: schema.events.payload,
  createdAt: schema.events.createdAt,
};

export function selectEvents(db: Executor, where: SQL | undefined, limit: number) {
  return db
    .select(eventColumns)
    .from(schema.events)
    .where(where)
    .orderBy(desc(schema.events.id))
    .limit(limit);
}
