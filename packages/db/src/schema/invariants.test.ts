import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../migrate';
import { createEmptyDatabase, createTestDatabase, type TTestDatabase } from '../testing';

let tdb: TTestDatabase;
let ids: { type: string; e1: string; d1: string; d2: string; wo1: string; wo2: string };

beforeAll(async () => {
  tdb = await createTestDatabase();
  const { sql } = tdb;
  const [type] = await sql`insert into equipment_types (name) values ('crane-50t') returning id`;
  const [e1] =
    await sql`insert into equipment (code, name, type_id) values ('C-1', 'Crane', ${type!.id}) returning id`;
  const [d1] =
    await sql`insert into drivers (name, phone, email) values ('Ann', '+1 555 0100', 'a@x.io') returning id`;
  const [d2] =
    await sql`insert into drivers (name, phone, email) values ('Bo', '+1 555 0101', 'b@x.io') returning id`;
  const wo = await sql`
    insert into work_orders (title, site_address, equipment_type_id, created_by_subject, created_by_name)
    values ('Lift A', 'Quay 1', ${type!.id}, 'seed', 'Seed'), ('Lift B', 'Quay 2', ${type!.id}, 'seed', 'Seed')
    returning id`;
  ids = { type: type!.id, e1: e1!.id, d1: d1!.id, d2: d2!.id, wo1: wo[0]!.id, wo2: wo[1]!.id };
});
afterAll(() => tdb.destroy());

const dispatch = (wo: string, e: string, d: string) =>
  tdb.sql`insert into dispatches (work_order_id, equipment_id, driver_id, assigned_by_subject)
          values (${wo}, ${e}, ${d}, 'test') returning id`;

describe('database invariants', () => {
  it('migrates an empty database from scratch, and a second run is a no-op', async () => {
    const empty = await createEmptyDatabase();
    try {
      await runMigrations(empty.url);
      await runMigrations(empty.url);
      const sql = postgres(empty.url, { max: 1 });
      const [row] = await sql`select auto_dispatch from settings where id = 1`;
      await sql.end();
      expect(row?.auto_dispatch).toBe(true);
    } finally {
      await empty.destroy();
    }
  });

  it('gives work orders sequential human references', async () => {
    const rows = await tdb.sql`select reference from work_orders order by number`;
    expect(rows.map((r) => r.reference)).toEqual(['WO-000001', 'WO-000002']);
  });

  it('allows one active dispatch per equipment, per driver and per work order', async () => {
    await dispatch(ids.wo1, ids.e1, ids.d1);
    await expect(dispatch(ids.wo2, ids.e1, ids.d2)).rejects.toMatchObject({
      code: '23505',
      constraint_name: 'dispatches_active_equipment_uq',
    });
    const [e2] =
      await tdb.sql`insert into equipment (code, name, type_id) values ('C-2', 'Crane 2', ${ids.type}) returning id`;
    await expect(dispatch(ids.wo2, e2!.id, ids.d1)).rejects.toMatchObject({
      constraint_name: 'dispatches_active_driver_uq',
    });
    await expect(dispatch(ids.wo1, e2!.id, ids.d2)).rejects.toMatchObject({
      constraint_name: 'dispatches_active_work_order_uq',
    });
    // Ending the dispatch frees all three.
    await tdb.sql`update dispatches set ended_at = now(), outcome = 'released' where work_order_id = ${ids.wo1}`;
    await dispatch(ids.wo2, ids.e1, ids.d1);
  });

  it('refuses values outside the enums and inconsistent rows', async () => {
    await expect(
      tdb.sql`update equipment set status = 'flying' where id = ${ids.e1}`,
    ).rejects.toMatchObject({
      code: '22P02',
    });
    await expect(
      tdb.sql`update work_orders set status = 'queued' where id = ${ids.wo1}`,
    ).rejects.toMatchObject({
      constraint_name: 'work_orders_queued_at_ck',
    });
    await expect(
      tdb.sql`update work_orders set lat = 1 where id = ${ids.wo1}`,
    ).rejects.toMatchObject({
      constraint_name: 'work_orders_lat_lng_ck',
    });
    await expect(
      tdb.sql`update equipment set code = 'c-1' where id = ${ids.e1}`,
    ).rejects.toMatchObject({
      constraint_name: 'equipment_code_upper_ck',
    });
    await expect(tdb.sql`insert into settings (id) values (2)`).rejects.toMatchObject({
      code: '23514',
    });
  });

  it('keeps events append-only', async () => {
    await tdb.sql`insert into events (entity_type, entity_id, action, actor_subject, actor_name)
                  values ('equipment', ${ids.e1}, 'created', 'test', 'Test')`;
    await expect(tdb.sql`update events set action = 'forged'`).rejects.toThrow(/append-only/);
    await expect(tdb.sql`delete from events`).rejects.toThrow(/append-only/);
    await expect(tdb.sql`truncate events`).rejects.toThrow(/append-only/);
    await expect(
      tdb.sql`insert into events (entity_type, entity_id, action, actor_subject, actor_name)
              values ('spaceship', ${ids.e1}, 'x', 'test', 'Test')`,
    ).rejects.toMatchObject({ constraint_name: 'events_entity_type_ck' });
    const [count] = await tdb.sql`select count(*)::int as n from events`;
    expect(count?.n).toBe(1);
  });

  it('serves the queue from its partial index', async () => {
    await tdb.sql`set enable_seqscan = off`;
    const plan = await tdb.sql`
      explain select id from work_orders where status = 'queued'
      order by priority, due_by nulls last, queued_at, number limit 10`;
    await tdb.sql`reset enable_seqscan`;
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toContain('work_orders_queue_idx');
  });
});
