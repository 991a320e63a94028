import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_AUDIENCE, SERVICE_CLIENT_ID, WEB_CLIENT_ID } from '../auth/client-ids';
import { startLocalProvider } from './local-provider';
import { generateSigningKeys } from './signing-keys';

/**
 * The local OpenID provider on its own, standing in for Keycloak where Keycloak cannot run (the
 * CI stack: deploy/ci/compose.ci.yml runs it in the app image on Keycloak's port, behind nginx's
 * /idp/ locations, with Keycloak's certificate). It takes one argument, a JSON file; the secrets
 * are files too (the same ones Keycloak's realm import reads). Never for production: the provider
 * refuses NODE_ENV=production.
 */
const ZStandInSchema = z.object({
  publicIssuer: z.url(),
  port: z.number().int().min(1).max(65535),
  tlsCertFile: z.string(),
  tlsKeyFile: z.string(),
  webClientSecretFile: z.string(),
  serviceClientSecretFile: z.string(),
  publicUrl: z.url(),
  users: z.array(
    z.object({
      subject: z.string(),
      username: z.string(),
      password: z.string(),
      name: z.string(),
      email: z.string(),
      roles: z.array(z.string()),
    }),
  ),
});

const file = process.argv[2];
if (!file) {
  console.error('usage: provider-main.ts <stand-in.json>');
  process.exit(2);
}
const settings = ZStandInSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
const secret = (path: string) => readFileSync(path, 'utf8').trim();

const provider = await startLocalProvider({
  port: settings.port,
  publicIssuer: settings.publicIssuer,
  tls: { cert: readFileSync(settings.tlsCertFile), key: readFileSync(settings.tlsKeyFile) },
  audience: DEFAULT_AUDIENCE,
  web: {
    clientId: WEB_CLIENT_ID,
    clientSecret: secret(settings.webClientSecretFile),
    redirectUris: [`${settings.publicUrl}/auth/callback`],
    postLogoutRedirectUris: [`${settings.publicUrl}/`],
  },
  service: {
    clientId: SERVICE_CLIENT_ID,
    clientSecret: secret(settings.serviceClientSecretFile),
    roles: ['admin'],
    name: 'Dispatch scripts',
  },
  users: settings.users,
  jwks: await generateSigningKeys(),
  cookieKeys: [randomBytes(32).toString('base64url')],
  // The environment's NODE_ENV: the provider refuses to start under production.
  nodeEnv: undefined,
});
console.log(`local OpenID provider for ${provider.issuer} on port ${provider.port}`);
const stop = () => void provider.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
