import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITIES } from './enums';
import { compareQueueEntries, priorityRank, sortQueue, type TQueueEntry } from './queue-order';

const at = (iso: string) => new Date(iso);

describe('queue order', () => {
  it('orders by priority, then due-by (none last), then time queued, then number', () => {
    const entries: TQueueEntry[] = [
      {
        number: 1,
        priority: 'low',
        dueBy: at('2026-01-01T08:00Z'),
        queuedAt: at('2026-01-01T00:00Z'),
      },
      { number: 2, priority: 'standard', dueBy: null, queuedAt: at('2026-01-01T00:00Z') },
      {
        number: 3,
        priority: 'standard',
        dueBy: at('2026-01-02T08:00Z'),
        queuedAt: at('2026-01-01T05:00Z'),
      },
      {
        number: 4,
        priority: 'standard',
        dueBy: at('2026-01-01T09:00Z'),
        queuedAt: at('2026-01-01T06:00Z'),
      },
      { number: 5, priority: 'urgent', dueBy: null, queuedAt: at('2026-01-01T07:00Z') },
      { number: 6, priority: 'standard', dueBy: null, queuedAt: at('2025-12-31T00:00Z') },
      { number: 7, priority: 'standard', dueBy: null, queuedAt: at('2025-12-31T00:00Z') },
      { number: 8, priority: 'high', dueBy: null, queuedAt: at('2026-01-01T09:00Z') },
    ];
    expect(sortQueue(entries).map((e) => e.number)).toEqual([5, 8, 4, 3, 6, 7, 2, 1]);
  });

  // Small domains, so that equal priorities, due-bys and queue times (and equal numbers) are common
  // and every tie-break is exercised, not only the first key.
  const instants = ['2026-01-01T08:00Z', '2026-01-01T09:00Z', '2026-01-02T08:00Z'].map(at);
  const smallEntry: fc.Arbitrary<TQueueEntry> = fc.record({
    number: fc.integer({ min: 1, max: 3 }),
    priority: fc.constantFrom(...PRIORITIES),
    dueBy: fc.option(fc.constantFrom(...instants), { nil: null, freq: 2 }),
    queuedAt: fc.constantFrom(...instants),
  });
  // Fresh Date objects, so the comparator cannot rely on object identity.
  const copy = (e: TQueueEntry): TQueueEntry => ({
    ...e,
    dueBy: e.dueBy && new Date(e.dueBy.getTime()),
    queuedAt: new Date(e.queuedAt.getTime()),
  });

  /** The queue order written as a sort key, compared element by element. */
  const key = (e: TQueueEntry) => [
    PRIORITIES.indexOf(e.priority),
    e.dueBy ? 0 : 1,
    e.dueBy ? e.dueBy.getTime() : 0,
    e.queuedAt.getTime(),
    e.number,
  ];
  const compareKeys = (a: TQueueEntry, b: TQueueEntry) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return Math.sign(ka[i]! - kb[i]!);
    return 0;
  };
  const sign = (a: TQueueEntry, b: TQueueEntry) => Math.sign(compareQueueEntries(a, b));

  it('agrees with the lexicographic key: priority, due-by first, due, queued, number', () => {
    fc.assert(
      fc.property(smallEntry, smallEntry, (a, b) => {
        expect(sign(a, b)).toBe(compareKeys(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('is antisymmetric and reflexive, and only equal keys compare equal', () => {
    fc.assert(
      fc.property(smallEntry, smallEntry, (a, b) => {
        expect(sign(a, b)).toBe(-sign(b, a) || 0);
        expect(sign(a, copy(a))).toBe(0);
        if (sign(a, b) === 0) expect(key(a)).toEqual(key(b));
      }),
      { numRuns: 1000 },
    );
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(smallEntry, smallEntry, smallEntry, (a, b, c) => {
        if (sign(a, b) <= 0 && sign(b, c) <= 0) expect(sign(a, c)).toBeLessThanOrEqual(0);
        if (sign(a, b) === 0 && sign(b, c) === 0) expect(sign(a, c)).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('is a total order on real queues: distinct numbers never compare equal', () => {
    const entry = fc.record({
      number: fc.integer({ min: 1, max: 1_000_000 }),
      priority: fc.constantFrom(...PRIORITIES),
      dueBy: fc.option(fc.date({ noInvalidDate: true }), { nil: null }),
      queuedAt: fc.date({ noInvalidDate: true }),
    });
    fc.assert(
      fc.property(entry, entry, (a, b) => {
        expect(sign(a, b)).toBe(compareKeys(a, b));
        if (a.number !== b.number) expect(sign(a, b)).not.toBe(0);
      }),
    );
  });

  it('breaks each tie with the next key', () => {
    const e = (over: Partial<TQueueEntry>): TQueueEntry => ({
      number: 1,
      priority: 'standard',
      dueBy: at('2026-01-02T08:00Z'),
      queuedAt: at('2026-01-01T08:00Z'),
      ...over,
    });
    // Same priority: the earlier due-by first.
    expect(sign(e({ dueBy: at('2026-01-01T09:00Z'), number: 2 }), e({}))).toBe(-1);
    // Same due-by: the earlier queued first.
    expect(sign(e({ queuedAt: at('2026-01-01T07:00Z'), number: 2 }), e({}))).toBe(-1);
    // No due-by on either side: the earlier queued first.
    expect(
      sign(e({ dueBy: null, queuedAt: at('2026-01-01T07:00Z'), number: 2 }), e({ dueBy: null })),
    ).toBe(-1);
    // Everything equal but the number: the smaller number first.
    expect(sign(e({ number: 1 }), e({ number: 2 }))).toBe(-1);
    expect(sign(e({ number: 2 }), e({ number: 1 }))).toBe(1);
    expect(sign(e({ dueBy: null, number: 2 }), e({ dueBy: null, number: 1 }))).toBe(1);
  });

  it('sorts a copy and leaves its input alone', () => {
    fc.assert(
      fc.property(fc.array(smallEntry, { maxLength: 8 }), (entries) => {
        const before = [...entries];
        const sorted = sortQueue(entries);
        expect(entries).toEqual(before);
        expect(sorted).toHaveLength(entries.length);
        expect(new Set(sorted)).toEqual(new Set(entries));
        for (let i = 1; i < sorted.length; i++) {
          expect(compareKeys(sorted[i - 1]!, sorted[i]!)).toBeLessThanOrEqual(0);
        }
      }),
    );
  });

  it('ranks priorities from urgent to low', () => {
    expect(PRIORITIES.map(priorityRank)).toEqual([0, 1, 2, 3]);
  });
});
