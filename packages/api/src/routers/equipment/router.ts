import { createEquipment } from './create';
import { getEquipment } from './get';
import { equipmentHistory } from './history';
import { listEquipment } from './list';
import { setEquipmentStatus } from './set-status';
import { updateEquipment } from './update';

export const equipmentProcedures = {
  list: listEquipment,
  get: getEquipment,
  history: equipmentHistory,
  create: createEquipment,
  update: updateEquipment,
  setStatus: setEquipmentStatus,
};
