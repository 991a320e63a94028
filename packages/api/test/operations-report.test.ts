import { randomUUID } from 'node:crypto';
import { createDatabase } from '@dispatch/db';
import type { TPrincipal } from '@dispatch/domain';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PROCEDURE_PATHS } from '../src/procedure-tree';
import { createCaller } from '../src/router';
import { type TUsageSql, type UsageCollector, createUsageCollector } from '../src/usage/collector';
import { FLUSH_STATEMENT } from '../src/usage/flush-statement';
import { utcWeekOf } from '../src/usage/calendar';
import { fleet, rejection } from './helpers/fleet';
import { countRows, createHarness, testLog, type THarness } from './helpers/harness';
import { principals, type TPrincipalName } from './helpers/principals';

/**
 * The operations report against a real database: calls recorded by the error-mapping middleware
 * or directly with known durations, flushed in one statement per flush, come back exactly.
 */

/** A postgres.js stand-in that counts the statements a collector sends. */
function countingSql(target: TUsageSql) {
  const sent: string[] = [];
  return {
    sent,
    sql: {
      unsafe: (query: string, parameters: string[]) => {
        sent.push(query);
        return target.unsafe(query, parameters);
      },
    } satisfies TUsageSql,
  };
}

const silentLog = { warn: vi.fn(), info: vi.fn() };

function callerWith(h: THarness, usage: UsageCollector, who: TPrincipalName | TPrincipal | null) {
  return createCaller({
    db: h.tdb.db,
    principal: typeof who === 'string' ? principals[who] : who,
    log: testLog,
    requestId: randomUUID(),
    usage,
  });
}

type TReport = Awaited<ReturnType<ReturnType<typeof createCaller>['operations']['report']>>;
const procedure = (report: TReport, path: string) => {
  const found = report.procedures.find((p) => p.path === path);
  if (!found) throw new Error(`${path} is not in the report`);
  return found;
};
const currentWeek = () => utcWeekOf(Date.now()).key;

