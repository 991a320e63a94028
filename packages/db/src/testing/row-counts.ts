import type { Sql } from 'postgres';

/**
 * Every table of the schema, found from the catalogue so a new table is covered without anyone
 * remembering to add it. The `usage_*` operations statistics are left out: they count refused
 * calls too, by design, and a running server flushes them on a timer, not as part of any request.
 */
async function tablesOf(sql: Sql): Promise<string[]> {
  const tables = await sql<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not like 'usage\\_%' order by table_name`;
  return tables.map((t) => t.name);
}

/** One figure per table, computed by `expression` over its rows `r`, in one statement. */
async function perTable<T>(sql: Sql, expression: string): Promise<Record<string, T>> {
  const names = await tablesOf(sql);
  const rows = await sql.unsafe<{ name: string; value: T }[]>(
    names
      .map((name) => `select '${name}' as name, ${expression} as value from "${name}" r`)
      .join(' union all '),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

/** Row counts of every table: the proof that a refused request wrote nothing. */
export function countAllRows(sql: Sql): Promise<Record<string, number>> {
  return perTable<number>(sql, 'count(*)::int');
}

/**
 * A digest of every row of every table: equal digests mean nothing was inserted, updated or
 * deleted, which row counts alone cannot tell.
 */
export function digestAllRows(sql: Sql): Promise<Record<string, string>> {
  return perTable<string>(sql, `coalesce(md5(string_agg(r::text, ',' order by r::text)), '')`);
}
