import autocannon, { type TAutocannonOptions } from 'autocannon';

/** What one measured load came back with: throughput of good answers and latency in ms. */
export interface TLoadResult {
  /** 2xx answers per second over the whole run. */
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  /** Transport errors, timeouts and non-2xx answers. */
  errors: number;
  seconds: number;
}

/** Runs autocannon (as a library) against one URL and reduces its result to what the table needs. */
export async function runLoad(options: TAutocannonOptions): Promise<TLoadResult> {
  const result = await autocannon({ connections: 10, timeout: 10, ...options });
  const ok = result['2xx'];
  return {
    rps: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    errors: result.errors + result.timeouts + result.non2xx,
    seconds: result.duration,
  };
}

/** A short unmeasured run first (JIT, prepared statements, pools), then the measured one. */
export async function warmAndRun(
  options: TAutocannonOptions,
  warmSeconds = 2,
): Promise<TLoadResult> {
  await autocannon({ connections: 10, timeout: 10, ...options, duration: warmSeconds });
  return runLoad(options);
}
