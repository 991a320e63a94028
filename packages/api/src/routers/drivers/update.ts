import { ZUpdateDriverSchema } from '@dispatch/domain';
import { updateDriverCommand } from '../../commands/drivers/update';
import { runMutation } from '../../commands/run-mutation';
import { adminProcedure } from '../../procedures';
import { driverOf } from '../../read/drivers';
import { ZDriverOutput } from '../../read/shapes';

export const updateDriver = adminProcedure
  .input(ZUpdateDriverSchema)
  .output(ZDriverOutput)
  .mutation(({ ctx, input }) => runMutation(ctx, updateDriverCommand, input, driverOf));
