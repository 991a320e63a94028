import type { TPriority } from '@dispatch/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCompletionFigures } from '../src/read/reports/shapes';
import { rejection } from './helpers/fleet';
import { countRows, createHarness, type THarness } from './helpers/harness';

/**
 * reports.completion against a hand-built history, inserted with SQL at fixed instants (the
 * procedures would stamp now()). Every expected figure below is worked out by hand from the table
 * of orders; percentiles are written as PostgreSQL's `percentile_cont` interpolation
 * (lo + (hi − lo) × fraction, at position p × (n − 1) of the sorted samples).
 *
 * Orders (2026, UTC; d = dispatch):
 *   A urgent  created 03-02 08:00  d 08:10→10:10 completed       due 03-02 12:00 (on time)
 *   B urgent  created 03-02 09:00  d 09:30→03-03 09:30 completed  due 03-03 09:00 (late)
 *   C urgent  created 03-02 10:00  d 10:20→11:00 released, d 12:00→13:00 completed, no due
 *   D high    created 03-01 22:00  d 03-02 00:30→01:30 completed  due 03-02 01:30 (on time, equal)
 *   E high    created 03-04 23:30  queued (Berlin: 03-05 00:30)
 *   F standard created 03-03 12:00 cancelled 03-03 13:00
 *   G low     created 03-02 23:30  cancelled 03-04 10:00 (Berlin: created 03-03 00:30)
 *   H standard created 03-03 06:00 d 06:40, still active
 *   I low     created 03-02 00:00 exactly (the window's start), queued
 *   J low     created 02-25 10:00  d 10:30→03-05 00:00 completed (the day window's end, excluded)
 *   K standard created 02-20, cancelled 02-21 (before every window)
 *   L high    created 02-28 10:00  d 10:05→11:00 released, d 03-03 08:00→09:00 released, queued
 *   M standard created 03-08 23:30 queued (Sunday in UTC, Monday 00:30 in Berlin)
 *   N urgent  created 03-29 22:30 queued (Berlin summer time: 03-30 00:30)
 * Time to dispatch: A 600, B 1800, C 1200, D 9000, H 2400 (s). Time to complete: A 7200,
 * B 86400, C 3600 (from its second dispatch), D 3600, J 653400.
 */

let h: THarness;
const ids = { type: '', equipment: '', driver: '' };
const at = (s: string) => new Date(`2026-${s.replace(' ', 'T')}:00Z`);
const lerp = (lo: number, hi: number, fraction: number) => lo + fraction * (hi - lo);

async function order(o: {
  priority: TPriority;
  created: string;
  status: 'queued' | 'dispatched' | 'completed' | 'cancelled';
  completed?: string;
  cancelled?: string;
  due?: string;
}) {
  const iso = (s?: string) => (s ? at(s).toISOString() : null);
  const [row] = await h.tdb.sql<{ id: string }[]>`
    insert into work_orders (title, site_address, equipment_type_id, priority, status, queued_at,
      completed_at, cancelled_at, cancel_reason, due_by, created_by_subject, created_by_name,
      created_at, updated_at)
    values ('Fixture', '1 Test St', ${ids.type}, ${o.priority}, ${o.status},
      ${o.status === 'queued' ? iso(o.created) : null}::timestamptz, ${iso(o.completed)}::timestamptz,
      ${iso(o.cancelled)}::timestamptz, ${o.cancelled ? 'Called off' : null}, ${iso(o.due)}::timestamptz,
      'fixture', 'Fixture', ${iso(o.created)}::timestamptz, ${iso(o.created)}::timestamptz)
    returning id`;
  if (!row) throw new Error('no order');
  return row.id;
}

async function dispatch(workOrderId: string, assigned: string, ended?: string, outcome?: string) {
  await h.tdb.sql`
    insert into dispatches (work_order_id, equipment_id, driver_id, assigned_at, ended_at, outcome,
      assigned_by_subject)
    values (${workOrderId}, ${ids.equipment}, ${ids.driver}, ${at(assigned).toISOString()}::timestamptz,
      ${ended ? at(ended).toISOString() : null}::timestamptz, ${outcome ?? null}::dispatch_outcome,
      'fixture')`;
}

