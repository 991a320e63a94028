import { DEFAULT_AUDIENCE, SERVICE_CLIENT_ID } from '../../src/auth/client-ids';
import { SignJWT, importJWK, type JWTPayload } from 'jose';
import type { TStack } from './stack';

/**
 * An access token signed with the stack's own provider key, as its token endpoint would issue to
 * the script client: the server takes it as a bearer token. `claims` override the defaults (a
 * different client, no client at all, an extra claim).
 */
export async function mintAccessToken(
  stack: TStack,
  subject: string,
  roles: string[],
  claims: JWTPayload = {},
): Promise<string> {
  const jwk = stack.signingKeys.keys[0];
  if (!jwk?.kid) throw new Error('the stack exposes no signing key');
  const key = await importJWK({ ...jwk, alg: 'RS256' } as Parameters<typeof importJWK>[0]);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: stack.issuer,
    aud: DEFAULT_AUDIENCE,
    sub: subject,
    client_id: SERVICE_CLIENT_ID,
    iat: now,
    exp: now + 600,
    realm_access: { roles },
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid: jwk.kid })
    .sign(key);
}
