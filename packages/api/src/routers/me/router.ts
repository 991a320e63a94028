import { router } from '../../trpc';
import { getMe } from './get';

export const meRouter = router({ get: getMe });
