/**
 * The one statement a flush sends. Its single parameter is a JSON document of everything counted
 * since the last flush (see `buildFlushPayload`); data-modifying CTEs add it to the usage tables:
 *
 * - `usage_procedure_weeks`: calls and histograms are added (`calls + excluded.calls`, the
 *   histogram element by element), the slowest call kept, so any number of processes and flushes
 *   sum up;
 * - `usage_errors`: counts added;
 * - `usage_procedure_users`: (week, procedure, subject) pairs, `on conflict do nothing`;
 * - `usage_presence`: each subject's last call, the later time kept;
 * - `usage_daily_peaks`: a sample of concurrent users (distinct subjects whose last call is inside
 *   the trailing window), raising the day's peak if higher.
 *
 * All sub-statements see the database as it was when the statement started, so the sample is the
 * union of the stored presence rows and this flush's subjects, not only the former. Each key
 * occurs once per payload (the collector aggregates in maps), as `on conflict do update` requires.
 */
export const FLUSH_STATEMENT = `
with
  input as (select $1::jsonb as doc),
  weeks as (
    insert into usage_procedure_weeks as w (week_start, procedure, calls, max_ms, histogram)
    select r.week_start, r.procedure, r.calls, r.max_ms, r.histogram
    from input, jsonb_to_recordset(input.doc -> 'weeks')
      as r(week_start date, procedure text, calls bigint, max_ms double precision, histogram bigint[])
    on conflict (week_start, procedure) do update set
      calls = w.calls + excluded.calls,
      max_ms = greatest(w.max_ms, excluded.max_ms),
      histogram = array(
        select coalesce(a, 0) + coalesce(b, 0)
        from unnest(w.histogram, excluded.histogram) with ordinality as h(a, b, i)
        order by h.i),
      updated_at = now()
    returning 1
  ),
  errors as (
    insert into usage_errors as e (week_start, procedure, code, reason, count)
    select r.week_start, r.procedure, r.code, r.reason, r.count
    from input, jsonb_to_recordset(input.doc -> 'errors')
      as r(week_start date, procedure text, code text, reason text, count bigint)
    on conflict (week_start, procedure, code, reason) do update set count = e.count + excluded.count
    returning 1
  ),
  users as (
    insert into usage_procedure_users (week_start, procedure, subject)
    select r.week_start, r.procedure, r.subject
    from input, jsonb_to_recordset(input.doc -> 'users')
      as r(week_start date, procedure text, subject text)
    on conflict do nothing
    returning 1
  ),
  seen as (
    select r.subject, r.last_seen_at
    from input, jsonb_to_recordset(input.doc -> 'presence') as r(subject text, last_seen_at timestamptz)
  ),
  presence as (
    insert into usage_presence as p (subject, last_seen_at)
    select subject, last_seen_at from seen
    on conflict (subject) do update set last_seen_at = greatest(p.last_seen_at, excluded.last_seen_at)
    returning 1
  ),
  sample as (
    select count(*)::int as users
    from (
      select subject from usage_presence
      where last_seen_at > ((select doc from input) -> 'sample' ->> 'since')::timestamptz
      union
      select subject from seen
      where last_seen_at > ((select doc from input) -> 'sample' ->> 'since')::timestamptz
    ) as active
  ),
  peak as (
    insert into usage_daily_peaks as d (day, peak_users, peak_at)
    select (input.doc -> 'sample' ->> 'day')::date, sample.users,
      (input.doc -> 'sample' ->> 'at')::timestamptz
    from input, sample
    where sample.users > 0
    on conflict (day) do update set peak_users = excluded.peak_users, peak_at = excluded.peak_at
      where excluded.peak_users > d.peak_users
    returning 1
  )
select
  (select count(*)::int from weeks) as weeks,
  (select count(*)::int from errors) as errors,
  (select count(*)::int from users) as users,
  (select count(*)::int from presence) as presence,
  (select users from sample) as concurrent_users
`;
