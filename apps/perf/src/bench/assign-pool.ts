import type postgres from 'postgres';
import type { TTriple } from './baseline-queries';

/**
 * `count` fresh (work order, equipment, driver) triples that can each be assigned once: a type of
 * their own, one available unit and one qualified available driver per order, orders in `new`.
 * Generated set-based; `label` keeps two pools (baseline and tRPC) apart.
 */
export async function prepareAssignPool(
  sql: postgres.Sql,
  label: string,
  count: number,
): Promise<TTriple[]> {
  const typeName = `Bench assign ${label}`;
  const prefix = `BA-${label.toUpperCase()}-`;
  const [type] = await sql<{ id: string }[]>`
    insert into equipment_types (name) values (${typeName}) returning id`;
  if (!type) throw new Error('type insert returned no row');
  await sql`insert into equipment (code, name, type_id)
    select ${prefix} || lpad(g::text, 6, '0'), 'Assign unit ' || g, ${type.id}
    from generate_series(1, ${count}) g`;
  await sql`insert into drivers (name, phone, email)
    select ${`Assign ${label} `} || lpad(g::text, 6, '0'), '+44 20 7946 0958',
           'assign' || g || '@bench.example.com'
    from generate_series(1, ${count}) g`;
  await sql`insert into driver_qualifications (driver_id, equipment_type_id)
    select id, ${type.id} from drivers where name like ${`Assign ${label} %`}`;
  await sql`insert into work_orders (title, site_address, equipment_type_id, status,
      created_by_subject, created_by_name)
    select ${`Assign ${label} `} || lpad(g::text, 6, '0'), 'Pool Road', ${type.id}, 'new',
           'bench', 'Bench'
    from generate_series(1, ${count}) g`;
  await sql`analyze work_orders, equipment, drivers, driver_qualifications`;
  return sql<TTriple[]>`
    with o as (select id, row_number() over (order by title) as n from work_orders
               where equipment_type_id = ${type.id}),
         e as (select id, row_number() over (order by code) as n from equipment
               where type_id = ${type.id}),
         d as (select id, row_number() over (order by name) as n from drivers
               where name like ${`Assign ${label} %`})
    select o.id as "workOrderId", e.id as "equipmentId", d.id as "driverId"
    from o join e using (n) join d using (n) order by n`;
}