describe('calls through the router', () => {
  let h: THarness;
  let usage: UsageCollector;
  let counter: ReturnType<typeof countingSql>;
  beforeAll(async () => {
    h = await createHarness();
    counter = countingSql(h.tdb.sql);
    usage = createUsageCollector({
      sql: counter.sql,
      log: silentLog,
      procedurePaths: PROCEDURE_PATHS,
    });
  });
  afterAll(() => h.destroy());

  it('counts each call with its path, user, code and domain reason', async () => {
    const f = fleet(h);
    await f.autoDispatch(false);
    const crane = await f.type();
    const unit = await f.equipment(crane.id);
    const [d1, d2] = [await f.driver([crane.id]), await f.driver([crane.id])];
    const [o1, o2] = [await f.order(crane.id), await f.order(crane.id)];
    // Nothing so far went through the collector: the harness callers have none.
    expect(usage.pendingCalls).toBe(0);

    const as = (who: TPrincipalName | null) => callerWith(h, usage, who);
    await as('dispatcher').dispatch.assign({
      workOrderId: o1.id,
      equipmentId: unit.id,
      driverId: d1.id,
    });
    expect(
      await rejection(
        as('dispatcher2').dispatch.assign({
          workOrderId: o2.id,
          equipmentId: unit.id,
          driverId: d2.id,
        }),
      ),
    ).toEqual({ code: 'CONFLICT', reason: 'EQUIPMENT_NOT_AVAILABLE' });
    expect(await rejection(as('viewer').workOrders.get({ id: randomUUID() }))).toEqual({
      code: 'NOT_FOUND',
      reason: 'WORK_ORDER_NOT_FOUND',
    });
    expect(await rejection(as('viewer').workOrders.get({ id: 'not-a-uuid' }))).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await rejection(as('viewer').settings.update({ autoDispatch: true }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await rejection(as(null).equipment.list({}))).toMatchObject({ code: 'UNAUTHORIZED' });
    await as('viewer').workOrders.get({ id: o1.id });
    // Bring the first order on site (as its driver would) and complete it.
    await h.tdb.sql`update work_orders set status = 'on_site' where id = ${o1.id}`;
    await h.tdb.sql`update dispatches set en_route_at = now(), on_site_at = now()
                    where work_order_id = ${o1.id}`;
    await as('dispatcher').dispatch.complete({ workOrderId: o1.id, note: 'Done' });
    expect(usage.pendingCalls).toBe(8);

    // The report flushes this server's counts first.
    const report = await as('admin').operations.report();
    expect(counter.sent).toEqual([FLUSH_STATEMENT]);
    expect(report.upToDate).toBe(true);
    expect(report.weeks).toHaveLength(8);
    expect(report.weeks.at(-1)).toBe(currentWeek());

    expect(procedure(report, 'dispatch.assign')).toMatchObject({
      calls: 2,
      distinctUsers: 2,
      errors: 1,
      slowCalls: 0,
      slowShare: 0,
    });
    expect(procedure(report, 'workOrders.get')).toMatchObject({
      calls: 3,
      distinctUsers: 1,
      errors: 2,
    });
    // Anonymous calls count, but not as users.
    expect(procedure(report, 'equipment.list')).toMatchObject({ calls: 1, distinctUsers: 0 });
    expect(procedure(report, 'dispatch.complete')).toMatchObject({ calls: 1, distinctUsers: 1 });
    const assignWeeks = procedure(report, 'dispatch.assign').weeks;
    expect(assignWeeks.map((w) => w.calls)).toEqual([0, 0, 0, 0, 0, 0, 0, 2]);
    expect(assignWeeks.at(-1)?.p95Ms).toBeGreaterThan(0);
    expect(assignWeeks[0]).toMatchObject({ calls: 0, p95Ms: null, maxMs: null, slowShare: null });

    expect(report.errors).toEqual([
      { path: 'dispatch.assign', code: 'CONFLICT', reason: 'EQUIPMENT_NOT_AVAILABLE', count: 1 },
      { path: 'equipment.list', code: 'UNAUTHORIZED', reason: null, count: 1 },
      { path: 'settings.update', code: 'FORBIDDEN', reason: null, count: 1 },
      { path: 'workOrders.get', code: 'BAD_REQUEST', reason: null, count: 1 },
      { path: 'workOrders.get', code: 'NOT_FOUND', reason: 'WORK_ORDER_NOT_FOUND', count: 1 },
    ]);
    expect(report.totals).toEqual({ calls: 8, errors: 5, distinctUsers: 3 });
    expect(report.completedDispatches).toBe(1);

    // Every procedure of the router is listed, the unused ones with no calls, after the used.
    const unused = procedure(report, 'imports.drivers');
    expect(unused).toMatchObject({ calls: 0, distinctUsers: 0, p95Ms: null, errors: 0 });
    expect(report.procedures.length).toBeGreaterThan(30);
    expect(report.procedures.map((p) => p.calls)).toEqual(
      [...report.procedures.map((p) => p.calls)].sort((a, b) => b - a),
    );

    // Three people called in the last five minutes (the admin's report is not counted yet).
    const today = new Date().toISOString().slice(0, 10);
    expect(report.concurrentUsers.days.at(-1)).toMatchObject({ day: today, peakUsers: 3 });
    expect(report.concurrentUsers.max).toEqual({ users: 3, day: today });
    expect(report.thresholds.find((t) => t.key === 'completed_dispatches')).toMatchObject({
      value: 1,
      limit: 500,
      status: 'ok',
    });
  });

  it('counts the report call itself afterwards, and a report with nothing new sends nothing', async () => {
    expect(usage.pendingCalls).toBe(1); // the report above
    const report = await callerWith(h, usage, 'admin').operations.report({ weeks: 1 });
    expect(counter.sent).toHaveLength(2);
    expect(report.weeks).toEqual([currentWeek()]);
    expect(procedure(report, 'operations.report')).toMatchObject({ calls: 1, distinctUsers: 1 });
    const before = counter.sent.length;
    await usage.flush(); // the second report call
    await usage.flush(); // nothing left
    expect(counter.sent).toHaveLength(before + 1);
  });

  it('refuses a bad period with field errors and writes nothing', async () => {
    const admin = callerWith(h, usage, 'admin');
    await usage.flush();
    const before = await countRows(h.tdb);
    for (const weeks of [0, 53, 2.5, '8' as unknown as number]) {
      expect(await rejection(admin.operations.report({ weeks })), String(weeks)).toMatchObject({
        code: 'BAD_REQUEST',
      });
    }
    expect(await countRows(h.tdb)).toEqual(before);
  });
});

describe('figures from known durations', () => {
  let h: THarness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.destroy());

  it('writes one statement per flush and reports exact p95, slow share and users', async () => {
    const counter = countingSql(h.tdb.sql);
    const usage = createUsageCollector({ sql: counter.sql, log: silentLog });
    const record = (path: string, ms: number, subject: string, error: null | string = null) =>
      usage.record({
        path,
        subject,
        ms,
        error: error ? { code: 'CONFLICT', reason: error } : null,
      });
    // 100 calls: 90 at 3 ms, 5 at 180 ms, 5 at 230 ms. Rank 95 is a 180 ms call, in (160, 200].
    for (let i = 0; i < 90; i++) record('zz.alpha', 3, `a${i % 3}`);
    for (let i = 0; i < 5; i++) record('zz.alpha', 180, 'a3');
    for (let i = 0; i < 5; i++) record('zz.alpha', 230, 'a4');
    // 1, 4, 5 and 6 s: rank 4 of 4 is 6,000 ms, in (5000, 6300], capped by the slowest call.
    record('zz.slow', 1000, 's1');
    record('zz.slow', 4000, 's1');
    record('zz.slow', 5000, 's2', 'EQUIPMENT_NOT_AVAILABLE');
    record('zz.slow', 6000, 's2');
    expect(await usage.flush()).toBe(true);
    expect(counter.sent).toEqual([FLUSH_STATEMENT]);

    const report = await h.admin.operations.report({ weeks: 2 });
    expect(procedure(report, 'zz.alpha')).toMatchObject({
      calls: 100,
      distinctUsers: 5,
      p95Ms: 200,
      maxMs: 230,
      slowCalls: 0,
      slowShare: 0,
      errors: 0,
    });
    expect(procedure(report, 'zz.slow')).toMatchObject({
      calls: 4,
      distinctUsers: 2,
      p95Ms: 6000,
      maxMs: 6000,
      slowCalls: 1,
      slowShare: 0.25,
      errors: 1,
      weeks: [
        { weekStart: report.weeks[0], calls: 0, p95Ms: null },
        { weekStart: currentWeek(), calls: 4, distinctUsers: 2, p95Ms: 6000, slowShare: 0.25 },
      ],
    });
    expect(report.errors).toEqual([
      { path: 'zz.slow', code: 'CONFLICT', reason: 'EQUIPMENT_NOT_AVAILABLE', count: 1 },
    ]);
    expect(report.totals).toEqual({ calls: 104, errors: 1, distinctUsers: 7 });
    const status = Object.fromEntries(report.thresholds.map((t) => [t.key, [t.value, t.status]]));
    expect(status).toEqual({
      completed_dispatches: [0, 'ok'],
      p95_response: [6000, 'exceeded'],
      slowest_response: [6000, 'exceeded'],
      concurrent_users: [7, 'ok'],
    });
    expect(report.thresholds.find((t) => t.key === 'p95_response')?.detail).toBe('zz.slow');
  });

  it('adds up two processes flushing into the same week, histograms and all', async () => {
    const one = createUsageCollector({ sql: h.tdb.sql, log: silentLog });
    const two = createUsageCollector({ sql: h.tdb.sql, log: silentLog });
    one.record({ path: 'zz.shared', subject: 'x', ms: 3, error: null });
    one.record({ path: 'zz.shared', subject: 'x', ms: 3, error: null });
    two.record({ path: 'zz.shared', subject: 'x', ms: 7000, error: null });
    two.record({ path: 'zz.shared', subject: 'y', ms: 7000, error: null });
    two.record({ path: 'zz.shared', subject: 'y', ms: 7200, error: null });
    expect(await Promise.all([one.flush(), two.flush()])).toEqual([true, true]);
    one.record({ path: 'zz.shared', subject: 'y', ms: 2, error: null });
    expect(await one.flush()).toBe(true);

    const [row] = await h.tdb.sql<{ calls: string; max_ms: number; histogram: string[] }[]>`
      select calls, max_ms, histogram from usage_procedure_weeks
      where procedure = 'zz.shared' and week_start = ${currentWeek()}`;
    expect(Number(row?.calls)).toBe(6);
    expect(row?.max_ms).toBe(7200);
    const histogram = row?.histogram.map(Number) ?? [];
    expect(histogram).toHaveLength(52);
    expect(histogram.filter((n) => n > 0)).toEqual([1, 2, 3]); // 2 ms, 3 ms twice, 7-7.2 s three times
    expect(histogram[3]).toBe(1);
    expect(histogram[5]).toBe(2);
    expect(histogram[39]).toBe(3); // (6300, 8000]

    const report = await h.admin.operations.report({ weeks: 1 });
    // Rank ceil(0.95 × 6) = 6 is in (6300, 8000], capped at the slowest call.
    expect(procedure(report, 'zz.shared')).toMatchObject({
      calls: 6,
      distinctUsers: 2,
      p95Ms: 7200,
      slowCalls: 3,
      slowShare: 0.5,
    });
  });
});

