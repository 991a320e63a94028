import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * Serves the built web app when it exists, with the single-page-app fallback: any other GET that is
 * not the API or auth gets index.html. Hashed assets are cached for a year; index.html never.
 */
export async function webPlugin(app: FastifyInstance, deps: { distDir: string }) {
  const root = resolve(deps.distDir);
  if (!existsSync(resolve(root, 'index.html'))) {
    app.log.info({ root }, 'no built web app found; serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    setHeaders: (reply, path) => {
      reply.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (
      request.method !== 'GET' ||
      /^\/(trpc|auth|healthz|readyz)(\/|$)/.test(path) ||
      /\.[a-z0-9]+$/i.test(path)
    ) {
      return reply.code(404).send({ error: 'not_found' });
    }
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });
}
