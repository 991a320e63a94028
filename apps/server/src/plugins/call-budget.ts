/**
 * The API's rate limit counts procedure calls, not HTTP requests: a batched request of 25 calls
 * costs 25. @fastify/rate-limit counts requests only (it has no per-request cost), so the /trpc
 * routes are left out of it and limited here, with the same fixed one-minute window per key.
 */
export class CallBudget {
  private readonly windows = new Map<string, { startedAt: number; calls: number }>();
  private sweptAt = 0;

  constructor(
    private readonly callsPerWindow: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends `calls` from the key's budget, or says how long until the window resets. */
  spend(key: string, calls: number): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs) {
      this.forgetExpired(now);
      window = { startedAt: now, calls: 0 };
      this.windows.set(key, window);
    }
    if (window.calls + calls > this.callsPerWindow) {
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000)),
      };
    }
    window.calls += calls;
    return { ok: true };
  }

  /** Keys whose window has passed are dropped at most once a window, so the map stays small. */
  private forgetExpired(now: number): void {
    if (now - this.sweptAt < this.windowMs) return;
    this.sweptAt = now;
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= this.windowMs) this.windows.delete(key);
    }
  }
}
