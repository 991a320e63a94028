import { router } from '../../trpc';
import { getSettings } from './get';
import { updateSettings } from './update';

export const settingsRouter = router({ get: getSettings, update: updateSettings });
