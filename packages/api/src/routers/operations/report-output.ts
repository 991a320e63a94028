import { z } from 'zod';
import { THRESHOLD_KEYS, THRESHOLD_STATUSES } from '../../usage/thresholds';

const ZFiguresOutput = z.object({
  calls: z.number(),
  distinctUsers: z.number(),
  /** Upper bound of the histogram bucket holding the 95th percentile; null without calls. */
  p95Ms: z.number().nullable(),
  maxMs: z.number().nullable(),
  slowCalls: z.number(),
  slowShare: z.number().nullable(),
});

export const ZOperationsReportOutput = z.object({
  generatedAt: z.date(),
  /** False when this server's latest counts could not be written first (database trouble). */
  upToDate: z.boolean(),
  weeks: z.array(z.string()),
  procedures: z.array(
    ZFiguresOutput.extend({
      path: z.string(),
      errors: z.number(),
      weeks: z.array(ZFiguresOutput.extend({ weekStart: z.string() })),
    }),
  ),
  totals: z.object({ calls: z.number(), errors: z.number(), distinctUsers: z.number() }),
  errors: z.array(
    z.object({
      path: z.string(),
      code: z.string(),
      reason: z.string().nullable(),
      count: z.number(),
    }),
  ),
  concurrentUsers: z.object({
    windowMinutes: z.number(),
    days: z.array(
      z.object({ day: z.string(), peakUsers: z.number(), peakAt: z.date().nullable() }),
    ),
    max: z.object({ users: z.number(), day: z.string() }).nullable(),
  }),
  completedDispatches: z.number(),
  thresholds: z.array(
    z.object({
      key: z.enum(THRESHOLD_KEYS),
      label: z.string(),
      value: z.number(),
      limit: z.number(),
      unit: z.enum(['dispatches', 'ms', 'users']),
      status: z.enum(THRESHOLD_STATUSES),
      detail: z.string().nullable(),
    }),
  ),
});
