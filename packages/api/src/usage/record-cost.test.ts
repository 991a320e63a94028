import { describe, expect, it } from 'vitest';
import { type TUsageCall, createUsageCollector } from './collector';

/**
 * What `record` costs on the request path, printed rather than asserted (timings vary with the
 * machine): a realistic mix of 40 procedures, 1,000 subjects, 2 % errors and spread-out latencies,
 * the inputs built beforehand so only `record` is timed.
 */
describe('record() cost', () => {
  it('prints nanoseconds per call', () => {
    const usage = createUsageCollector({
      sql: { unsafe: async () => [] },
      log: { warn: () => undefined, info: () => undefined },
    });
    const calls: TUsageCall[] = Array.from({ length: 100_000 }, (_, i) => ({
      path: `area${i % 8}.procedure${i % 5}`,
      subject: i % 17 === 0 ? undefined : `subject-${(i * 7919) % 1000}`,
      ms: Math.exp(((i * 37) % 1000) / 100) / 10,
      error: i % 50 === 0 ? { code: 'CONFLICT', reason: 'EQUIPMENT_NOT_AVAILABLE' } : null,
    }));
    const rounds = 20;
    for (const call of calls) usage.record(call); // warm up the JIT
    const started = process.hrtime.bigint();
    for (let round = 0; round < rounds; round++) {
      for (const call of calls) usage.record(call);
    }
    const ns = Number(process.hrtime.bigint() - started) / (rounds * calls.length);
    console.log(`usage record(): ${ns.toFixed(0)} ns per call (${rounds * calls.length} calls)`);
    expect(usage.pendingCalls).toBe((rounds + 1) * calls.length);
  });
});
