import { ZSetEquipmentStatusSchema } from '@dispatch/domain';
import { setEquipmentStatusCommand } from '../../commands/equipment/set-status';
import { runMutation } from '../../commands/run-mutation';
import { adminProcedure } from '../../procedures';
import { equipmentOf } from '../../read/equipment';
import { ZEquipmentOutput } from '../../read/shapes';

export const setEquipmentStatus = adminProcedure
  .input(ZSetEquipmentStatusSchema)
  .output(ZEquipmentOutput)
  .mutation(({ ctx, input }) => runMutation(ctx, setEquipmentStatusCommand, input, equipmentOf));
