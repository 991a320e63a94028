import { ZUpdateSettingsSchema } from '@dispatch/domain';
import { runMutation } from '../../commands/run-mutation';
import { updateSettingsCommand } from '../../commands/settings/update';
import { adminProcedure } from '../../procedures';
import { readSettings } from '../../read/settings';
import { ZSettingsOutput } from './get';

export const updateSettings = adminProcedure
  .input(ZUpdateSettingsSchema)
  .output(ZSettingsOutput)
  .mutation(({ ctx, input }) =>
    runMutation(ctx, updateSettingsCommand, input, (tx) => readSettings(tx)),
  );
