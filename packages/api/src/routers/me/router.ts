import { getMe } from './get';

export const meProcedures = { get: getMe };
