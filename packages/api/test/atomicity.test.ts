import { digestAllRows } from '@dispatch/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appRouter } from '../src/router';
import { fleet, rejection } from './helpers/fleet';
import { createHarness, type THarness } from './helpers/harness';
import { mutationCases } from './helpers/mutation-cases';

/*
 * Every change and its event commit together or not at all. A failure is injected at the very end
 * of each mutation's transaction: a deferred constraint trigger on every table a command writes
 * (all but `events`) raises at COMMIT, after every statement of the transaction has run. The call
 * must then fail and leave every row of every table as it was, events included. An event written
 * on another connection than its change (outside the transaction) would survive and fail this.
 */

const WRITTEN_TABLES = [
  'work_orders',
  'dispatches',
  'equipment',
  'equipment_types',
  'drivers',
  'driver_qualifications',
  'settings',
  'idempotency_keys',
];

let h: THarness;
let f: ReturnType<typeof fleet>;
let CASES: ReturnType<typeof mutationCases>;

beforeAll(async () => {
  h = await createHarness();
  f = fleet(h);
  CASES = mutationCases(h, f);
  await f.autoDispatch(false);
  await h.tdb.sql.unsafe(`
    create function test_fail_at_commit() returns trigger language plpgsql as $$
    begin raise exception 'failure injected at commit'; end $$`);
});
afterAll(() => h.destroy());
afterEach(async () => {
  await disarm();
  await f.autoDispatch(false);
});

async function arm() {
  for (const table of WRITTEN_TABLES) {
    await h.tdb.sql.unsafe(`
      create constraint trigger test_fail_at_commit after insert or update or delete on ${table}
      deferrable initially deferred for each row execute function test_fail_at_commit()`);
  }
}
async function disarm() {
  for (const table of WRITTEN_TABLES) {
    await h.tdb.sql.unsafe(`drop trigger if exists test_fail_at_commit on ${table}`);
  }
}

const MUTATIONS = Object.entries(appRouter._def.procedures)
  .filter(
    ([, procedure]) =>
      (procedure as unknown as { _def: { type: string } })._def.type === 'mutation',
  )
  .map(([path]) => path)
  .sort();

describe('a failure at commit leaves no change and no event', () => {
  it('has a case for every mutation of the router', () => {
    expect(Object.keys(CASES).sort()).toEqual(MUTATIONS);
  });

  for (const path of MUTATIONS) {
    it(path, async () => {
      const prepare = CASES[path];
      if (!prepare) throw new Error(`no case for ${path}`);
      const call = await prepare();
      const before = await digestAllRows(h.tdb.sql);
      await arm();
      expect(await rejection(call((who) => h.as(who)))).toEqual({
        code: 'INTERNAL_SERVER_ERROR',
        reason: null,
      });
      await disarm();
      expect(await digestAllRows(h.tdb.sql)).toEqual(before);
      // The same call, not injected, succeeds: the case does exercise a real change.
      const after = await call((who) => h.as(who));
      expect(after).toBeDefined();
      expect(await digestAllRows(h.tdb.sql)).not.toEqual(before);
    });
  }
});
