import { router } from '../../trpc';
import { advanceMyDispatch } from './advance';
import { myDispatches } from './my-dispatches';

export const driverAppRouter = router({ myDispatches, advance: advanceMyDispatch });
