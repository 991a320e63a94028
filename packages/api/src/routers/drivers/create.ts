import { ZCreateDriverSchema } from '@dispatch/domain';
import { createDriverCommand } from '../../commands/drivers/create';
import { runMutation } from '../../commands/run-mutation';
import { adminProcedure } from '../../procedures';
import { driverOf } from '../../read/drivers';
import { ZDriverOutput } from '../../read/shapes';

export const createDriver = adminProcedure
  .input(ZCreateDriverSchema)
  .output(ZDriverOutput)
  .mutation(({ ctx, input }) => runMutation(ctx, createDriverCommand, input, driverOf));
