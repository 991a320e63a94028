import { PROCEDURE_PATHS, createUsageCollector, type UsageCollector } from '@dispatch/api';
import type { TDatabaseHandle } from '@dispatch/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** Counts every tRPC call for the operations report; see packages/api/src/usage. */
    usage: UsageCollector;
  }
}

/**
 * The operations statistics of this process: a collector the tRPC context hands to every
 * procedure, flushed to PostgreSQL every `flushSeconds` (one statement per flush; a failed flush
 * keeps its counts for the next) and once more when the app closes.
 *
 * Not encapsulated, so `app.usage` is visible to the tRPC plugin. The closing flush sits in a
 * child scope: Fastify closes child scopes before it runs the root's onClose hooks, one of which
 * ends the database pool, so the last counts are written whatever order app.ts registers things in.
 */
export const usagePlugin = fp(
  async (app: FastifyInstance, options: { database: TDatabaseHandle; flushSeconds: number }) => {
    const usage = createUsageCollector({
      sql: options.database.sql,
      log: app.log.child({ component: 'usage' }),
      procedurePaths: PROCEDURE_PATHS,
    });
    app.decorate('usage', usage);
    const timer = setInterval(() => void usage.flush(), options.flushSeconds * 1000);
    // The statistics timer never keeps the process alive on its own.
    timer.unref();
    await app.register(async (scope) => {
      scope.addHook('onClose', async () => {
        clearInterval(timer);
        await usage.flush();
      });
    });
  },
  { name: 'usage' },
);
