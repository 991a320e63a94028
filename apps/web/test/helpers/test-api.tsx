import type { AppRouter } from '@dispatch/api';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { TRPCClientError, type TRPCLink } from '@trpc/client';
import { observable } from '@trpc/server/observable';
import type { ReactElement, ReactNode } from 'react';
import { trpc } from '../../src/api/trpc';
import { renderWithMantine } from './render-with-mantine';

/** Answers one procedure: return the output, or throw (e.g. `apiError(...)`) to fail. */
export type TResolver = (input: unknown) => unknown;

/** An error as the API sends it: a tRPC code plus the domain `reason` and `fieldErrors`. */
export function apiError(
  code: string,
  message: string,
  extra: { reason?: string; fieldErrors?: Record<string, string[]> } = {},
) {
  return TRPCClientError.from({
    error: {
      code: -32000,
      message,
      data: { code, reason: extra.reason ?? null, fieldErrors: extra.fieldErrors ?? null },
    },
  });
}

/**
 * A tRPC client whose one link answers from an in-memory map of procedure path → resolver, and a
 * record of every call, so a test drives the real hooks without a server.
 */
export function createTestApi(resolvers: Record<string, TResolver>) {
  const calls: { path: string; input: unknown }[] = [];
  const link: TRPCLink<AppRouter> =
    () =>
    ({ op }) =>
      observable((observer) => {
        calls.push({ path: op.path, input: op.input });
        const resolver = resolvers[op.path];
        Promise.resolve()
          .then(() => {
            if (!resolver) throw new Error(`No test resolver for ${op.path}`);
            return resolver(op.input);
          })
          .then(
            (data) => {
              observer.next({ result: { type: 'data', data } });
              observer.complete();
            },
            (cause: unknown) => observer.error(TRPCClientError.from(cause as Error)),
          );
      });
  const client = trpc.createClient({ links: [link] });
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  function Providers({ children }: { children: ReactNode }) {
    return (
      <trpc.Provider client={client} queryClient={queryClient}>
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </trpc.Provider>
    );
  }
  const renderWithApi = (ui: ReactElement) => renderWithMantine(<Providers>{ui}</Providers>);
  const callsTo = (path: string) => calls.filter((call) => call.path === path);
  return { client, queryClient, calls, callsTo, render: renderWithApi };
}
