import type { RouterOutputs } from '../../api/trpc';

export type TOperationsReport = RouterOutputs['operations']['report'];
export type TThreshold = TOperationsReport['thresholds'][number];
export type TProcedureUsage = TOperationsReport['procedures'][number];
export type TUsageError = TOperationsReport['errors'][number];