describe('flush failures', () => {
  let h: THarness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.destroy());

  it('keeps the counts when the backend is terminated mid-flush and writes them next time', async () => {
    const own = createDatabase({ url: h.tdb.url, max: 1, applicationName: 'usage-flush-test' });
    const log = { warn: vi.fn(), info: vi.fn() };
    const usage = createUsageCollector({ sql: own.sql, log });
    try {
      usage.record({ path: 'zz.kept', subject: 'k1', ms: 3, error: null });
      expect(await usage.flush()).toBe(true);

      usage.record({ path: 'zz.kept', subject: 'k2', ms: 9000, error: null });
      // Block the flush on a lock, then terminate its backend, as the chaos harness does.
      const blocker = await h.tdb.sql.reserve();
      await blocker`begin`;
      await blocker`lock table usage_procedure_weeks in exclusive mode`;
      const flushing = usage.flush();
      await vi.waitFor(
        async () => {
          const [waiting] = await h.tdb.sql<{ n: number }[]>`
            select count(*)::int as n from pg_stat_activity
            where application_name = 'usage-flush-test' and wait_event_type = 'Lock'`;
          expect(waiting?.n).toBe(1);
        },
        { timeout: 10_000 },
      );
      await h.tdb.sql`
        select pg_terminate_backend(pid) from pg_stat_activity
        where application_name = 'usage-flush-test'`;
      expect(await flushing).toBe(false);
      await blocker`rollback`;
      blocker.release();
      expect(log.warn).toHaveBeenCalledTimes(1);
      expect(usage.pendingCalls).toBe(1);

      usage.record({ path: 'zz.kept', subject: 'k3', ms: 3, error: null });
      // postgres.js may fail one more query on the dead connection before it reconnects.
      let attempts = 1;
      while (!(await usage.flush()) && attempts < 3) attempts++;
      expect(usage.pendingCalls).toBe(0);
      expect(log.warn).toHaveBeenCalledTimes(1); // one warning for the whole streak
      expect(log.info).toHaveBeenCalledTimes(1);
      const report = await h.admin.operations.report({ weeks: 1 });
      expect(procedure(report, 'zz.kept')).toMatchObject({
        calls: 3,
        distinctUsers: 3,
        maxMs: 9000,
        slowCalls: 1,
      });
    } finally {
      await own.close();
    }
  });
});

