import type { TDriverExclusionReason, TEquipmentExclusionReason } from '@dispatch/domain';

/** Why a unit cannot take this order, in words: "on WO-000012", "in maintenance". */
export function equipmentExclusionText(
  reason: TEquipmentExclusionReason,
  heldBy: string | null,
): string {
  switch (reason) {
    case 'EQUIPMENT_ASSIGNED':
      return heldBy ? `on ${heldBy}` : 'on another job';
    case 'EQUIPMENT_IN_MAINTENANCE':
      return 'in maintenance';
    case 'EQUIPMENT_OUT_OF_SERVICE':
      return 'out of service';
    case 'EQUIPMENT_TYPE_MISMATCH':
      return 'wrong equipment type';
  }
}

/** Why a driver cannot take this order, in words: "on WO-000012", "off duty", "not qualified". */
export function driverExclusionText(reason: TDriverExclusionReason, heldBy: string | null): string {
  switch (reason) {
    case 'DRIVER_ASSIGNED':
      return heldBy ? `on ${heldBy}` : 'on another job';
    case 'DRIVER_OFF_DUTY':
      return 'off duty';
    case 'DRIVER_NOT_QUALIFIED':
      return 'not qualified';
  }
}
