import { importDrivers } from './drivers';
import { importEquipment } from './equipment';

export const importsProcedures = {
  equipment: importEquipment,
  drivers: importDrivers,
};
