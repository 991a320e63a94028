import { ZUpdateEquipmentSchema } from '@dispatch/domain';
import { updateEquipmentCommand } from '../../commands/equipment/update';
import { runMutation } from '../../commands/run-mutation';
import { adminProcedure } from '../../procedures';
import { equipmentOf } from '../../read/equipment';
import { ZEquipmentOutput } from '../../read/shapes';

export const updateEquipment = adminProcedure
  .input(ZUpdateEquipmentSchema)
  .output(ZEquipmentOutput)
  .mutation(({ ctx, input }) => runMutation(ctx, updateEquipmentCommand, input, equipmentOf));
