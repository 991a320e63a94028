// The part of autocannon's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  interface TAutocannonRequest {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (
      request: TAutocannonRequest,
      context: Record<string, unknown>,
    ) => TAutocannonRequest;
  }
  interface TAutocannonOptions {
    url: string;
    connections?: number;
    duration?: number;
    amount?: number;
    overallRate?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: TAutocannonRequest[];
  }
  interface THistogramSummary {
    average: number;
    mean: number;
    total: number;
    p50: number;
    p99: number;
    max: number;
  }
  interface TAutocannonResult {
    duration: number;
    requests: THistogramSummary;
    latency: THistogramSummary;
    errors: number;
    timeouts: number;
    non2xx: number;
    '2xx': number;
  }
  function autocannon(options: TAutocannonOptions): Promise<TAutocannonResult>;
  export default autocannon;
  export type { TAutocannonOptions, TAutocannonRequest, TAutocannonResult };
}
