import { IMPORT_MODES, type TImportMode } from '@dispatch/domain';
import { z } from 'zod';

export const ZImportRejectionOutput = z.object({
  /** The physical line the row starts on (the header is line 1). */
  line: z.number(),
  /** The row's natural key (equipment code, driver email) as far as it could be read. */
  key: z.string().nullable(),
  reasons: z.array(z.string()),
});
export type TImportRejection = z.infer<typeof ZImportRejectionOutput>;

/**
 * What an import did or would do. `committed` is true only for a commit that wrote the file; a
 * commit with any rejected row answers normally with `committed: false` and writes nothing, so a
 * script reads one shape for every outcome and checks `committed` (or `rejected.length`).
 */
export const ZImportReportOutput = z.object({
  mode: z.enum(IMPORT_MODES),
  rows: z.number(),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.array(ZImportRejectionOutput),
  committed: z.boolean(),
});
export type TImportReport = z.infer<typeof ZImportReportOutput>;

/** The part of a plan a report needs, whatever the entity. */
export interface TPlanSummary {
  rows: number;
  creates: readonly unknown[];
  updates: readonly unknown[];
  unchanged: number;
  rejected: TImportRejection[];
}

export function reportOf(mode: TImportMode, plan: TPlanSummary, committed: boolean): TImportReport {
  return {
    mode,
    rows: plan.rows,
    created: plan.creates.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    rejected: plan.rejected,
    committed,
  };
}
