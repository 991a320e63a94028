/**
 * Latency histograms with fixed, log-spaced bucket bounds: the R10 preferred numbers (ten steps a
 * decade, each about 26 % above the last) from 1 ms to 100 s. Because every process and every week
 * uses the same bounds, histograms add element by element and a percentile of the sum is exact to
 * the bucket: it is reported as the bucket's upper bound (or the slowest call, if lower), so "p95 =
 * 250 ms" means 95 % of the calls took at most 250 ms. 5,000 ms is a bound, so "over 5 s" is exact.
 *
 * Bucket 0 holds calls of at most 1 ms, bucket i holds (BOUNDS[i-1], BOUNDS[i]], and the last
 * bucket holds everything over 100 s. The count (52) is also a check constraint on
 * `usage_procedure_weeks.histogram`: changing the bounds needs a migration.
 */
const R10 = [1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5, 6.3, 8];

export const LATENCY_BOUNDS_MS: readonly number[] = [
  ...[1, 10, 100, 1000, 10_000].flatMap((decade) => R10.map((step) => round(step * decade))),
  100_000,
];

export const HISTOGRAM_BUCKETS = LATENCY_BOUNDS_MS.length + 1;

/** The slow-response threshold of the operations report; a bucket bound, so counts are exact. */
export const SLOW_MS = 5000;

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

// A typed copy for the hot path: the binary search below runs on every API call.
const BOUNDS = Float64Array.from(LATENCY_BOUNDS_MS);

/** The bucket of a duration: the first bound it does not exceed, by binary search (6 steps). */
export function bucketOf(ms: number): number {
  let low = 0;
  let high = BOUNDS.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ms > (BOUNDS[mid] as number)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Adds `from` into `into`, element by element (both HISTOGRAM_BUCKETS long). */
export function addHistogram(
  into: { [i: number]: number; length: number },
  from: ArrayLike<number>,
) {
  for (let i = 0; i < into.length; i++) into[i] = (into[i] ?? 0) + (from[i] ?? 0);
}

export function emptyHistogram(): number[] {
  return new Array<number>(HISTOGRAM_BUCKETS).fill(0);
}

/**
 * The q-quantile (0 < q ≤ 1) of the calls counted in `histogram`: the upper bound of the bucket
 * holding the call of rank ceil(q × calls), capped by the slowest call `maxMs` (which is also the
 * answer in the open last bucket). Null when there are no calls.
 */
export function quantileMs(histogram: ArrayLike<number>, q: number, maxMs: number): number | null {
  let total = 0;
  for (let i = 0; i < histogram.length; i++) total += histogram[i] ?? 0;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i] ?? 0;
    if (seen >= rank) {
      const bound = LATENCY_BOUNDS_MS[i];
      return bound === undefined ? maxMs : Math.min(bound, maxMs);
    }
  }
  return maxMs;
}

/** How many calls took longer than `ms`, which must be one of the bounds. */
export function countOver(histogram: ArrayLike<number>, ms: number): number {
  const first = LATENCY_BOUNDS_MS.indexOf(ms) + 1;
  if (first === 0) throw new Error(`${ms} ms is not a histogram bound`);
  let count = 0;
  for (let i = first; i < histogram.length; i++) count += histogram[i] ?? 0;
  return count;
}