beforeAll(async () => {
  h = await createHarness();
  const [type] = await h.tdb.sql<{ id: string }[]>`
    insert into equipment_types (name) values ('crane') returning id`;
  ids.type = type?.id ?? '';
  const [unit] = await h.tdb.sql<{ id: string }[]>`
    insert into equipment (code, name, type_id) values ('C-1', 'Crane 1', ${ids.type}) returning id`;
  ids.equipment = unit?.id ?? '';
  const [driver] = await h.tdb.sql<{ id: string }[]>`
    insert into drivers (name, phone, email) values ('Ann', '+1 555 0100', 'ann@example.com')
    returning id`;
  ids.driver = driver?.id ?? '';

  const A = await order({
    priority: 'urgent',
    created: '03-02 08:00',
    status: 'completed',
    completed: '03-02 10:10',
    due: '03-02 12:00',
  });
  await dispatch(A, '03-02 08:10', '03-02 10:10', 'completed');
  const B = await order({
    priority: 'urgent',
    created: '03-02 09:00',
    status: 'completed',
    completed: '03-03 09:30',
    due: '03-03 09:00',
  });
  await dispatch(B, '03-02 09:30', '03-03 09:30', 'completed');
  const C = await order({
    priority: 'urgent',
    created: '03-02 10:00',
    status: 'completed',
    completed: '03-02 13:00',
  });
  await dispatch(C, '03-02 10:20', '03-02 11:00', 'released');
  await dispatch(C, '03-02 12:00', '03-02 13:00', 'completed');
  const D = await order({
    priority: 'high',
    created: '03-01 22:00',
    status: 'completed',
    completed: '03-02 01:30',
    due: '03-02 01:30',
  });
  await dispatch(D, '03-02 00:30', '03-02 01:30', 'completed');
  await order({ priority: 'high', created: '03-04 23:30', status: 'queued' });
  await order({
    priority: 'standard',
    created: '03-03 12:00',
    status: 'cancelled',
    cancelled: '03-03 13:00',
  });
  await order({
    priority: 'low',
    created: '03-02 23:30',
    status: 'cancelled',
    cancelled: '03-04 10:00',
  });
  const H = await order({ priority: 'standard', created: '03-03 06:00', status: 'dispatched' });
  await dispatch(H, '03-03 06:40');
  await order({ priority: 'low', created: '03-02 00:00', status: 'queued' });
  const J = await order({
    priority: 'low',
    created: '02-25 10:00',
    status: 'completed',
    completed: '03-05 00:00',
  });
  await dispatch(J, '02-25 10:30', '03-05 00:00', 'completed');
  await order({
    priority: 'standard',
    created: '02-20 10:00',
    status: 'cancelled',
    cancelled: '02-21 10:00',
  });
  const L = await order({ priority: 'high', created: '02-28 10:00', status: 'queued' });
  await dispatch(L, '02-28 10:05', '02-28 11:00', 'released');
  await dispatch(L, '03-03 08:00', '03-03 09:00', 'released');
  await order({ priority: 'standard', created: '03-08 23:30', status: 'queued' });
  await order({ priority: 'urgent', created: '03-29 22:30', status: 'queued' });
});
afterAll(() => h?.destroy());

const PRIORITY_ROWS = ['urgent', 'high', 'standard', 'low', 'all'] as const;
type TRowFigures = Partial<Omit<TCompletionFigures, 'priority'>>;
type TByPriority = Partial<Record<(typeof PRIORITY_ROWS)[number], TRowFigures>>;

function none(priority: (typeof PRIORITY_ROWS)[number]): TCompletionFigures {
  return {
    priority,
    created: 0,
    dispatched: 0,
    completed: 0,
    cancelled: 0,
    medianTimeToDispatchSeconds: null,
    p90TimeToDispatchSeconds: null,
    medianTimeToCompleteSeconds: null,
    p90TimeToCompleteSeconds: null,
    completedWithDueBy: 0,
    completedOnTime: 0,
    onTimeShare: null,
  };
}

/** Five rows (each priority, then all): zero unless the figures say otherwise. */
function rows(figures: TByPriority) {
  return PRIORITY_ROWS.map((p) => ({ ...none(p), ...figures[p] }));
}

