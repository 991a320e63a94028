import { readFileSync } from 'node:fs';
import { ROLES } from '@dispatch/domain';
import { describe, expect, it } from 'vitest';
import {
  CALLBACK_PATH,
  DEFAULT_AUDIENCE,
  SERVICE_CLIENT_ID,
  WEB_CLIENT_ID,
} from '../src/auth/client-ids';
import { configFrom } from '../src/config';

/** Production runs behind nginx on the single server; the realm's URLs must match it. */
const PRODUCTION_PUBLIC_URL = 'https://localhost';

interface TMapper {
  protocolMapper: string;
  config: Record<string, string>;
}
interface TClient {
  clientId: string;
  secret?: string;
  publicClient: boolean;
  standardFlowEnabled: boolean;
  implicitFlowEnabled: boolean;
  directAccessGrantsEnabled: boolean;
  serviceAccountsEnabled: boolean;
  redirectUris: string[];
  webOrigins: string[];
  attributes?: Record<string, string>;
  protocolMappers?: TMapper[];
  defaultClientScopes?: string[];
}
interface TRealm {
  realm: string;
  enabled: boolean;
  sslRequired: string;
  roles: { realm: { name: string }[] };
  clients: TClient[];
  users?: { username: string; serviceAccountClientId?: string; realmRoles?: string[] }[];
}

const realmPath = new URL('../../../deploy/keycloak/dispatch-realm.json', import.meta.url);
const rawRealm = readFileSync(realmPath, 'utf8');
const realm = JSON.parse(rawRealm) as TRealm;

function client(clientId: string): TClient {
  const found = realm.clients.find((c) => c.clientId === clientId);
  if (!found) throw new Error(`realm has no client ${clientId}`);
  return found;
}

/** Every value under a key Keycloak keeps a credential in, anywhere in the file. */
function credentialValues(value: unknown, key = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => credentialValues(v, key));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => credentialValues(v, k));
  }
  return /^(secret|password|secretData|privateKey|bindCredential|clientSecret)$/i.test(key) &&
    typeof value === 'string'
    ? [value]
    : [];
}

const PLACEHOLDER = /^\$\{[A-Z][A-Z0-9_]*\}$/;
const webClient = client(WEB_CLIENT_ID);
const serviceClient = client(SERVICE_CLIENT_ID);

describe('Keycloak realm export (deploy/keycloak/dispatch-realm.json)', () => {
  it('is the enabled dispatch realm, TLS required for external requests', () => {
    expect(realm).toMatchObject({ realm: 'dispatch', enabled: true, sslRequired: 'external' });
  });

  it('defines exactly the realm roles the domain knows', () => {
    expect(realm.roles.realm.map((r) => r.name).sort()).toEqual([...ROLES].sort());
  });

  it('has exactly the two clients the server knows', () => {
    expect(realm.clients.map((c) => c.clientId).sort()).toEqual(
      [SERVICE_CLIENT_ID, WEB_CLIENT_ID].sort(),
    );
  });

  it('web client: confidential, code flow with PKCE S256 only, exact production URLs', () => {
    const config = configFrom({
      NODE_ENV: 'production',
      PUBLIC_URL: PRODUCTION_PUBLIC_URL,
      DATABASE_URL: 'postgres://unused',
      OIDC_ISSUER: 'https://localhost/realms/dispatch',
      OIDC_CLIENT_SECRET: 'unused',
    });
    expect(config.OIDC_CLIENT_ID).toBe(webClient.clientId);
    expect(webClient).toMatchObject({
      publicClient: false,
      standardFlowEnabled: true,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      serviceAccountsEnabled: false,
    });
    expect(webClient.attributes?.['pkce.code.challenge.method']).toBe('S256');
    expect(webClient.redirectUris).toEqual([`${config.PUBLIC_URL}${CALLBACK_PATH}`]);
    expect(webClient.attributes?.['post.logout.redirect.uris']).toBe(`${config.PUBLIC_URL}/`);
    expect(webClient.webOrigins).toEqual([new URL(config.PUBLIC_URL).origin]);
  });

  it('service client: confidential, client credentials only, its account is admin', () => {
    expect(serviceClient).toMatchObject({
      publicClient: false,
      serviceAccountsEnabled: true,
      standardFlowEnabled: false,
      implicitFlowEnabled: false,
      directAccessGrantsEnabled: false,
      redirectUris: [],
      webOrigins: [],
    });
    const account = realm.users?.find((u) => u.serviceAccountClientId === SERVICE_CLIENT_ID);
    expect(account?.username).toBe(`service-account-${SERVICE_CLIENT_ID}`);
    expect(account?.realmRoles).toEqual(['admin']);
  });

  it.each([WEB_CLIENT_ID, SERVICE_CLIENT_ID])(
    '%s: access tokens carry the API audience and the realm roles',
    (clientId) => {
      const mappers = (client(clientId).protocolMappers ?? []).filter(
        (m) => m.protocolMapper === 'oidc-audience-mapper',
      );
      expect(mappers).toHaveLength(1);
      expect(mappers[0]?.config).toMatchObject({
        'included.custom.audience': DEFAULT_AUDIENCE,
        'access.token.claim': 'true',
      });
      // realm_access.roles comes from the built-in "roles" scope; "basic" adds `sub`.
      expect(client(clientId).defaultClientScopes).toEqual(
        expect.arrayContaining(['roles', 'basic']),
      );
    },
  );

  it('has no wildcard redirect URIs or web origins', () => {
    for (const c of realm.clients) {
      const uris = [
        ...c.redirectUris,
        ...c.webOrigins,
        ...(c.attributes?.['post.logout.redirect.uris']?.split('##') ?? []),
      ];
      for (const uri of uris) {
        expect(uri, `${c.clientId}: ${uri}`).not.toMatch(/\*|^\+$/);
        expect(new URL(uri).protocol, `${c.clientId}: ${uri}`).toBe('https:');
      }
    }
  });

  it('holds no secrets: every secret is an environment placeholder', () => {
    expect(webClient.secret).toMatch(PLACEHOLDER);
    expect(serviceClient.secret).toMatch(PLACEHOLDER);
    expect(webClient.secret).not.toBe(serviceClient.secret);
    const values = credentialValues(realm);
    expect(values.length).toBeGreaterThanOrEqual(2);
    for (const value of values) expect(value).toMatch(PLACEHOLDER);
    expect(rawRealm).not.toMatch(/"credentials"\s*:/);
  });
});
