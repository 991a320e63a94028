import { EVENT_KINDS, eventKindOf, safeParseEventBody } from '@dispatch/domain';
import { seedDemoData } from '@dispatch/db/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fleet } from './helpers/fleet';
import { createHarness, type THarness } from './helpers/harness';
import { mutationCases } from './helpers/mutation-cases';

/*
 * The event catalogue (packages/domain/src/events) is the contract every reader relies on. Every
 * mutation of the router is run here, then every stored event row is read back with plain SQL and
 * checked against the catalogue: its kind must exist and its payload must parse. Together the
 * commands must write every kind the catalogue names, so none is dead.
 */

let h: THarness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.destroy());

async function storedEvents(tdb = h.tdb) {
  return tdb.sql<
    {
      id: number;
      entity_type: string;
      action: string;
      payload: unknown;
      work_order_id: string | null;
      work_order_reference: string | null;
    }[]
  >`select id, entity_type, action, payload, work_order_id, work_order_reference from events order by id`;
}

function problemsOf(rows: Awaited<ReturnType<typeof storedEvents>>) {
  return rows.flatMap((row) => {
    const kind = eventKindOf({ entityType: row.entity_type, action: row.action });
    const parsed = safeParseEventBody({ kind, payload: row.payload });
    return parsed.success
      ? []
      : [{ id: row.id, kind, payload: row.payload, issues: parsed.error.issues }];
  });
}

describe('the event catalogue', () => {
  it('parses every event that every command writes, and every kind is written', async () => {
    const f = fleet(h);
    await f.autoDispatch(false);
    const cases = mutationCases(h, f);
    for (const [path, prepare] of Object.entries(cases)) {
      const call = await prepare();
      await expect(
        call((who) => h.as(who)),
        path,
      ).resolves.toBeDefined();
    }
    // Auto-dispatch on: the queue fill's own assignments are events too.
    const type = await f.type();
    await f.equipment(type.id);
    await f.driver([type.id]);
    await f.autoDispatch(true);
    const auto = await f.order(type.id);
    expect(auto.status).toBe('dispatched');

    const rows = await storedEvents();
    expect(problemsOf(rows)).toEqual([]);
    const written = new Set(
      rows.map((r) => eventKindOf({ entityType: r.entity_type, action: r.action })),
    );
    expect([...written].sort()).toEqual([...EVENT_KINDS].sort());
    // Every event about a work order names it.
    const unnamed = rows.filter((r) => r.work_order_id !== null && r.work_order_reference === null);
    expect(unnamed).toEqual([]);
  });

  it("parses the demo seed's events, each naming its work order", async () => {
    const seeded = await createHarness();
    try {
      await seedDemoData(seeded.tdb.db);
      const rows = await storedEvents(seeded.tdb);
      expect(rows.length).toBeGreaterThan(10);
      expect(problemsOf(rows)).toEqual([]);
      expect(
        rows.filter((r) => r.work_order_id !== null && r.work_order_reference === null),
      ).toEqual([]);
    } finally {
      await seeded.destroy();
    }
  });
});