function bucket(start: string, end: string, figures: TByPriority = {}) {
  return rows(figures).map((r) => ({ bucketStart: at(start), bucketEnd: at(end), ...r }));
}

// One-sample figures: the median and the 90th percentile are the sample itself.
const ttd = (s: number) => ({ medianTimeToDispatchSeconds: s, p90TimeToDispatchSeconds: s });
const ttc = (s: number) => ({ medianTimeToCompleteSeconds: s, p90TimeToCompleteSeconds: s });

// 2 March (UTC), shared by the UTC and Berlin day reports.
const URGENT_MAR_2 = {
  created: 3,
  dispatched: 3,
  completed: 2,
  medianTimeToDispatchSeconds: 1200, // [600, 1200, 1800]
  p90TimeToDispatchSeconds: lerp(1200, 1800, 0.9 * 2 - 1),
  medianTimeToCompleteSeconds: lerp(3600, 7200, 0.5), // [3600 C, 7200 A]
  p90TimeToCompleteSeconds: lerp(3600, 7200, 0.9),
  completedWithDueBy: 1,
  completedOnTime: 1,
  onTimeShare: 1,
};
const HIGH_MAR_2 = {
  dispatched: 1,
  completed: 1,
  ...ttd(9000),
  ...ttc(3600),
  completedWithDueBy: 1,
  completedOnTime: 1,
  onTimeShare: 1,
};
const ALL_MAR_2 = {
  dispatched: 4,
  completed: 3,
  medianTimeToDispatchSeconds: lerp(1200, 1800, 0.5 * 3 - 1), // [600, 1200, 1800, 9000]
  p90TimeToDispatchSeconds: lerp(1800, 9000, 0.9 * 3 - 2),
  medianTimeToCompleteSeconds: 3600, // [3600, 3600, 7200]
  p90TimeToCompleteSeconds: lerp(3600, 7200, 0.9 * 2 - 1),
  completedWithDueBy: 2,
  completedOnTime: 2,
  onTimeShare: 1,
};
// 3 March: B completes late, H is dispatched, F is cancelled.
const URGENT_MAR_3 = { completed: 1, ...ttc(86400), completedWithDueBy: 1, onTimeShare: 0 };
const STANDARD_MAR_3 = { created: 2, dispatched: 1, cancelled: 1, ...ttd(2400) };
const ALL_MAR_3 = {
  dispatched: 1,
  completed: 1,
  cancelled: 1,
  ...ttd(2400),
  ...ttc(86400),
  completedWithDueBy: 1,
  onTimeShare: 0,
};

// The whole 2–5 March window.
const DAY_TOTAL_FIGURES: TByPriority = {
  urgent: {
    created: 3,
    dispatched: 3,
    completed: 3,
    medianTimeToDispatchSeconds: 1200,
    p90TimeToDispatchSeconds: lerp(1200, 1800, 0.9 * 2 - 1),
    medianTimeToCompleteSeconds: 7200, // [3600, 7200, 86400]
    p90TimeToCompleteSeconds: lerp(7200, 86400, 0.9 * 2 - 1),
    completedWithDueBy: 2,
    completedOnTime: 1,
    onTimeShare: 0.5,
  },
  high: { created: 1, ...HIGH_MAR_2 },
  standard: { created: 2, dispatched: 1, cancelled: 1, ...ttd(2400) },
  low: { created: 2, cancelled: 1 },
  all: {
    created: 8,
    dispatched: 5,
    completed: 4,
    cancelled: 2,
    medianTimeToDispatchSeconds: 1800, // [600, 1200, 1800, 2400, 9000]
    p90TimeToDispatchSeconds: lerp(2400, 9000, 0.9 * 4 - 3),
    medianTimeToCompleteSeconds: lerp(3600, 7200, 0.5 * 3 - 1), // [3600, 3600, 7200, 86400]
    p90TimeToCompleteSeconds: lerp(7200, 86400, 0.9 * 3 - 2),
    completedWithDueBy: 3,
    completedOnTime: 2,
    onTimeShare: 2 / 3,
  },
};
const DAY_TOTALS = rows(DAY_TOTAL_FIGURES);

