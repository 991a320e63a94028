import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  EVENT_ENTITY_TYPES,
  EVENT_KINDS,
  EVENT_PAYLOADS,
  IMPORT_SOURCE,
  ZEventBodySchema,
  eventColumnsOf,
  eventKindOf,
  isEventKind,
  parseEventBody,
  safeParseEventBody,
  type TEventKind,
  type TEventPayload,
} from './catalogue';

const a = '6f1c1c7e-8d3a-4b8e-9a52-2c1f7a0b9e11';
const b = '0b6a4a4e-1f7e-4c8e-8a3b-6e0f2d9c1a22';

/** One valid payload of every kind, with every field the kind has. */
const FULL: { [K in TEventKind]: TEventPayload<K> } = {
  'work_order.created': { reference: 'WO-1', priority: 'high', title: 'Lift' },
  'work_order.updated': {
    title: 'Lift',
    description: 'Two pallets',
    siteAddress: '1 Quay St',
    lat: 51.5,
    lng: null,
    equipmentTypeId: a,
    priority: 'low',
    dueBy: '2026-03-01T10:00:00+02:00',
  },
  'work_order.assigned': {
    dispatchId: a,
    equipmentId: b,
    equipmentCode: 'C-1',
    driverId: a,
    driverName: 'Ann',
    auto: true,
  },
  'work_order.en_route': { dispatchId: a, note: '' },
  'work_order.on_site': { dispatchId: a, note: 'Gate 3' },
  'work_order.completed': { dispatchId: a, note: 'Done' },
  'work_order.released': {
    dispatchId: a,
    reason: 'Breakdown',
    from: 'on_site',
    equipmentStatus: 'maintenance',
  },
  'work_order.cancelled': { reason: 'Duplicate', from: 'queued', dispatchId: a },
  'equipment.created': {
    code: 'C-1',
    name: 'Crane',
    typeId: a,
    status: 'out_of_service',
    source: 'csv_import',
  },
  'equipment.updated': { code: 'C-2', name: 'Crane 2', typeId: b, source: 'csv_import' },
  'equipment.status_changed': {
    from: 'assigned',
    to: 'available',
    note: 'Back',
    source: 'csv_import',
  },
  'driver.created': {
    name: 'Ann',
    qualificationTypeIds: [a, b],
    status: 'off_duty',
    source: 'csv_import',
  },
  'driver.updated': {
    name: 'Ann',
    phone: '012345',
    email: 'ann@example.com',
    subject: null,
    qualificationTypeIds: [],
    source: 'csv_import',
  },
  'driver.availability_changed': { from: 'assigned', to: 'available', source: 'csv_import' },
  'equipment_type.created': { name: 'crane' },
  'settings.updated': { autoDispatch: { from: null, to: true } },
};

/** The same with only the required fields. */
const MINIMAL: { [K in TEventKind]: TEventPayload<K> } = {
  'work_order.created': { reference: 'WO-1' },
  'work_order.updated': {},
  'work_order.assigned': FULL['work_order.assigned'],
  'work_order.en_route': { dispatchId: a },
  'work_order.on_site': { dispatchId: a },
  'work_order.completed': { dispatchId: a },
  'work_order.released': FULL['work_order.released'],
  'work_order.cancelled': { reason: 'Duplicate' },
  'equipment.created': { code: 'C-1', name: 'Crane', typeId: a },
  'equipment.updated': {},
  'equipment.status_changed': { from: 'available', to: 'maintenance' },
  'driver.created': { name: 'Ann', qualificationTypeIds: [] },
  'driver.updated': {},
  'driver.availability_changed': { from: 'available', to: 'off_duty' },
  'equipment_type.created': { name: 'crane' },
  'settings.updated': { autoDispatch: { from: false, to: false } },
};

const bodies = (payloads: typeof FULL) =>
  EVENT_KINDS.map((kind) => ({ kind, payload: payloads[kind] }));

function issues(value: unknown) {
  const result = safeParseEventBody(value);
  expect(result.success).toBe(false);
  return result.success ? [] : result.error.issues.map(({ code, path }) => ({ code, path }));
}

