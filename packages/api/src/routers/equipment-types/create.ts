import { ZCreateEquipmentTypeSchema } from '@dispatch/domain';
import { createEquipmentTypeCommand } from '../../commands/equipment-types/create';
import { runMutation } from '../../commands/run-mutation';
import { adminProcedure } from '../../procedures';
import { ZEquipmentTypeOutput } from '../../read/shapes';

export const createEquipmentType = adminProcedure
  .input(ZCreateEquipmentTypeSchema)
  .output(ZEquipmentTypeOutput)
  .mutation(async ({ ctx, input }) => ({
    ...(await runMutation(ctx, createEquipmentTypeCommand, input)),
    equipmentCount: 0,
    qualifiedDriverCount: 0,
  }));
