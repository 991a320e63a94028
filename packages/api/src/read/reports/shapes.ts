import { PRIORITIES, REPORT_GROUP_BY } from '@dispatch/domain';
import { z } from 'zod';

// Report rows are flat and self-describing so the CSV export can write them as they are:
// durations in seconds or hours as plain numbers, shares as 0..1 fractions, and null wherever a
// figure is undefined (a percentile with no samples, a share of nothing).

/** A priority, or `all` for the row that sums every priority. */
export const REPORT_PRIORITIES = [...PRIORITIES, 'all'] as const;

export const ZCompletionFigures = z.object({
  priority: z.enum(REPORT_PRIORITIES),
  created: z.number(),
  /** Orders whose first dispatch was assigned in the bucket. */
  dispatched: z.number(),
  completed: z.number(),
  cancelled: z.number(),
  /** First dispatch's assigned_at − the order's created_at, over the dispatched orders. */
  medianTimeToDispatchSeconds: z.number().nullable(),
  p90TimeToDispatchSeconds: z.number().nullable(),
  /** Completing dispatch's assigned_at → the order's completed_at, over the completed orders. */
  medianTimeToCompleteSeconds: z.number().nullable(),
  p90TimeToCompleteSeconds: z.number().nullable(),
  /** Completed orders that had a due-by time, and those of them completed by it. */
  completedWithDueBy: z.number(),
  completedOnTime: z.number(),
  /** completedOnTime / completedWithDueBy; null when no completed order had a due-by time. */
  onTimeShare: z.number().nullable(),
});
export type TCompletionFigures = z.infer<typeof ZCompletionFigures>;

export const ZCompletionBucketRow = ZCompletionFigures.extend({
  /** Midnight (Monday for weeks) in the report's time zone, as a UTC instant. */
  bucketStart: z.date(),
  /** The next bucket's start; the first and last buckets may reach beyond the window. */
  bucketEnd: z.date(),
});
export type TCompletionBucketRow = z.infer<typeof ZCompletionBucketRow>;

export const ZCompletionReportOutput = z.object({
  from: z.date(),
  to: z.date(),
  groupBy: z.enum(REPORT_GROUP_BY),
  timeZone: z.string(),
  /** Every bucket of the window (zero-filled), each with one row per priority and an `all` row. */
  buckets: z.array(ZCompletionBucketRow),
  /** The whole window: one row per priority, then `all`. */
  totals: z.array(ZCompletionFigures),
});
export type TCompletionReportOutput = z.infer<typeof ZCompletionReportOutput>;

/** Hours of one unit, one type or the whole fleet inside the window. */
export const ZUtilizationFigures = z.object({
  /** Hours of the window the equipment existed (a unit's window starts at its creation). */
  windowHours: z.number(),
  /** Hours on dispatch: assigned until the dispatch ended (or until now if still running). */
  assignedHours: z.number(),
  maintenanceHours: z.number(),
  outOfServiceHours: z.number(),
  /** maintenanceHours + outOfServiceHours: time the equipment could not be dispatched. */
  unavailableHours: z.number(),
  /** Idle and dispatchable: window − assigned − unavailable (never below 0). */
  availableHours: z.number(),
  /** assigned / (window − unavailable); null when that denominator is 0. */
  utilization: z.number().nullable(),
});

export const ZUtilizationEquipmentRow = ZUtilizationFigures.extend({
  equipmentId: z.string(),
  code: z.string(),
  name: z.string(),
  typeId: z.string(),
  typeName: z.string(),
});

export const ZUtilizationTypeRow = ZUtilizationFigures.extend({
  typeId: z.string(),
  typeName: z.string(),
  /** Units of this type that existed during the window. */
  equipmentCount: z.number(),
});

export const ZUtilizationDriverRow = z.object({
  driverId: z.string(),
  name: z.string(),
  /** Dispatches that overlap the window, and their hours inside it. */
  dispatchCount: z.number(),
  dispatchHours: z.number(),
});

export const ZUtilizationReportOutput = z.object({
  window: z.object({
    from: z.date(),
    to: z.date(),
    /** The span actually measured: [from, least(to, now)); hours after now are not counted. */
    effectiveFrom: z.date(),
    effectiveTo: z.date(),
    hours: z.number(),
  }),
  /** The whole fleet, computed like a type row over every unit. */
  fleet: ZUtilizationFigures.extend({ equipmentCount: z.number() }),
  types: z.array(ZUtilizationTypeRow),
  equipment: z.array(ZUtilizationEquipmentRow),
  drivers: z.array(ZUtilizationDriverRow),
});
export type TUtilizationReportOutput = z.infer<typeof ZUtilizationReportOutput>;
