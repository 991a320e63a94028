import { migrationsApplied, type Database } from '@dispatch/db';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';

/** `/healthz`: the process is alive. `/readyz`: it can serve (database reachable, schema current). */
export async function healthRoutes(
  app: FastifyInstance,
  deps: { db: Database; migrationsFolder?: string },
) {
  const noLimit = { rateLimit: false } as const;
  app.get('/healthz', { config: noLimit, logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: noLimit, logLevel: 'warn' }, async (request, reply) => {
    try {
      await deps.db.execute(sql`select 1`);
      if (!(await migrationsApplied(deps.db, deps.migrationsFolder))) {
        return reply.code(503).send({ status: 'unavailable', reason: 'migrations pending' });
      }
      return { status: 'ready' };
    } catch (error) {
      request.log.warn({ err: error }, 'readiness check failed');
      return reply.code(503).send({ status: 'unavailable', reason: 'database unreachable' });
    }
  });
}
