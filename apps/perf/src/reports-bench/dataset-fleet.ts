import type postgres from 'postgres';

export const TYPES = 10;
export const UNITS_PER_TYPE = 20;
export const DRIVERS_PER_TYPE = 15;

/**
 * Ten equipment types, 200 units (20 a type) and 150 drivers (15 a type, every third also
 * qualified for the next type), all created before the year of history. The temp tables number
 * units and drivers within their type (`k`) so the history can give each order a unit and driver
 * in SQL. The connection must be a single session: temp tables live in it.
 */
export async function loadFleet(sql: postgres.Sql, start: Date) {
  const created = new Date(start.getTime() - 30 * 86_400_000).toISOString();
  await sql`
    insert into equipment_types (name, created_at, updated_at)
    select 'bench-type-' || lpad(i::text, 2, '0'), ${created}::timestamptz, ${created}::timestamptz
    from generate_series(0, ${TYPES - 1}) i`;
  await sql`
    create temp table bench_types as
    select id, (row_number() over (order by name) - 1)::int as i
    from equipment_types where name like 'bench-type-%'`;
  await sql`
    insert into equipment (code, name, type_id, created_at, updated_at, status_changed_at)
    select 'RB-' || lpad(g::text, 3, '0'), 'Bench unit ' || g, t.id, ${created}::timestamptz, ${created}::timestamptz, ${created}::timestamptz
    from generate_series(0, ${TYPES * UNITS_PER_TYPE - 1}) g join bench_types t on t.i = g % ${TYPES}`;
  await sql`
    create temp table bench_units as
    select e.id, t.i as type_i, substring(e.code from 4)::int / ${TYPES} as k
    from equipment e join bench_types t on t.id = e.type_id
    where e.code like 'RB-%'`;
  await sql`
    insert into drivers (name, phone, email, created_at, updated_at, status_changed_at)
    select 'Bench Driver ' || lpad(d::text, 3, '0'), '+44 20 7946 0958',
           'bench' || d || '@example.com', ${created}::timestamptz, ${created}::timestamptz, ${created}::timestamptz
    from generate_series(0, ${TYPES * DRIVERS_PER_TYPE - 1}) d`;
  await sql`
    create temp table bench_drivers as
    select id, substring(name from 14)::int % ${TYPES} as type_i,
           substring(name from 14)::int / ${TYPES} as k
    from drivers where name like 'Bench Driver %'`;
  await sql`
    insert into driver_qualifications (driver_id, equipment_type_id, created_at)
    select d.id, t.id, ${created}::timestamptz from bench_drivers d join bench_types t on t.i = d.type_i
    union all
    select d.id, t.id, ${created}::timestamptz from bench_drivers d
    join bench_types t on t.i = (d.type_i + 1) % ${TYPES} where d.k % 3 = 0`;
  await sql`
    insert into events (entity_type, entity_id, action, actor_subject, actor_name, payload, created_at)
    select 'equipment', e.id, 'created', 'bench', 'Bench',
           jsonb_build_object('code', e.code, 'name', e.name, 'typeId', e.type_id), e.created_at
    from equipment e where e.code like 'RB-%'`;
}
