import type { TWaitReason } from '@dispatch/domain';

/** Why a queued order waits, in words; the equipment type names what it waits for. */
export function waitReasonText(reason: TWaitReason, equipmentTypeName: string): string {
  switch (reason) {
    case 'NO_EQUIPMENT_OF_TYPE':
      return `No ${equipmentTypeName} in service`;
    case 'EQUIPMENT_BUSY':
      return `Waiting for a free ${equipmentTypeName}`;
    case 'NO_QUALIFIED_DRIVER':
      return `No driver qualified for ${equipmentTypeName}`;
    case 'DRIVERS_BUSY':
      return 'No qualified driver free';
    case 'AHEAD_IN_QUEUE':
      return `Orders ahead take the free ${equipmentTypeName}`;
    case 'AWAITING_MANUAL_DISPATCH':
      return 'Ready to dispatch (auto-dispatch is off)';
    case 'READY_TO_FILL':
      return 'Being dispatched now';
  }
}
