import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DRIVER_STATUSES, EQUIPMENT_STATUSES } from './enums';
import { DomainError, isDomainError } from './errors';
import {
  assertAssignable,
  driverExclusion,
  equipmentExclusion,
  rankDrivers,
  rankEquipment,
  type TDriverCandidate,
  type TEquipmentCandidate,
} from './matching';

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

  /** The error `fn` throws, as plain data, so a test states all of it at once. */
  const thrown = (fn: () => void) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      const e = error as DomainError;
      return { name: e.name, code: e.code, kind: e.kind, message: e.message, details: e.details };
    }
    throw new Error('expected a DomainError');
  };

  it('explains a type mismatch with the equipment id, whatever the status', () => {
    for (const status of EQUIPMENT_STATUSES) {
      expect(
        thrown(() =>
          assertAssignable({ requiredTypeId: TRUCK, equipment: { ...equipment, status }, driver }),
        ),
      ).toEqual({
        name: 'DomainError',
        code: 'EQUIPMENT_TYPE_MISMATCH',
        kind: 'conflict',
        message: 'C-1 is not of the equipment type this work order needs.',
        details: { equipmentId: 'e1' },
      });
    }
  });

  it('explains busy equipment with its id and status, in words', () => {
    for (const [status, words] of [
      ['assigned', 'assigned'],
      ['maintenance', 'maintenance'],
      ['out_of_service', 'out of service'],
    ] as const) {
      expect(
        thrown(() =>
          assertAssignable({
            requiredTypeId: CRANE,
            equipment: { ...equipment, status },
            driver: { ...driver, status: 'off_duty', qualifiedTypeIds: [] },
          }),
        ),
      ).toEqual({
        name: 'DomainError',
        code: 'EQUIPMENT_NOT_AVAILABLE',
        kind: 'conflict',
        message: `C-1 is not available (${words}).`,
        details: { equipmentId: 'e1', equipmentStatus: status },
      });
    }
  });

  it('explains an unqualified driver with the driver id, whatever the status', () => {
    for (const status of DRIVER_STATUSES) {
      expect(
        thrown(() =>
          assertAssignable({
            requiredTypeId: CRANE,
            equipment,
            driver: { ...driver, status, qualifiedTypeIds: [TRUCK] },
          }),
        ),
      ).toEqual({
        name: 'DomainError',
        code: 'DRIVER_NOT_QUALIFIED',
        kind: 'conflict',
        message: 'Ann is not qualified for this equipment type.',
        details: { driverId: 'd1' },
      });
    }
  });

  it('explains a busy driver with the driver id and status, in words', () => {
    for (const [status, words] of [
      ['assigned', 'assigned'],
      ['off_duty', 'off duty'],
    ] as const) {
      expect(
        thrown(() =>
          assertAssignable({ requiredTypeId: CRANE, equipment, driver: { ...driver, status } }),
        ),
      ).toEqual({
        name: 'DomainError',
        code: 'DRIVER_NOT_AVAILABLE',
        kind: 'conflict',
        message: `Ann is not available (${words}).`,
        details: { driverId: 'd1', driverStatus: status },
      });
    }
  });

  it('reports a status with several underscores in words', () => {
    // Every underscore becomes a space, not only the first.
    const status = 'out_of_service' as const;
    expect(
      thrown(() =>
        assertAssignable({ requiredTypeId: CRANE, equipment: { ...equipment, status }, driver }),
      ).message,
    ).toBe('C-1 is not available (out of service).');
  });
});

describe('exclusion reasons', () => {
  it('gives each equipment status its reason, and null (not undefined) for a free unit', () => {
    const unit = (status: (typeof EQUIPMENT_STATUSES)[number]) => ({ typeId: CRANE, status });
    expect(EQUIPMENT_STATUSES.map((status) => equipmentExclusion(unit(status), CRANE))).toEqual([
      null,
      'EQUIPMENT_ASSIGNED',
      'EQUIPMENT_IN_MAINTENANCE',
      'EQUIPMENT_OUT_OF_SERVICE',
    ]);
    expect(equipmentExclusion(unit('available'), CRANE)).toBeNull();
    expect(equipmentExclusion(unit('available'), TRUCK)).toBe('EQUIPMENT_TYPE_MISMATCH');
  });

  it('gives each driver status its reason, and null (not undefined) for a free driver', () => {
    const person = (status: (typeof DRIVER_STATUSES)[number]) => ({
      status,
      qualifiedTypeIds: [TRUCK, CRANE],
    });
    expect(DRIVER_STATUSES.map((status) => driverExclusion(person(status), CRANE))).toEqual([
      null,
      'DRIVER_ASSIGNED',
      'DRIVER_OFF_DUTY',
    ]);
    expect(driverExclusion(person('available'), CRANE)).toBeNull();
    expect(driverExclusion({ status: 'available', qualifiedTypeIds: [TRUCK] }, CRANE)).toBe(
      'DRIVER_NOT_QUALIFIED',
    );
  });
});

