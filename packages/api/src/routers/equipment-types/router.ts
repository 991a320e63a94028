import { createEquipmentType } from './create';
import { listEquipmentTypes } from './list';

export const equipmentTypesProcedures = {
  list: listEquipmentTypes,
  create: createEquipmentType,
};
