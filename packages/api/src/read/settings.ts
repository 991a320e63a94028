import type { Executor } from '@dispatch/db';
import { schema } from '@dispatch/db';
import { eq } from 'drizzle-orm';

export async function readSettings(tx: Executor) {
  const [row] = await tx
    .select({
      autoDispatch: schema.settings.autoDispatch,
      updatedAt: schema.settings.updatedAt,
      updatedBySubject: schema.settings.updatedBySubject,
    })
    .from(schema.settings)
    .where(eq(schema.settings.id, 1));
  // The migrations create the row; its absence means a broken database, not a user error.
  if (!row) throw new Error('settings row missing: run the migrations');
  return row;
}
