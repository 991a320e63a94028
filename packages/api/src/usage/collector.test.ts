import { describe, expect, it, vi } from 'vitest';
import { type TUsageCall, createUsageCollector } from './collector';
import { FLUSH_STATEMENT } from './flush-statement';
import { LATENCY_BOUNDS_MS, bucketOf } from './histogram';

interface TPayload {
  weeks: {
    week_start: string;
    procedure: string;
    calls: number;
    max_ms: number;
    histogram: number[];
  }[];
  errors: { week_start: string; procedure: string; code: string; reason: string; count: number }[];
  users: { week_start: string; procedure: string; subject: string }[];
  presence: { subject: string; last_seen_at: string }[];
  sample: { day: string; at: string; since: string };
}

/** A stand-in for postgres.js that records statements and fails when told to. */
function fakeSql() {
  const statements: { query: string; payload: TPayload }[] = [];
  let failuresLeft = 0;
  let gate: Promise<void> | null = null;
  let waiting = 0;
  return {
    statements,
    failNext: (times = 1) => {
      failuresLeft = times;
    },
    /** The next statement waits for `until` before it answers (or fails). */
    holdNext: (until: Promise<void>) => {
      gate = until;
    },
    waiting: () => waiting,
    sql: {
      unsafe: async (query: string, parameters: string[]) => {
        if (gate) {
          const held = gate;
          gate = null;
          waiting++;
          await held;
          waiting--;
        }
        if (failuresLeft > 0) {
          failuresLeft--;
          throw new Error('terminating connection due to administrator command');
        }
        statements.push({ query, payload: JSON.parse(parameters[0] ?? 'null') as TPayload });
        return [];
      },
    },
  };
}

function setup(startIso = '2026-11-25T10:00:00Z') {
  const db = fakeSql();
  const log = { warn: vi.fn(), info: vi.fn() };
  let now = new Date(startIso).getTime();
  const collector = createUsageCollector({ sql: db.sql, log, now: () => now });
  const call = (over: Partial<TUsageCall> = {}) =>
    collector.record({ path: 'equipment.list', subject: 'u1', ms: 3, error: null, ...over });
  return {
    db,
    log,
    collector,
    call,
    setNow: (iso: string) => {
      now = new Date(iso).getTime();
    },
  };
}

const onlyHistogram = (entries: Record<number, number>) => {
  const histogram = Array<number>(52).fill(0);
  for (const [bucket, n] of Object.entries(entries)) histogram[Number(bucket)] = n;
  return histogram;
};

