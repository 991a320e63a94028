import type { Database } from '@dispatch/db';
import type { TPrincipal } from '@dispatch/domain';
import type { Logger } from 'pino';

/**
 * What every procedure receives. The server builds it from a verified session or token; tests build
 * it directly with `createContextInner`.
 */
export interface TContext {
  db: Database;
  principal: TPrincipal | null;
  log: Logger;
  requestId: string;
}

export function createContextInner(input: TContext): TContext {
  return input;
}
