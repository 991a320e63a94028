import type { TEventBody } from '@dispatch/domain';
import { describe, expect, it } from 'vitest';
import { eventAction, eventDetails } from './event-text';

const ID = '6f1c2b0e-3a4d-4e5f-8a9b-0c1d2e3f4a5b';

/** Each event's title and detail lines, as the timeline, dashboard and equipment history show them. */
const read = (event: TEventBody) => [eventAction(event), ...eventDetails(event)];

describe('event text', () => {
  it('tells a work order’s life in words', () => {
    const assigned = {
      dispatchId: ID,
      equipmentId: ID,
      equipmentCode: 'FB-01',
      driverId: ID,
      driverName: 'Sam Carter',
    };
    expect(
      read({ kind: 'work_order.created', payload: { reference: 'WO-000001', priority: 'urgent' } }),
    ).toEqual(['Created', 'Priority urgent']);
    expect(read({ kind: 'work_order.assigned', payload: { ...assigned, auto: false } })).toEqual([
      'Assigned',
      'FB-01 with Sam Carter',
    ]);
    expect(read({ kind: 'work_order.assigned', payload: { ...assigned, auto: true } })).toEqual([
      'Dispatched automatically',
      'FB-01 with Sam Carter',
    ]);
    expect(read({ kind: 'work_order.en_route', payload: { dispatchId: ID } })).toEqual([
      'Driver on the way',
    ]);
    expect(read({ kind: 'work_order.on_site', payload: { dispatchId: ID, note: '  ' } })).toEqual([
      'Driver on site',
    ]);
    expect(
      read({ kind: 'work_order.completed', payload: { dispatchId: ID, note: 'Beams set' } }),
    ).toEqual(['Completed', 'Note: Beams set']);
    expect(
      read({
        kind: 'work_order.released',
        payload: {
          dispatchId: ID,
          reason: 'Flat tyre',
          from: 'on_site',
          equipmentStatus: 'out_of_service',
        },
      }),
    ).toEqual(['Released to the queue', 'Reason: Flat tyre', 'Equipment sent to out of service']);
    expect(
      read({
        kind: 'work_order.released',
        payload: {
          dispatchId: ID,
          reason: 'Wrong unit',
          from: 'dispatched',
          equipmentStatus: 'available',
        },
      }),
    ).toEqual(['Released to the queue', 'Reason: Wrong unit']);
    expect(read({ kind: 'work_order.cancelled', payload: { reason: 'Not needed' } })).toEqual([
      'Cancelled',
      'Reason: Not needed',
    ]);
  });

  it('names the fields an edit changed, in the order the payload lists them', () => {
    expect(
      read({
        kind: 'work_order.updated',
        payload: { title: 'Lift', siteAddress: 'Pier 4', equipmentTypeId: ID, dueBy: null },
      }),
    ).toEqual(['Edited', 'Changed: title, site address, equipment type, due by']);
    expect(read({ kind: 'work_order.updated', payload: {} })).toEqual(['Edited']);
    expect(read({ kind: 'equipment.updated', payload: { name: 'Crane', typeId: ID } })).toEqual([
      'Equipment updated',
      'Changed: name, type',
    ]);
  });

  it('says an edit came from a CSV import, and names qualifications, not their ids', () => {
    expect(
      read({ kind: 'equipment.updated', payload: { name: 'Crane', source: 'csv_import' } }),
    ).toEqual(['Equipment updated', 'Changed: name', 'From a CSV import']);
    expect(
      read({
        kind: 'driver.updated',
        payload: { phone: '0123', qualificationTypeIds: [ID], source: 'csv_import' },
      }),
    ).toEqual(['Driver updated', 'Changed: phone, qualifications', 'From a CSV import']);
  });

  it('tells resource and settings events by their entity', () => {
    expect(
      read({
        kind: 'equipment.status_changed',
        payload: { from: 'assigned', to: 'maintenance', note: 'Hydraulic leak' },
      }),
    ).toEqual(['Equipment now maintenance', 'Note: Hydraulic leak']);
    expect(
      read({ kind: 'driver.availability_changed', payload: { from: 'available', to: 'off_duty' } }),
    ).toEqual(['Driver now off duty']);
    expect(
      read({ kind: 'equipment.created', payload: { code: 'A', name: 'B', typeId: ID } }),
    ).toEqual(['Equipment created']);
    expect(
      read({ kind: 'driver.created', payload: { name: 'Sam', qualificationTypeIds: [] } }),
    ).toEqual(['Driver created']);
    expect(read({ kind: 'equipment_type.created', payload: { name: 'crane' } })).toEqual([
      'Equipment type created',
    ]);
    expect(
      read({ kind: 'settings.updated', payload: { autoDispatch: { from: true, to: false } } }),
    ).toEqual(['Settings updated']);
  });

  it('still gives words for a kind this page does not know yet (a newer server)', () => {
    const newer = { kind: 'work_order.paused', payload: {} } as unknown as TEventBody;
    expect(read(newer)).toEqual(['Work order paused']);
  });
});
