import {
  DRIVER_STATUSES,
  EQUIPMENT_STATUSES,
  EVENT_ENTITY_TYPES,
  PRIORITIES,
  WORK_ORDER_STATUSES,
  ZEventBodySchema,
} from '@dispatch/domain';
import { z } from 'zod';

// Output shapes: every procedure declares what it returns, so no column leaks by accident.

export const ZRefSchema = z.object({ id: z.string(), reference: z.string() });

export const ZEquipmentTypeOutput = z.object({
  id: z.string(),
  name: z.string(),
  equipmentCount: z.number(),
  qualifiedDriverCount: z.number(),
  createdAt: z.date(),
});

export const ZEquipmentOutput = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  typeId: z.string(),
  typeName: z.string(),
  status: z.enum(EQUIPMENT_STATUSES),
  statusChangedAt: z.date(),
  activeWorkOrder: ZRefSchema.nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TEquipmentOutput = z.infer<typeof ZEquipmentOutput>;

export const ZDriverOutput = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  email: z.string(),
  subject: z.string().nullable(),
  status: z.enum(DRIVER_STATUSES),
  statusChangedAt: z.date(),
  qualifications: z.array(z.object({ id: z.string(), name: z.string() })),
  activeWorkOrder: ZRefSchema.nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TDriverOutput = z.infer<typeof ZDriverOutput>;

export const ZActiveDispatchOutput = z.object({
  id: z.string(),
  equipmentId: z.string(),
  equipmentCode: z.string(),
  equipmentName: z.string(),
  driverId: z.string(),
  driverName: z.string(),
  driverPhone: z.string(),
  assignedAt: z.date(),
  enRouteAt: z.date().nullable(),
  onSiteAt: z.date().nullable(),
});

export const ZWorkOrderSummaryOutput = z.object({
  id: z.string(),
  number: z.number(),
  reference: z.string(),
  title: z.string(),
  siteAddress: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  equipmentTypeId: z.string(),
  equipmentTypeName: z.string(),
  priority: z.enum(PRIORITIES),
  dueBy: z.date().nullable(),
  status: z.enum(WORK_ORDER_STATUSES),
  queuedAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  cancelledAt: z.date().nullable(),
  cancelReason: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  dispatch: ZActiveDispatchOutput.nullable(),
});
export type TWorkOrderSummaryOutput = z.infer<typeof ZWorkOrderSummaryOutput>;

/**
 * An event as readers get it: its kind and payload typed by the domain's catalogue (a reader
 * narrows with `switch (event.kind)`), the entity it is about, and the work order it concerns.
 */
export const ZEventOutput = z.intersection(
  z.object({
    id: z.number(),
    /** The kind's two parts, as stored; `kind` is the one to switch on. */
    entityType: z.enum(EVENT_ENTITY_TYPES),
    action: z.string(),
    entityId: z.string(),
    workOrderId: z.string().nullable(),
    workOrderReference: z.string().nullable(),
    actorName: z.string(),
    createdAt: z.date(),
  }),
  ZEventBodySchema,
);
export type TEventOutput = z.infer<typeof ZEventOutput>;

export const ZDispatchHistoryOutput = z.object({
  id: z.string(),
  equipmentCode: z.string(),
  driverName: z.string(),
  assignedAt: z.date(),
  enRouteAt: z.date().nullable(),
  onSiteAt: z.date().nullable(),
  endedAt: z.date().nullable(),
  outcome: z.enum(['completed', 'released', 'cancelled']).nullable(),
  completionNote: z.string().nullable(),
  releaseReason: z.string().nullable(),
});

export const ZWorkOrderDetailOutput = ZWorkOrderSummaryOutput.extend({
  description: z.string(),
  dispatches: z.array(ZDispatchHistoryOutput),
  timeline: z.array(ZEventOutput),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
