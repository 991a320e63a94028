import { randomBytes, randomUUID } from 'node:crypto';
import { startLocalProvider, type TLocalProvider, type TLocalUser } from '@dispatch/server';
import { exportJWK, generateKeyPair } from 'jose';
import { httpRequest } from './http';
import type { TSelfSignedCert } from './tls-cert';

/** The client ids and audience the server expects by default (apps/server/src/auth/client-ids.ts). */
export const WEB_CLIENT_ID = 'dispatch-web';
export const SERVICE_CLIENT_ID = 'dispatch-scripts';
export const AUDIENCE = 'dispatch-api';

const secret = () => randomBytes(24).toString('base64url');

export interface TChaosIdentity {
  provider: TLocalProvider;
  webClient: { clientId: string; clientSecret: string };
  drivers: TLocalUser[];
  /** A bearer token of the admin service account, renewed well before it expires. */
  serviceToken: () => Promise<string>;
}

/**
 * The local OpenID provider over HTTPS (production mode refuses an http:// issuer), with one
 * service account (roles admin) for the dispatcher's writes and one login per chaos driver.
 */
export async function startChaosIdentity(options: {
  appUrl: string;
  cert: TSelfSignedCert;
  driverCount: number;
}): Promise<TChaosIdentity> {
  const webClient = { clientId: WEB_CLIENT_ID, clientSecret: secret() };
  const service = { clientId: SERVICE_CLIENT_ID, clientSecret: secret() };
  const drivers: TLocalUser[] = Array.from({ length: options.driverCount }, (_, i) => ({
    subject: `chaos-driver-${i + 1}`,
    username: `driver${i + 1}`,
    password: secret(),
    name: `Chaos Driver ${i + 1}`,
    email: `driver${i + 1}@chaos.example.com`,
    roles: ['driver'],
  }));
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
  const provider = await startLocalProvider({
    port: 0,
    audience: AUDIENCE,
    web: {
      ...webClient,
      redirectUris: [`${options.appUrl}/auth/callback`],
      postLogoutRedirectUris: [`${options.appUrl}/`],
    },
    service: { ...service, roles: ['admin'], name: 'Chaos load' },
    users: drivers,
    jwks: { keys: [jwk] } as Parameters<typeof startLocalProvider>[0]['jwks'],
    cookieKeys: [secret()],
    tls: { cert: options.cert.cert, key: options.cert.key },
    nodeEnv: 'development',
  });

  let cached: { token: string; renewAt: number } | undefined;
  const serviceToken = async () => {
    if (cached && Date.now() < cached.renewAt) return cached.token;
    const basic = Buffer.from(`${service.clientId}:${service.clientSecret}`).toString('base64');
    const response = await httpRequest(`${provider.issuer}/token`, {
      method: 'POST',
      ca: options.cert.cert,
      headers: {
        authorization: `Basic ${basic}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
    });
    const body = JSON.parse(response.body) as { access_token?: string; expires_in?: number };
    if (response.status !== 200 || !body.access_token) {
      throw new Error(`client-credentials grant failed (${response.status}): ${response.body}`);
    }
    const lifetime = body.expires_in ?? 60;
    cached = { token: body.access_token, renewAt: Date.now() + (lifetime * 1000) / 2 };
    return cached.token;
  };
  return { provider, webClient, drivers, serviceToken };
}
