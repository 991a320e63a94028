import type { TEventBody } from './catalogue';

/**
 * Whether an event may let a waiting order be served: it added or re-ranked an order in the queue,
 * or freed or added equipment or a driver (or a qualification), or switched auto-dispatch on. The
 * one mutation builder fills the queue after any command that wrote such an event, inside its
 * transaction and again after the commit; no command decides that for itself. A no-op writes no
 * event, so it fills nothing.
 */
export function wakesQueue(event: TEventBody): boolean {
  switch (event.kind) {
    case 'work_order.created':
    case 'work_order.released':
    case 'work_order.completed':
      return true;
    case 'work_order.cancelled':
      // Cancelling an order on a job frees its unit and driver; a waiting one frees nothing.
      return event.payload.dispatchId !== undefined;
    case 'work_order.updated':
      return (
        event.payload.priority !== undefined ||
        event.payload.dueBy !== undefined ||
        event.payload.equipmentTypeId !== undefined
      );
    case 'equipment.created':
    case 'driver.created':
      // Created other than available (an import can) serves nothing yet.
      return event.payload.status === undefined || event.payload.status === 'available';
    case 'equipment.updated':
      return event.payload.typeId !== undefined;
    case 'equipment.status_changed':
    case 'driver.availability_changed':
      return event.payload.to === 'available';
    case 'driver.updated':
      return event.payload.qualificationTypeIds !== undefined;
    case 'settings.updated':
      return event.payload.autoDispatch.to;
    case 'work_order.assigned':
    case 'work_order.en_route':
    case 'work_order.on_site':
    case 'equipment_type.created':
      return false;
  }
}
