// Prints the stand-in provider's settings (apps/server/src/embedded/provider-main.ts) for the CI
// stack: Keycloak's issuer URL and port, its certificate, and the client secrets, as the copies
// the app image's entrypoint makes of each *_FILE variable; plus one person per role with a fresh
// password, which the smoke tests read back from this file.
import { randomBytes, randomUUID } from 'node:crypto';

const env = process.env;
const copy = (variable) => `/run/dispatch/${variable}`;
const person = (role, name) => ({
  subject: randomUUID(),
  username: role,
  password: randomBytes(18).toString('base64url'),
  name,
  email: `${role}@dispatch.localhost`,
  roles: [role],
});

const settings = {
  publicIssuer: `${env.PUBLIC_URL}/idp/realms/dispatch`,
  port: Number(env.KEYCLOAK_PORT),
  tlsCertFile: '/certs/keycloak.crt',
  tlsKeyFile: copy('KC_HTTPS_CERTIFICATE_KEY_FILE'),
  webClientSecretFile: copy('DISPATCH_WEB_CLIENT_SECRET_FILE'),
  serviceClientSecretFile: copy('DISPATCH_SCRIPTS_CLIENT_SECRET_FILE'),
  publicUrl: env.PUBLIC_URL,
  users: [person('dispatcher', 'Dana Dispatcher'), person('admin', 'Ada Admin')],
};
process.stdout.write(`${JSON.stringify(settings, null, 2)}\n`);