describe('concurrent users', () => {
  let h: THarness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.destroy());

  it('samples distinct subjects of the last five minutes across processes, keeping the daily peak', async () => {
    let now = Date.parse('2026-01-05T10:00:00Z');
    const clock = () => now;
    const one = createUsageCollector({ sql: h.tdb.sql, log: silentLog, now: clock });
    const two = createUsageCollector({ sql: h.tdb.sql, log: silentLog, now: clock });
    const seen = (collector: UsageCollector, ...subjects: string[]) => {
      for (const subject of subjects) {
        collector.record({ path: 'me.get', subject, ms: 1, error: null });
      }
      return collector.flush();
    };
    const peaks = () =>
      h.tdb.sql<{ day: string; peak_users: number; peak_at: string }[]>`
        select day::text, peak_users, to_json(peak_at) #>> '{}' as peak_at
        from usage_daily_peaks order by day`;

    await seen(one, 'p1', 'p2', 'p3');
    now += 2 * 60_000; // 10:02: p1-p3 are still inside the window
    await seen(two, 'p4', 'p1');
    expect(await peaks()).toEqual([
      { day: '2026-01-05', peak_users: 4, peak_at: '2026-01-05T10:02:00+00:00' },
    ]);
    now += 6 * 60_000; // 10:08: only p1 and p4 (10:02) remain; with p5, three
    await seen(one, 'p5');
    now += 4 * 60_000; // 10:12: p5 (10:08) and p6
    await seen(two, 'p6');
    expect(await peaks()).toEqual([
      { day: '2026-01-05', peak_users: 4, peak_at: '2026-01-05T10:02:00+00:00' },
    ]);
    const [sampled] = await h.tdb.sql<{ n: number }[]>`
      select count(*)::int as n from usage_presence
      where last_seen_at > ${new Date(now - 5 * 60_000).toISOString()}`;
    expect(sampled?.n).toBe(2);

    now = Date.parse('2026-01-06T00:01:00Z'); // a new UTC day starts from its own samples
    await seen(one, 'p7');
    expect((await peaks()).map((p) => [p.day, p.peak_users])).toEqual([
      ['2026-01-05', 4],
      ['2026-01-06', 1],
    ]);
  });
});
