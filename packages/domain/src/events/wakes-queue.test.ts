import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, type TEventBody, type TEventKind } from './catalogue';
import { wakesQueue } from './wakes-queue';

const a = '6f1c1c7e-8d3a-4b8e-9a52-2c1f7a0b9e11';

/** Events that may let a waiting order be served, and events that cannot, per kind. */
const CASES: { [K in TEventKind]: { wakes: TEventBody[]; sleeps: TEventBody[] } } = {
  'work_order.created': {
    wakes: [{ kind: 'work_order.created', payload: { reference: 'WO-1' } }],
    sleeps: [],
  },
  'work_order.updated': {
    wakes: [
      { kind: 'work_order.updated', payload: { priority: 'urgent' } },
      { kind: 'work_order.updated', payload: { dueBy: '2026-03-01T10:00:00Z' } },
      // Clearing the due-by re-ranks the order too.
      { kind: 'work_order.updated', payload: { dueBy: null } },
      { kind: 'work_order.updated', payload: { equipmentTypeId: a } },
      { kind: 'work_order.updated', payload: { title: 'T', priority: 'low' } },
    ],
    sleeps: [
      { kind: 'work_order.updated', payload: {} },
      {
        kind: 'work_order.updated',
        payload: { title: 'T', description: 'D', siteAddress: 'S', lat: 1, lng: 2 },
      },
    ],
  },
  'work_order.assigned': {
    wakes: [],
    sleeps: [
      {
        kind: 'work_order.assigned',
        payload: {
          dispatchId: a,
          equipmentId: a,
          equipmentCode: 'C-1',
          driverId: a,
          driverName: 'Ann',
          auto: true,
        },
      },
    ],
  },
  'work_order.en_route': {
    wakes: [],
    sleeps: [{ kind: 'work_order.en_route', payload: { dispatchId: a } }],
  },
  'work_order.on_site': {
    wakes: [],
    sleeps: [{ kind: 'work_order.on_site', payload: { dispatchId: a } }],
  },
  'work_order.completed': {
    wakes: [{ kind: 'work_order.completed', payload: { dispatchId: a } }],
    sleeps: [],
  },
  'work_order.released': {
    wakes: [
      {
        kind: 'work_order.released',
        payload: { dispatchId: a, reason: 'R', from: 'dispatched', equipmentStatus: 'available' },
      },
    ],
    sleeps: [],
  },
  'work_order.cancelled': {
    // Cancelling an order on a job frees its unit and driver; a waiting one frees nothing.
    wakes: [{ kind: 'work_order.cancelled', payload: { reason: 'R', dispatchId: a } }],
    sleeps: [
      { kind: 'work_order.cancelled', payload: { reason: 'R' } },
      { kind: 'work_order.cancelled', payload: { reason: 'R', from: 'queued' } },
    ],
  },
  'equipment.created': {
    wakes: [
      { kind: 'equipment.created', payload: { code: 'C', name: 'N', typeId: a } },
      {
        kind: 'equipment.created',
        payload: { code: 'C', name: 'N', typeId: a, status: 'available' },
      },
    ],
    sleeps: [
      {
        kind: 'equipment.created',
        payload: { code: 'C', name: 'N', typeId: a, status: 'maintenance' },
      },
      {
        kind: 'equipment.created',
        payload: { code: 'C', name: 'N', typeId: a, status: 'out_of_service' },
      },
    ],
  },
  'equipment.updated': {
    wakes: [{ kind: 'equipment.updated', payload: { typeId: a } }],
    sleeps: [
      { kind: 'equipment.updated', payload: {} },
      { kind: 'equipment.updated', payload: { code: 'C', name: 'N', source: 'csv_import' } },
    ],
  },
  'equipment.status_changed': {
    wakes: [
      { kind: 'equipment.status_changed', payload: { from: 'maintenance', to: 'available' } },
      { kind: 'equipment.status_changed', payload: { from: 'assigned', to: 'available' } },
    ],
    sleeps: [
      { kind: 'equipment.status_changed', payload: { from: 'available', to: 'maintenance' } },
      { kind: 'equipment.status_changed', payload: { from: 'available', to: 'assigned' } },
      { kind: 'equipment.status_changed', payload: { from: 'maintenance', to: 'out_of_service' } },
    ],
  },
  'driver.created': {
    wakes: [
      { kind: 'driver.created', payload: { name: 'N', qualificationTypeIds: [a] } },
      {
        kind: 'driver.created',
        payload: { name: 'N', qualificationTypeIds: [], status: 'available' },
      },
    ],
    sleeps: [
      {
        kind: 'driver.created',
        payload: { name: 'N', qualificationTypeIds: [a], status: 'off_duty' },
      },
    ],
  },
  'driver.updated': {
    wakes: [{ kind: 'driver.updated', payload: { qualificationTypeIds: [a] } }],
    sleeps: [
      { kind: 'driver.updated', payload: {} },
      {
        kind: 'driver.updated',
        payload: { name: 'N', phone: 'P', email: 'E', subject: null, source: 'csv_import' },
      },
    ],
  },
  'driver.availability_changed': {
    wakes: [
      { kind: 'driver.availability_changed', payload: { from: 'off_duty', to: 'available' } },
    ],
    sleeps: [
      { kind: 'driver.availability_changed', payload: { from: 'available', to: 'off_duty' } },
      { kind: 'driver.availability_changed', payload: { from: 'assigned', to: 'off_duty' } },
    ],
  },
  'equipment_type.created': {
    wakes: [],
    sleeps: [{ kind: 'equipment_type.created', payload: { name: 'crane' } }],
  },
  'settings.updated': {
    wakes: [
      { kind: 'settings.updated', payload: { autoDispatch: { from: false, to: true } } },
      { kind: 'settings.updated', payload: { autoDispatch: { from: null, to: true } } },
    ],
    sleeps: [
      { kind: 'settings.updated', payload: { autoDispatch: { from: true, to: false } } },
      { kind: 'settings.updated', payload: { autoDispatch: { from: null, to: false } } },
    ],
  },
};

describe('which events wake the queue', () => {
  for (const kind of EVENT_KINDS) {
    const { wakes, sleeps } = CASES[kind];
    for (const event of wakes) {
      it(`${kind} ${JSON.stringify(event.payload)} wakes it`, () => {
        expect(wakesQueue(event)).toBe(true);
      });
    }
    for (const event of sleeps) {
      it(`${kind} ${JSON.stringify(event.payload)} does not`, () => {
        expect(wakesQueue(event)).toBe(false);
      });
    }
  }

  it('has a case for every kind', () => {
    for (const kind of EVENT_KINDS) {
      const { wakes, sleeps } = CASES[kind];
      expect(wakes.length + sleeps.length, kind).toBeGreaterThan(0);
      for (const event of [...wakes, ...sleeps]) expect(event.kind).toBe(kind);
    }
  });
});
