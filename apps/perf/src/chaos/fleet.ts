import type { TLocalUser } from '@dispatch/server';
import { callProcedure, type TCredentials } from './trpc-call';

export interface TChaosFleet {
  typeIds: string[];
  /** Driver record id → the driver's session cookie, for driverApp.advance. */
  driverCookies: Map<string, string>;
}

async function must<T>(
  appUrl: string,
  credentials: TCredentials,
  path: string,
  input: unknown,
): Promise<T> {
  const outcome = await callProcedure(appUrl, credentials, path, input, 'mutation');
  if (outcome.kind !== 'ok')
    throw new Error(`setup call ${path} failed: ${JSON.stringify(outcome)}`);
  return outcome.data as T;
}

/**
 * Equipment types, units and drivers for the load, created through the API before any kill. Fewer
 * units than the load has orders, so the queue fills and resources are contended.
 */
export async function createFleet(options: {
  appUrl: string;
  admin: TCredentials;
  drivers: TLocalUser[];
  unitsPerType: number;
  signIn: (user: TLocalUser) => Promise<string>;
}): Promise<TChaosFleet> {
  const { appUrl, admin } = options;
  const typeIds: string[] = [];
  for (const name of ['chaos-truck', 'chaos-crane']) {
    const type = await must<{ id: string }>(appUrl, admin, 'equipmentTypes.create', { name });
    typeIds.push(type.id);
    for (let i = 1; i <= options.unitsPerType; i++) {
      const code = `${name === 'chaos-truck' ? 'T' : 'C'}-${i}`;
      await must(appUrl, admin, 'equipment.create', {
        code,
        name: `${name} ${i}`,
        typeId: type.id,
        idempotencyKey: `chaos-setup-equipment-${code}`,
      });
    }
  }
  const driverCookies = new Map<string, string>();
  for (const user of options.drivers) {
    const driver = await must<{ id: string }>(appUrl, admin, 'drivers.create', {
      name: user.name,
      phone: '+44 20 7946 0958',
      email: user.email,
      subject: user.subject,
      qualificationTypeIds: typeIds,
      idempotencyKey: `chaos-setup-${user.subject}`,
    });
    driverCookies.set(driver.id, await options.signIn(user));
  }
  return { typeIds, driverCookies };
}
