import { getSettings } from './get';
import { updateSettings } from './update';

export const settingsProcedures = { get: getSettings, update: updateSettings };
