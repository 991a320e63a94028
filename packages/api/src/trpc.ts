import { initTRPC } from '@trpc/server';
import { ZodError, z } from 'zod';
import type { TContext } from './context';
import { findDomainError } from './errors/to-trpc-error';
import { transformer } from './transformer';

/**
 * Error responses carry a machine-readable `reason` (the domain error code) and, for invalid input,
 * `fieldErrors`. Internal errors never carry their message or stack.
 */
export const t = initTRPC.context<TContext>().create({
  transformer,
  errorFormatter({ shape, error }) {
    const domain = findDomainError(error);
    const fieldErrors =
      error.code === 'BAD_REQUEST' && error.cause instanceof ZodError
        ? z.flattenError(error.cause).fieldErrors
        : undefined;
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    return {
      ...shape,
      message: internal ? 'Internal server error' : shape.message,
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
