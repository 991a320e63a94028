import { ROLES, type TRole } from './enums';

/**
 * What each role may do, as capabilities. The API's procedure builders each require one capability,
 * so this table is the whole authorisation policy.
 */
export const CAPABILITIES = ['read', 'operate', 'administer', 'drive'] as const;
export type TCapability = (typeof CAPABILITIES)[number];

export const ROLE_CAPABILITIES: Readonly<Record<TRole, readonly TCapability[]>> = {
  viewer: ['read'],
  driver: ['drive'],
  dispatcher: ['read', 'operate'],
  admin: ['read', 'operate', 'administer'],
};

export function hasCapability(roles: readonly string[], capability: TCapability): boolean {
  return roles.some((role) => isRole(role) && ROLE_CAPABILITIES[role].includes(capability));
}

export function isRole(value: string): value is TRole {
  return (ROLES as readonly string[]).includes(value);
}

/** Who is calling: taken from a verified token or session; tests build it directly. */
export interface TPrincipal {
  subject: string;
  name: string;
  roles: readonly string[];
}
