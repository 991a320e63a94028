import type { Sql } from 'postgres';

/**
 * Row counts of every table in the schema, found from the catalogue so a new table is covered
 * without anyone remembering to add it: the proof that a refused request wrote nothing. The
 * `usage_*` operations statistics are left out: they count refused calls too, by design, and a
 * running server flushes them on a timer, not as part of any request.
 */
export async function countAllRows(sql: Sql): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not like 'usage\\_%' order by table_name`;
  const rows = await sql.unsafe<{ name: string; n: number }[]>(
    tables
      .map((t) => `select '${t.name}' as name, count(*)::int as n from "${t.name}"`)
      .join(' union all '),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.n]));
}

/**
 * A digest of every row of every table (the same tables as `countAllRows`): equal digests mean
 * nothing was inserted, updated or deleted, which row counts alone cannot tell.
 */
export async function digestAllRows(sql: Sql): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }[]>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not like 'usage\\_%' order by table_name`;
  const rows = await sql.unsafe<{ name: string; digest: string }[]>(
    tables
      .map(
        (t) =>
          `select '${t.name}' as name, coalesce(md5(string_agg(r::text, ',' order by r::text)), '') as digest from "${t.name}" r`,
      )
      .join(' union all '),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}
