import { DRIVER_IMPORT_COLUMNS, EQUIPMENT_IMPORT_COLUMNS } from '@dispatch/domain';
import { applyDriverPlan } from './drivers-apply';
import { planDriverImport, type TDriverPlan } from './drivers-plan';
import { applyEquipmentPlan } from './equipment-apply';
import { planEquipmentImport, type TEquipmentPlan } from './equipment-plan';
import type { TImportKind } from './run-import';

export const equipmentImport: TImportKind<TEquipmentPlan> = {
  columns: EQUIPMENT_IMPORT_COLUMNS,
  lockKey: 7_340_101,
  plan: planEquipmentImport,
  apply: applyEquipmentPlan,
};

export const driverImport: TImportKind<TDriverPlan> = {
  columns: DRIVER_IMPORT_COLUMNS,
  lockKey: 7_340_102,
  plan: planDriverImport,
  apply: applyDriverPlan,
};