describe('event kinds', () => {
  it('are the catalogue, in order', () => {
    expect(EVENT_KINDS).toEqual([
      'work_order.created',
      'work_order.updated',
      'work_order.assigned',
      'work_order.en_route',
      'work_order.on_site',
      'work_order.completed',
      'work_order.released',
      'work_order.cancelled',
      'equipment.created',
      'equipment.updated',
      'equipment.status_changed',
      'driver.created',
      'driver.updated',
      'driver.availability_changed',
      'equipment_type.created',
      'settings.updated',
    ]);
    expect(Object.keys(EVENT_PAYLOADS)).toEqual(EVENT_KINDS);
  });

  it('are stored as an entity type and an action, and read back from them', () => {
    expect(eventColumnsOf('equipment.status_changed')).toEqual({
      entityType: 'equipment',
      action: 'status_changed',
    });
    expect(eventColumnsOf('equipment_type.created')).toEqual({
      entityType: 'equipment_type',
      action: 'created',
    });
    expect(eventKindOf({ entityType: 'work_order', action: 'en_route' })).toBe(
      'work_order.en_route',
    );
    for (const kind of EVENT_KINDS) {
      const columns = eventColumnsOf(kind);
      expect(EVENT_ENTITY_TYPES).toContain(columns.entityType);
      expect(columns.action).not.toContain('.');
      expect(eventKindOf(columns)).toBe(kind);
    }
  });

  it('cover exactly the entity types', () => {
    expect(EVENT_ENTITY_TYPES).toEqual([
      'work_order',
      'equipment',
      'equipment_type',
      'driver',
      'settings',
    ]);
    expect(new Set(EVENT_KINDS.map((kind) => eventColumnsOf(kind).entityType))).toEqual(
      new Set(EVENT_ENTITY_TYPES),
    );
  });

  it('are told apart from other strings, inherited names included', () => {
    for (const kind of EVENT_KINDS) expect(isEventKind(kind)).toBe(true);
    for (const other of ['work_order.deleted', 'work_order', '', 'toString', '__proto__']) {
      expect(isEventKind(other), other).toBe(false);
    }
  });
});

describe('event bodies', () => {
  it('accept a full and a minimal payload of every kind, unchanged', () => {
    for (const body of [...bodies(FULL), ...bodies(MINIMAL)]) {
      expect(parseEventBody(body), body.kind).toEqual(body);
      expect(safeParseEventBody(body)).toEqual({ success: true, data: body });
      expect(ZEventBodySchema.parse(body)).toEqual(body);
    }
  });

  it('are strict: a field the catalogue does not name is refused, for every kind', () => {
    for (const { kind, payload } of bodies(MINIMAL)) {
      expect(issues({ kind, payload: { ...payload, extra: 1 } }), kind).toEqual([
        { code: 'unrecognized_keys', path: ['payload'] },
      ]);
    }
    expect(
      issues({
        kind: 'settings.updated',
        payload: { autoDispatch: { from: true, to: false, by: 'x' } },
      }),
    ).toEqual([{ code: 'unrecognized_keys', path: ['payload', 'autoDispatch'] }]);
    expect(
      issues({ kind: 'work_order.en_route', payload: { dispatchId: a, note: 'x', at: 'now' } }),
    ).toEqual([{ code: 'unrecognized_keys', path: ['payload'] }]);
  });

  it('refuse an unknown kind or a payload of another kind', () => {
    expect(safeParseEventBody({ kind: 'work_order.deleted', payload: {} }).success).toBe(false);
    expect(
      safeParseEventBody({ kind: 'work_order.created', payload: FULL['settings.updated'] }).success,
    ).toBe(false);
    expect(() => parseEventBody({ kind: 'nope', payload: {} })).toThrow(z.ZodError);
    const result = safeParseEventBody(null);
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error).toBeInstanceOf(z.ZodError);
  });

  it('check ids, statuses and the import marker', () => {
    expect(
      issues({
        kind: 'work_order.assigned',
        payload: { ...FULL['work_order.assigned'], driverId: 'x' },
      }),
    ).toEqual([{ code: 'invalid_format', path: ['payload', 'driverId'] }]);
    expect(issues({ kind: 'work_order.completed', payload: { dispatchId: 'x' } })).toEqual([
      { code: 'invalid_format', path: ['payload', 'dispatchId'] },
    ]);
    expect(
      issues({
        kind: 'work_order.released',
        payload: { ...FULL['work_order.released'], from: 'queued' },
      }),
    ).toEqual([{ code: 'invalid_value', path: ['payload', 'from'] }]);
    expect(
      issues({
        kind: 'driver.availability_changed',
        payload: { from: 'available', to: 'assigned' },
      }),
    ).toEqual([{ code: 'invalid_value', path: ['payload', 'to'] }]);
    expect(IMPORT_SOURCE).toBe('csv_import');
    expect(issues({ kind: 'equipment.updated', payload: { source: 'api' } })).toEqual([
      { code: 'invalid_value', path: ['payload', 'source'] },
    ]);
  });

  it('store due-by as an ISO date-time with an offset, or null', () => {
    for (const dueBy of ['2026-03-01T10:00:00Z', '2026-03-01T10:00:00.5+02:00', null]) {
      expect(parseEventBody({ kind: 'work_order.updated', payload: { dueBy } })).toEqual({
        kind: 'work_order.updated',
        payload: { dueBy },
      });
    }
    for (const dueBy of ['2026-03-01', 'tomorrow', '2026-03-01T10:00:00']) {
      expect(
        safeParseEventBody({ kind: 'work_order.updated', payload: { dueBy } }).success,
        dueBy,
      ).toBe(false);
    }
  });
});
