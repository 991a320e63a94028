import type { Transaction } from '@dispatch/db';
import { schema } from '@dispatch/db';
import { eq, sql } from 'drizzle-orm';
import type { TActor } from '../core/actor';
import { appendEvent } from '../core/append-event';
import { replaceQualifications } from '../routers/drivers/replace-qualifications';
import { chunks } from './chunks';
import type { TDriverPlan } from './drivers-plan';
import { IMPORT_SOURCE } from './import-source';

type TCreate = TDriverPlan['creates'][number];

/**
 * Writes a fully valid plan with the events the driver procedures write (created, updated,
 * availability_changed): new drivers and their qualifications in multi-row inserts, an update per
 * changed driver. The caller's transaction holds the locks its plan was checked under.
 */
export async function applyDriverPlan(tx: Transaction, actor: TActor, plan: TDriverPlan) {
  for (const batch of chunks(plan.creates, 1000)) {
    const ids = await insertDrivers(tx, batch);
    for (const row of batch) await appendCreated(tx, actor, row, ids.get(row.email));
  }
  for (const row of plan.updates) {
    const { id, changes, qualificationTypeIds } = row;
    if (Object.keys(changes).length > 0 || qualificationTypeIds) {
      if (Object.keys(changes).length > 0) {
        await tx
          .update(schema.drivers)
          .set({ ...changes, updatedAt: sql`now()` })
          .where(eq(schema.drivers.id, id));
      }
      if (qualificationTypeIds) await replaceQualifications(tx, id, qualificationTypeIds);
      await appendEvent(tx, actor, {
        entityType: 'driver',
        entityId: id,
        action: 'updated',
        payload: {
          ...changes,
          ...(qualificationTypeIds ? { qualificationTypeIds } : {}),
          source: IMPORT_SOURCE,
        },
      });
    }
    if (row.status) {
      await tx
        .update(schema.drivers)
        .set({ status: row.status.to, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(schema.drivers.id, id));
      await appendEvent(tx, actor, {
        entityType: 'driver',
        entityId: id,
        action: 'availability_changed',
        payload: { ...row.status, source: IMPORT_SOURCE },
      });
    }
  }
}

/** Emails are unique within a valid plan, so they map the returned ids back to the rows. */
async function insertDrivers(tx: Transaction, rows: TCreate[]): Promise<Map<string, string>> {
  const created = await tx
    .insert(schema.drivers)
    .values(
      rows.map(({ name, phone, email, status }) => ({ name, phone, email, status, subject: null })),
    )
    .returning({ id: schema.drivers.id, email: schema.drivers.email });
  const ids = new Map(created.map((driver) => [driver.email, driver.id]));
  if (ids.size !== rows.length) throw new Error('the insert did not return every driver');
  const qualifications = rows.flatMap((row) =>
    row.qualificationTypeIds.map((equipmentTypeId) => ({
      driverId: ids.get(row.email) ?? '',
      equipmentTypeId,
    })),
  );
  for (const batch of chunks(qualifications, 10_000)) {
    await tx.insert(schema.driverQualifications).values(batch);
  }
  return ids;
}

async function appendCreated(tx: Transaction, actor: TActor, row: TCreate, id: string | undefined) {
  if (!id) throw new Error(`inserted driver ${row.email} was not returned`);
  await appendEvent(tx, actor, {
    entityType: 'driver',
    entityId: id,
    action: 'created',
    payload: {
      name: row.name,
      qualificationTypeIds: row.qualificationTypeIds,
      ...(row.status === 'available' ? {} : { status: row.status }),
      source: IMPORT_SOURCE,
    },
  });
}
