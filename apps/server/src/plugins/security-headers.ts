import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Security headers on every response (helmet): a strict Content Security Policy, no framing, no
 * MIME sniffing, HSTS when the server speaks TLS itself.
 *
 * helmet is called directly instead of through @fastify/helmet, which builds a new helmet
 * middleware (parsing the CSP directives again) for every request: about 5 % of the server's CPU
 * under load (docs/performance.md). Built once here, the same headers cost a few header writes.
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  options: { oidcIssuer: string; hsts: boolean },
): void {
  const applyHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'", new URL(options.oidcIssuer).origin],
        frameAncestors: ["'none'"],
      },
    },
    hsts: options.hsts ? { maxAge: 31536000, includeSubDomains: true } : false,
  });
  app.addHook('onRequest', (request, reply, done) => {
    applyHeaders(request.raw, reply.raw, (error?: unknown) => {
      if (error === undefined) done();
      else done(error instanceof Error ? error : new Error(String(error)));
    });
  });
}
