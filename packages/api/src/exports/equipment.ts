import type { Database } from '@dispatch/db';
import { schema } from '@dispatch/db';
import { EQUIPMENT_IMPORT_COLUMNS } from '@dispatch/domain';
import { asc, eq, gt } from 'drizzle-orm';
import type { TCsvTable } from '../csv/write-csv';

const BATCH = 1000;
const { equipment, equipmentTypes } = schema;

/** All equipment by code, in exactly the import's columns, so the file re-imports unchanged. */
export function equipmentCsv(db: Database): TCsvTable {
  return {
    header: [...EQUIPMENT_IMPORT_COLUMNS.required, ...EQUIPMENT_IMPORT_COLUMNS.optional],
    rows: rows(db),
  };
}

async function* rows(db: Database) {
  let after: string | null = null;
  for (;;) {
    const batch = await db
      .select({
        code: equipment.code,
        name: equipment.name,
        type: equipmentTypes.name,
        status: equipment.status,
      })
      .from(equipment)
      .innerJoin(equipmentTypes, eq(equipmentTypes.id, equipment.typeId))
      .where(after === null ? undefined : gt(equipment.code, after))
      .orderBy(asc(equipment.code))
      .limit(BATCH);
    for (const unit of batch) yield [unit.code, unit.name, unit.type, unit.status];
    const last = batch.at(-1);
    if (batch.length < BATCH || !last) return;
    after = last.code;
  }
}
