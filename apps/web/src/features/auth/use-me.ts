import type { TCapability } from '@dispatch/domain';
import { trpc } from '../../api/trpc';

/** The signed-in person (roles, capabilities, linked driver). Cached for the session. */
export function useMe() {
  return trpc.me.get.useQuery(undefined, { staleTime: 5 * 60_000, refetchInterval: false });
}

export function useCan(capability: TCapability): boolean {
  const me = useMe();
  return me.data?.capabilities.includes(capability) ?? false;
}
