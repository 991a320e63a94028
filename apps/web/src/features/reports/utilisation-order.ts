import type { TUtilizationReport } from './report-types';

type TUnitRow = TUtilizationReport['equipment'][number];

/** Busiest first; units with nothing to measure (null) last; then by code, so ties are stable. */
export function byUtilisation(rows: readonly TUnitRow[]): TUnitRow[] {
  return [...rows].sort(
    (a, b) => (b.utilization ?? -1) - (a.utilization ?? -1) || a.code.localeCompare(b.code, 'en'),
  );
}

/** How many units the chart shows; the table below lists them all. */
export const CHART_TOP_N = 10;
