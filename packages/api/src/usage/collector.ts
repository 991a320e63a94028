import { utcWeekOf } from './calendar';
import { FLUSH_STATEMENT } from './flush-statement';
import { bucketOf } from './histogram';
import {
  type TProcedureTally,
  type TTallies,
  buildFlushPayload,
  emptyTallies,
  errorKey,
  mergeTallies,
  newProcedureTally,
} from './tallies';

/** One finished procedure call, as the error-mapping middleware sees it. */
export interface TUsageCall {
  /** The procedure path, e.g. 'dispatch.assign'. */
  path: string;
  /** The caller's opaque subject; undefined for anonymous calls (counted, but not as a user). */
  subject: string | undefined;
  ms: number;
  /** The final tRPC code and domain reason (e.g. CONFLICT / EQUIPMENT_NOT_AVAILABLE), or null. */
  error: { code: string; reason: string | null } | null;
}

/** The part of a postgres.js client a flush uses (tests wrap it to count statements). */
export interface TUsageSql {
  unsafe: (query: string, parameters: string[]) => PromiseLike<unknown>;
}

export interface TUsageCollectorOptions {
  sql: TUsageSql;
  log: { warn: (obj: object, msg: string) => void; info: (obj: object, msg: string) => void };
  /** The clock (ms since the epoch); tests move it across week boundaries. */
  now?: () => number;
  /** Concurrent users are the subjects seen within this trailing window; 5 minutes. */
  presenceWindowMs?: number;
  /**
   * Every procedure the server serves (`PROCEDURE_PATHS`), so the report lists the unused ones too.
   * Given by the server: the operations procedure cannot import the router it is part of.
   */
  procedurePaths?: readonly string[];
}

export const PRESENCE_WINDOW_MS = 5 * 60_000;

/**
 * Counts API usage in memory and writes it to PostgreSQL in one statement per flush. `record`
 * runs on every call, so it only does map look-ups and counter increments; the server calls
 * `flush` every few seconds and at shutdown, and the operations report calls it before reading.
 *
 * A failed flush (database down, backend terminated) merges its batch back, so the counts go out
 * with the next flush, and logs one warning per streak of failures; `flush` never throws. If the
 * connection is lost after the database committed but before it answered, that batch is counted
 * twice: statistics accept that narrow window rather than keep a ledger of applied flushes.
 */
export class UsageCollector {
  private tallies: TTallies = emptyTallies();
  private week: Map<string, TProcedureTally> = new Map();
  private weekStartMs = 0;
  private weekEndMs = 0;
  private failures = 0;
  /** Calls in the batch whose statement is on its way. */
  private sending = 0;
  private queue: Promise<unknown> = Promise.resolve();
  /** A flush asked for but not started yet; later requests join it. */
  private waiting: Promise<boolean> | null = null;
  private readonly now: () => number;
  private readonly windowMs: number;

  /** Every procedure the server serves, called or not. */
  readonly procedurePaths: readonly string[];

  constructor(private readonly options: TUsageCollectorOptions) {
    this.procedurePaths = options.procedurePaths ?? [];
    this.now = options.now ?? Date.now;
    this.windowMs = options.presenceWindowMs ?? PRESENCE_WINDOW_MS;
  }

  record(call: TUsageCall): void {
    const now = this.now();
    if (now >= this.weekEndMs || now < this.weekStartMs) this.enterWeek(now);
    let tally = this.week.get(call.path);
    if (tally === undefined) {
      tally = newProcedureTally();
      this.week.set(call.path, tally);
    }
    tally.calls++;
    if (call.ms > tally.maxMs) tally.maxMs = call.ms;
    const bucket = bucketOf(call.ms);
    // A typed array is zero-filled and bucketOf stays within it.
    tally.histogram[bucket] = (tally.histogram[bucket] as number) + 1;
    if (call.error !== null) {
      const key = errorKey(call.error.code, call.error.reason);
      tally.errors ??= new Map();
      tally.errors.set(key, (tally.errors.get(key) ?? 0) + 1);
    }
    if (call.subject !== undefined) {
      tally.users.add(call.subject);
      this.tallies.presence.set(call.subject, now);
    }
    this.tallies.calls++;
  }

  /** Calls recorded and not yet written (including a flush in flight). */
  get pendingCalls(): number {
    return this.tallies.calls + this.sending;
  }

  /**
   * Writes what was counted; resolves true when it is stored (or there was nothing to write, in
   * which case no statement is sent), false when the flush failed and the counts were kept.
   * Flushes run one at a time; requests made while one runs share the next, so a slow database
   * never piles up timer ticks.
   */
  flush(): Promise<boolean> {
    if (this.waiting) return this.waiting;
    const run = this.queue.then(() => {
      this.waiting = null;
      return this.flushNow();
    });
    this.waiting = run;
    this.queue = run;
    return run;
  }

  private async flushNow(): Promise<boolean> {
    if (this.tallies.calls === 0) return true;
    const batch = this.tallies;
    this.tallies = emptyTallies();
    this.weekEndMs = 0; // the cached week map belongs to the batch now
    this.sending = batch.calls;
    try {
      const payload = buildFlushPayload(batch, this.now(), this.windowMs);
      await this.options.sql.unsafe(FLUSH_STATEMENT, [payload]);
      if (this.failures > 0) {
        this.options.log.info({ failedFlushes: this.failures }, 'usage statistics flushed again');
        this.failures = 0;
      }
      return true;
    } catch (error) {
      mergeTallies(this.tallies, batch);
      if (this.failures === 0) {
        this.options.log.warn(
          { err: error, pendingCalls: this.tallies.calls },
          'usage statistics flush failed; the counts are kept for the next flush',
        );
      }
      this.failures++;
      return false;
    } finally {
      this.sending = 0;
    }
  }

  private enterWeek(now: number): void {
    const week = utcWeekOf(now);
    this.weekStartMs = week.startMs;
    this.weekEndMs = week.endMs;
    let procedures = this.tallies.weeks.get(week.key);
    if (!procedures) this.tallies.weeks.set(week.key, (procedures = new Map()));
    this.week = procedures;
  }
}

export function createUsageCollector(options: TUsageCollectorOptions): UsageCollector {
  return new UsageCollector(options);
}
