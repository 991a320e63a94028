import type { Executor } from '@dispatch/db';
import { schema } from '@dispatch/db';

/** Every equipment type's id by its (normalised, unique) name: a file names types, not ids. */
export async function typeIdsByName(db: Executor): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: schema.equipmentTypes.id, name: schema.equipmentTypes.name })
    .from(schema.equipmentTypes);
  return new Map(rows.map((t) => [t.name, t.id] as const));
}
