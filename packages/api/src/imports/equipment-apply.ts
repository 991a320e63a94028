import type { Transaction } from '@dispatch/db';
import { schema } from '@dispatch/db';
import { DomainError } from '@dispatch/domain';
import { eq, sql } from 'drizzle-orm';
import type { TActor } from '../core/actor';
import { appendEvent } from '../core/append-event';
import { domainErrorFromPg, findPgError } from '../errors/to-trpc-error';
import { chunks } from './chunks';
import type { TEquipmentPlan } from './equipment-plan';
import { IMPORT_SOURCE } from './import-source';

type TCreate = TEquipmentPlan['creates'][number];

/**
 * Writes a fully valid plan: new units in multi-row inserts, an update per changed unit, and the
 * same events the equipment procedures write. The caller's transaction holds the locks its plan
 * was checked under.
 */
export async function applyEquipmentPlan(tx: Transaction, actor: TActor, plan: TEquipmentPlan) {
  for (const batch of chunks(plan.creates, 1000)) {
    const ids = await insertUnits(tx, batch);
    for (const row of batch) await appendCreated(tx, actor, row, ids.get(row.code));
  }
  for (const row of plan.updates) {
    if (Object.keys(row.changes).length > 0) {
      await tx
        .update(schema.equipment)
        .set({ ...row.changes, updatedAt: sql`now()` })
        .where(eq(schema.equipment.id, row.id));
      await appendEvent(tx, actor, {
        entityType: 'equipment',
        entityId: row.id,
        action: 'updated',
        payload: { ...row.changes, source: IMPORT_SOURCE },
      });
    }
    if (row.status) {
      await tx
        .update(schema.equipment)
        .set({ status: row.status.to, statusChangedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(schema.equipment.id, row.id));
      await appendEvent(tx, actor, {
        entityType: 'equipment',
        entityId: row.id,
        action: 'status_changed',
        payload: { ...row.status, note: 'Set by a CSV import', source: IMPORT_SOURCE },
      });
    }
  }
}

async function appendCreated(tx: Transaction, actor: TActor, row: TCreate, id: string | undefined) {
  if (!id) throw new Error(`inserted unit ${row.code} was not returned`);
  await appendEvent(tx, actor, {
    entityType: 'equipment',
    entityId: id,
    action: 'created',
    payload: {
      code: row.code,
      name: row.name,
      typeId: row.typeId,
      ...(row.status === 'available' ? {} : { status: row.status }),
      source: IMPORT_SOURCE,
    },
  });
}

/**
 * A unit created since the plan was read (by equipment.create, which does not wait for imports)
 * trips the unique index; the whole import rolls back and says which row it was.
 */
async function insertUnits(tx: Transaction, rows: TCreate[]): Promise<Map<string, string>> {
  try {
    const created = await tx
      .insert(schema.equipment)
      .values(rows.map(({ code, name, typeId, status }) => ({ code, name, typeId, status })))
      .returning({ id: schema.equipment.id, code: schema.equipment.code });
    return new Map(created.map((unit) => [unit.code, unit.id]));
  } catch (error) {
    if (domainErrorFromPg(error)?.code !== 'EQUIPMENT_CODE_TAKEN') throw error;
    // postgres.js carries the server's detail: `Key (code)=(T-1) already exists.`
    const detail = (findPgError(error) as { detail?: unknown } | null)?.detail;
    const code = /\(code\)=\((.*)\)/.exec(typeof detail === 'string' ? detail : '')?.[1];
    const row = rows.find((r) => r.code === code);
    const which = row ? `Line ${row.line}: equipment ${row.code} was` : 'A unit in this file was';
    throw new DomainError(
      'EQUIPMENT_CODE_TAKEN',
      `${which} added by someone else during this import. Nothing was imported; check the file again.`,
      { code: code ?? null, line: row?.line ?? null },
    );
  }
}
