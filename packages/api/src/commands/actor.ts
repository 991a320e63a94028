import type { TPrincipal } from '@dispatch/domain';

/** Who an event is attributed to. */
export interface TActor {
  subject: string;
  name: string;
}

export function actorOf(principal: TPrincipal): TActor {
  return { subject: principal.subject, name: principal.name };
}
