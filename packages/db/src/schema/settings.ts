import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, smallint, text } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

/** Company-wide settings: exactly one row (id 1), created by the migrations. */
export const settings = pgTable(
  'settings',
  {
    id: smallint('id').primaryKey().default(1),
    autoDispatch: boolean('auto_dispatch').notNull().default(true),
    updatedBySubject: text('updated_by_subject'),
    ...timestamps,
  },
  (t) => [check('settings_single_row_ck', sql`${t.id} = 1`)],
);
