import { router } from '../../trpc';
import { createDriver } from './create';
import { getDriver } from './get';
import { listDrivers } from './list';
import { setDriverAvailability } from './set-availability';
import { updateDriver } from './update';

export const driversRouter = router({
  list: listDrivers,
  get: getDriver,
  create: createDriver,
  update: updateDriver,
  setAvailability: setDriverAvailability,
});
