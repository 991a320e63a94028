import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@dispatch/domain';

/** Ends the session on the server, then at the provider (its end-session page). */
export async function signOut() {
  const response = await fetch('/auth/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, 'content-type': 'application/json' },
    body: '{}',
  });
  const { redirectTo } = (await response.json().catch(() => ({ redirectTo: '/' }))) as {
    redirectTo?: string;
  };
  window.location.assign(redirectTo ?? '/');
}
