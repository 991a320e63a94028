import type { Database } from '@dispatch/db';
import type { TCompletionReport } from '@dispatch/domain';
import type { TCsvCell, TCsvTable } from '../csv/write-csv';
import { completionReport } from '../read/reports/completion';
import type { TCompletionFigures } from '../read/reports/shapes';

const HEADER = [
  'scope',
  'bucket_date',
  'bucket_start',
  'bucket_end',
  'priority',
  'created',
  'dispatched',
  'completed',
  'cancelled',
  'median_time_to_dispatch_seconds',
  'p90_time_to_dispatch_seconds',
  'median_time_to_complete_seconds',
  'p90_time_to_complete_seconds',
  'completed_with_due_by',
  'completed_on_time',
  'on_time_share',
] as const;

/**
 * The completion report as one table: a row per bucket and priority (`scope` bucket), then the
 * window's totals (`scope` total, spanning from → to). `bucket_date` is the bucket's first day in
 * the report's time zone, which is what a spreadsheet should group by; the instants are UTC.
 * Counts, durations and shares stay numbers; an undefined figure is an empty cell.
 *
 * The report is computed before anything is sent (it is one bounded query), so a refusal such as
 * an unknown time zone is still an ordinary error answer.
 */
export async function completionCsv(db: Database, input: TCompletionReport): Promise<TCsvTable> {
  const report = await completionReport(db, input);
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: report.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  const rows: TCsvCell[][] = [
    ...report.buckets.map((b) => [
      'bucket',
      day.format(b.bucketStart),
      b.bucketStart,
      b.bucketEnd,
      ...figures(b),
    ]),
    ...report.totals.map((t) => ['total', null, report.from, report.to, ...figures(t)]),
  ];
  return {
    header: HEADER,
    rows: (async function* () {
      yield* rows;
    })(),
  };
}

function figures(f: TCompletionFigures): TCsvCell[] {
  return [
    f.priority,
    f.created,
    f.dispatched,
    f.completed,
    f.cancelled,
    f.medianTimeToDispatchSeconds,
    f.p90TimeToDispatchSeconds,
    f.medianTimeToCompleteSeconds,
    f.p90TimeToCompleteSeconds,
    f.completedWithDueBy,
    f.completedOnTime,
    f.onTimeShare,
  ];
}
