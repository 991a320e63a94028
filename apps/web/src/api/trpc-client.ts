import { CLIENT_MAX_BATCH_CALLS, CSRF_HEADER, CSRF_HEADER_VALUE } from '@dispatch/domain';
import { httpBatchLink } from '@trpc/client';
import superjson from 'superjson';
import { trpc } from './trpc';

/** The API client: same-origin cookie, the CSRF header on every request, superjson for dates. */
export function createTrpcClient() {
  return trpc.createClient({
    links: [
      httpBatchLink({
        url: '/trpc',
        maxItems: CLIENT_MAX_BATCH_CALLS,
        transformer: superjson,
        headers: () => ({ [CSRF_HEADER]: CSRF_HEADER_VALUE }),
        fetch: (url, options) => fetch(url, { ...options, credentials: 'same-origin' }),
      }),
    ],
  });
}
