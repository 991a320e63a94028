import { z } from 'zod';
import {
  ACTIVE_WORK_ORDER_STATUSES,
  DRIVER_STATUSES,
  EQUIPMENT_STATUSES,
  PRIORITIES,
  SETTABLE_DRIVER_STATUSES,
  SETTABLE_EQUIPMENT_STATUSES,
  WORK_ORDER_STATUSES,
} from '../enums';

/*
 * Every kind of event and its payload: the one contract between the commands that write the
 * append-only event log and everything that reads it (timelines, equipment history, recent
 * activity, reports, later the event feed and webhooks). A kind is `<entity type>.<action>`, the
 * two columns an event row stores. Payloads are strict: a writer that adds a field must add it here.
 *
 * Fields that rows written before this catalogue lack are optional, never invented afterwards
 * (the demo seed wrote `work_order.created` with the reference only; a cancelled order's `from`
 * came later). Stored dates are ISO strings: a payload is JSON.
 */

const id = z.uuid();
/** Marks what a CSV import wrote, so a timeline can tell it from an edit in the app. */
export const IMPORT_SOURCE = 'csv_import';
const source = z.literal(IMPORT_SOURCE).optional();
const stage = z.strictObject({ dispatchId: id, note: z.string().optional() });

export const EVENT_PAYLOADS = {
  'work_order.created': z.strictObject({
    reference: z.string(),
    priority: z.enum(PRIORITIES).optional(),
    title: z.string().optional(),
  }),
  /** The fields an edit set, with their new values. */
  'work_order.updated': z.strictObject({
    title: z.string().optional(),
    description: z.string().optional(),
    siteAddress: z.string().optional(),
    lat: z.number().nullable().optional(),
    lng: z.number().nullable().optional(),
    equipmentTypeId: id.optional(),
    priority: z.enum(PRIORITIES).optional(),
    dueBy: z.iso.datetime({ offset: true }).nullable().optional(),
  }),
  'work_order.assigned': z.strictObject({
    dispatchId: id,
    equipmentId: id,
    equipmentCode: z.string(),
    driverId: id,
    driverName: z.string(),
    /** True when the queue fill made it, false when a dispatcher did. */
    auto: z.boolean(),
  }),
  'work_order.en_route': stage,
  'work_order.on_site': stage,
  'work_order.completed': stage,
  'work_order.released': z.strictObject({
    dispatchId: id,
    reason: z.string(),
    from: z.enum(ACTIVE_WORK_ORDER_STATUSES),
    equipmentStatus: z.enum(SETTABLE_EQUIPMENT_STATUSES),
  }),
  'work_order.cancelled': z.strictObject({
    reason: z.string(),
    from: z.enum(WORK_ORDER_STATUSES).optional(),
    /** The dispatch the cancel ended, if the order was on one. */
    dispatchId: id.optional(),
  }),
  'equipment.created': z.strictObject({
    code: z.string(),
    name: z.string(),
    typeId: id,
    /** Only when a unit started other than available (an import). */
    status: z.enum(SETTABLE_EQUIPMENT_STATUSES).optional(),
    source,
  }),
  'equipment.updated': z.strictObject({
    code: z.string().optional(),
    name: z.string().optional(),
    typeId: id.optional(),
    source,
  }),
  'equipment.status_changed': z.strictObject({
    from: z.enum(EQUIPMENT_STATUSES),
    to: z.enum(EQUIPMENT_STATUSES),
    note: z.string().optional(),
    source,
  }),
  'driver.created': z.strictObject({
    name: z.string(),
    qualificationTypeIds: z.array(id),
    status: z.enum(SETTABLE_DRIVER_STATUSES).optional(),
    source,
  }),
  'driver.updated': z.strictObject({
    name: z.string().optional(),
    phone: z.string().optional(),
    email: z.string().optional(),
    subject: z.string().nullable().optional(),
    qualificationTypeIds: z.array(id).optional(),
    source,
  }),
  'driver.availability_changed': z.strictObject({
    from: z.enum(DRIVER_STATUSES),
    to: z.enum(SETTABLE_DRIVER_STATUSES),
    source,
  }),
  'equipment_type.created': z.strictObject({ name: z.string() }),
  'settings.updated': z.strictObject({
    autoDispatch: z.strictObject({ from: z.boolean().nullable(), to: z.boolean() }),
  }),
} as const;

export type TEventKind = keyof typeof EVENT_PAYLOADS;
export const EVENT_KINDS = Object.keys(EVENT_PAYLOADS) as TEventKind[];
export type TEventPayload<K extends TEventKind> = z.infer<(typeof EVENT_PAYLOADS)[K]>;

/** The entity types events are about, as stored in `events.entity_type`. */
export const EVENT_ENTITY_TYPES = [
  'work_order',
  'equipment',
  'equipment_type',
  'driver',
  'settings',
] as const;
export type TEventEntityType = (typeof EVENT_ENTITY_TYPES)[number];

/** A kind's entity type, e.g. `equipment` for `equipment.status_changed`. */
export type TEventEntityOf<K extends TEventKind> = K extends `${infer E}.${string}` ? E : never;

/** The kinds about one entity type, e.g. the work-order kinds. */
export type TEventKindOf<E extends TEventEntityType> = {
  [K in TEventKind]: TEventEntityOf<K> extends E ? K : never;
}[TEventKind];

/** One event's kind and payload, as a union a reader narrows with `switch (event.kind)`. */
export type TEventBody = { [K in TEventKind]: { kind: K; payload: TEventPayload<K> } }[TEventKind];

const variants = EVENT_KINDS.map((kind) =>
  z.object({ kind: z.literal(kind), payload: EVENT_PAYLOADS[kind] }),
);
/**
 * A kind and its payload, validated together. Built from the table above; its static type is the
 * precise union (the array of variants would otherwise type as one loose object).
 */
export const ZEventBodySchema = z.discriminatedUnion(
  'kind',
  variants as unknown as [(typeof variants)[number], ...(typeof variants)[number][]],
) as unknown as z.ZodType<TEventBody>;

/** The kind of a stored row, from its two columns. */
export function eventKindOf(row: { entityType: string; action: string }): string {
  return `${row.entityType}.${row.action}`;
}

/** The two columns a kind is stored as. */
export function eventColumnsOf(kind: TEventKind): { entityType: TEventEntityType; action: string } {
  const dot = kind.indexOf('.');
  return { entityType: kind.slice(0, dot) as TEventEntityType, action: kind.slice(dot + 1) };
}

export function isEventKind(kind: string): kind is TEventKind {
  return Object.hasOwn(EVENT_PAYLOADS, kind);
}

/** Checks a kind and payload against the catalogue: the result, or the zod error. */
export function safeParseEventBody(
  value: unknown,
): { success: true; data: TEventBody } | { success: false; error: z.ZodError } {
  const result = ZEventBodySchema.safeParse(value);
  return result.success
    ? { success: true, data: result.data }
    : { success: false, error: result.error };
}

/** A kind and payload checked against the catalogue; throws on anything else. */
export function parseEventBody(value: unknown): TEventBody {
  const result = safeParseEventBody(value);
  if (!result.success) throw result.error;
  return result.data;
}
