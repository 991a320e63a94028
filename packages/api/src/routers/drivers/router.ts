import { createDriver } from './create';
import { getDriver } from './get';
import { listDrivers } from './list';
import { setDriverAvailability } from './set-availability';
import { updateDriver } from './update';

export const driversProcedures = {
  list: listDrivers,
  get: getDriver,
  create: createDriver,
  update: updateDriver,
  setAvailability: setDriverAvailability,
};
