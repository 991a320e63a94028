import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { preparingStatements } from './prepared-statements';
import * as schema from './schema';

export interface TCreateDatabaseOptions {
  url: string;
  /** Pool size. Size it to the work: every open transaction holds one connection. */
  max?: number;
  /** Passed to postgres.js; `verify-full` style TLS is configured by the server (see its config). */
  ssl?: postgres.Options<Record<string, never>>['ssl'];
  applicationName?: string;
  /**
   * Prepared statements (default true): one round trip per statement instead of two. Only turn
   * off behind a connection pooler in transaction mode (see prepared-statements.ts).
   */
  prepare?: boolean;
  /**
   * Session settings sent when each connection starts (e.g. `{ deadlock_timeout: '20ms' }` in a
   * test that must see a wrong lock order quickly).
   */
  settings?: Record<string, string>;
}

export function createDatabase(options: TCreateDatabaseOptions) {
  const sql = postgres(options.url, {
    max: options.max ?? 10,
    ssl: options.ssl,
    // Notices (e.g. "relation already exists, skipping") are not errors; keep them out of logs.
    onnotice: () => undefined,
    connection: { ...options.settings, application_name: options.applicationName ?? 'dispatch' },
  });
  const db = drizzle(options.prepare === false ? sql : preparingStatements(sql), { schema });
  return {
    db,
    sql,
    close: () => sql.end({ timeout: 5 }),
  };
}

export type TDatabaseHandle = ReturnType<typeof createDatabase>;
export type Database = TDatabaseHandle['db'];
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
/** Anything a query can run on: the pool or an open transaction. */
export type Executor = Database | Transaction;
