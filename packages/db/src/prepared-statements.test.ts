import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type TDatabaseHandle } from './client';
import { MAX_PREPARED_PARAMETERS } from './prepared-statements';
import * as schema from './schema';
import { createTestDatabase, type TTestDatabase } from './testing';

let tdb: TTestDatabase;
let unprepared: TDatabaseHandle;

beforeAll(async () => {
  tdb = await createTestDatabase({ max: 1 });
  unprepared = createDatabase({ url: tdb.url, max: 1, prepare: false });
});
afterAll(async () => {
  await unprepared.close();
  await tdb.destroy();
});

/** The statements prepared on the connection this executor runs on. */
async function preparedOn(
  db: TDatabaseHandle['db'] | Parameters<Parameters<TDatabaseHandle['db']['transaction']>[0]>[0],
) {
  const rows = (await db.execute(sql`select statement from pg_prepared_statements`)) as unknown as {
    statement: string;
  }[];
  return rows.map((r) => r.statement);
}

const settingsById = (db: TDatabaseHandle['db']) =>
  db
    .select({ auto: schema.settings.autoDispatch })
    .from(schema.settings)
    .where(eq(schema.settings.id, 1));

describe('prepared statements', () => {
  it('prepares Drizzle statements on the pool, in transactions and in savepoints', async () => {
    const marker = (name: string) => sql`select ${name}::text as marker`;
    await tdb.db.execute(marker('pool'));
    await tdb.db.transaction(async (tx) => {
      await tx.execute(marker('transaction'));
      await tx.transaction(async (nested) => {
        await nested.execute(marker('savepoint'));
      });
    });
    expect(await settingsById(tdb.db)).toEqual([{ auto: true }]);
    // One connection (max 1): every statement above was prepared on it.
    const statements = await preparedOn(tdb.db);
    expect(statements.filter((s) => s.includes('as marker'))).toHaveLength(1);
    expect(statements.some((s) => s.includes('"settings"'))).toBe(true);
  });

  it('leaves statements with many parameters unprepared, and everything when turned off', async () => {
    const many = Array.from({ length: MAX_PREPARED_PARAMETERS + 1 }, (_, i) => i);
    const list = sql.join(
      many.map((n) => sql`${n}::int`),
      sql`, `,
    );
    const [row] = (await tdb.db.execute(
      sql`select count(*)::int as n from unnest(array[${list}]) as long_list`,
    )) as unknown as { n: number }[];
    expect(row?.n).toBe(MAX_PREPARED_PARAMETERS + 1);
    expect((await preparedOn(tdb.db)).some((s) => s.includes('long_list'))).toBe(false);

    expect(await settingsById(unprepared.db)).toEqual([{ auto: true }]);
    // postgres.js prepares its own start-up query (array types); nothing of ours is prepared.
    const ours = (await preparedOn(unprepared.db)).filter((s) => !s.includes('pg_catalog.pg_type'));
    expect(ours).toEqual([]);
  });
});
