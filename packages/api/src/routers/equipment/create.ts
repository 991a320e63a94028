import { ZCreateEquipmentSchema } from '@dispatch/domain';
import { createEquipmentCommand } from '../../commands/equipment/create';
import { runMutation } from '../../commands/run-mutation';
import { adminProcedure } from '../../procedures';
import { equipmentOf } from '../../read/equipment';
import { ZEquipmentOutput } from '../../read/shapes';

export const createEquipment = adminProcedure
  .input(ZCreateEquipmentSchema)
  .output(ZEquipmentOutput)
  .mutation(({ ctx, input }) => runMutation(ctx, createEquipmentCommand, input, equipmentOf));
