import { z } from 'zod';
import { PRIORITIES, WORK_ORDER_STATUSES } from '../enums';
import {
  ZIdempotencyKeySchema,
  ZIdSchema,
  ZPageInputSchema,
  ZSearchSchema,
  longText,
  text,
} from './common';

const ZLatitudeSchema = z.number().min(-90).max(90);
const ZLongitudeSchema = z.number().min(-180).max(180);
/** A due-by time in a sane range: not before 2000, not more than five years ahead. */
const ZDueBySchema = z
  .date({ error: 'Must be a date and time.' })
  .min(new Date('2000-01-01T00:00:00Z'), 'Too far in the past.')
  .refine((d) => d.getTime() < Date.now() + 5 * 365 * 24 * 3600 * 1000, 'Too far in the future.');

const bothOrNeither = (value: { lat?: number | null; lng?: number | null }) =>
  (value.lat === undefined) === (value.lng === undefined) &&
  (value.lat === null) === (value.lng === null);
const bothOrNeitherIssue = {
  message: 'Give both latitude and longitude, or neither.',
  path: ['lat'],
};

export const ZCreateWorkOrderSchema = z
  .object({
    title: text(1, 200),
    description: longText(5000).default(''),
    siteAddress: text(1, 300),
    lat: ZLatitudeSchema.optional(),
    lng: ZLongitudeSchema.optional(),
    equipmentTypeId: ZIdSchema,
    priority: z.enum(PRIORITIES).default('standard'),
    dueBy: ZDueBySchema.optional(),
    idempotencyKey: ZIdempotencyKeySchema.optional(),
  })
  .refine(bothOrNeither, bothOrNeitherIssue);
export type TCreateWorkOrder = z.infer<typeof ZCreateWorkOrderSchema>;
export type TCreateWorkOrderInput = z.input<typeof ZCreateWorkOrderSchema>;

export const ZUpdateWorkOrderSchema = z
  .object({
    id: ZIdSchema,
    title: text(1, 200).optional(),
    description: longText(5000).optional(),
    siteAddress: text(1, 300).optional(),
    lat: ZLatitudeSchema.nullable().optional(),
    lng: ZLongitudeSchema.nullable().optional(),
    equipmentTypeId: ZIdSchema.optional(),
    priority: z.enum(PRIORITIES).optional(),
    dueBy: ZDueBySchema.nullable().optional(),
  })
  .refine(bothOrNeither, bothOrNeitherIssue);
export type TUpdateWorkOrder = z.infer<typeof ZUpdateWorkOrderSchema>;

export const ZCancelWorkOrderSchema = z.object({
  id: ZIdSchema,
  reason: text(3, 500),
});
export type TCancelWorkOrder = z.infer<typeof ZCancelWorkOrderSchema>;

export const ZListWorkOrdersSchema = ZPageInputSchema.extend({
  statuses: z.array(z.enum(WORK_ORDER_STATUSES)).max(WORK_ORDER_STATUSES.length).optional(),
  priorities: z.array(z.enum(PRIORITIES)).max(PRIORITIES.length).optional(),
  equipmentTypeId: ZIdSchema.optional(),
  search: ZSearchSchema,
});
export type TListWorkOrders = z.input<typeof ZListWorkOrdersSchema>;
