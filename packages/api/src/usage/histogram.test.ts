import { describe, expect, it } from 'vitest';
import {
  HISTOGRAM_BUCKETS,
  LATENCY_BOUNDS_MS,
  SLOW_MS,
  addHistogram,
  bucketOf,
  countOver,
  emptyHistogram,
  quantileMs,
} from './histogram';

function histogramOf(durations: number[]): number[] {
  const histogram = emptyHistogram();
  for (const ms of durations) histogram[bucketOf(ms)] = (histogram[bucketOf(ms)] ?? 0) + 1;
  return histogram;
}

describe('latency histogram bounds', () => {
  it('are 51 log-spaced bounds from 1 ms to 100 s, ten a decade, with 5 s among them', () => {
    expect(LATENCY_BOUNDS_MS).toHaveLength(51);
    expect(HISTOGRAM_BUCKETS).toBe(52);
    expect(LATENCY_BOUNDS_MS[0]).toBe(1);
    expect(LATENCY_BOUNDS_MS.at(-1)).toBe(100_000);
    expect(LATENCY_BOUNDS_MS).toContain(SLOW_MS);
    expect(LATENCY_BOUNDS_MS.slice(30, 41)).toEqual([
      1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000, 6300, 8000, 10_000,
    ]);
    for (let i = 1; i < LATENCY_BOUNDS_MS.length; i++) {
      const ratio = (LATENCY_BOUNDS_MS[i] ?? 0) / (LATENCY_BOUNDS_MS[i - 1] ?? 1);
      expect(ratio).toBeGreaterThan(1.2);
      expect(ratio).toBeLessThan(1.3);
    }
  });

  it('put a duration in the first bucket whose bound it does not exceed', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(0.4)).toBe(0);
    expect(bucketOf(1)).toBe(0);
    expect(bucketOf(1.0001)).toBe(1);
    expect(bucketOf(1.25)).toBe(1);
    expect(bucketOf(3)).toBe(5); // (2.5, 3.15]
    const fiveSeconds = LATENCY_BOUNDS_MS.indexOf(5000);
    expect(bucketOf(5000)).toBe(fiveSeconds);
    expect(bucketOf(5000.01)).toBe(fiveSeconds + 1);
    expect(bucketOf(100_000)).toBe(50);
    expect(bucketOf(100_000.5)).toBe(51);
    expect(bucketOf(3_600_000)).toBe(51);
  });

  it('agree with a linear scan for many durations', () => {
    const linear = (ms: number) => {
      const index = LATENCY_BOUNDS_MS.findIndex((bound) => ms <= bound);
      return index < 0 ? LATENCY_BOUNDS_MS.length : index;
    };
    for (let i = 0; i < 20_000; i++) {
      const ms = Math.exp(Math.random() * 13) - 1; // 0 ms to about 440 s
      expect(bucketOf(ms)).toBe(linear(ms));
    }
    for (const bound of LATENCY_BOUNDS_MS) {
      expect(bucketOf(bound)).toBe(linear(bound));
      expect(bucketOf(bound + 1e-9)).toBe(linear(bound + 1e-9));
    }
  });
});

describe('quantiles from a histogram', () => {
  it('report the upper bound of the bucket holding rank ceil(q × n), capped by the slowest call', () => {
    // 100 calls: 94 at 3 ms, 6 at 240 ms. Rank 95 is a 240 ms call: bucket (200, 250].
    const calls = [...Array<number>(94).fill(3), ...Array<number>(6).fill(240)];
    expect(quantileMs(histogramOf(calls), 0.95, 240)).toBe(240);
    expect(quantileMs(histogramOf(calls), 0.95, 1000)).toBe(250);
    // 95 at 3 ms: rank 95 is still in (2.5, 3.15].
    const fast = [...Array<number>(95).fill(3), ...Array<number>(5).fill(240)];
    expect(quantileMs(histogramOf(fast), 0.95, 240)).toBe(3.15);
    expect(quantileMs(histogramOf(fast), 0.5, 240)).toBe(3.15);
    expect(quantileMs(histogramOf(fast), 1, 240)).toBe(240);
  });

  it('are null without calls, and the slowest call in the open last bucket', () => {
    expect(quantileMs(emptyHistogram(), 0.95, 0)).toBeNull();
    expect(quantileMs(histogramOf([150_000, 200_000]), 0.95, 200_000)).toBe(200_000);
    expect(quantileMs(histogramOf([7]), 0.95, 7)).toBe(7);
  });

  it('of added histograms equal those of all the calls together', () => {
    const a = [1, 2, 3, 40, 41, 900, 6000];
    const b = [0.5, 12, 12, 13, 7000, 7100, 250];
    const sum = histogramOf(a);
    addHistogram(sum, histogramOf(b));
    expect(sum).toEqual(histogramOf([...a, ...b]));
    expect(quantileMs(sum, 0.95, 7100)).toBe(7100); // rank 14 of 14: (6300, 8000], capped
    // Sorted: 0.5 1 2 3 12 12 13 40 ...; rank 7 is 13 ms, in (12.5, 16].
    expect(quantileMs(sum, 0.5, 7100)).toBe(16);
  });

  it('count the calls over 5 s exactly, since 5 s is a bound', () => {
    const histogram = histogramOf([4999, 5000, 5000.001, 5001, 6300, 120_000]);
    expect(countOver(histogram, SLOW_MS)).toBe(4);
    expect(countOver(histogram, 100_000)).toBe(1);
    expect(() => countOver(histogram, 4999)).toThrow(/not a histogram bound/);
  });
});
