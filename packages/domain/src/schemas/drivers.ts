import { z } from 'zod';
import { DRIVER_STATUSES, SETTABLE_DRIVER_STATUSES } from '../enums';
import { ZIdempotencyKeySchema, ZIdSchema, ZPageInputSchema, ZSearchSchema, text } from './common';

export const ZPhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{5,24}$/, 'Use a phone number such as +44 20 7946 0958.');

/** The OpenID subject of the driver's login, which links a signed-in driver to this record. */
export const ZSubjectSchema = z
  .string()
  .trim()
  .min(1, 'Required.')
  .max(255, 'Use at most 255 characters.')
  .regex(/^[\x21-\x7E]+$/, 'Must be printable ASCII without spaces.');

const ZQualificationsSchema = z
  .array(z.uuid({ error: 'Must be a valid id.' }))
  .max(50)
  .refine((ids) => new Set(ids).size === ids.length, 'List each equipment type once.');

export const ZCreateDriverSchema = z.object({
  name: text(1, 120),
  phone: ZPhoneSchema,
  email: z.email({ error: 'Use a valid email address.' }).max(254),
  subject: ZSubjectSchema.optional(),
  qualificationTypeIds: ZQualificationsSchema.default([]),
  idempotencyKey: ZIdempotencyKeySchema.optional(),
});
export type TCreateDriver = z.infer<typeof ZCreateDriverSchema>;

export const ZUpdateDriverSchema = z.object({
  id: ZIdSchema,
  name: text(1, 120).optional(),
  phone: ZPhoneSchema.optional(),
  email: z.email({ error: 'Use a valid email address.' }).max(254).optional(),
  subject: ZSubjectSchema.nullable().optional(),
  qualificationTypeIds: ZQualificationsSchema.optional(),
});
export type TUpdateDriver = z.infer<typeof ZUpdateDriverSchema>;

export const ZSetDriverAvailabilitySchema = z.object({
  id: ZIdSchema,
  status: z.enum(SETTABLE_DRIVER_STATUSES),
});
export type TSetDriverAvailability = z.infer<typeof ZSetDriverAvailabilitySchema>;

export const ZListDriversSchema = ZPageInputSchema.extend({
  status: z.enum(DRIVER_STATUSES).optional(),
  qualifiedForTypeId: ZIdSchema.optional(),
  search: ZSearchSchema,
});
export type TListDrivers = z.input<typeof ZListDriversSchema>;
