import type { Sql } from 'postgres';
import type { RequestLog } from './request-log';

export interface TConsistencyCounts {
  acknowledgedWritesMissing: number;
  resourcesInTwoActiveDispatches: number;
  statusDisagreesWithDispatch: number;
  changesWithoutEvent: number;
  duplicateRowsFromRetries: number;
  queuedOrdersLost: number;
}

export const COUNT_LABELS: Record<keyof TConsistencyCounts, string> = {
  acknowledgedWritesMissing: 'acknowledged writes missing',
  resourcesInTwoActiveDispatches: 'resources in two active dispatches',
  statusDisagreesWithDispatch: 'work orders whose status disagrees with their dispatch',
  changesWithoutEvent: 'changes without their event',
  duplicateRowsFromRetries: 'duplicate rows from retries',
  queuedOrdersLost: 'queued orders lost',
};

type TAckRow = {
  request_id: number;
  kind: string;
  key: string | null;
  work_order_id: string | null;
  dispatch_id: string | null;
  equipment_id: string | null;
  driver_id: string | null;
  target: string | null;
};

/** What the harness was told: one row per acknowledged write. */
function acknowledgedRows(log: RequestLog): TAckRow[] {
  return log.requests
    .filter((r) => r.state === 'acknowledged' && r.kind !== 'settings')
    .map((r) => {
      const input = r.input as Record<string, string | undefined>;
      const data = (r.data ?? {}) as { id?: string; dispatch?: { id?: string } | null };
      const base = {
        request_id: r.id,
        kind: r.kind,
        key: input.idempotencyKey ?? null,
        work_order_id: null,
        dispatch_id: null,
        equipment_id: null,
        driver_id: null,
        target: null,
      };
      switch (r.kind) {
        case 'create':
          return { ...base, work_order_id: data.id ?? null };
        case 'assign':
          return {
            ...base,
            work_order_id: input.workOrderId ?? null,
            dispatch_id: data.dispatch?.id ?? null,
            equipment_id: input.equipmentId ?? null,
            driver_id: input.driverId ?? null,
          };
        case 'advance':
          return { ...base, dispatch_id: input.dispatchId ?? null, target: input.to ?? null };
        default:
          return {
            ...base,
            work_order_id: input.workOrderId ?? null,
            dispatch_id: r.meta?.dispatchId ?? null,
          };
      }
    });
}

const sum = (rows: { n: number }[]) => rows.reduce((total, row) => total + row.n, 0);

/**
 * The checks, in SQL against what the server committed, given what the harness was told. Each
 * query counts offending rows; all must be 0. `sql` must hold one connection (a temporary table
 * carries the acknowledged writes into the queries).
 */
