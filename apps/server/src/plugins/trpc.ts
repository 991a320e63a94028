import { appRouter, type AppRouter } from '@dispatch/api';
import type { Database } from '@dispatch/db';
import { MAX_IMPORT_BYTES, type TPrincipal } from '@dispatch/domain';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import type { FastifyInstance } from 'fastify';
import { authenticate, type TAuthDeps } from '../auth/authenticate';
import { CallBudget } from './call-budget';
import { bodyProblem, callsIn, type TBodyProblem } from './request-guards';

declare module 'fastify' {
  interface FastifyRequest {
    principal: TPrincipal | null;
  }
}

function messageFor(problem: TBodyProblem): string {
  switch (problem.kind) {
    case 'polluting-key':
      return `The request may not contain the key "${problem.key}".`;
    case 'too-deep':
      return 'The request is nested too deeply.';
    case 'not-an-object':
      return 'Send the input as a JSON object, encoded as tRPC and superjson expect.';
  }
}

export interface TApiLimits {
  /** Calls one batched request may carry. */
  maxBatchSize: number;
  /** Calls (not requests) per client address per minute. */
  callsPerMinute: number;
}

/**
 * The API at /trpc. Every request spends its calls from the caller's budget, then is authenticated
 * (bearer token or session cookie with the CSRF checks); a POST must be JSON, so tRPC never sees
 * the form-encoded or multipart bodies a cross-site form could send, and no body or input with a
 * prototype-polluting key reaches it. Answers are never cached: they carry personal data.
 */
export async function trpcPlugin(
  app: FastifyInstance,
  deps: TAuthDeps & { db: Database; limits: TApiLimits },
) {
  app.decorateRequest('principal', null);
  const budget = new CallBudget(deps.limits.callsPerMinute);
  await app.register(async (scope) => {
    scope.addHook('onRequest', async (request, reply) => {
      const spent = budget.spend(request.ip, callsIn(request.url));
      if (!spent.ok) {
        return reply
          .code(429)
          .header('retry-after', String(spent.retryAfterSeconds))
          .send({
            error: 'too_many_requests',
            message: `Too many calls; try again in ${spent.retryAfterSeconds} s.`,
          });
      }
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
    scope.addHook('preHandler', async (request, reply) => {
      const query = request.query as { input?: unknown };
      // A repeated ?input= arrives as an array; tRPC reads the first, so every one is checked.
      for (const json of [request.body, ...[query.input].flat()]) {
        const problem = typeof json === 'string' ? bodyProblem(json) : null;
        if (!problem) continue;
        request.log.warn({ problem }, 'request refused before tRPC');
        return reply.code(400).send({
          error: 'bad_request',
          message: messageFor(problem),
        });
      }
    });
    scope.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
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
        maxBatchSize: deps.limits.maxBatchSize,
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
