import { describe, expect, it } from 'vitest';
import { SharedComputation } from './shared-computation';

/** A computation whose runs the test finishes by hand, with a clock the test moves. */
function harness(ttlMs = 1000) {
  const runs: { resolve: (v: number) => void; reject: (e: Error) => void }[] = [];
  let clock = 0;
  const shared = new SharedComputation(
    () =>
      new Promise<number>((resolve, reject) => {
        runs.push({ resolve, reject });
      }),
    ttlMs,
    () => clock,
  );
  return {
    shared,
    runs,
    advance: (ms: number) => {
      clock += ms;
    },
    finish: (index: number, value: number) => runs[index]?.resolve(value),
  };
}

describe('SharedComputation', () => {
  it('runs once for callers that arrive while it computes, then serves the value until the TTL', async () => {
    const h = harness();
    const first = [h.shared.read(), h.shared.read(), h.shared.read()];
    expect(h.runs).toHaveLength(1);
    h.finish(0, 7);
    expect(await Promise.all(first)).toEqual([7, 7, 7]);
    h.advance(999);
    expect(await h.shared.read()).toBe(7);
    expect(h.runs).toHaveLength(1);
    h.advance(1);
    const next = h.shared.read();
    expect(h.runs).toHaveLength(2);
    h.finish(1, 8);
    expect(await next).toBe(8);
  });

  it('after invalidate, computes afresh and does not keep a result that was computing meanwhile', async () => {
    const h = harness();
    const stale = h.shared.read();
    h.shared.invalidate();
    const fresh = h.shared.read();
    expect(h.runs).toHaveLength(2);
    h.finish(0, 1);
    h.finish(1, 2);
    expect(await stale).toBe(1);
    expect(await fresh).toBe(2);
    // The fresh result is the one kept.
    expect(await h.shared.read()).toBe(2);
    expect(h.runs).toHaveLength(2);
    h.shared.invalidate();
    const after = h.shared.read();
    expect(h.runs).toHaveLength(3);
    h.finish(2, 3);
    expect(await after).toBe(3);
  });

  it('does not keep a failure: every waiting caller sees it, the next caller computes again', async () => {
    const h = harness();
    const a = h.shared.read();
    const b = h.shared.read();
    h.runs[0]?.reject(new Error('database gone'));
    await expect(a).rejects.toThrow('database gone');
    await expect(b).rejects.toThrow('database gone');
    const retry = h.shared.read();
    expect(h.runs).toHaveLength(2);
    h.finish(1, 5);
    expect(await retry).toBe(5);
  });
});
