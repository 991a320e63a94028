import type { Transaction } from '@dispatch/db';
import { schema } from '@dispatch/db';
import type { TSettableEquipmentStatus } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import { lockDriver, lockEquipment, type TLockedDispatch } from './locks';

/**
 * Ends an active dispatch and frees its equipment and driver. The caller holds the work order and
 * dispatch locks; this takes the equipment and driver locks next, keeping the global lock order.
 */
export async function endDispatch(
  tx: Transaction,
  dispatch: TLockedDispatch,
  input: {
    outcome: 'completed' | 'released' | 'cancelled';
    completionNote?: string;
    releaseReason?: string;
    equipmentStatus?: TSettableEquipmentStatus;
  },
) {
  const equipment = await lockEquipment(tx, dispatch.equipmentId);
  const driver = await lockDriver(tx, dispatch.driverId);
  await tx
    .update(schema.dispatches)
    .set({
      endedAt: sql`now()`,
      outcome: input.outcome,
      completionNote: input.completionNote ?? null,
      releaseReason: input.releaseReason ?? null,
      updatedAt: sql`now()`,
    })
    .where(eq(schema.dispatches.id, dispatch.id));
  const equipmentStatus = input.equipmentStatus ?? 'available';
  await tx
    .update(schema.equipment)
    .set({ status: equipmentStatus, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(schema.equipment.id, equipment.id));
  await tx
    .update(schema.drivers)
    .set({ status: 'available', statusChangedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(schema.drivers.id, driver.id));
  return { equipment: { ...equipment, status: equipmentStatus }, driver };
}