describe('reports.completion by day', () => {
  const input = { from: at('03-02 00:00'), to: at('03-05 00:00'), groupBy: 'day' } as const;

  it('counts each fact in the UTC day of its own timestamp', async () => {
    expect(await h.viewer.reports.completion(input)).toEqual({
      ...input,
      timeZone: 'UTC',
      buckets: [
        ...bucket('03-02 00:00', '03-03 00:00', {
          urgent: URGENT_MAR_2,
          high: HIGH_MAR_2,
          low: { created: 2 }, // I at 00:00 sharp, G at 23:30
          all: { created: 5, ...ALL_MAR_2 },
        }),
        ...bucket('03-03 00:00', '03-04 00:00', {
          urgent: URGENT_MAR_3,
          standard: STANDARD_MAR_3,
          all: { created: 2, ...ALL_MAR_3 },
        }),
        ...bucket('03-04 00:00', '03-05 00:00', {
          high: { created: 1 },
          low: { cancelled: 1 },
          all: { created: 1, cancelled: 1 },
        }),
      ],
      totals: DAY_TOTALS,
    });
  });

  it("moves late-evening orders to the next day in Berlin's local time", async () => {
    expect(await h.viewer.reports.completion({ ...input, timeZone: 'Europe/Berlin' })).toEqual({
      ...input,
      timeZone: 'Europe/Berlin',
      buckets: [
        ...bucket('03-01 23:00', '03-02 23:00', {
          urgent: URGENT_MAR_2,
          high: HIGH_MAR_2,
          low: { created: 1 }, // G (23:30 UTC) is 00:30 on the 3rd in Berlin
          all: { created: 4, ...ALL_MAR_2 },
        }),
        ...bucket('03-02 23:00', '03-03 23:00', {
          urgent: URGENT_MAR_3,
          standard: STANDARD_MAR_3,
          low: { created: 1 },
          all: { created: 3, ...ALL_MAR_3 },
        }),
        ...bucket('03-03 23:00', '03-04 23:00', {
          low: { cancelled: 1 },
          all: { cancelled: 1 },
        }),
        // Only its first hour is inside the window: E, created at 23:30 UTC on the 4th.
        ...bucket('03-04 23:00', '03-05 23:00', {
          high: { created: 1 },
          all: { created: 1 },
        }),
      ],
      totals: DAY_TOTALS,
    });
  });

  it('follows local midnight across the change to summer time (a 23-hour day)', async () => {
    const dst = { from: at('03-28 00:00'), to: at('03-31 00:00'), groupBy: 'day' } as const;
    const urgentN = { urgent: { created: 1 }, all: { created: 1 } };
    expect(await h.viewer.reports.completion({ ...dst, timeZone: 'Europe/Berlin' })).toEqual({
      ...dst,
      timeZone: 'Europe/Berlin',
      buckets: [
        ...bucket('03-27 23:00', '03-28 23:00'),
        ...bucket('03-28 23:00', '03-29 22:00'),
        ...bucket('03-29 22:00', '03-30 22:00', urgentN),
        ...bucket('03-30 22:00', '03-31 22:00'),
      ],
      totals: rows(urgentN),
    });
    expect(await h.viewer.reports.completion(dst)).toEqual({
      ...dst,
      timeZone: 'UTC',
      buckets: [
        ...bucket('03-28 00:00', '03-29 00:00'),
        ...bucket('03-29 00:00', '03-30 00:00', urgentN),
        ...bucket('03-30 00:00', '03-31 00:00'),
      ],
      totals: rows(urgentN),
    });
  });

  it('returns zero-filled buckets and null figures for a window with no activity', async () => {
    const empty = { from: at('01-10 00:00'), to: at('01-12 00:00'), groupBy: 'day' } as const;
    expect(await h.viewer.reports.completion(empty)).toEqual({
      ...empty,
      timeZone: 'UTC',
      buckets: [...bucket('01-10 00:00', '01-11 00:00'), ...bucket('01-11 00:00', '01-12 00:00')],
      totals: rows({}),
    });
  });
});

