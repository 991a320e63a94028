import { z } from 'zod';
import { SETTABLE_EQUIPMENT_STATUSES } from '../enums';
import { ZIdempotencyKeySchema, ZIdSchema, longText, text } from './common';

export const ZAssignDispatchSchema = z.object({
  workOrderId: ZIdSchema,
  equipmentId: ZIdSchema,
  driverId: ZIdSchema,
  idempotencyKey: ZIdempotencyKeySchema.optional(),
});
export type TAssignDispatch = z.infer<typeof ZAssignDispatchSchema>;

/** Release sends the order back to the queue; a breakdown also takes the equipment out. */
export const ZReleaseDispatchSchema = z.object({
  workOrderId: ZIdSchema,
  reason: text(3, 500),
  equipmentStatus: z.enum(SETTABLE_EQUIPMENT_STATUSES).default('available'),
});
export type TReleaseDispatch = z.infer<typeof ZReleaseDispatchSchema>;

export const ZCompleteDispatchSchema = z.object({
  workOrderId: ZIdSchema,
  note: longText(2000).default(''),
});
export type TCompleteDispatch = z.infer<typeof ZCompleteDispatchSchema>;

export const ZCandidatesSchema = z.object({ workOrderId: ZIdSchema });
export type TCandidatesInput = z.infer<typeof ZCandidatesSchema>;
