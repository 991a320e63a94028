import type { Executor } from '@dispatch/db';
import type { TCompletionReport } from '@dispatch/domain';
import { completionReportQuery } from './completion-query';
import { runReport } from './run-report';
import { rethrowUnknownTimeZone } from './time-zone-error';
import type { TCompletionFigures, TCompletionReportOutput, REPORT_PRIORITIES } from './shapes';

type TCompletionRow = {
  scope: 'bucket' | 'total';
  bucket_start: number | null;
  bucket_end: number | null;
  priority: (typeof REPORT_PRIORITIES)[number];
  created: number;
  dispatched: number;
  completed: number;
  cancelled: number;
  median_to_dispatch: number | null;
  p90_to_dispatch: number | null;
  median_to_complete: number | null;
  p90_to_complete: number | null;
  with_due_by: number;
  on_time: number;
  on_time_share: number | null;
};

function figures(row: TCompletionRow): TCompletionFigures {
  return {
    priority: row.priority,
    created: row.created,
    dispatched: row.dispatched,
    completed: row.completed,
    cancelled: row.cancelled,
    medianTimeToDispatchSeconds: row.median_to_dispatch,
    p90TimeToDispatchSeconds: row.p90_to_dispatch,
    medianTimeToCompleteSeconds: row.median_to_complete,
    p90TimeToCompleteSeconds: row.p90_to_complete,
    completedWithDueBy: row.with_due_by,
    completedOnTime: row.on_time,
    onTimeShare: row.on_time_share,
  };
}

const instant = (epochSeconds: number | null) => new Date((epochSeconds ?? 0) * 1000);

/**
 * Completions and response times per bucket and priority, computed by `completionReportQuery`
 * in one statement; this only renames its columns.
 */
export async function completionReport(
  db: Executor,
  input: TCompletionReport,
): Promise<TCompletionReportOutput> {
  const rows = await runReport<TCompletionRow>(db, completionReportQuery(input)).catch(
    rethrowUnknownTimeZone,
  );
  return {
    from: input.from,
    to: input.to,
    groupBy: input.groupBy,
    timeZone: input.timeZone,
    buckets: rows
      .filter((r) => r.scope === 'bucket')
      .map((r) => ({
        bucketStart: instant(r.bucket_start),
        bucketEnd: instant(r.bucket_end),
        ...figures(r),
      })),
    totals: rows.filter((r) => r.scope === 'total').map(figures),
  };
}
