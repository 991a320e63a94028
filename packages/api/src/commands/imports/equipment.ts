import { DomainError, EQUIPMENT_IMPORT_COLUMNS, IMPORT_SOURCE } from '@dispatch/domain';
import { domainErrorFromPg, findPgError } from '../../errors/to-trpc-error';
import { type TEquipmentPlan, planEquipmentImport } from '../../imports/equipment-plan';
import type { TCommandContext } from '../command';
import { createEquipmentCommand } from '../equipment/create';
import { setEquipmentStatusCommand } from '../equipment/set-status';
import { updateEquipmentCommand } from '../equipment/update';
import { defineImportCommand } from './define-import';

/**
 * Equipment from CSV (`code,name,type[,status]`), matched by code: new codes are created, changed
 * rows updated, the rest left alone.
 */
export const importEquipmentCommand = defineImportCommand<TEquipmentPlan>({
  name: 'imports.equipment',
  columns: EQUIPMENT_IMPORT_COLUMNS,
  lockKey: 7_340_101,
  plan: planEquipmentImport,
  apply: applyEquipmentPlan,
});

async function applyEquipmentPlan(context: TCommandContext, plan: TEquipmentPlan) {
  for (const row of plan.creates) {
    const { line: _line, ...unit } = row;
    await createdOrExplained(row, () =>
      createEquipmentCommand.run(context, { ...unit, source: IMPORT_SOURCE }),
    );
  }
  for (const row of plan.updates) {
    if (Object.keys(row.changes).length > 0) {
      await updateEquipmentCommand.run(context, {
        id: row.id,
        ...row.changes,
        source: IMPORT_SOURCE,
      });
    }
    if (row.status) {
      await setEquipmentStatusCommand.run(context, {
        id: row.id,
        status: row.status.to,
        note: 'Set by a CSV import',
        source: IMPORT_SOURCE,
      });
    }
  }
}

/**
 * A unit created since the plan was read (by equipment.create, which does not wait for imports)
 * trips the unique index; the whole import rolls back and says which row it was.
 */
async function createdOrExplained<T>(
  row: { line: number; code: string },
  create: () => Promise<T>,
) {
  try {
    return await create();
  } catch (error) {
    if (domainErrorFromPg(error)?.code !== 'EQUIPMENT_CODE_TAKEN') throw error;
    // postgres.js carries the server's detail: `Key (code)=(T-1) already exists.`
    const detail = (findPgError(error) as { detail?: unknown } | null)?.detail;
    const code = /\(code\)=\((.*)\)/.exec(typeof detail === 'string' ? detail : '')?.[1];
    throw new DomainError(
      'EQUIPMENT_CODE_TAKEN',
      `Line ${row.line}: equipment ${row.code} was added by someone else during this import. Nothing was imported; check the file again.`,
      { code: code ?? row.code, line: row.line },
    );
  }
}
