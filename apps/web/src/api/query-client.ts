import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { apiErrorInfo, isUnauthorized } from './errors';
import { refreshIntervalMs } from './refresh-interval';

function signInAgain() {
  const returnTo = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
}

/**
 * One query client for the app: every query refetches on the refresh interval and on window focus;
 * every successful mutation invalidates the cached queries, so what it changed is fetched again at
 * once. An expired session sends the person to sign in and back.
 */
export function createQueryClient() {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isUnauthorized(error)) signInAgain();
      },
    }),
    mutationCache: new MutationCache({
      onSuccess: () => queryClient.invalidateQueries(),
      onError: (error) => {
        if (isUnauthorized(error)) signInAgain();
      },
    }),
    defaultOptions: {
      queries: {
        refetchInterval: refreshIntervalMs(),
        refetchOnWindowFocus: true,
        staleTime: 5_000,
        // Retry only what may succeed next time: network trouble and server errors, not refusals.
        retry: (failures, error) => {
          const info = apiErrorInfo(error);
          return failures < 2 && (info.network || info.code === 'INTERNAL_SERVER_ERROR');
        },
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
