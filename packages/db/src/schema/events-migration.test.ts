import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventKindOf, safeParseEventBody } from '@dispatch/domain';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_FOLDER, runMigrations } from '../migrate';
import { createEmptyDatabase } from '../testing';

/**
 * Events written before the typed catalogue and before `work_order_reference` existed (the shapes
 * the first demo seed and the first commands wrote) still parse against the catalogue after the
 * migrations, and every one about a work order now names it.
 */
let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
let before0004 = '';

beforeAll(async () => {
  database = await createEmptyDatabase();
  // The migrations as they were before 0004: the same files with a journal that stops at 0003.
  before0004 = await mkdtemp(join(tmpdir(), 'dispatch-migrations-'));
  await cp(DEFAULT_MIGRATIONS_FOLDER, before0004, { recursive: true });
  const journalFile = join(before0004, 'meta', '_journal.json');
  const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((entry) => entry.idx <= 3);
  await writeFile(journalFile, JSON.stringify(journal));
});
afterAll(async () => {
  await database.destroy();
  await rm(before0004, { recursive: true, force: true });
});

describe('migration 0004 and the events written before it', () => {
  it('names the work order of every old event, and every old payload parses', async () => {
    await runMigrations(database.url, { migrationsFolder: before0004 });
    const sql = postgres(database.url, { max: 1, onnotice: () => undefined });
    try {
      const [type] = await sql`insert into equipment_types (name) values ('crane') returning id`;
      const [unit] = await sql`
        insert into equipment (code, name, type_id) values ('C-1', 'Crane', ${type!.id}) returning id`;
      const [driver] = await sql`
        insert into drivers (name, phone, email) values ('Ann', '+1 555 0100', 'a@x.io') returning id`;
      const [order] = await sql`
        insert into work_orders (title, site_address, equipment_type_id, created_by_subject, created_by_name)
        values ('Lift', 'Quay 1', ${type!.id}, 'seed', 'Seed') returning id, reference`;
      const [dispatch] = await sql`
        insert into dispatches (work_order_id, equipment_id, driver_id, assigned_by_subject)
        values (${order!.id}, ${unit!.id}, ${driver!.id}, 'seed') returning id`;
      const old = (
        action: string,
        payload: object,
        entityType = 'work_order',
        entityId = order!.id,
      ) =>
        sql`insert into events (entity_type, entity_id, work_order_id, action, actor_subject, actor_name, payload)
            values (${entityType}, ${entityId}, ${entityType === 'work_order' ? order!.id : null},
                    ${action}, 'seed', 'Seed', ${sql.json(payload as never)})`;
      await old('created', { reference: order!.reference });
      await old('assigned', {
        dispatchId: dispatch!.id,
        equipmentId: unit!.id,
        equipmentCode: 'C-1',
        driverId: driver!.id,
        driverName: 'Ann',
        auto: true,
      });
      await old('en_route', { dispatchId: dispatch!.id });
      await old('cancelled', { reason: 'Customer postponed the job' });
      await old('updated', {
        title: 'Lift 2',
        dueBy: '2026-01-05T10:00:00.000Z',
        lat: null,
        lng: null,
      });
      await old(
        'status_changed',
        { from: 'available', to: 'maintenance', note: 'Service' },
        'equipment',
        unit!.id,
      );
      await old('created', { name: 'crane' }, 'equipment_type', type!.id);

      await runMigrations(database.url);

      const rows = await sql<
        {
          entity_type: string;
          action: string;
          payload: unknown;
          work_order_reference: string | null;
        }[]
      >`select entity_type, action, payload, work_order_reference from events order by id`;
      expect(rows).toHaveLength(7);
      for (const row of rows) {
        const kind = eventKindOf({ entityType: row.entity_type, action: row.action });
        expect(safeParseEventBody({ kind, payload: row.payload }).success, kind).toBe(true);
        expect(row.work_order_reference).toBe(
          row.entity_type === 'work_order' ? order!.reference : null,
        );
      }
      // Still append-only after the one-time backfill.
      await expect(sql`update events set actor_name = 'x'`).rejects.toThrow(/append-only/);
    } finally {
      await sql.end({ timeout: 5 });
    }
  });
});
