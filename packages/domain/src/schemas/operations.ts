import { z } from 'zod';

/** How many ISO weeks (Monday 00:00 UTC) the operations report covers, the current one included. */
export const OPERATIONS_REPORT_MAX_WEEKS = 52;
export const OPERATIONS_REPORT_DEFAULT_WEEKS = 8;

export const ZOperationsReportSchema = z
  .object({
    weeks: z
      .number({ error: 'Must be a whole number of weeks.' })
      .int(
        // Stryker disable next-line StringLiteral: equivalent, zod drops an empty message and uses the same `error` above
        'Must be a whole number of weeks.',
      )
      .min(1, 'Choose at least 1 week.')
      .max(OPERATIONS_REPORT_MAX_WEEKS, `Choose at most ${OPERATIONS_REPORT_MAX_WEEKS} weeks.`)
      .default(OPERATIONS_REPORT_DEFAULT_WEEKS),
  })
  .default({ weeks: OPERATIONS_REPORT_DEFAULT_WEEKS });
export type TOperationsReport = z.infer<typeof ZOperationsReportSchema>;
export type TOperationsReportInput = z.input<typeof ZOperationsReportSchema>;
