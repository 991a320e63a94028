import { z } from 'zod';

export const ZUpdateSettingsSchema = z.object({ autoDispatch: z.boolean() });
export type TUpdateSettings = z.infer<typeof ZUpdateSettingsSchema>;
