export const WAIT_REASONS = [
  'NO_EQUIPMENT_OF_TYPE',
  'EQUIPMENT_BUSY',
  'NO_QUALIFIED_DRIVER',
  'DRIVERS_BUSY',
  'AHEAD_IN_QUEUE',
  'AWAITING_MANUAL_DISPATCH',
  'READY_TO_FILL',
] as const;
export type TWaitReason = (typeof WAIT_REASONS)[number];

export interface TWaitFacts {
  /** Equipment of the type that could ever serve (not out of service). */
  equipmentInService: number;
  freeEquipment: number;
  qualifiedDrivers: number;
  freeQualifiedDrivers: number;
  /** 1-based position among queued orders needing the same equipment type. */
  positionInType: number;
  autoDispatch: boolean;
}

/** Why a queued order is still waiting, from the facts about its equipment type. */
export function explainWait(facts: TWaitFacts): TWaitReason {
  if (facts.freeEquipment === 0) {
    return facts.equipmentInService === 0 ? 'NO_EQUIPMENT_OF_TYPE' : 'EQUIPMENT_BUSY';
  }
  if (facts.freeQualifiedDrivers === 0) {
    return facts.qualifiedDrivers === 0 ? 'NO_QUALIFIED_DRIVER' : 'DRIVERS_BUSY';
  }
  if (facts.positionInType > Math.min(facts.freeEquipment, facts.freeQualifiedDrivers)) {
    return 'AHEAD_IN_QUEUE';
  }
  return facts.autoDispatch ? 'READY_TO_FILL' : 'AWAITING_MANUAL_DISPATCH';
}
