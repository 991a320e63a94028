import { ZNoInputSchema } from '@dispatch/domain';
import { viewerProcedure } from '../../procedures';
import { readDashboard } from '../../read/dashboard-cache';

/**
 * Everything the dashboard shows in one call, polled every 30 s by every open dashboard, so each
 * part is an index-served aggregate or a short, limited list: open orders by status, the last 24
 * hours' completions and cancellations, the queue head, active dispatches, free resources and
 * recent activity.
 *
 * Computed at most once a second and shared by every caller (read/dashboard-cache.ts). Its output
 * is checked against `ZDashboardOutput` once per computation there rather than by `.output()` on
 * every call, which would copy the shared answer for each caller and defeat its shared serialised
 * form (transformer.ts).
 */
export const dashboardSummary = viewerProcedure
  .input(ZNoInputSchema)
  .query(({ ctx }) => readDashboard(ctx.db));
