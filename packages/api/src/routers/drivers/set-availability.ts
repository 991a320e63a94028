import { ZSetDriverAvailabilitySchema } from '@dispatch/domain';
import { setDriverAvailabilityCommand } from '../../commands/drivers/set-availability';
import { runMutation } from '../../commands/run-mutation';
import { dispatcherProcedure } from '../../procedures';
import { driverOf } from '../../read/drivers';
import { ZDriverOutput } from '../../read/shapes';

export const setDriverAvailability = dispatcherProcedure
  .input(ZSetDriverAvailabilitySchema)
  .output(ZDriverOutput)
  .mutation(({ ctx, input }) => runMutation(ctx, setDriverAvailabilityCommand, input, driverOf));
