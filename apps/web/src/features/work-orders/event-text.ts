import { humanize } from '../../components/status-badges';

export interface TEventLike {
  entityType: string;
  action: string;
  payload: Record<string, unknown>;
}

const WORK_ORDER_ACTIONS: Record<string, string> = {
  created: 'Created',
  assigned: 'Assigned',
  en_route: 'Driver on the way',
  on_site: 'Driver on site',
  completed: 'Completed',
  released: 'Released to the queue',
  cancelled: 'Cancelled',
  updated: 'Edited',
};

const ENTITY_NAMES: Record<string, string> = {
  work_order: 'Work order',
  equipment: 'Equipment',
  equipment_type: 'Equipment type',
  driver: 'Driver',
  settings: 'Settings',
};

function text(payload: Record<string, unknown>, key: string): string | null {
  const value = payload[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

const words = (value: string | null) => (value ? humanize(value).toLowerCase() : null);

/** What happened, in words: "Assigned automatically", "Equipment status: maintenance". */
export function eventAction(event: TEventLike): string {
  const { entityType, action, payload } = event;
  if (entityType === 'work_order') {
    if (action === 'assigned' && payload.auto === true) return 'Dispatched automatically';
    return WORK_ORDER_ACTIONS[action] ?? humanize(action);
  }
  const entity = ENTITY_NAMES[entityType] ?? humanize(entityType);
  if (action === 'status_changed' || action === 'availability_changed') {
    const to = words(text(payload, 'to'));
    return to ? `${entity} now ${to}` : `${entity} status changed`;
  }
  return `${entity} ${humanize(action).toLowerCase()}`;
}

/** The details worth reading: who took the job, the reason, the note, what was edited. */
export function eventDetails(event: TEventLike): string[] {
  const { payload, action } = event;
  const details: string[] = [];
  const equipment = text(payload, 'equipmentCode');
  const driver = text(payload, 'driverName');
  if (equipment && driver) details.push(`${equipment} with ${driver}`);
  const reason = text(payload, 'reason');
  if (reason) details.push(`Reason: ${reason}`);
  const note = text(payload, 'note');
  if (note) details.push(`Note: ${note}`);
  const equipmentStatus = text(payload, 'equipmentStatus');
  if (equipmentStatus && equipmentStatus !== 'available') {
    details.push(`Equipment sent to ${words(equipmentStatus)}`);
  }
  if (action === 'created') {
    const priority = words(text(payload, 'priority'));
    if (priority) details.push(`Priority ${priority}`);
  }
  if (action === 'updated' && event.entityType !== 'settings') {
    const fields = Object.keys(payload).map((key) =>
      humanize(key.replace(/([A-Z])/g, '_$1'))
        .toLowerCase()
        .replace(/ id$/, ''),
    );
    if (fields.length) details.push(`Changed: ${fields.join(', ')}`);
  }
  return details;
}
