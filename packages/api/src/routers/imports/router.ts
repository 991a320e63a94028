import { router } from '../../trpc';
import { importDrivers } from './drivers';
import { importEquipment } from './equipment';

export const importsRouter = router({
  equipment: importEquipment,
  drivers: importDrivers,
});
