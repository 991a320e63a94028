import * as client from 'openid-client';
import type { TServerConfig } from '../config';

export type TOidcClient = client.Configuration;

/**
 * Discovers the provider and returns openid-client's configuration for our confidential client.
 * Retries with back-off, because in a deployment the provider may still be starting.
 */
export async function discoverProvider(
  config: Pick<
    TServerConfig,
    'OIDC_ISSUER' | 'OIDC_CLIENT_ID' | 'OIDC_CLIENT_SECRET' | 'OIDC_ALLOW_INSECURE_HTTP'
  >,
  options: { attempts?: number; onRetry?: (error: unknown, attempt: number) => void } = {},
): Promise<TOidcClient> {
  const attempts = options.attempts ?? 30;
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await client.discovery(
        new URL(config.OIDC_ISSUER),
        config.OIDC_CLIENT_ID,
        config.OIDC_CLIENT_SECRET,
        client.ClientSecretBasic(config.OIDC_CLIENT_SECRET),
        config.OIDC_ALLOW_INSECURE_HTTP ? { execute: [client.allowInsecureRequests] } : undefined,
      );
    } catch (error) {
      lastError = error;
      if (attempt === attempts) break;
      options.onRetry?.(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 5000)));
    }
  }
  throw new Error(`OpenID provider discovery failed at ${config.OIDC_ISSUER}`, {
    cause: lastError,
  });
}