describe('reports.completion by week', () => {
  const input = { from: at('03-02 00:00'), to: at('03-16 00:00'), groupBy: 'week' } as const;
  // Everything of the day window, plus J completing at 03-05 00:00 and M created on the 8th.
  const week = (mCreated: number): TByPriority => ({
    ...DAY_TOTAL_FIGURES,
    standard: { ...DAY_TOTAL_FIGURES.standard, created: 2 + mCreated },
    low: { created: 2, completed: 1, cancelled: 1, ...ttc(653400) },
    all: {
      ...DAY_TOTAL_FIGURES.all,
      created: 8 + mCreated,
      completed: 5,
      medianTimeToCompleteSeconds: 7200, // [3600, 3600, 7200, 86400, 653400]
      p90TimeToCompleteSeconds: lerp(86400, 653400, 0.9 * 4 - 3),
    },
  });

  it('starts weeks on Monday in UTC', async () => {
    expect(await h.viewer.reports.completion(input)).toEqual({
      ...input,
      timeZone: 'UTC',
      buckets: [
        ...bucket('03-02 00:00', '03-09 00:00', week(1)),
        ...bucket('03-09 00:00', '03-16 00:00'),
      ],
      totals: rows(week(1)),
    });
  });

  it("puts Sunday 23:30 UTC into the next week in Berlin's local time", async () => {
    expect(await h.viewer.reports.completion({ ...input, timeZone: 'Europe/Berlin' })).toEqual({
      ...input,
      timeZone: 'Europe/Berlin',
      buckets: [
        ...bucket('03-01 23:00', '03-08 23:00', week(0)),
        ...bucket('03-08 23:00', '03-15 23:00', { standard: { created: 1 }, all: { created: 1 } }),
        ...bucket('03-15 23:00', '03-22 23:00'),
      ],
      totals: rows(week(1)),
    });
  });
});

describe('reports.completion input and access', () => {
  const valid = { from: at('03-02 00:00'), to: at('03-05 00:00'), groupBy: 'day' } as const;

  it('accepts ISO strings, as an HTTP query string would send them', async () => {
    const report = await h.viewer.reports.completion({
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-05T00:00:00.000Z',
      groupBy: 'day',
    });
    expect(report.totals).toEqual(DAY_TOTALS);
  });

  it('allows up to 400 days of day buckets', async () => {
    const year = { from: at('01-01 00:00'), to: new Date('2027-02-05T00:00:00Z'), groupBy: 'day' };
    const report = await h.viewer.reports.completion(year as typeof valid);
    expect(report.buckets).toHaveLength(400 * 5);
    // All fourteen orders; first dispatches of A, B, C, D, H, J, L; completions of A–D and J.
    expect(report.totals.at(-1)).toMatchObject({
      created: 14,
      dispatched: 7,
      completed: 5,
      cancelled: 3,
    });
  });

  it('refuses bad windows, groupings and zones with BAD_REQUEST, writing nothing', async () => {
    const before = await countRows(h.tdb);
    const bad: unknown[] = [
      { ...valid, to: valid.from },
      { ...valid, from: valid.to, to: valid.from },
      { ...valid, from: at('01-01 00:00'), to: new Date('2027-02-06T00:00:00Z') }, // 401 days
      { ...valid, groupBy: 'month' },
      { ...valid, groupBy: undefined },
      { ...valid, timeZone: 'Mars/Olympus_Mons' },
      { ...valid, timeZone: '+01:00' },
      { ...valid, from: 'not a date' },
      { ...valid, from: null },
      { from: valid.from, groupBy: 'day' },
    ];
    for (const input of bad) {
      expect(
        await rejection(h.viewer.reports.completion(input as typeof valid)),
        JSON.stringify(input),
      ).toEqual({ code: 'BAD_REQUEST', reason: null });
    }
    expect(await countRows(h.tdb)).toEqual(before);
  });

  it('lets viewers, dispatchers and admins read; refuses drivers and anonymous callers', async () => {
    for (const who of ['viewer', 'dispatcher', 'admin'] as const) {
      expect((await h.as(who).reports.completion(valid)).totals).toEqual(DAY_TOTALS);
    }
    expect(await rejection(h.as('driver').reports.completion(valid))).toEqual({
      code: 'FORBIDDEN',
      reason: null,
    });
    expect(await rejection(h.as(null).reports.completion(valid))).toEqual({
      code: 'UNAUTHORIZED',
      reason: null,
    });
  });
});
