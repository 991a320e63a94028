/**
 * A value computed at most once per `ttlMs` and shared: callers that arrive while it is being
 * computed wait for that computation instead of starting their own. `invalidate()` makes the next
 * caller compute afresh, and a computation that was running when it was called is not kept, since
 * it may have read the data from before the change. Failures are not kept either.
 */
export class SharedComputation<T> {
  private generation = 0;
  private entry: { generation: number; computedAt: number; value: T } | undefined;
  private inFlight: { generation: number; promise: Promise<T> } | undefined;

  constructor(
    private readonly compute: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  read(): Promise<T> {
    const startedAt = this.now();
    const { entry, generation } = this;
    if (entry && entry.generation === generation && startedAt - entry.computedAt < this.ttlMs) {
      return Promise.resolve(entry.value);
    }
    if (this.inFlight?.generation === generation) return this.inFlight.promise;
    const promise = this.compute().then((value) => {
      if (generation === this.generation) this.entry = { generation, computedAt: startedAt, value };
      return value;
    });
    const flight = { generation, promise };
    this.inFlight = flight;
    const clear = () => {
      if (this.inFlight === flight) this.inFlight = undefined;
    };
    promise.then(clear, clear);
    return promise;
  }

  invalidate(): void {
    this.generation += 1;
    this.entry = undefined;
  }
}
