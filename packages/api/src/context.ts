import type { Database } from '@dispatch/db';
import type { TPrincipal } from '@dispatch/domain';
import type { LogFn } from 'pino';
import type { TUsageCall } from './usage/collector';

/**
 * What every procedure receives. The server builds it from a verified session or token; tests build
 * it directly with `createContextInner`.
 */
/** The part of a pino logger procedures use; Fastify's request logger and pino both fit. */
export interface TLog {
  child: (bindings: Record<string, unknown>) => TLog;
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export interface TContext {
  db: Database;
  principal: TPrincipal | null;
  log: TLog;
  requestId: string;
  /**
   * The server's usage collector (operations statistics). Optional: tests and scripts that build
   * a context without one simply count nothing.
   */
  usage?: TUsageRecorder;
}

/**
 * What procedures need of the usage collector: record a call, write the counts now, and the
 * procedures the server serves (for the report's unused ones).
 */
export interface TUsageRecorder {
  record: (call: TUsageCall) => void;
  flush: () => Promise<boolean>;
  readonly procedurePaths: readonly string[];
}

export function createContextInner(input: TContext): TContext {
  return input;
}
