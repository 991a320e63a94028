import { schema } from '@dispatch/db';
import { and, asc, eq, exists, notInArray, sql } from 'drizzle-orm';
import { readSettings } from '../../read/settings';
import type { TCommandContext } from '../command';
import { applyAssignment } from './apply-assignment';

export interface TFilled {
  workOrderId: string;
  reference: string;
  dispatchId: string;
  equipmentCode: string;
  driverName: string;
}

const queueOrder = [
  asc(schema.workOrders.priority),
  sql`${schema.workOrders.dueBy} asc nulls last`,
  asc(schema.workOrders.queuedAt),
  asc(schema.workOrders.number),
];

/** Any constant works; it names "the queue fill" among advisory locks. */
export const FILL_LOCK_KEY = 7_340_001;

/**
 * Fills the queue in queue order.
 *
 * Fills are serialised by a transaction-scoped advisory lock, across all server processes: with
 * concurrent fills each skipping the rows the others hold, a transaction that locked the head order
 * but found no free unit would let a later order overtake it. With one filler at a time the queue is
 * served strictly in order. The lock cannot deadlock: its holder never waits for a row, because
 * every row here is taken with FOR UPDATE SKIP LOCKED (rows held by a manual assignment or edit are
 * skipped, and that transaction's own post-commit fill serves them).
 *
 * An equipment type with no free unit or no free qualified driver is skipped for the rest of the
 * pass, so an order waiting for a crane never holds up one waiting for a truck.
 */
export async function fillQueue(
  context: TCommandContext,
  options: { limit?: number } = {},
): Promise<TFilled[]> {
  const { tx } = context;
  const limit = options.limit ?? 500;
  // Cheap exit without the lock: an order committed after this check is filled by its creator.
  const [anyQueued] = await tx
    .select({ id: schema.workOrders.id })
    .from(schema.workOrders)
    .where(eq(schema.workOrders.status, 'queued'))
    .limit(1);
  if (!anyQueued) return [];
  await tx.execute(sql`select pg_advisory_xact_lock(${FILL_LOCK_KEY})`);
  const exhaustedTypes: string[] = [];
  const filled: TFilled[] = [];
  while (filled.length < limit) {
    const [order] = await tx
      .select({
        id: schema.workOrders.id,
        reference: schema.workOrders.reference,
        status: schema.workOrders.status,
        equipmentTypeId: schema.workOrders.equipmentTypeId,
      })
      .from(schema.workOrders)
      .where(
        and(
          eq(schema.workOrders.status, 'queued'),
          exhaustedTypes.length > 0
            ? notInArray(schema.workOrders.equipmentTypeId, exhaustedTypes)
            : undefined,
        ),
      )
      .orderBy(...queueOrder)
      .limit(1)
      .for('update', { skipLocked: true });
    if (!order) break;

    const [equipment] = await tx
      .select({ id: schema.equipment.id, code: schema.equipment.code })
      .from(schema.equipment)
      .where(
        and(
          eq(schema.equipment.typeId, order.equipmentTypeId),
          eq(schema.equipment.status, 'available'),
        ),
      )
      .orderBy(asc(schema.equipment.statusChangedAt), asc(schema.equipment.id))
      .limit(1)
      .for('update', { skipLocked: true });
    const [driver] = equipment
      ? await tx
          .select({ id: schema.drivers.id, name: schema.drivers.name })
          .from(schema.drivers)
          .where(
            and(
              eq(schema.drivers.status, 'available'),
              exists(
                tx
                  .select({ one: sql`1` })
                  .from(schema.driverQualifications)
                  .where(
                    and(
                      eq(schema.driverQualifications.driverId, schema.drivers.id),
                      eq(schema.driverQualifications.equipmentTypeId, order.equipmentTypeId),
                    ),
                  ),
              ),
            ),
          )
          .orderBy(asc(schema.drivers.statusChangedAt), asc(schema.drivers.id))
          .limit(1)
          .for('update', { skipLocked: true })
      : [];
    if (!equipment || !driver) {
      exhaustedTypes.push(order.equipmentTypeId);
      continue;
    }
    const { dispatchId } = await applyAssignment(context, {
      workOrder: order,
      equipment,
      driver,
      auto: true,
    });
    filled.push({
      workOrderId: order.id,
      reference: order.reference,
      dispatchId,
      equipmentCode: equipment.code,
      driverName: driver.name,
    });
  }
  return filled;
}

/** Fills the queue when auto-dispatch is on; with it off, orders wait for a dispatcher. */
export async function fillIfAuto(context: TCommandContext): Promise<TFilled[]> {
  const settings = await readSettings(context.tx);
  return settings.autoDispatch ? fillQueue(context) : [];
}
