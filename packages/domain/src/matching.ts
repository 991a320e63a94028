import { DomainError } from './errors';
import type { TDriverStatus, TEquipmentStatus } from './enums';

export interface TEquipmentCandidate {
  id: string;
  code: string;
  typeId: string;
  status: TEquipmentStatus;
  /** When the status last changed: the longest idle goes first, so use evens out. */
  statusChangedAt: Date;
}

export interface TDriverCandidate {
  id: string;
  name: string;
  status: TDriverStatus;
  statusChangedAt: Date;
  qualifiedTypeIds: readonly string[];
}

export const EQUIPMENT_EXCLUSION_REASONS = [
  'EQUIPMENT_ASSIGNED',
  'EQUIPMENT_IN_MAINTENANCE',
  'EQUIPMENT_OUT_OF_SERVICE',
  'EQUIPMENT_TYPE_MISMATCH',
] as const;
export type TEquipmentExclusionReason = (typeof EQUIPMENT_EXCLUSION_REASONS)[number];

export const DRIVER_EXCLUSION_REASONS = [
  'DRIVER_ASSIGNED',
  'DRIVER_OFF_DUTY',
  'DRIVER_NOT_QUALIFIED',
] as const;
export type TDriverExclusionReason = (typeof DRIVER_EXCLUSION_REASONS)[number];

export function equipmentExclusion(
  equipment: Pick<TEquipmentCandidate, 'typeId' | 'status'>,
  requiredTypeId: string,
): TEquipmentExclusionReason | null {
  if (equipment.typeId !== requiredTypeId) return 'EQUIPMENT_TYPE_MISMATCH';
  switch (equipment.status) {
    case 'available':
      return null;
    case 'assigned':
      return 'EQUIPMENT_ASSIGNED';
    case 'maintenance':
      return 'EQUIPMENT_IN_MAINTENANCE';
    case 'out_of_service':
      return 'EQUIPMENT_OUT_OF_SERVICE';
  }
}

/** Qualification is checked first: an unqualified driver is never a candidate, busy or not. */
export function driverExclusion(
  driver: Pick<TDriverCandidate, 'status' | 'qualifiedTypeIds'>,
  requiredTypeId: string,
): TDriverExclusionReason | null {
  if (!driver.qualifiedTypeIds.includes(requiredTypeId)) return 'DRIVER_NOT_QUALIFIED';
  switch (driver.status) {
    case 'available':
      return null;
    case 'assigned':
      return 'DRIVER_ASSIGNED';
    case 'off_duty':
      return 'DRIVER_OFF_DUTY';
  }
}

function byIdleLongest(
  a: { statusChangedAt: Date; id: string },
  b: { statusChangedAt: Date; id: string },
) {
  return a.statusChangedAt.getTime() - b.statusChangedAt.getTime() || a.id.localeCompare(b.id);
}

export interface TRanked<T, R> {
  eligible: T[];
  excluded: { item: T; reason: R }[];
}

/** Splits candidates into the eligible ones, best first, and the excluded ones with their reason. */
export function rankEquipment<T extends TEquipmentCandidate>(
  equipment: readonly T[],
  requiredTypeId: string,
): TRanked<T, TEquipmentExclusionReason> {
  const eligible: T[] = [];
  const excluded: { item: T; reason: TEquipmentExclusionReason }[] = [];
  for (const item of equipment) {
    const reason = equipmentExclusion(item, requiredTypeId);
    if (reason) excluded.push({ item, reason });
    else eligible.push(item);
  }
  eligible.sort(byIdleLongest);
  return { eligible, excluded };
}

export function rankDrivers<T extends TDriverCandidate>(
  drivers: readonly T[],
  requiredTypeId: string,
): TRanked<T, TDriverExclusionReason> {
  const eligible: T[] = [];
  const excluded: { item: T; reason: TDriverExclusionReason }[] = [];
  for (const item of drivers) {
    const reason = driverExclusion(item, requiredTypeId);
    if (reason) excluded.push({ item, reason });
    else eligible.push(item);
  }
  eligible.sort(byIdleLongest);
  return { eligible, excluded };
}

/**
 * The matching rule for one assignment, checked on locked rows inside the assignment transaction.
 * Throws the `DomainError` a dispatcher needs to pick again.
 */
export function assertAssignable(input: {
  requiredTypeId: string;
  equipment: Pick<TEquipmentCandidate, 'id' | 'code' | 'typeId' | 'status'>;
  driver: Pick<TDriverCandidate, 'id' | 'name' | 'status' | 'qualifiedTypeIds'>;
}): void {
  const { equipment, driver, requiredTypeId } = input;
  const equipmentReason = equipmentExclusion(equipment, requiredTypeId);
  if (equipmentReason === 'EQUIPMENT_TYPE_MISMATCH') {
    throw new DomainError(
      'EQUIPMENT_TYPE_MISMATCH',
      `${equipment.code} is not of the equipment type this work order needs.`,
      { equipmentId: equipment.id },
    );
  }
  if (equipmentReason) {
    throw new DomainError(
      'EQUIPMENT_NOT_AVAILABLE',
      `${equipment.code} is not available (${equipment.status.replace(/_/g, ' ')}).`,
      { equipmentId: equipment.id, equipmentStatus: equipment.status },
    );
  }
  const driverReason = driverExclusion(driver, requiredTypeId);
  if (driverReason === 'DRIVER_NOT_QUALIFIED') {
    throw new DomainError(
      'DRIVER_NOT_QUALIFIED',
      `${driver.name} is not qualified for this equipment type.`,
      { driverId: driver.id },
    );
  }
  if (driverReason) {
    throw new DomainError(
      'DRIVER_NOT_AVAILABLE',
      `${driver.name} is not available (${driver.status.replace(/_/g, ' ')}).`,
      { driverId: driver.id, driverStatus: driver.status },
    );
  }
}
