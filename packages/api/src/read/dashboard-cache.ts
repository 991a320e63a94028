import type { Database } from '@dispatch/db';
import { shareSerialized } from '../transformer';
import { computeDashboard } from './dashboard';
import { type TDashboardOutput, ZDashboardOutput } from './dashboard-shape';
import { SharedComputation } from './shared-computation';

/**
 * How long one computed dashboard is served. Every open dashboard polls the same answer every
 * 30 s, so a thousand users ask for it about 33 times a second; within a second they all share one
 * computation. A write through this process clears it at once (`invalidateDashboard`, called by
 * `mutate` after each commit), so a dispatcher sees their own change on the next refresh; a write
 * through another server process shows within a second.
 */
export const DASHBOARD_TTL_MS = 1000;

const caches = new WeakMap<Database, SharedComputation<TDashboardOutput>>();

/** The dashboard of this database, computed at most once per `DASHBOARD_TTL_MS`. */
export function readDashboard(db: Database): Promise<TDashboardOutput> {
  let cache = caches.get(db);
  if (!cache) {
    // Checked once per computation, then frozen and serialised once for all its callers.
    const compute = async () => shareSerialized(ZDashboardOutput.parse(await computeDashboard(db)));
    cache = new SharedComputation(compute, DASHBOARD_TTL_MS);
    caches.set(db, cache);
  }
  return cache.read();
}

/** Called after every committed write, so the next dashboard read computes afresh. */
export function invalidateDashboard(db: Database): void {
  caches.get(db)?.invalidate();
}
