import { router } from '../../trpc';
import { createEquipmentType } from './create';
import { listEquipmentTypes } from './list';

export const equipmentTypesRouter = router({
  list: listEquipmentTypes,
  create: createEquipmentType,
});
