import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

/**
 * Peak concurrent users per UTC day: the largest number of distinct subjects seen in a trailing
 * five-minute window, sampled at every statistics flush, and when that peak was sampled.
 */
export const usageDailyPeaks = pgTable(
  'usage_daily_peaks',
  {
    day: date('day', { mode: 'string' }).primaryKey(),
    peakUsers: integer('peak_users').notNull(),
    peakAt: tstz('peak_at').notNull(),
  },
  (t) => [check('usage_daily_peaks_users_ck', sql`${t.peakUsers} > 0`)],
);
