import { ZNoInputSchema } from '@dispatch/domain';
import { z } from 'zod';
import { readSettings } from '../../read/settings';
import { viewerProcedure } from '../../procedures';

export const ZSettingsOutput = z.object({
  autoDispatch: z.boolean(),
  updatedAt: z.date(),
  updatedBySubject: z.string().nullable(),
});

export const getSettings = viewerProcedure
  .input(ZNoInputSchema)
  .output(ZSettingsOutput)
  .query(({ ctx }) => readSettings(ctx.db));
