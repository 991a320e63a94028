import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JWKS } from 'oidc-provider';
import { generateSigningKeys } from './signing-keys';

const secret = (bytes = 24) => randomBytes(bytes).toString('base64url');

export interface TLocalSecrets {
  postgresPassword: string;
  webClientSecret: string;
  serviceClientSecret: string;
  cookieKey: string;
  passwords: { admin: string; dispatcher: string; driver: string; viewer: string };
  jwks: JWKS;
}

/**
 * The embedded mode's secrets, made on first start and kept (mode 0600) under the data directory,
 * so the database password, logins and signing keys stay the same from one start to the next.
 * Nothing here is a default baked into the code.
 */
export async function loadOrCreateLocalSecrets(dataDir: string): Promise<TLocalSecrets> {
  const file = join(dataDir, 'local-secrets.json');
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as TLocalSecrets;
  const secrets: TLocalSecrets = {
    postgresPassword: secret(),
    webClientSecret: secret(32),
    serviceClientSecret: secret(32),
    cookieKey: secret(32),
    passwords: { admin: secret(9), dispatcher: secret(9), driver: secret(9), viewer: secret(9) },
    jwks: await generateSigningKeys(),
  };
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  await chmod(file, 0o600);
  return secrets;
}
