import type { TPrincipal, TRole } from '@dispatch/domain';

export const principals = {
  admin: { subject: 'user-admin', name: 'Ada Admin', roles: ['admin'] },
  dispatcher: { subject: 'user-dispatcher', name: 'Dee Dispatcher', roles: ['dispatcher'] },
  dispatcher2: { subject: 'user-dispatcher-2', name: 'Dan Dispatcher', roles: ['dispatcher'] },
  viewer: { subject: 'user-viewer', name: 'Vic Viewer', roles: ['viewer'] },
  driver: { subject: 'user-driver', name: 'Drew Driver', roles: ['driver'] },
  driver2: { subject: 'user-driver-2', name: 'Dana Driver', roles: ['driver'] },
  /** Signed in, but with no role this app knows. */
  nobody: { subject: 'user-nobody', name: 'No Roles', roles: ['offline_access'] },
} satisfies Record<string, TPrincipal>;

export type TPrincipalName = keyof typeof principals;

export function principalWithRoles(roles: TRole[]): TPrincipal {
  return { subject: `user-${roles.join('-')}`, name: roles.join(' '), roles };
}
