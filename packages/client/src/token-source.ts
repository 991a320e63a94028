import * as oidc from 'openid-client';

export type TFetch = typeof globalThis.fetch;

export interface TTokenSourceOptions {
  /** The OpenID provider's issuer URL, e.g. https://auth.example.com/realms/dispatch. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * The API's audience (`dispatch-api`). When given, every token must name it in `aud`, so a
   * provider without the audience mapper fails here with a clear message, not as a 401 per call.
   */
  audience?: string;
  /** Used for every request to the provider (and, in the client, to the API). */
  fetch?: TFetch;
  /** Allow an http:// issuer or API. Local development against the embedded provider only. */
  allowInsecureHttp?: boolean;
  /** Renew this long before the token expires (default 30 s; at most half its lifetime). */
  renewBeforeSeconds?: number;
  /** Milliseconds since the epoch; tests move it forward to expire the cached token. */
  now?: () => number;
}

export interface TTokenSource {
  /** A valid access token: the cached one, or a new one when it is (nearly) expired. */
  getToken: () => Promise<string>;
  /** Forget `token` if it is the cached one (the API refused it), so the next call gets a new one. */
  invalidate: (token: string) => void;
}

/** The provider could not be reached, or refused to issue a token. Never contains the secret. */
export class TokenRequestError extends Error {
  override name = 'TokenRequestError';
}

/** Used when the provider does not say how long a token lives. */
const DEFAULT_LIFETIME_SECONDS = 60;

/** Refuses plain HTTP unless explicitly allowed: a bearer token or client secret must not leak. */
export function assertSecureUrl(url: string, what: string, allowInsecureHttp: boolean | undefined) {
  const protocol = new URL(url).protocol;
  if (protocol === 'https:') return;
  if (protocol === 'http:' && allowInsecureHttp) return;
  throw new TokenRequestError(
    `The ${what} ${url} does not use https. Use https, or set allowInsecureHttp for local development.`,
  );
}

function explain(code: string, description: string | undefined, status: number): string {
  const hint = code === 'invalid_client' ? ' Check the client id and secret.' : '';
  return `${code}${description ? `: ${description}` : ''} (HTTP ${status}).${hint}`;
}

/** The provider's reason for an error, from its JSON body or its WWW-Authenticate challenge. */
async function describe(error: unknown): Promise<string> {
  if (error instanceof oidc.ResponseBodyError) {
    return explain(error.error, error.error_description, error.status);
  }
  if (error instanceof oidc.WWWAuthenticateChallengeError) {
    const body = (await error.response.json().catch(() => ({}))) as Record<string, unknown>;
    const challenge = error.cause.find((c) => c.parameters.error)?.parameters;
    const code = typeof body.error === 'string' ? body.error : challenge?.error;
    const description =
      typeof body.error_description === 'string'
        ? body.error_description
        : challenge?.error_description;
    return explain(code ?? 'unauthorized', description, error.status);
  }
  return error instanceof Error ? error.message : String(error);
}

function audiencesOf(token: string): string[] | null {
  const payload = token.split('.')[1];
  if (token.split('.').length !== 3 || !payload) return null; // Opaque token: nothing to check.
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      aud?: unknown;
    };
    const aud = claims.aud;
    if (typeof aud === 'string') return [aud];
    return Array.isArray(aud) ? aud.filter((a): a is string => typeof a === 'string') : [];
  } catch {
    return null;
  }
}

/**
 * Access tokens from the OAuth client-credentials grant. The provider's metadata is discovered once;
 * a token is cached and renewed shortly before it expires; concurrent callers share one request.
 */
export function createTokenSource(options: TTokenSourceOptions): TTokenSource {
  assertSecureUrl(options.issuer, 'issuer', options.allowInsecureHttp);
  const now = options.now ?? Date.now;
  const renewBeforeMs = (options.renewBeforeSeconds ?? 30) * 1000;
  let configuration: Promise<oidc.Configuration> | null = null;
  let cached: { token: string; renewAt: number } | null = null;
  let pending: Promise<string> | null = null;

  const discover = () => {
    configuration ??= oidc
      .discovery(
        new URL(options.issuer),
        options.clientId,
        undefined,
        oidc.ClientSecretBasic(options.clientSecret),
        {
          ...(options.allowInsecureHttp ? { execute: [oidc.allowInsecureRequests] } : {}),
          ...(options.fetch ? { [oidc.customFetch]: options.fetch } : {}),
        },
      )
      .catch(async (error: unknown) => {
        configuration = null; // Try again on the next call.
        throw new TokenRequestError(
          `Could not read the OpenID provider's metadata at ${options.issuer}: ${await describe(error)}`,
          { cause: error },
        );
      });
    return configuration;
  };

  const requestToken = async (): Promise<string> => {
    const config = await discover();
    const requestedAt = now();
    let response;
    try {
      response = await oidc.clientCredentialsGrant(config);
    } catch (error) {
      throw new TokenRequestError(
        `Could not get an access token for client "${options.clientId}" from ${options.issuer}: ${await describe(error)}`,
        { cause: error },
      );
    }
    const token = response.access_token;
    const audiences = options.audience ? audiencesOf(token) : null;
    if (options.audience && audiences && !audiences.includes(options.audience)) {
      throw new TokenRequestError(
        `The access token from ${options.issuer} is not for audience "${options.audience}" ` +
          `(aud: ${audiences.join(', ') || 'none'}). Add an audience mapper to client "${options.clientId}".`,
      );
    }
    const lifetimeMs = (response.expiresIn() ?? DEFAULT_LIFETIME_SECONDS) * 1000;
    cached = { token, renewAt: requestedAt + lifetimeMs - Math.min(renewBeforeMs, lifetimeMs / 2) };
    return token;
  };

  return {
    getToken() {
      if (cached && now() < cached.renewAt) return Promise.resolve(cached.token);
      pending ??= requestToken().finally(() => {
        pending = null;
      });
      return pending;
    },
    invalidate(token) {
      if (cached?.token === token) cached = null;
    },
  };
}
