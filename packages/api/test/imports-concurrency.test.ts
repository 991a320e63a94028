import { MAX_IMPORT_ROWS } from '@dispatch/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejection } from './helpers/fleet';
import { countRows, createHarness, type THarness } from './helpers/harness';

let h: THarness;
let craneId: string;

beforeAll(async () => {
  h = await createHarness({ max: 12 });
  await h.admin.settings.update({ autoDispatch: false });
  craneId = (await h.admin.equipmentTypes.create({ name: 'crane' })).id;
});
afterAll(() => h.destroy());

const csv = (...lines: string[]) => lines.join('\n');

async function eventsFor(code: string) {
  return h.tdb.sql<{ action: string }[]>`
    select ev.action from events ev join equipment e on e.id = ev.entity_id
    where ev.entity_type = 'equipment' and e.code = ${code} order by ev.id`;
}

/** Waits until some backend of this database is blocked on a lock (the import under test). */
async function untilSomeoneWaitsOnALock() {
  for (let i = 0; i < 200; i++) {
    const [row] = await h.tdb.sql<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`;
    if ((row?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('nobody waited on a lock');
}

describe('concurrent imports', () => {
  it('two commits adding the same new code: one creates it, the other finds it (no duplicate)', async () => {
    for (let round = 0; round < 5; round++) {
      const code = `RACE-${round}`;
      const [first, second] = await Promise.all([
        h.admin.imports.equipment({
          csv: csv('code,name,type', `${code},Alpha,crane`, `A-${round},Only in A,crane`),
          mode: 'commit',
        }),
        h.admin.imports.equipment({
          csv: csv('code,name,type', `${code},Beta,crane`, `B-${round},Only in B,crane`),
          mode: 'commit',
        }),
      ]);
      expect([first.committed, second.committed]).toEqual([true, true]);
      // Serialised: exactly one report created the shared code, the other renamed it.
      const creators = [first, second].filter((r) => r.created === 2);
      const renamers = [first, second].filter((r) => r.created === 1 && r.updated === 1);
      expect([creators.length, renamers.length]).toEqual([1, 1]);
      const rows = await h.tdb.sql<{ name: string }[]>`
        select name from equipment where code = ${code}`;
      expect(rows).toHaveLength(1);
      expect(['Alpha', 'Beta']).toContain(rows[0]?.name);
      expect((await eventsFor(code)).map((e) => e.action)).toEqual(['created', 'updated']);
    }
  });

  it('a unit added by someone else mid-import fails the whole import with a clear conflict', async () => {
    const other = await h.tdb.sql.reserve();
    try {
      await other`begin`;
      await other`insert into equipment (code, name, type_id) values ('RACE-X', 'Theirs', ${craneId})`;
      const before = await countRows(h.tdb);
      const importing = h.admin.imports.equipment({
        csv: csv('code,name,type', 'SIDE-1,Side unit,crane', 'RACE-X,Mine,crane'),
        mode: 'commit',
      });
      const outcome = importing.then(
        () => null,
        (error: Error) => error,
      );
      await untilSomeoneWaitsOnALock();
      await other`commit`;
      const error = await outcome;
      expect(error?.message).toBe(
        'Line 3: equipment RACE-X was added by someone else during this import. Nothing was imported; check the file again.',
      );
      expect(await rejection(importing)).toEqual({
        code: 'CONFLICT',
        reason: 'EQUIPMENT_CODE_TAKEN',
      });
      const after = await countRows(h.tdb);
      // Only their row arrived; the import's SIDE-1 and its events were rolled back.
      expect(after).toEqual({ ...before, equipment: (before.equipment ?? 0) + 1 });
      expect(await h.tdb.sql`select 1 from equipment where code = 'SIDE-1'`).toHaveLength(0);
    } finally {
      other.release();
    }
  });

  it(`commits a full file of ${MAX_IMPORT_ROWS} rows in one transaction`, async () => {
    const rows = Array.from(
      { length: MAX_IMPORT_ROWS },
      (_, i) => `BULK-${i},Bulk unit ${i},crane`,
    );
    const before = await countRows(h.tdb);
    const started = performance.now();
    const report = await h.admin.imports.equipment({
      csv: csv('code,name,type', ...rows),
      mode: 'commit',
    });
    const ms = performance.now() - started;
    expect(report).toMatchObject({ created: MAX_IMPORT_ROWS, rejected: [], committed: true });
    const after = await countRows(h.tdb);
    expect(after.equipment).toBe((before.equipment ?? 0) + MAX_IMPORT_ROWS);
    expect(after.events).toBe((before.events ?? 0) + MAX_IMPORT_ROWS);
    // Generous: a laptop does it in a few seconds; this only catches an accidental N² or N+1.
    expect(ms).toBeLessThan(30_000);
    const dryRun = await h.admin.imports.equipment({
      csv: csv('code,name,type', ...rows),
      mode: 'dry_run',
    });
    expect(dryRun).toMatchObject({ unchanged: MAX_IMPORT_ROWS, rejected: [] });
  });
});
