import { advanceMyDispatch } from './advance';
import { myDispatches } from './my-dispatches';

export const driverAppProcedures = { myDispatches, advance: advanceMyDispatch };
