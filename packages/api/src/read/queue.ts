import type { Executor } from '@dispatch/db';
import { PRIORITIES, WAIT_REASONS, explainWait, type TPriority } from '@dispatch/domain';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';

export const ZQueueEntryOutput = z.object({
  position: z.number(),
  positionInType: z.number(),
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  siteAddress: z.string(),
  priority: z.enum(PRIORITIES),
  dueBy: z.date().nullable(),
  queuedAt: z.date(),
  waitingSeconds: z.number(),
  equipmentTypeId: z.string(),
  equipmentTypeName: z.string(),
  reason: z.enum(WAIT_REASONS),
});
export type TQueueEntryOutput = z.infer<typeof ZQueueEntryOutput>;

type TQueueRow = {
  total: number;
  auto_dispatch: boolean;
  /** The head columns are null on the one row that carries the totals of an empty queue. */
  position: number | null;
  position_in_type: number;
  id: string;
  reference: string;
  title: string;
  site_address: string;
  priority: TPriority;
  due_by: string | null;
  queued_at: string;
  waiting_seconds: number;
  equipment_type_id: string;
  equipment_type_name: string;
  equipment_in_service: number;
  free_equipment: number;
  qualified_drivers: number;
  free_qualified_drivers: number;
};

/**
 * The queue head in fill order with the queue's length, the auto-dispatch setting and the per-type
 * resource counts that explain each wait: one statement, one round trip.
 *
 * Only the first `limit` queued orders are read, walking `work_orders_queue_idx` in its own order,
 * and positions are numbered among them: everything ahead of a head order is itself in the head,
 * so its position and its position within its type are the same as over the whole queue, without
 * numbering every queued order. Exported so the benchmark EXPLAINs exactly this statement.
 */
export function queueHeadQuery(limit: number): SQL {
  return sql`
      with first as (
        select wo.id, wo.number, wo.reference, wo.title, wo.site_address, wo.priority, wo.due_by,
               wo.queued_at, wo.equipment_type_id
        from work_orders wo
        where wo.status = 'queued'
        order by wo.priority, wo.due_by asc nulls last, wo.queued_at, wo.number
        limit ${limit}
      ),
      head as (
        select f.*,
               row_number() over (order by f.priority, f.due_by asc nulls last, f.queued_at, f.number)
                 as position,
               row_number() over (partition by f.equipment_type_id
                                  order by f.priority, f.due_by asc nulls last, f.queued_at, f.number)
                 as position_in_type
        from first f
      ),
      types as (select distinct equipment_type_id from head),
      equipment_facts as (
        select e.type_id,
               count(*) filter (where e.status <> 'out_of_service')::int as in_service,
               count(*) filter (where e.status = 'available')::int as free
        from equipment e where e.type_id in (select equipment_type_id from types)
        group by e.type_id
      ),
      driver_facts as (
        select q.equipment_type_id,
               count(*)::int as qualified,
               count(*) filter (where d.status = 'available')::int as free
        from driver_qualifications q join drivers d on d.id = q.driver_id
        where q.equipment_type_id in (select equipment_type_id from types)
        group by q.equipment_type_id
      ),
      meta as (
        select (select count(*)::int from work_orders where status = 'queued') as total,
               (select auto_dispatch from settings where id = 1) as auto_dispatch
      )
      select meta.total, meta.auto_dispatch,
             h.position::int, h.position_in_type::int, h.id, h.reference, h.title, h.site_address,
             h.priority, h.due_by, h.queued_at,
             extract(epoch from (now() - h.queued_at))::int as waiting_seconds,
             h.equipment_type_id, et.name as equipment_type_name,
             coalesce(ef.in_service, 0) as equipment_in_service, coalesce(ef.free, 0) as free_equipment,
             coalesce(df.qualified, 0) as qualified_drivers, coalesce(df.free, 0) as free_qualified_drivers
      from meta
      left join (head h
        join equipment_types et on et.id = h.equipment_type_id
        left join equipment_facts ef on ef.type_id = h.equipment_type_id
        left join driver_facts df on df.equipment_type_id = h.equipment_type_id) on true
      order by h.position
    `;
}

/** The queue in fill order with each order's position and why it waits. */
export async function selectQueue(db: Executor, limit: number) {
  const rows = (await db.execute(queueHeadQuery(limit))) as unknown as TQueueRow[];
  const meta = rows[0];
  // The migrations create the settings row; its absence means a broken database.
  if (!meta || meta.auto_dispatch === null)
    throw new Error('settings row missing: run the migrations');
  const autoDispatch = meta.auto_dispatch;
  const items: TQueueEntryOutput[] = [];
  for (const r of rows) {
    if (r.position === null) continue;
    items.push({
      position: r.position,
      positionInType: r.position_in_type,
      id: r.id,
      reference: r.reference,
      title: r.title,
      siteAddress: r.site_address,
      priority: r.priority,
      dueBy: r.due_by ? new Date(r.due_by) : null,
      queuedAt: new Date(r.queued_at),
      waitingSeconds: Math.max(0, r.waiting_seconds),
      equipmentTypeId: r.equipment_type_id,
      equipmentTypeName: r.equipment_type_name,
      reason: explainWait({
        equipmentInService: r.equipment_in_service,
        freeEquipment: r.free_equipment,
        qualifiedDrivers: r.qualified_drivers,
        freeQualifiedDrivers: r.free_qualified_drivers,
        positionInType: r.position_in_type,
        autoDispatch,
      }),
    });
  }
  return { items, total: meta.total, autoDispatch };
}
