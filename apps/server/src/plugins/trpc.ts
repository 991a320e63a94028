import { appRouter, type AppRouter } from '@dispatch/api';
import type { Database } from '@dispatch/db';
import { MAX_IMPORT_BYTES, type TPrincipal } from '@dispatch/domain';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { FastifyInstance } from 'fastify';
import { authenticate, type TAuthDeps } from '../auth/authenticate';

declare module 'fastify' {
  interface FastifyRequest {
    principal: TPrincipal | null;
  }
}

/**
 * The API at /trpc. Every request is authenticated first (bearer token or session cookie with the
 * CSRF checks); a POST must be JSON, so tRPC never sees the form-encoded or multipart bodies a
 * cross-site form could send.
 */
export async function trpcPlugin(app: FastifyInstance, deps: TAuthDeps & { db: Database }) {
  app.decorateRequest('principal', null);
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      if (request.method === 'POST') {
        const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
        if (type !== 'application/json') {
          return reply
            .code(415)
            .send({ error: 'unsupported_media_type', message: 'Send application/json.' });
        }
      }
      const principal = await authenticate(request, reply, deps);
      if (principal === 'replied') return reply;
      request.principal = principal;
    });
    // A CSV import (up to MAX_IMPORT_BYTES) arrives JSON-escaped in a tRPC body, where quotes and
    // line breaks take two bytes; three times the file limit leaves room for any real file, and a
    // bigger body is refused with 413 before it is parsed (Fastify's default would be 1 MiB).
    scope.addHook('onRoute', (route) => {
      route.bodyLimit = 3 * MAX_IMPORT_BYTES;
    });
    await scope.register(fastifyTRPCPlugin, {
      prefix: '/trpc',
      trpcOptions: {
        router: appRouter,
        createContext: ({ req }) => ({
          db: deps.db,
          principal: req.principal,
          log: req.log,
          requestId: req.id,
          usage: req.server.usage,
        }),
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>);
  });
}
