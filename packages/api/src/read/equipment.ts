import type { Executor } from '@dispatch/db';
import { schema } from '@dispatch/db';
import { and, asc, eq, isNull, type SQL } from 'drizzle-orm';
import type { TEquipmentOutput } from './shapes';

const { equipment, equipmentTypes, dispatches, workOrders } = schema;

/** Equipment with its type name and the order it is on, in one query (no N+1). */
export async function selectEquipment(
  db: Executor,
  where: SQL | undefined,
  limit: number,
): Promise<TEquipmentOutput[]> {
  const rows = await db
    .select({
      id: equipment.id,
      code: equipment.code,
      name: equipment.name,
      typeId: equipment.typeId,
      typeName: equipmentTypes.name,
      status: equipment.status,
      statusChangedAt: equipment.statusChangedAt,
      createdAt: equipment.createdAt,
      updatedAt: equipment.updatedAt,
      activeWorkOrderId: workOrders.id,
      activeReference: workOrders.reference,
    })
    .from(equipment)
    .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipment.typeId))
    .leftJoin(dispatches, and(eq(dispatches.equipmentId, equipment.id), isNull(dispatches.endedAt)))
    .leftJoin(workOrders, eq(workOrders.id, dispatches.workOrderId))
    .where(where)
    .orderBy(asc(equipment.code))
    .limit(limit);
  return rows.map(({ activeWorkOrderId, activeReference, ...row }) => ({
    ...row,
    activeWorkOrder:
      activeWorkOrderId && activeReference
        ? { id: activeWorkOrderId, reference: activeReference }
        : null,
  }));
}

/** The answer of a command that changed one unit, read in the same transaction. */
export async function equipmentOf(db: Executor, changed: { equipmentId: string }) {
  const [item] = await selectEquipment(db, eq(schema.equipment.id, changed.equipmentId), 1);
  if (!item) throw new Error(`equipment ${changed.equipmentId} not found after a write`);
  return item;
}
