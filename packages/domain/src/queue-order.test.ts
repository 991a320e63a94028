import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIORITIES } from './enums';
import { compareQueueEntries, sortQueue, type TQueueEntry } from './queue-order';

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

  it('is a total order consistent with itself', () => {
    const entry = fc.record({
      number: fc.integer({ min: 1, max: 1_000_000 }),
      priority: fc.constantFrom(...PRIORITIES),
      dueBy: fc.option(fc.date({ noInvalidDate: true }), { nil: null }),
      queuedAt: fc.date({ noInvalidDate: true }),
    });
    fc.assert(
      fc.property(entry, entry, (a, b) => {
        const ab = Math.sign(compareQueueEntries(a, b));
        const ba = Math.sign(compareQueueEntries(b, a));
        expect(ab).toBe(-ba || 0);
        if (a.number !== b.number) expect(ab).not.toBe(0);
      }),
    );
  });
});
