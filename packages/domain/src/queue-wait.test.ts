import { describe, expect, it } from 'vitest';
import { explainWait, type TWaitFacts } from './queue-wait';

const base: TWaitFacts = {
  equipmentInService: 3,
  freeEquipment: 1,
  qualifiedDrivers: 4,
  freeQualifiedDrivers: 2,
  positionInType: 1,
  autoDispatch: true,
};

describe('why a queued order waits', () => {
  it.each([
    [{ equipmentInService: 0, freeEquipment: 0 }, 'NO_EQUIPMENT_OF_TYPE'],
    [{ freeEquipment: 0 }, 'EQUIPMENT_BUSY'],
    [{ qualifiedDrivers: 0, freeQualifiedDrivers: 0 }, 'NO_QUALIFIED_DRIVER'],
    [{ freeQualifiedDrivers: 0 }, 'DRIVERS_BUSY'],
    [{ positionInType: 2 }, 'AHEAD_IN_QUEUE'],
    [{ autoDispatch: false }, 'AWAITING_MANUAL_DISPATCH'],
    [{}, 'READY_TO_FILL'],
  ] as const)('%o -> %s', (change, reason) => {
    expect(explainWait({ ...base, ...change })).toBe(reason);
  });
});
