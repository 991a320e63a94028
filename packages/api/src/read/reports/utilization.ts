import type { Executor } from '@dispatch/db';
import type { TUtilizationReport } from '@dispatch/domain';
import { runReport } from './run-report';
import { utilizationReportQuery } from './utilization-query';
import type { TUtilizationReportOutput } from './shapes';

type TUtilizationRow = {
  scope: 'fleet' | 'type' | 'unit' | 'driver';
  id: string | null;
  code: string | null;
  name: string | null;
  type_id: string | null;
  type_name: string | null;
  /** Units (fleet and type rows) or dispatches (driver rows). */
  n: number;
  window_h: number;
  assigned_h: number;
  maintenance_h: number;
  out_of_service_h: number;
  unavailable_h: number;
  available_h: number;
  utilization: number | null;
  from_s: number;
  to_s: number;
  hours: number;
};

/** Rows are in hours already: this only renames columns. */
function figures(row: TUtilizationRow) {
  return {
    windowHours: row.window_h,
    assignedHours: row.assigned_h,
    maintenanceHours: row.maintenance_h,
    outOfServiceHours: row.out_of_service_h,
    unavailableHours: row.unavailable_h,
    availableHours: row.available_h,
    utilization: row.utilization,
  };
}

/** Equipment utilisation and driver workload; see `utilizationReportQuery`. */
export async function utilizationReport(
  db: Executor,
  input: TUtilizationReport,
): Promise<TUtilizationReportOutput> {
  const rows = await runReport<TUtilizationRow>(db, utilizationReportQuery(input));
  const fleet = rows.find((r) => r.scope === 'fleet');
  if (!fleet) throw new Error('utilisation report returned no fleet row');
  const of = (scope: TUtilizationRow['scope']) => rows.filter((r) => r.scope === scope);
  return {
    window: {
      from: input.from,
      to: input.to,
      effectiveFrom: new Date(fleet.from_s * 1000),
      effectiveTo: new Date(fleet.to_s * 1000),
      hours: fleet.hours,
    },
    fleet: { ...figures(fleet), equipmentCount: fleet.n },
    types: of('type').map((r) => ({
      typeId: r.type_id ?? '',
      typeName: r.type_name ?? '',
      equipmentCount: r.n,
      ...figures(r),
    })),
    equipment: of('unit').map((r) => ({
      equipmentId: r.id ?? '',
      code: r.code ?? '',
      name: r.name ?? '',
      typeId: r.type_id ?? '',
      typeName: r.type_name ?? '',
      ...figures(r),
    })),
    drivers: of('driver').map((r) => ({
      driverId: r.id ?? '',
      name: r.name ?? '',
      dispatchCount: r.n,
      dispatchHours: r.assigned_h,
    })),
  };
}