describe('matching rule, as properties', () => {
  const types = ['type-a', 'type-b'];
  const instants = [0, 10, 20].map(t);
  const equipmentArb: fc.Arbitrary<TEquipmentCandidate> = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'B'),
    code: fc.constant('X-1'),
    typeId: fc.constantFrom(...types),
    status: fc.constantFrom(...EQUIPMENT_STATUSES),
    statusChangedAt: fc.constantFrom(...instants),
  });
  const driverArb: fc.Arbitrary<TDriverCandidate> = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'B'),
    name: fc.constant('N'),
    status: fc.constantFrom(...DRIVER_STATUSES),
    statusChangedAt: fc.constantFrom(...instants),
    qualifiedTypeIds: fc.subarray(types),
  });
  const idleOrder = (
    x: { statusChangedAt: Date; id: string },
    y: { statusChangedAt: Date; id: string },
  ) =>
    x.statusChangedAt.getTime() !== y.statusChangedAt.getTime()
      ? x.statusChangedAt.getTime() - y.statusChangedAt.getTime()
      : x.id.localeCompare(y.id);

  it('ranks equipment: free units of the type, idle longest first, ties by id', () => {
    fc.assert(
      fc.property(
        fc.array(equipmentArb, { maxLength: 8 }),
        fc.constantFrom(...types),
        (all, type) => {
          const { eligible, excluded } = rankEquipment(all, type);
          const free = all.filter((e) => e.typeId === type && e.status === 'available');
          expect(eligible).toEqual([...free].sort(idleOrder));
          expect(excluded.map((x) => x.item)).toEqual(all.filter((e) => !free.includes(e)));
          for (const { item, reason } of excluded) {
            expect(reason).toBe(equipmentExclusion(item, type));
            expect(reason).not.toBeNull();
          }
        },
      ),
    );
  });

  it('ranks drivers: free qualified drivers, idle longest first, ties by id', () => {
    fc.assert(
      fc.property(fc.array(driverArb, { maxLength: 8 }), fc.constantFrom(...types), (all, type) => {
        const { eligible, excluded } = rankDrivers(all, type);
        const free = all.filter(
          (d) => d.qualifiedTypeIds.includes(type) && d.status === 'available',
        );
        expect(eligible).toEqual([...free].sort(idleOrder));
        expect(excluded.map((x) => x.item)).toEqual(all.filter((d) => !free.includes(d)));
        for (const { item, reason } of excluded) {
          expect(reason).toBe(driverExclusion(item, type));
          expect(reason).not.toBeNull();
        }
      }),
    );
  });

  it('breaks an idle-time tie by id', () => {
    const unit = (id: string): TEquipmentCandidate => ({
      id,
      code: id,
      typeId: CRANE,
      status: 'available',
      statusChangedAt: t(5),
    });
    expect(
      rankEquipment([unit('c'), unit('a'), unit('b')], CRANE).eligible.map((e) => e.id),
    ).toEqual(['a', 'b', 'c']);
    const person = (id: string): TDriverCandidate => ({
      id,
      name: id,
      status: 'available',
      statusChangedAt: t(5),
      qualifiedTypeIds: [CRANE],
    });
    expect(rankDrivers([person('b'), person('a')], CRANE).eligible.map((d) => d.id)).toEqual([
      'a',
      'b',
    ]);
  });

  it('agrees with assertAssignable: a pair is assignable exactly when both are eligible', () => {
    fc.assert(
      fc.property(equipmentArb, driverArb, fc.constantFrom(...types), (e, d, type) => {
        const eligible =
          rankEquipment([e], type).eligible.length === 1 &&
          rankDrivers([d], type).eligible.length === 1;
        let ok = true;
        try {
          assertAssignable({ requiredTypeId: type, equipment: e, driver: d });
        } catch (error) {
          expect(isDomainError(error)).toBe(true);
          ok = false;
        }
        expect(ok).toBe(eligible);
      }),
    );
  });
});
