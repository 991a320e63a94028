import { DRIVER_IMPORT_COLUMNS, IMPORT_SOURCE } from '@dispatch/domain';
import { type TDriverPlan, planDriverImport } from '../../imports/drivers-plan';
import type { TCommandContext } from '../command';
import { createDriverCommand } from '../drivers/create';
import { setDriverAvailabilityCommand } from '../drivers/set-availability';
import { updateDriverCommand } from '../drivers/update';
import { defineImportCommand } from './define-import';

/**
 * Drivers from CSV (`name,phone,email,qualifications[,status]`, qualifications as type names
 * separated by `;`), matched by email.
 */
export const importDriversCommand = defineImportCommand<TDriverPlan>({
  name: 'imports.drivers',
  columns: DRIVER_IMPORT_COLUMNS,
  lockKey: 7_340_102,
  plan: planDriverImport,
  apply: applyDriverPlan,
});

async function applyDriverPlan(context: TCommandContext, plan: TDriverPlan) {
  for (const { line: _line, ...driver } of plan.creates) {
    await createDriverCommand.run(context, { ...driver, source: IMPORT_SOURCE });
  }
  for (const row of plan.updates) {
    if (Object.keys(row.changes).length > 0 || row.qualificationTypeIds) {
      await updateDriverCommand.run(context, {
        id: row.id,
        ...row.changes,
        ...(row.qualificationTypeIds ? { qualificationTypeIds: row.qualificationTypeIds } : {}),
        source: IMPORT_SOURCE,
      });
    }
    if (row.status) {
      await setDriverAvailabilityCommand.run(context, {
        id: row.id,
        status: row.status.to,
        source: IMPORT_SOURCE,
      });
    }
  }
}
