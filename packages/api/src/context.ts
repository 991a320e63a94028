import type { Database } from '@dispatch/db';
import type { TPrincipal } from '@dispatch/domain';
import type { LogFn } from 'pino';

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
}

export function createContextInner(input: TContext): TContext {
  return input;
}
