import { describe, expect, it } from 'vitest';
import { isDomainError } from './errors';
import { assertAssignable, rankDrivers, rankEquipment } from './matching';

const CRANE = 'type-crane';
const TRUCK = 'type-truck';
const t = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 0, minutes));

describe('matching rule', () => {
  it('ranks free equipment of the type idle longest first and explains the rest', () => {
    const ranked = rankEquipment(
      [
        { id: 'a', code: 'C-1', typeId: CRANE, status: 'available', statusChangedAt: t(30) },
        { id: 'b', code: 'C-2', typeId: CRANE, status: 'available', statusChangedAt: t(10) },
        { id: 'c', code: 'C-3', typeId: CRANE, status: 'assigned', statusChangedAt: t(0) },
        { id: 'd', code: 'C-4', typeId: CRANE, status: 'maintenance', statusChangedAt: t(0) },
        { id: 'e', code: 'C-5', typeId: CRANE, status: 'out_of_service', statusChangedAt: t(0) },
        { id: 'f', code: 'T-1', typeId: TRUCK, status: 'available', statusChangedAt: t(0) },
      ],
      CRANE,
    );
    expect(ranked.eligible.map((e) => e.id)).toEqual(['b', 'a']);
    expect(ranked.excluded.map((e) => [e.item.id, e.reason])).toEqual([
      ['c', 'EQUIPMENT_ASSIGNED'],
      ['d', 'EQUIPMENT_IN_MAINTENANCE'],
      ['e', 'EQUIPMENT_OUT_OF_SERVICE'],
      ['f', 'EQUIPMENT_TYPE_MISMATCH'],
    ]);
  });

  it('ranks qualified available drivers and says why others are excluded', () => {
    const ranked = rankDrivers(
      [
        {
          id: 'a',
          name: 'A',
          status: 'available',
          statusChangedAt: t(5),
          qualifiedTypeIds: [CRANE],
        },
        {
          id: 'b',
          name: 'B',
          status: 'available',
          statusChangedAt: t(1),
          qualifiedTypeIds: [TRUCK, CRANE],
        },
        {
          id: 'c',
          name: 'C',
          status: 'available',
          statusChangedAt: t(0),
          qualifiedTypeIds: [TRUCK],
        },
        {
          id: 'd',
          name: 'D',
          status: 'assigned',
          statusChangedAt: t(0),
          qualifiedTypeIds: [CRANE],
        },
        {
          id: 'e',
          name: 'E',
          status: 'off_duty',
          statusChangedAt: t(0),
          qualifiedTypeIds: [CRANE],
        },
        { id: 'f', name: 'F', status: 'off_duty', statusChangedAt: t(0), qualifiedTypeIds: [] },
      ],
      CRANE,
    );
    expect(ranked.eligible.map((d) => d.id)).toEqual(['b', 'a']);
    expect(ranked.excluded.map((e) => [e.item.id, e.reason])).toEqual([
      ['c', 'DRIVER_NOT_QUALIFIED'],
      ['d', 'DRIVER_ASSIGNED'],
      ['e', 'DRIVER_OFF_DUTY'],
      ['f', 'DRIVER_NOT_QUALIFIED'],
    ]);
  });

  const equipment = { id: 'e1', code: 'C-1', typeId: CRANE, status: 'available' as const };
  const driver = { id: 'd1', name: 'Ann', status: 'available' as const, qualifiedTypeIds: [CRANE] };
  const codeOf = (fn: () => void) => {
    try {
      fn();
      return 'ok';
    } catch (error) {
      return isDomainError(error) ? error.code : 'unexpected';
    }
  };

  it('accepts a matching free pair and names the first problem otherwise', () => {
    expect(codeOf(() => assertAssignable({ requiredTypeId: CRANE, equipment, driver }))).toBe('ok');
    expect(codeOf(() => assertAssignable({ requiredTypeId: TRUCK, equipment, driver }))).toBe(
      'EQUIPMENT_TYPE_MISMATCH',
    );
    expect(
      codeOf(() =>
        assertAssignable({
          requiredTypeId: CRANE,
          equipment: { ...equipment, status: 'assigned' },
          driver,
        }),
      ),
    ).toBe('EQUIPMENT_NOT_AVAILABLE');
    expect(
      codeOf(() =>
        assertAssignable({
          requiredTypeId: CRANE,
          equipment,
          driver: { ...driver, qualifiedTypeIds: [] },
        }),
      ),
    ).toBe('DRIVER_NOT_QUALIFIED');
    expect(
      codeOf(() =>
        assertAssignable({
          requiredTypeId: CRANE,
          equipment,
          driver: { ...driver, status: 'off_duty' },
        }),
      ),
    ).toBe('DRIVER_NOT_AVAILABLE');
  });
});
