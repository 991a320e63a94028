import type { Executor } from '@dispatch/db';
import { PRIORITIES, WAIT_REASONS, explainWait, type TPriority } from '@dispatch/domain';
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { readSettings } from '../core/settings';

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
  position: number;
  position_in_type: number;
  id: string;
  reference: string;
  title: string;
  site_address: string;
  priority: TPriority;
  due_by: Date | null;
  queued_at: Date;
  waiting_seconds: number;
  equipment_type_id: string;
  equipment_type_name: string;
  equipment_in_service: number;
  free_equipment: number;
  qualified_drivers: number;
  free_qualified_drivers: number;
};

/**
 * The queue head in fill order, with positions and the per-type resource counts that explain
 * each wait. Exported so the benchmark EXPLAINs exactly the statement the procedure runs.
 */
export function queueHeadQuery(limit: number): SQL {
  return sql`
      with queued as (
        select wo.id, wo.reference, wo.title, wo.site_address, wo.priority, wo.due_by, wo.queued_at,
               wo.equipment_type_id,
               row_number() over w as position,
               row_number() over (partition by wo.equipment_type_id
                                  order by wo.priority, wo.due_by asc nulls last, wo.queued_at, wo.number) as position_in_type
        from work_orders wo
        where wo.status = 'queued'
        window w as (order by wo.priority, wo.due_by asc nulls last, wo.queued_at, wo.number)
      ),
      head as (select * from queued order by position limit ${limit}),
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
      )
      select h.position::int, h.position_in_type::int, h.id, h.reference, h.title, h.site_address,
             h.priority, h.due_by, h.queued_at,
             extract(epoch from (now() - h.queued_at))::int as waiting_seconds,
             h.equipment_type_id, et.name as equipment_type_name,
             coalesce(ef.in_service, 0) as equipment_in_service, coalesce(ef.free, 0) as free_equipment,
             coalesce(df.qualified, 0) as qualified_drivers, coalesce(df.free, 0) as free_qualified_drivers
      from head h
      join equipment_types et on et.id = h.equipment_type_id
      left join equipment_facts ef on ef.type_id = h.equipment_type_id
      left join driver_facts df on df.equipment_type_id = h.equipment_type_id
      order by h.position
    `;
}

/**
 * The queue in fill order with each order's position and why it waits. Positions come from window
 * functions over the queue index; the per-type resource counts are computed once per type.
 */
export async function selectQueue(db: Executor, limit: number) {
  const settings = await readSettings(db);
  const rows = (await db.execute(queueHeadQuery(limit))) as unknown as TQueueRow[];
  const [total] = (await db.execute(
    sql`select count(*)::int as n from work_orders where status = 'queued'`,
  )) as unknown as { n: number }[];
  const items: TQueueEntryOutput[] = rows.map((r) => ({
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
      autoDispatch: settings.autoDispatch,
    }),
  }));
  return { items, total: total?.n ?? 0, autoDispatch: settings.autoDispatch };
}
