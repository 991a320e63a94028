import { dashboardProcedures } from './routers/dashboard/router';
import { dispatchProcedures } from './routers/dispatch/router';
import { driverAppProcedures } from './routers/driver-app/router';
import { driversProcedures } from './routers/drivers/router';
import { equipmentProcedures } from './routers/equipment/router';
import { equipmentTypesProcedures } from './routers/equipment-types/router';
import { importsProcedures } from './routers/imports/router';
import { meProcedures } from './routers/me/router';
import { operationsProcedures } from './routers/operations/router';
import { queueProcedures } from './routers/queue/router';
import { reportsProcedures } from './routers/reports/router';
import { settingsProcedures } from './routers/settings/router';
import { workOrdersProcedures } from './routers/work-orders/router';

/**
 * Every procedure, by area and name, as plain objects: `router()` builds the API from this tree,
 * and the list of paths is read from it here, without reaching into tRPC's internals.
 */
export const procedureTree = {
  me: meProcedures,
  equipmentTypes: equipmentTypesProcedures,
  equipment: equipmentProcedures,
  drivers: driversProcedures,
  workOrders: workOrdersProcedures,
  dispatch: dispatchProcedures,
  queue: queueProcedures,
  driverApp: driverAppProcedures,
  dashboard: dashboardProcedures,
  settings: settingsProcedures,
  reports: reportsProcedures,
  imports: importsProcedures,
  operations: operationsProcedures,
};

type TTree = { readonly [name: string]: TTree | ((...args: never[]) => unknown) };

function pathsOf(tree: TTree, prefix: string): string[] {
  return Object.entries(tree).flatMap(([name, node]) =>
    // A procedure is a function; an area is a plain object of them.
    typeof node === 'function' ? [`${prefix}${name}`] : pathsOf(node, `${prefix}${name}.`),
  );
}

/** Every procedure path ('dispatch.assign', ...), sorted. */
export const PROCEDURE_PATHS: readonly string[] = pathsOf(
  procedureTree as unknown as TTree,
  '',
).sort();
