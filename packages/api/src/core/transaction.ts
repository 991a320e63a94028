import type { Transaction } from '@dispatch/db';
import type { TContext } from '../context';
import { invalidateDashboard } from '../read/dashboard-cache';
import type { TActor } from './actor';
import { fillQueue } from './fill-queue';
import { readSettings } from './settings';

/** Fills the queue inside the caller's transaction when auto-dispatch is on. */
export async function fillIfAuto(tx: Transaction, actor: TActor) {
  const settings = await readSettings(tx);
  return settings.autoDispatch ? fillQueue(tx, actor) : [];
}

/**
 * Runs a mutation in one transaction. With `refill`, the queue is filled again right after the
 * commit: a transaction's own fill cannot see orders or free resources that concurrent transactions
 * have not committed yet, but whichever of them commits last sees both, so nothing waits forever.
 * The commit already happened, so a failing refill is logged, not reported. The dashboard cache
 * is cleared after the commit (and again after a refill that assigned something).
 */
export async function mutate<T>(
  ctx: Pick<TContext, 'db' | 'log'>,
  actor: TActor,
  work: (tx: Transaction) => Promise<T>,
  options: { refill: boolean },
): Promise<T> {
  const result = await ctx.db.transaction(work);
  invalidateDashboard(ctx.db);
  if (options.refill) {
    try {
      const filled = await ctx.db.transaction((tx) => fillIfAuto(tx, actor));
      if (filled.length > 0) {
        invalidateDashboard(ctx.db);
        ctx.log.info({ filled: filled.length }, 'queue filled after commit');
      }
    } catch (error) {
      ctx.log.error({ err: error }, 'queue fill after commit failed');
    }
  }
  return result;
}