describe('the usage collector', () => {
  it('sends no statement when nothing was recorded', async () => {
    const { db, collector } = setup();
    expect(await collector.flush()).toBe(true);
    expect(await collector.flush()).toBe(true);
    expect(db.statements).toHaveLength(0);
  });

  it('aggregates calls per week and procedure and writes them in one statement', async () => {
    const { db, collector, call } = setup();
    call({ ms: 3 });
    call({ ms: 3, subject: 'u2' });
    call({ ms: 240, subject: 'u2' });
    call({ ms: 6000, subject: undefined });
    call({
      path: 'dispatch.assign',
      ms: 12,
      error: { code: 'CONFLICT', reason: 'EQUIPMENT_NOT_AVAILABLE' },
    });
    call({
      path: 'dispatch.assign',
      ms: 11,
      error: { code: 'CONFLICT', reason: 'EQUIPMENT_NOT_AVAILABLE' },
    });
    call({
      path: 'dispatch.assign',
      ms: 2,
      subject: 'u3',
      error: { code: 'BAD_REQUEST', reason: null },
    });
    expect(collector.pendingCalls).toBe(7);
    expect(await collector.flush()).toBe(true);
    expect(collector.pendingCalls).toBe(0);

    expect(db.statements).toHaveLength(1);
    const [{ query, payload }] = db.statements as [{ query: string; payload: TPayload }];
    expect(query).toBe(FLUSH_STATEMENT);
    expect(payload.weeks).toEqual([
      {
        week_start: '2026-11-23',
        procedure: 'equipment.list',
        calls: 4,
        max_ms: 6000,
        histogram: onlyHistogram({ 5: 2, 24: 1, 38: 1 }),
      },
      {
        week_start: '2026-11-23',
        procedure: 'dispatch.assign',
        calls: 3,
        max_ms: 12,
        histogram: onlyHistogram({ 3: 1, 11: 2 }), // 11 and 12 ms are both in (10, 12.5]
      },
    ]);
    expect(LATENCY_BOUNDS_MS[38]).toBe(6300);
    expect(payload.errors).toEqual([
      {
        week_start: '2026-11-23',
        procedure: 'dispatch.assign',
        code: 'CONFLICT',
        reason: 'EQUIPMENT_NOT_AVAILABLE',
        count: 2,
      },
      {
        week_start: '2026-11-23',
        procedure: 'dispatch.assign',
        code: 'BAD_REQUEST',
        reason: '',
        count: 1,
      },
    ]);
    expect(payload.users).toEqual([
      { week_start: '2026-11-23', procedure: 'equipment.list', subject: 'u1' },
      { week_start: '2026-11-23', procedure: 'equipment.list', subject: 'u2' },
      { week_start: '2026-11-23', procedure: 'dispatch.assign', subject: 'u1' },
      { week_start: '2026-11-23', procedure: 'dispatch.assign', subject: 'u3' },
    ]);
    expect(payload.presence).toEqual([
      { subject: 'u1', last_seen_at: '2026-11-25T10:00:00.000Z' },
      { subject: 'u2', last_seen_at: '2026-11-25T10:00:00.000Z' },
      { subject: 'u3', last_seen_at: '2026-11-25T10:00:00.000Z' },
    ]);
    expect(payload.sample).toEqual({
      day: '2026-11-25',
      at: '2026-11-25T10:00:00.000Z',
      since: '2026-11-25T09:55:00.000Z',
    });
    // Written means gone: the next flush has nothing to send.
    expect(await collector.flush()).toBe(true);
    expect(db.statements).toHaveLength(1);
  });

  it('splits calls at Monday 00:00 UTC', async () => {
    const { db, collector, call, setNow } = setup('2026-11-29T23:59:59.999Z');
    call();
    setNow('2026-11-30T00:00:00.000Z');
    call();
    call();
    setNow('2026-11-29T23:59:59.000Z'); // a clock stepping back lands in its own week again
    call();
    await collector.flush();
    const weeks = db.statements[0]?.payload.weeks.map((w) => [w.week_start, w.calls]);
    expect(weeks).toEqual([
      ['2026-11-23', 2],
      ['2026-11-30', 2],
    ]);
  });

  it('keeps the counts of a failed flush and adds them to the next one, warning once a streak', async () => {
    const { db, log, collector, call, setNow } = setup();
    call({ ms: 3, subject: 'u1' });
    call({ ms: 3, subject: 'u1', error: { code: 'NOT_FOUND', reason: 'WORK_ORDER_NOT_FOUND' } });
    db.failNext(2);
    expect(await collector.flush()).toBe(false);
    expect(collector.pendingCalls).toBe(2);
    setNow('2026-11-25T10:01:00Z');
    call({ ms: 7000, subject: 'u2', error: { code: 'NOT_FOUND', reason: 'WORK_ORDER_NOT_FOUND' } });
    call({ ms: 2, subject: 'u1', path: 'me.get' });
    expect(await collector.flush()).toBe(false);
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(log.warn.mock.calls[0]?.[1]).toMatch(/flush failed; the counts are kept/);
    expect(db.statements).toHaveLength(0);

    expect(await collector.flush()).toBe(true);
    expect(log.info).toHaveBeenCalledTimes(1);
    expect(db.statements).toHaveLength(1);
    const payload = db.statements[0]?.payload;
    expect(payload?.weeks).toEqual([
      {
        week_start: '2026-11-23',
        procedure: 'equipment.list',
        calls: 3,
        max_ms: 7000,
        histogram: onlyHistogram({ 5: 2, [bucketOf(7000)]: 1 }),
      },
      {
        week_start: '2026-11-23',
        procedure: 'me.get',
        calls: 1,
        max_ms: 2,
        histogram: onlyHistogram({ 3: 1 }),
      },
    ]);
    expect(payload?.errors).toEqual([
      {
        week_start: '2026-11-23',
        procedure: 'equipment.list',
        code: 'NOT_FOUND',
        reason: 'WORK_ORDER_NOT_FOUND',
        count: 2,
      },
    ]);
    expect(payload?.users.map((u) => `${u.procedure} ${u.subject}`).sort()).toEqual([
      'equipment.list u1',
      'equipment.list u2',
      'me.get u1',
    ]);
    // The later sighting of u1 wins; u2 was only seen after the first failure.
    expect(payload?.presence).toEqual([
      { subject: 'u1', last_seen_at: '2026-11-25T10:01:00.000Z' },
      { subject: 'u2', last_seen_at: '2026-11-25T10:01:00.000Z' },
    ]);

    // A new streak warns again.
    call();
    db.failNext();
    expect(await collector.flush()).toBe(false);
    expect(log.warn).toHaveBeenCalledTimes(2);
  });

  it('keeps calls recorded while a flush is in flight, whether it succeeds or fails', async () => {
    const { db, collector, call } = setup();
    call();
    let release: () => void = () => undefined;
    db.holdNext(new Promise<void>((resolve) => (release = resolve)));
    db.failNext();
    const first = collector.flush();
    await vi.waitFor(() => expect(db.waiting()).toBe(1));
    call({ subject: 'u9' }); // after the batch was taken, before its statement fails
    expect(collector.pendingCalls).toBe(2); // one on its way, one new
    release();
    expect(await first).toBe(false);
    expect(collector.pendingCalls).toBe(2);

    db.holdNext(new Promise<void>((resolve) => (release = resolve)));
    const second = collector.flush();
    await vi.waitFor(() => expect(db.waiting()).toBe(1));
    call({ path: 'me.get' }); // after the batch was taken; the statement then succeeds
    release();
    expect(await second).toBe(true);
    expect(db.statements[0]?.payload.weeks.map((w) => [w.procedure, w.calls])).toEqual([
      ['equipment.list', 2],
    ]);
    expect(collector.pendingCalls).toBe(1);
    expect(await collector.flush()).toBe(true);
    expect(db.statements[1]?.payload.weeks.map((w) => [w.procedure, w.calls])).toEqual([
      ['me.get', 1],
    ]);
  });

  it('runs flushes one at a time, never sending the same counts twice', async () => {
    const { db, collector, call } = setup();
    call();
    const results = await Promise.all([collector.flush(), collector.flush(), collector.flush()]);
    expect(results).toEqual([true, true, true]);
    expect(db.statements).toHaveLength(1);
  });

  it('lets requests made during a slow flush share one next flush', async () => {
    const { db, collector, call } = setup();
    call();
    let release: () => void = () => undefined;
    db.holdNext(new Promise<void>((resolve) => (release = resolve)));
    const running = collector.flush();
    await vi.waitFor(() => expect(db.waiting()).toBe(1));
    call({ path: 'me.get' });
    const next = [collector.flush(), collector.flush(), collector.flush()];
    expect(new Set(next).size).toBe(1);
    release();
    expect(await running).toBe(true);
    expect(await Promise.all(next)).toEqual([true, true, true]);
    expect(db.statements.map((s) => s.payload.weeks.map((w) => w.procedure))).toEqual([
      ['equipment.list'],
      ['me.get'],
    ]);
  });
});
