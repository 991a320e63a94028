import type { TUtilizationReport } from '@dispatch/domain';
import { type SQL, sql } from 'drizzle-orm';
import { isEventKindSql, payloadTextSql } from '../events';

const STATUS_CHANGED = 'equipment.status_changed';

/**
 * Equipment utilisation and driver workload as one statement: one snapshot and one `now()`, so
 * the window, the running dispatches and every row agree.
 *
 * - The window is [from, least(to, now)): future hours are not counted. A unit's own window starts
 *   no earlier than its creation; units created after the window are left out.
 * - Assigned: the overlap of each dispatch [assigned_at, ended_at or now) with the unit's window.
 * - Maintenance and out of service come from the equipment `status_changed` events (payload
 *   `{from, to}`): each event starts an interval in its `to` status that lasts until the unit's next
 *   event (`lead`), and before a unit's first event it was in that event's `from` status since its
 *   creation; a unit with no such event has been in its current status since its creation (set
 *   when it was inserted, e.g. by an import). So the status in force at `from` is the one set by
 *   the last event before it. The events record every move into or out of these two statuses
 *   (dispatches move a unit to and from `assigned` without one), which is all this needs.
 * - Both count as unavailable: utilisation = assigned / (window − maintenance − out of service),
 *   null when that is not positive. Available = window − assigned − unavailable, floored at 0.
 * - Types and the fleet sum their units' seconds before dividing; drivers (those created before
 *   the window ends) get the hours and number of their dispatches that overlap it.
 * Everything is summed in seconds and turned into hours at the end; Node only renames columns.
 */
export function utilizationReportQuery(input: TUtilizationReport): SQL {
  return sql`
    with win as (
      select ${input.from.toISOString()}::timestamptz as f,
             greatest(${input.from.toISOString()}::timestamptz,
                      least(${input.to.toISOString()}::timestamptz, now())) as t
    ),
    units as (
      select e.id, e.code, e.name, e.type_id, e.status, e.created_at,
             greatest(win.f, e.created_at) as us, win.t as ue
      from equipment e cross join win
      where e.created_at < win.t
    ),
    status_events as (
      select ev.entity_id as equipment_id, ev.created_at as at,
             ${payloadTextSql(STATUS_CHANGED, 'from', 'ev')} as from_status,
             ${payloadTextSql(STATUS_CHANGED, 'to', 'ev')} as to_status,
             lead(ev.created_at) over unit_events as next_at,
             row_number() over unit_events as n
      from events ev
      where ${isEventKindSql(STATUS_CHANGED, 'ev')}
      window unit_events as (partition by ev.entity_id order by ev.created_at, ev.id)
    ),
    intervals as (
      select equipment_id, to_status as status, at as s, coalesce(next_at, 'infinity') as e
      from status_events
      union all
      select se.equipment_id, se.from_status, u.created_at, se.at
      from status_events se join units u on u.id = se.equipment_id
      where se.n = 1
      union all
      select u.id, u.status::text, u.created_at, 'infinity'
      from units u
      where not exists (select 1 from status_events se where se.equipment_id = u.id)
    ),
    down as (
      select u.id,
             coalesce(sum(date_part('epoch', least(i.e, u.ue) - greatest(i.s, u.us)))
               filter (where i.status = 'maintenance'), 0) as maintenance_s,
             coalesce(sum(date_part('epoch', least(i.e, u.ue) - greatest(i.s, u.us)))
               filter (where i.status = 'out_of_service'), 0) as out_of_service_s
      from intervals i join units u on u.id = i.equipment_id
      where i.status in ('maintenance', 'out_of_service') and i.s < u.ue and i.e > u.us
      group by u.id
    ),
    jobs as (
      -- Each dispatch's seconds inside its unit's window and inside the window (for its driver);
      -- both are overlaps, so a non-positive value means no overlap.
      select d.equipment_id, d.driver_id,
             date_part('epoch', least(coalesce(d.ended_at, now()), u.ue)
                                - greatest(d.assigned_at, u.us)) as unit_s,
             date_part('epoch', least(coalesce(d.ended_at, now()), win.t)
                                - greatest(d.assigned_at, win.f)) as driver_s
      from dispatches d
      cross join win
      left join units u on u.id = d.equipment_id
      where d.assigned_at < win.t and coalesce(d.ended_at, now()) > win.f
    ),
    job_sums as (
      -- One pass over the dispatches for both units and drivers.
      select equipment_id, driver_id, grouping(equipment_id, driver_id) as level,
             coalesce(sum(unit_s) filter (where unit_s > 0), 0) as unit_s,
             sum(driver_s) as driver_s, count(*)::int as n
      from jobs
      group by grouping sets ((equipment_id), (driver_id))
    ),
    busy as (select equipment_id as id, unit_s as assigned_s from job_sums where level = 1),
    unit_rows as (
      select u.id, u.code, u.name, u.type_id, t.name as type_name,
             date_part('epoch', u.ue - u.us) as window_s,
             coalesce(b.assigned_s, 0) as assigned_s,
             coalesce(dn.maintenance_s, 0) as maintenance_s,
             coalesce(dn.out_of_service_s, 0) as out_of_service_s
      from units u
      join equipment_types t on t.id = u.type_id
      left join busy b on b.id = u.id
      left join down dn on dn.id = u.id
    ),
    report_rows as (
      select 'unit' as scope, id, code, name, type_id, type_name, 1 as n,
             window_s, assigned_s, maintenance_s, out_of_service_s
      from unit_rows
      union all
      select 'type', null, null, null, t.id, t.name, count(u.id)::int,
             coalesce(sum(u.window_s), 0), coalesce(sum(u.assigned_s), 0),
             coalesce(sum(u.maintenance_s), 0), coalesce(sum(u.out_of_service_s), 0)
      from equipment_types t left join unit_rows u on u.type_id = t.id
      group by t.id, t.name
      union all
      -- Always exactly one row, so the window below is returned even for an empty database.
      select 'fleet', null, null, null, null, null, count(*)::int,
             coalesce(sum(window_s), 0), coalesce(sum(assigned_s), 0),
             coalesce(sum(maintenance_s), 0), coalesce(sum(out_of_service_s), 0)
      from unit_rows
      union all
      select 'driver', dr.id, null, dr.name, null, null, coalesce(js.n, 0), 0,
             coalesce(js.driver_s, 0), 0, 0
      from drivers dr
      cross join win
      left join job_sums js on js.level = 2 and js.driver_id = dr.id
      where dr.created_at < win.t
    )
    select r.scope, r.id, r.code, r.name, r.type_id, r.type_name, r.n,
           r.window_s / 3600 as window_h,
           r.assigned_s / 3600 as assigned_h,
           r.maintenance_s / 3600 as maintenance_h,
           r.out_of_service_s / 3600 as out_of_service_h,
           (r.maintenance_s + r.out_of_service_s) / 3600 as unavailable_h,
           greatest(x.usable_s - r.assigned_s, 0) / 3600 as available_h,
           case when x.usable_s > 0 then r.assigned_s / x.usable_s end as utilization,
           extract(epoch from win.f)::float8 as from_s, extract(epoch from win.t)::float8 as to_s,
           extract(epoch from win.t - win.f)::float8 / 3600 as hours
    from report_rows r
    cross join lateral (select r.window_s - r.maintenance_s - r.out_of_service_s as usable_s) x
    cross join win
    order by r.scope, r.type_name, r.code, r.name, r.id`;
}
