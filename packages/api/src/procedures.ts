import { schema } from '@dispatch/db';
import { DomainError, type TCapability, hasCapability } from '@dispatch/domain';
import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { isLostConnection } from './errors/lost-connection';
import { domainErrorFromPg, domainToTRPCError, findDomainError } from './errors/to-trpc-error';
import { t } from './trpc';

/**
 * The one place errors are mapped: domain errors and known constraint violations become their tRPC
 * code with a reason; anything else is logged with the request id and becomes a bare
 * INTERNAL_SERVER_ERROR without its cause, so no internals can leave the server.
 *
 * It is also where every call is counted for the operations report (`ctx.usage`, absent in tests
 * that build a context without it): path, subject, duration and the code and reason the caller
 * gets. Recording is a few in-memory increments; the collector writes them in batches.
 */
const mapErrors = t.middleware(async ({ ctx, next, path, type }) => {
  const started = performance.now();
  const log = ctx.log.child({ requestId: ctx.requestId, path, subject: ctx.principal?.subject });
  const result = await next({ ctx: { log } });
  const elapsed = performance.now() - started;
  const ms = Math.round(elapsed);
  const subject = ctx.principal?.subject;
  if (result.ok) {
    ctx.usage?.record({ path, subject, ms: elapsed, error: null });
    log.debug({ type, ms }, 'procedure ok');
    return result;
  }
  const error = result.error;
  const domain = findDomainError(error) ?? domainErrorFromPg(error);
  if (domain) {
    const mapped = domainToTRPCError(domain);
    ctx.usage?.record({
      path,
      subject,
      ms: elapsed,
      error: { code: mapped.code, reason: domain.code },
    });
    if (domain.code === 'CONCURRENT_CONFLICT') {
      log.warn(
        { type, ms, reason: domain.code },
        'database constraint caught a concurrent conflict',
      );
    } else {
      log.debug({ type, ms, reason: domain.code }, 'procedure refused');
    }
    throw mapped;
  }
  ctx.usage?.record({ path, subject, ms: elapsed, error: { code: error.code, reason: null } });
  if (error.code !== 'INTERNAL_SERVER_ERROR') {
    log.debug({ type, ms, code: error.code }, 'procedure refused');
    throw error;
  }
  log.error({ type, ms, err: error.cause ?? error }, 'procedure failed');
  throw new TRPCError({
    code: 'INTERNAL_SERVER_ERROR',
    message: `Internal server error (request ${ctx.requestId}).`,
  });
});

/**
 * A read that met a connection the database had already dropped (a restart, a failover, a
 * terminated backend) runs once more: postgres.js has discarded the dead connection, so the retry
 * gets a fresh one, and a read has no effect to repeat. Mutations are never retried here; their
 * callers retry with the same idempotency key.
 */
const retryReadOnLostConnection = t.middleware(async ({ ctx, next, type }) => {
  const first = await next();
  if (first.ok || type !== 'query' || !isLostConnection(first.error)) return first;
  // ctx.log is mapErrors' child logger: it already names the request, the path and the subject.
  ctx.log.warn('read lost its database connection; retrying once');
  return next();
});

/** Anyone, signed in or not. Only for procedures that say who you are not. */
export const publicProcedure = t.procedure.use(mapErrors).use(retryReadOnLostConnection);

/** Any signed-in principal, whatever their roles. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.principal) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' });
  }
  return next({ ctx: { principal: ctx.principal } });
});

function requireCapability(capability: TCapability) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!hasCapability(ctx.principal.roles, capability)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `Your role may not ${capability}.` });
    }
    return next();
  });
}

/**
 * Role-checked builders. A procedure picks one and never checks roles in its body, e.g.
 * `dispatcherProcedure.input(ZAssignDispatchSchema).mutation(({ ctx, input }) => ...)`.
 */
export const viewerProcedure = requireCapability('read');
export const dispatcherProcedure = requireCapability('operate');
export const adminProcedure = requireCapability('administer');

/** A driver whose login is linked to a driver record; `ctx.driver` is that record. */
export const driverProcedure = requireCapability('drive').use(async ({ ctx, next }) => {
  const [driver] = await ctx.db
    .select({ id: schema.drivers.id, name: schema.drivers.name })
    .from(schema.drivers)
    .where(eq(schema.drivers.subject, ctx.principal.subject));
  if (!driver) {
    throw domainToTRPCError(
      new DomainError('DRIVER_NOT_LINKED', 'Your login is not linked to a driver record yet.'),
    );
  }
  return next({ ctx: { driver } });
});

export { findDomainError };
