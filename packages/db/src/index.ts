export * from './client';
export * from './migrate';
export * as schema from './schema';
export { databaseUrl } from './database-url';
export { ensureDatabase } from './ensure-database';
