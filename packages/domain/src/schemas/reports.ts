import { z } from 'zod';

/** The report groupings; weeks start on Monday (ISO), as PostgreSQL's `date_trunc('week', …)`. */
export const REPORT_GROUP_BY = ['day', 'week'] as const;
export type TReportGroupBy = (typeof REPORT_GROUP_BY)[number];

const DAY_MS = 24 * 3600 * 1000;

/**
 * The longest window per grouping: a year and a bit of day buckets (about 1,600 rows with the
 * priority split), three years of weeks. Utilisation has no buckets, so it gets the week limit.
 */
export const REPORT_MAX_DAYS = { day: 400, week: 1100 } as const satisfies Record<
  TReportGroupBy,
  number
>;

/** Reports before the product existed or a century ahead are typos (or `null` coerced to 1970). */
const EARLIEST = new Date('2000-01-01T00:00:00Z');
const LATEST = new Date('2100-01-01T00:00:00Z');

/** A date, or an ISO string from a query string. */
const ZReportInstantSchema = z.coerce
  .date({ error: 'Must be a date and time.' })
  // `abort` so a bad bound is the only message, not also the window checks below.
  .min(EARLIEST, { message: 'Must be in the year 2000 or later.', abort: true })
  .max(LATEST, { message: 'Must be before the year 2100.', abort: true });

/**
 * The canonical IANA name of a time zone the runtime knows (`europe/berlin` → `Europe/Berlin`,
 * `US/Eastern` → `America/New_York`), or null. Offsets such as `+01:00` are refused on purpose:
 * PostgreSQL reads them with the POSIX sign (east is negative), the opposite of ISO 8601.
 */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions()
      .timeZone;
    return /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(resolved) ? resolved : null;
  } catch {
    return null;
  }
}

export const ZTimeZoneSchema = z
  .string()
  .trim()
  .max(64, 'Use at most 64 characters.')
  .transform((name, ctx) => {
    const canonical = canonicalTimeZone(name);
    if (canonical) return canonical;
    ctx.addIssue({
      code: 'custom',
      message: 'Unknown time zone; use an IANA name such as Europe/Berlin or UTC.',
    });
    return z.NEVER;
  });

function checkWindow(
  value: { from: Date; to: Date },
  ctx: z.RefinementCtx,
  maxDays: number,
  unit: string,
) {
  if (value.from.getTime() >= value.to.getTime()) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'Must be after the start (from).' });
  } else if (value.to.getTime() - value.from.getTime() > maxDays * DAY_MS) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `Choose a window of at most ${maxDays} days${unit}.`,
    });
  }
}

/**
 * Completions and response times over [from, to), in day or week buckets that start at midnight
 * (Monday for weeks) in `timeZone`; the buckets are returned as UTC instants.
 */
export const ZCompletionReportSchema = z
  .object({
    from: ZReportInstantSchema,
    to: ZReportInstantSchema,
    groupBy: z.enum(REPORT_GROUP_BY, { error: 'Choose day or week.' }),
    timeZone: ZTimeZoneSchema.default('UTC'),
  })
  .superRefine((value, ctx) =>
    checkWindow(value, ctx, REPORT_MAX_DAYS[value.groupBy], ` when grouping by ${value.groupBy}`),
  );
export type TCompletionReport = z.infer<typeof ZCompletionReportSchema>;
export type TCompletionReportInput = z.input<typeof ZCompletionReportSchema>;

/** Equipment utilisation and driver workload over [from, to) (hours, no buckets). */
export const ZUtilizationReportSchema = z
  .object({ from: ZReportInstantSchema, to: ZReportInstantSchema })
  .superRefine((value, ctx) => checkWindow(value, ctx, REPORT_MAX_DAYS.week, ''));
export type TUtilizationReport = z.infer<typeof ZUtilizationReportSchema>;
export type TUtilizationReportInput = z.input<typeof ZUtilizationReportSchema>;
