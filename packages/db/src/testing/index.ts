export { createTestDatabase, createEmptyDatabase, type TTestDatabase } from './test-database';
export { databaseUrl } from '../database-url';
export { countAllRows, digestAllRows } from './row-counts';
