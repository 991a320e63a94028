import type { Database } from '@dispatch/db';
import type { TUtilizationReport } from '@dispatch/domain';
import type { TCsvCell, TCsvTable } from '../csv/write-csv';
import { utilizationReport } from '../read/reports/utilization';
import type { TUtilizationReportOutput } from '../read/reports/shapes';

/** The report's three tables; a CSV holds one table, so the download names the one it wants. */
export const UTILIZATION_PARTS = ['equipment', 'types', 'drivers'] as const;
export type TUtilizationPart = (typeof UTILIZATION_PARTS)[number];

/** Type names are lowercase letters, digits and dashes, so this cannot be a real type's name. */
const FLEET_ROW = '(fleet)';

const HOURS = [
  'window_hours',
  'assigned_hours',
  'maintenance_hours',
  'out_of_service_hours',
  'unavailable_hours',
  'available_hours',
  'utilization',
] as const;

type TFigures = TUtilizationReportOutput['fleet'];

const hours = (f: Omit<TFigures, 'equipmentCount'>): TCsvCell[] => [
  f.windowHours,
  f.assignedHours,
  f.maintenanceHours,
  f.outOfServiceHours,
  f.unavailableHours,
  f.availableHours,
  f.utilization,
];

/**
 * One part of the utilisation report as CSV, hours and the 0..1 utilisation as numbers: per unit,
 * per type (with a last `(fleet)` row for the whole fleet), or driver workload. Computed before
 * anything is sent, like the completion export.
 */
export async function utilizationCsv(
  db: Database,
  input: TUtilizationReport,
  part: TUtilizationPart,
): Promise<TCsvTable> {
  const report = await utilizationReport(db, input);
  switch (part) {
    case 'equipment':
      return table(
        ['code', 'name', 'type', ...HOURS],
        report.equipment.map((e) => [e.code, e.name, e.typeName, ...hours(e)]),
      );
    case 'types':
      return table(
        ['type', 'equipment_count', ...HOURS],
        [
          ...report.types.map((t) => [t.typeName, t.equipmentCount, ...hours(t)]),
          [FLEET_ROW, report.fleet.equipmentCount, ...hours(report.fleet)],
        ],
      );
    case 'drivers':
      return table(
        ['name', 'dispatch_count', 'dispatch_hours'],
        report.drivers.map((d) => [d.name, d.dispatchCount, d.dispatchHours]),
      );
  }
}

function table(header: readonly string[], rows: TCsvCell[][]): TCsvTable {
  return {
    header,
    rows: (async function* () {
      yield* rows;
    })(),
  };
}
