import { TRPCError, initTRPC } from '@trpc/server';
import { isDomainError } from '@dispatch/domain';
import { ZodError, z } from 'zod';
import type { TContext } from './context';
import { InputEncodingError } from './errors/input-encoding-error';
import { findDomainError } from './errors/to-trpc-error';
import { transformer } from './transformer';

/**
 * Whether tRPC wrapped a runtime failure while decoding the request (malformed superjson meta makes
 * superjson throw a TypeError, a deep nesting a RangeError): its message is the JavaScript one,
 * which says nothing useful to the caller and something about our internals to an attacker.
 */
function isDecodingFailure(error: TRPCError): boolean {
  if (error.code !== 'BAD_REQUEST' && error.code !== 'PARSE_ERROR') return false;
  const cause = error.cause;
  return (
    cause instanceof Error &&
    !(cause instanceof ZodError) &&
    !(cause instanceof TRPCError) &&
    !(cause instanceof InputEncodingError) &&
    !isDomainError(cause)
  );
}

const DECODING_MESSAGE =
  'The request could not be read: send the input as JSON, encoded as tRPC and superjson expect.';

/**
 * Error responses carry a machine-readable `reason` (the domain error code) and, for invalid input,
 * `fieldErrors`. Internal errors never carry their message or stack, nor do decoding failures.
 */
export const t = initTRPC.context<TContext>().create({
  transformer,
  errorFormatter({ shape, error }) {
    const domain = findDomainError(error);
    const fieldErrors =
      error.code !== 'BAD_REQUEST'
        ? undefined
        : error.cause instanceof ZodError
          ? z.flattenError(error.cause).fieldErrors
          : error.cause instanceof InputEncodingError
            ? error.cause.fieldErrors
            : undefined;
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      message: internal
        ? 'Internal server error'
        : isDecodingFailure(error)
          ? DECODING_MESSAGE
          : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        reason: domain?.code ?? null,
        details: domain?.details ?? null,
        fieldErrors: fieldErrors ?? null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
