import { ZOperationsReportSchema } from '@dispatch/domain';
import { adminProcedure } from '../../procedures';
import { buildOperationsReport } from '../../usage/build-report';
import { lastUtcWeeks, utcDateKey } from '../../usage/calendar';
import { PRESENCE_WINDOW_MS } from '../../usage/collector';
import { readStoredUsage } from '../../usage/read-usage';
import { ZOperationsReportOutput } from './report-output';

/**
 * What the product exists to learn, for admins: per procedure and week the calls, distinct users,
 * p95 and share over 5 s (unused procedures included), errors by code and reason, peak concurrent
 * users per day, completed dispatches to date, and the thresholds for a bigger deployment. This
 * server's unwritten counts are flushed first, so the figures include the last few seconds.
 */
export const operationsReport = adminProcedure
  .input(ZOperationsReportSchema)
  .output(ZOperationsReportOutput)
  .query(async ({ ctx, input }) => {
    const upToDate = ctx.usage ? await ctx.usage.flush() : true;
    const nowMs = Date.now();
    const weeks = lastUtcWeeks(nowMs, input.weeks);
    const first = weeks[0];
    const last = weeks[weeks.length - 1];
    if (!first || !last) throw new Error('the report covers at least one week');
    const stored = await readStoredUsage(ctx.db, {
      fromWeek: first.key,
      toWeek: utcDateKey(last.endMs),
    });
    const report = buildOperationsReport({
      stored,
      weeks,
      knownPaths: ctx.usage?.procedurePaths ?? [],
      nowMs,
      windowMinutes: PRESENCE_WINDOW_MS / 60_000,
    });
    return { generatedAt: new Date(nowMs), upToDate, ...report };
  });
