import { z } from 'zod';
import { EQUIPMENT_STATUSES, SETTABLE_EQUIPMENT_STATUSES } from '../enums';
import { ZIdempotencyKeySchema, ZIdSchema, ZPageInputSchema, ZSearchSchema, text } from './common';

export const ZEquipmentTypeNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, 'Use at least 2 characters.')
  .max(40, 'Use at most 40 characters.')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lowercase letters, digits and dashes, e.g. crane-50t.');

export const ZCreateEquipmentTypeSchema = z.object({ name: ZEquipmentTypeNameSchema });
export type TCreateEquipmentType = z.infer<typeof ZCreateEquipmentTypeSchema>;

export const ZEquipmentCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, 'Required.')
  .max(20, 'Use at most 20 characters.')
  .regex(/^[A-Z0-9][A-Z0-9-]*$/, 'Use letters, digits and dashes, e.g. T-12.');

export const ZCreateEquipmentSchema = z.object({
  code: ZEquipmentCodeSchema,
  name: text(1, 120),
  typeId: ZIdSchema,
  idempotencyKey: ZIdempotencyKeySchema.optional(),
});
export type TCreateEquipment = z.infer<typeof ZCreateEquipmentSchema>;

export const ZUpdateEquipmentSchema = z.object({
  id: ZIdSchema,
  code: ZEquipmentCodeSchema.optional(),
  name: text(1, 120).optional(),
  typeId: ZIdSchema.optional(),
});
export type TUpdateEquipment = z.infer<typeof ZUpdateEquipmentSchema>;

export const ZSetEquipmentStatusSchema = z.object({
  id: ZIdSchema,
  status: z.enum(SETTABLE_EQUIPMENT_STATUSES),
  note: text(0, 500).optional(),
});
export type TSetEquipmentStatus = z.infer<typeof ZSetEquipmentStatusSchema>;

export const ZListEquipmentSchema = ZPageInputSchema.extend({
  status: z.enum(EQUIPMENT_STATUSES).optional(),
  typeId: ZIdSchema.optional(),
  search: ZSearchSchema,
});
export type TListEquipment = z.input<typeof ZListEquipmentSchema>;

/** One unit's history (dispatches and status changes), newest first, a page at a time. */
export const ZEquipmentHistorySchema = ZPageInputSchema.extend({ id: ZIdSchema });
export type TEquipmentHistory = z.input<typeof ZEquipmentHistorySchema>;
