import type postgres from 'postgres';

/**
 * Statements with more parameters than this are sent unprepared. Such statements are almost
 * always long `IN (...)` lists whose text changes with the list's length, so caching each of them
 * per connection would only fill PostgreSQL's memory.
 */
export const MAX_PREPARED_PARAMETERS = 100;

type TSql = postgres.Sql<Record<string, never>>;
type TTransactionSql = postgres.TransactionSql<Record<string, never>>;
type TCallback = (sql: TTransactionSql) => unknown;

/**
 * Makes Drizzle's statements prepared statements on each connection.
 *
 * Drizzle sends every query through `sql.unsafe(text, params, { prepare: false })` unless the
 * query was built with `.prepare(name)`. postgres.js must then learn the parameter types of an
 * unprepared statement before it can bind them, which costs a round trip of its own (Parse and
 * Describe, wait, then Bind and Execute): two round trips per statement instead of one. Prepared,
 * the description is cached per connection after the first use, so every later execution is one
 * round trip, as with postgres.js's own tagged templates. Measured on `dispatch.assign`: 22 socket
 * writes per assignment before, 12 after (docs/performance.md).
 *
 * The wrapper covers the pool and the connection a transaction (or savepoint) runs on, which is a
 * different object that postgres.js hands to the callback. Turn it off (`prepare: false` in
 * `createDatabase`) behind a pooler in transaction mode, where a prepared statement may be missing
 * on the next transaction's server connection.
 */
export function preparingStatements<T extends TSql | TTransactionSql>(sql: T): T {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (text: string, params: unknown[] = [], options: Record<string, unknown> = {}) =>
          target.unsafe(text, params as postgres.ParameterOrJSON<never>[], {
            ...options,
            prepare: params.length <= MAX_PREPARED_PARAMETERS,
          });
      }
      if (property === 'begin' || property === 'savepoint') {
        const original = Reflect.get(target, property, receiver) as (...args: unknown[]) => unknown;
        return (...args: unknown[]) => {
          const callback = args.at(-1) as TCallback;
          const wrapped: TCallback = (tx) => callback(preparingStatements(tx));
          return original.apply(target, [...args.slice(0, -1), wrapped]);
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
