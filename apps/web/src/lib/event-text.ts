import type { IMPORT_SOURCE, TEventBody, TEventKind, TEventPayload } from '@dispatch/domain';
import { humanize } from '../components/status-badges';

/*
 * Events in words, read through the domain's event catalogue: every switch below names each kind,
 * so a kind added to the catalogue does not compile until it has its words here.
 */

/** A status in running text: "out_of_service" → "out of service". */
const words = (value: string) => humanize(value).toLowerCase();

const nonBlank = (value: string | undefined) => (value?.trim() ? value : null);

/**
 * A kind the switches do not name fails to compile. At run time (an open page meeting a newer
 * server) it still gets words from its kind: "work_order.paused" → "Work order paused".
 */
function unknownKind(event: never): string {
  const { kind } = event as { kind: string };
  return humanize(kind.replace('.', ' '));
}

/** The fields an edit names, in words; `null` for a payload field that is not one (`source`). */
type TFieldWords<K extends TEventKind> = Record<keyof TEventPayload<K>, string | null>;

const WORK_ORDER_FIELDS: TFieldWords<'work_order.updated'> = {
  title: 'title',
  description: 'description',
  siteAddress: 'site address',
  lat: 'lat',
  lng: 'lng',
  equipmentTypeId: 'equipment type',
  priority: 'priority',
  dueBy: 'due by',
};

const EQUIPMENT_FIELDS: TFieldWords<'equipment.updated'> = {
  code: 'code',
  name: 'name',
  typeId: 'type',
  source: null,
};

const DRIVER_FIELDS: TFieldWords<'driver.updated'> = {
  name: 'name',
  phone: 'phone',
  email: 'email',
  subject: 'subject',
  qualificationTypeIds: 'qualifications',
  source: null,
};

/** "Changed: title, due by", in the order the payload lists the fields; nothing for no fields. */
function changed<P extends object>(payload: P, fields: Record<keyof P, string | null>): string[] {
  const names = (Object.keys(payload) as (keyof P)[])
    .map((key) => fields[key])
    .filter((name): name is string => Boolean(name));
  return names.length ? [`Changed: ${names.join(', ')}`] : [];
}

/**
 * The catalogue's import marker, checked against its type: importing the value would load the
 * whole catalogue (its zod schemas) into the page for one string.
 */
const CSV_IMPORT: typeof IMPORT_SOURCE = 'csv_import';

/** An edit written by a CSV import says so. */
const imported = (payload: { source?: typeof IMPORT_SOURCE }) =>
  payload.source === CSV_IMPORT ? ['From a CSV import'] : [];

const note = (value: string | undefined) => {
  const text = nonBlank(value);
  return text ? [`Note: ${text}`] : [];
};

const reason = (value: string) => {
  const text = nonBlank(value);
  return text ? [`Reason: ${text}`] : [];
};

/** "FB-01 with Sam Carter": the unit and driver an assignment paired. */
export function assignmentText(payload: TEventPayload<'work_order.assigned'>): string | null {
  const equipment = nonBlank(payload.equipmentCode);
  const driver = nonBlank(payload.driverName);
  return equipment && driver ? `${equipment} with ${driver}` : null;
}

/** What happened, in words: "Dispatched automatically", "Equipment now maintenance". */
export function eventAction(event: TEventBody): string {
  switch (event.kind) {
    case 'work_order.created':
      return 'Created';
    case 'work_order.updated':
      return 'Edited';
    case 'work_order.assigned':
      return event.payload.auto ? 'Dispatched automatically' : 'Assigned';
    case 'work_order.en_route':
      return 'Driver on the way';
    case 'work_order.on_site':
      return 'Driver on site';
    case 'work_order.completed':
      return 'Completed';
    case 'work_order.released':
      return 'Released to the queue';
    case 'work_order.cancelled':
      return 'Cancelled';
    case 'equipment.created':
      return 'Equipment created';
    case 'equipment.updated':
      return 'Equipment updated';
    case 'equipment.status_changed':
      return `Equipment now ${words(event.payload.to)}`;
    case 'driver.created':
      return 'Driver created';
    case 'driver.updated':
      return 'Driver updated';
    case 'driver.availability_changed':
      return `Driver now ${words(event.payload.to)}`;
    case 'equipment_type.created':
      return 'Equipment type created';
    case 'settings.updated':
      return 'Settings updated';
    default:
      return unknownKind(event);
  }
}

/** The details worth reading: who took the job, the reason, the note, what was edited. */
export function eventDetails(event: TEventBody): string[] {
  switch (event.kind) {
    case 'work_order.created': {
      const { priority } = event.payload;
      return priority ? [`Priority ${words(priority)}`] : [];
    }
    case 'work_order.updated':
      return changed(event.payload, WORK_ORDER_FIELDS);
    case 'work_order.assigned': {
      const pair = assignmentText(event.payload);
      return pair ? [pair] : [];
    }
    case 'work_order.en_route':
    case 'work_order.on_site':
    case 'work_order.completed':
      return note(event.payload.note);
    case 'work_order.released': {
      const { equipmentStatus } = event.payload;
      return [
        ...reason(event.payload.reason),
        ...(equipmentStatus === 'available' ? [] : [`Equipment sent to ${words(equipmentStatus)}`]),
      ];
    }
    case 'work_order.cancelled':
      return reason(event.payload.reason);
    case 'equipment.updated':
      return [...changed(event.payload, EQUIPMENT_FIELDS), ...imported(event.payload)];
    case 'equipment.status_changed':
      return note(event.payload.note);
    case 'driver.updated':
      return [...changed(event.payload, DRIVER_FIELDS), ...imported(event.payload)];
    case 'equipment.created':
    case 'driver.created':
    case 'driver.availability_changed':
    case 'equipment_type.created':
    case 'settings.updated':
      return [];
    default:
      unknownKind(event);
      return [];
  }
}
