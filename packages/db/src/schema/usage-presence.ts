import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { tstz } from './columns';

/**
 * When each subject last called the API, as seen by any server process. Concurrent users are the
 * subjects seen in a trailing window; keeping the last-seen time here rather than in one process's
 * memory makes the figure right with several replicas and across restarts. One row per person.
 */
export const usagePresence = pgTable(
  'usage_presence',
  {
    subject: text('subject').primaryKey(),
    lastSeenAt: tstz('last_seen_at').notNull(),
  },
  (t) => [index('usage_presence_last_seen_idx').on(t.lastSeenAt)],
);
