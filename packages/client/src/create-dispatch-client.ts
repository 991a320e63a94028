import type { AppRouter } from '@dispatch/api';
import { CLIENT_MAX_BATCH_CALLS } from '@dispatch/domain';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import superjson from 'superjson';
import { authorizedFetch } from './authorized-fetch';
import {
  assertSecureUrl,
  createTokenSource,
  type TTokenSource,
  type TTokenSourceOptions,
} from './token-source';

export type TDispatchClient = TRPCClient<AppRouter>;

export interface TDispatchClientOptions extends TTokenSourceOptions {
  /** The Dispatch server, e.g. https://dispatch.example.com; the API is at `<url>/trpc`. */
  url: string;
}

const tokenSources = new WeakMap<TDispatchClient, TTokenSource>();

/**
 * A typed client for the Dispatch API that signs in as a service account (OAuth client
 * credentials) and sends the access token as a bearer token on every request.
 */
export function createDispatchClient(options: TDispatchClientOptions): TDispatchClient {
  assertSecureUrl(options.url, 'API URL', options.allowInsecureHttp);
  const tokens = createTokenSource(options);
  const client = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${options.url.replace(/\/+$/, '')}/trpc`,
        maxItems: CLIENT_MAX_BATCH_CALLS,
        transformer: superjson,
        fetch: authorizedFetch(options.fetch ?? globalThis.fetch, tokens),
      }),
    ],
  });
  tokenSources.set(client, tokens);
  return client;
}

/** The access token `client` currently sends (fetching one if needed): for tests and debugging. */
export function getAccessToken(client: TDispatchClient): Promise<string> {
  const tokens = tokenSources.get(client);
  if (!tokens) throw new Error('Not a client made by createDispatchClient');
  return tokens.getToken();
}