export async function checkConsistency(
  sql: Sql,
  log: RequestLog,
): Promise<{ counts: TConsistencyCounts; details: Record<string, number> }> {
  await sql`create temporary table chaos_acked (
    request_id int primary key, kind text not null, key text, work_order_id uuid,
    dispatch_id uuid, equipment_id uuid, driver_id uuid, target text)`;
  const rows = acknowledgedRows(log);
  for (let i = 0; i < rows.length; i += 1000) {
    await sql`insert into chaos_acked ${sql(rows.slice(i, i + 1000))}`;
  }

  const details: Record<string, number> = {};
  const count = async (name: string, query: Promise<{ n: number }[]>) => {
    details[name] = sum(await query);
    return details[name];
  };

  const missing =
    (await count(
      'missing: acknowledged create without its work order',
      sql`select count(*)::int as n from chaos_acked a where a.kind = 'create' and not exists (
        select 1 from work_orders wo where wo.id = a.work_order_id and wo.title = 'chaos ' || a.key)`,
    )) +
    (await count(
      'missing: acknowledged create without its stored first answer',
      sql`select count(*)::int as n from chaos_acked a where a.kind in ('create', 'assign') and not exists (
        select 1 from idempotency_keys k where k.key = a.key
          and k.operation = case a.kind when 'create' then 'workOrders.create' else 'dispatch.assign' end
          and (k.response -> 'json' ->> 'id')::uuid = a.work_order_id)`,
    )) +
    (await count(
      'missing: acknowledged assign without its dispatch',
      sql`select count(*)::int as n from chaos_acked a where a.kind = 'assign' and not exists (
        select 1 from dispatches d where d.id = a.dispatch_id and d.work_order_id = a.work_order_id
          and d.equipment_id = a.equipment_id and d.driver_id = a.driver_id)`,
    )) +
    (await count(
      'missing: acknowledged advance not recorded on its dispatch',
      sql`select count(*)::int as n from chaos_acked a where a.kind = 'advance' and not exists (
        select 1 from dispatches d where d.id = a.dispatch_id and case a.target
          when 'en_route' then d.en_route_at is not null
          when 'on_site' then d.on_site_at is not null
          else d.outcome = 'completed' end)`,
    )) +
    (await count(
      'missing: acknowledged completion whose order is not completed',
      sql`select count(*)::int as n from chaos_acked a where a.kind = 'complete' and not exists (
        select 1 from work_orders wo where wo.id = a.work_order_id and wo.status = 'completed')`,
    )) +
    (await count(
      'missing: acknowledged release whose dispatch did not end released',
      sql`select count(*)::int as n from chaos_acked a where a.kind = 'release' and not exists (
        select 1 from dispatches d where d.id = a.dispatch_id and d.outcome = 'released')`,
    ));

  const doubleActive = await count(
    'two active dispatches: equipment, driver or work order',
    sql`select count(*)::int as n from (
      select equipment_id from dispatches where ended_at is null group by equipment_id having count(*) > 1
      union all
      select driver_id from dispatches where ended_at is null group by driver_id having count(*) > 1
      union all
      select work_order_id from dispatches where ended_at is null group by work_order_id having count(*) > 1) x`,
  );

  const disagree =
    (await count(
      'status: work order vs its active dispatch and stage',
      sql`select count(*)::int as n from work_orders wo
        left join dispatches d on d.work_order_id = wo.id and d.ended_at is null
        where case wo.status
          when 'dispatched' then d.id is null or d.en_route_at is not null or d.on_site_at is not null
          when 'en_route' then d.id is null or d.en_route_at is null or d.on_site_at is not null
          when 'on_site' then d.id is null or d.en_route_at is null or d.on_site_at is null
          else d.id is not null end`,
    )) +
    (await count(
      'status: completed order without a completed dispatch',
      sql`select count(*)::int as n from work_orders wo where wo.status = 'completed' and not exists (
        select 1 from dispatches d where d.work_order_id = wo.id and d.outcome = 'completed')`,
    )) +
    (await count(
      'status: equipment assigned <> has an active dispatch',
      sql`select count(*)::int as n from equipment e
        left join dispatches d on d.equipment_id = e.id and d.ended_at is null
        where (e.status = 'assigned') <> (d.id is not null)`,
    )) +
    (await count(
      'status: driver assigned <> has an active dispatch',
      sql`select count(*)::int as n from drivers dr
        left join dispatches d on d.driver_id = dr.id and d.ended_at is null
        where (dr.status = 'assigned') <> (d.id is not null)`,
    ));

  const eventFor = (action: string) =>
    sql`exists (select 1 from events ev where ev.work_order_id = d.work_order_id
      and ev.action = ${action} and ev.payload ->> 'dispatchId' = d.id::text)`;
  const withoutEvent =
    (await count(
      'no event: work order without its created event',
      sql`select count(*)::int as n from work_orders wo where not exists (
        select 1 from events ev where ev.entity_id = wo.id and ev.action = 'created')`,
    )) +
    (await count(
      'no event: dispatch without its assigned event',
      sql`select count(*)::int as n from dispatches d where not ${eventFor('assigned')}`,
    )) +
    (await count(
      'no event: en route without its event',
      sql`select count(*)::int as n from dispatches d where d.en_route_at is not null and not ${eventFor('en_route')}`,
    )) +
    (await count(
      'no event: on site without its event',
      sql`select count(*)::int as n from dispatches d where d.on_site_at is not null and not ${eventFor('on_site')}`,
    )) +
    (await count(
      'no event: completed dispatch without its event',
      sql`select count(*)::int as n from dispatches d where d.outcome = 'completed' and not ${eventFor('completed')}`,
    )) +
    (await count(
      'no event: released dispatch without its event',
      sql`select count(*)::int as n from dispatches d where d.outcome = 'released' and not ${eventFor('released')}`,
    ));

  const duplicates =
    (await count(
      'duplicate: work orders per idempotency key beyond the first',
      sql`select (count(*) - 1)::int as n from work_orders where title like 'chaos chaos-create-%'
        group by title having count(*) > 1`,
    )) +
    (await count(
      'duplicate: committed work orders no acknowledged create accounts for',
      sql`select count(*)::int as n from work_orders wo where wo.title like 'chaos chaos-create-%'
        and not exists (select 1 from chaos_acked a where a.kind = 'create' and a.work_order_id = wo.id)`,
    )) +
    (await count(
      'duplicate: manual dispatches beyond the acknowledged assigns',
      sql`select greatest(count(*) - coalesce((select count(*) from chaos_acked a where a.kind = 'assign'
          and a.work_order_id = d.work_order_id and a.equipment_id = d.equipment_id
          and a.driver_id = d.driver_id), 0), 0)::int as n
        from dispatches d join events ev on ev.action = 'assigned' and ev.payload ->> 'dispatchId' = d.id::text
        where ev.payload ->> 'auto' = 'false'
        group by d.work_order_id, d.equipment_id, d.driver_id`,
    )) +
    (await count(
      'duplicate: events recorded twice for one change',
      sql`select (count(*) - 1)::int as n from events
        where entity_type = 'work_order' and action in ('created', 'assigned', 'en_route', 'on_site', 'completed', 'released')
        group by work_order_id, action, coalesce(payload ->> 'dispatchId', '') having count(*) > 1`,
    ));

  const lost = await count(
    'lost: acknowledged order neither queued, active nor completed',
    sql`select count(*)::int as n from chaos_acked a where a.kind = 'create' and not exists (
      select 1 from work_orders wo where wo.id = a.work_order_id
        and wo.status in ('queued', 'dispatched', 'en_route', 'on_site', 'completed'))`,
  );

  return {
    counts: {
      acknowledgedWritesMissing: missing,
      resourcesInTwoActiveDispatches: doubleActive,
      statusDisagreesWithDispatch: disagree,
      changesWithoutEvent: withoutEvent,
      duplicateRowsFromRetries: duplicates,
      queuedOrdersLost: lost,
    },
    details,
  };
}

