import { z } from 'zod';
import { DRIVER_STAGES } from '../enums';
import { ZIdSchema, longText } from './common';

/** `to` names the stage, so a retried tap on a flaky phone network is harmless. */
export const ZAdvanceDispatchSchema = z.object({
  dispatchId: ZIdSchema,
  to: z.enum(DRIVER_STAGES),
  note: longText(2000).default(''),
});
export type TAdvanceDispatch = z.infer<typeof ZAdvanceDispatchSchema>;
