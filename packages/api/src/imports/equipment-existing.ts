import type { Executor } from '@dispatch/db';
import { schema } from '@dispatch/db';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';

const { equipment, dispatches, workOrders } = schema;

export type TExistingEquipment = Awaited<ReturnType<typeof selectEquipment>>[number];

/**
 * The units with these codes, by code, with the job they are on. With `lock`, they are locked
 * FOR UPDATE in id order, so two imports touching the same units cannot deadlock.
 */
export async function readEquipmentByCode(
  db: Executor,
  codes: readonly string[],
  lock: boolean,
): Promise<Map<string, TExistingEquipment>> {
  const found = await selectEquipment(db, [...new Set(codes)], lock);
  return new Map(found.map((unit) => [unit.code, unit]));
}

function selectEquipment(db: Executor, codes: string[], lock: boolean) {
  if (codes.length === 0) return Promise.resolve([]);
  const query = db
    .select({
      id: equipment.id,
      code: equipment.code,
      name: equipment.name,
      typeId: equipment.typeId,
      status: equipment.status,
      activeReference: workOrders.reference,
    })
    .from(equipment)
    .leftJoin(dispatches, and(eq(dispatches.equipmentId, equipment.id), isNull(dispatches.endedAt)))
    .leftJoin(workOrders, eq(workOrders.id, dispatches.workOrderId))
    .where(inArray(equipment.code, codes))
    .orderBy(asc(equipment.id))
    .$dynamic();
  return lock ? query.for('update', { of: equipment }) : query;
}