/**
 * For each acknowledged driver advance whose dispatch does not show the stage: what the server
 * answered, and which dispatch of the order did get that stage (its events say), so a report names
 * the request and the rows. Call after `checkConsistency` (it reads its temporary table).
 */
export async function explainMissingAdvances(sql: Sql, log: RequestLog): Promise<string[]> {
  const rows = await sql<
    {
      request_id: number;
      dispatch_id: string;
      target: string;
      outcome: string | null;
      got: string[] | null;
    }[]
  >`select a.request_id, a.dispatch_id, a.target, d.outcome,
      (select array_agg(distinct ev.payload ->> 'dispatchId') from events ev
        where ev.work_order_id = d.work_order_id and ev.action = a.target) as got
    from chaos_acked a join dispatches d on d.id = a.dispatch_id
    where a.kind = 'advance' and not case a.target
      when 'en_route' then d.en_route_at is not null
      when 'on_site' then d.on_site_at is not null
      else d.outcome = 'completed' end`;
  return rows.map((row) => {
    const request = log.requests.find((r) => r.id === row.request_id);
    return (
      `acknowledged driverApp.advance #${row.request_id} {dispatchId: ${row.dispatch_id}, to: ${row.target}} ` +
      `answered ${JSON.stringify(request?.data)}; that dispatch ended ${row.outcome ?? 'not at all'} without ` +
      `the stage, which went to dispatch ${row.got?.join(', ') ?? 'none'} of the same order`
    );
  });
}
