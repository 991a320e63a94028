import { TRPCClientError } from '@trpc/client';

export interface TApiErrorInfo {
  code: string | null;
  reason: string | null;
  message: string;
  fieldErrors: Record<string, string[] | undefined> | null;
  /** No answer from the server at all (offline, server down). */
  network: boolean;
}

/** What the UI needs from any error the API client throws. */
export function apiErrorInfo(error: unknown): TApiErrorInfo {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? null) as {
      code?: string;
      reason?: string | null;
      fieldErrors?: Record<string, string[] | undefined> | null;
    } | null;
    return {
      code: data?.code ?? null,
      reason: data?.reason ?? null,
      message: error.message,
      fieldErrors: data?.fieldErrors ?? null,
      network: !data,
    };
  }
  return {
    code: null,
    reason: null,
    message: error instanceof Error ? error.message : 'Something went wrong.',
    fieldErrors: null,
    network: true,
  };
}

export const isUnauthorized = (error: unknown) => apiErrorInfo(error).code === 'UNAUTHORIZED';
