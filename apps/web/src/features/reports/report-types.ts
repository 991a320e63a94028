import type { RouterOutputs } from '../../api/trpc';

export type TCompletionReport = RouterOutputs['reports']['completion'];
export type TCompletionFigures = TCompletionReport['totals'][number];
export type TUtilizationReport = RouterOutputs['reports']['utilization'];
export type TGroupBy = TCompletionReport['groupBy'];
