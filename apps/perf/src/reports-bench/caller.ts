import { randomUUID } from 'node:crypto';
import { createCaller, createContextInner, type TContext } from '@dispatch/api';
import type { Database } from '@dispatch/db';

export type TCaller = ReturnType<typeof createCaller>;

/** Procedures log nothing worth keeping during a benchmark. */
const silent: TContext['log'] = {
  child: () => silent,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** The real router as a viewer: role check, input parsing, the SQL and the output check. */
export function viewerCaller(db: Database): TCaller {
  return createCaller(
    createContextInner({
      db,
      principal: { subject: 'reports-bench', name: 'Reports Bench', roles: ['viewer'] },
      log: silent,
      requestId: randomUUID(),
    }),
  );
}
