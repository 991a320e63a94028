import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import Provider, {
  errors,
  type Configuration,
  type JWKS,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import { loadEmbeddedConfig } from './config';
import { renderLoginPage, renderLogoutPage } from './local-provider-pages';

export interface TLocalUser {
  subject: string;
  username: string;
  password: string;
  name: string;
  email: string;
  roles: string[];
}

export interface TLocalProviderOptions {
  /** Port to listen on (0 picks a free one); the issuer is http(s)://localhost:<port>. */
  port: number;
  audience: string;
  web: {
    clientId: string;
    clientSecret: string;
    redirectUris: string[];
    postLogoutRedirectUris: string[];
  };
  service: { clientId: string; clientSecret: string; roles: string[]; name: string };
  users: TLocalUser[];
  /** Private signing keys (JWK set); persisted by the caller so tokens survive restarts. */
  jwks: JWKS;
  cookieKeys: string[];
  /** Serve HTTPS with this certificate (the issuer becomes https://localhost:<port>). */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /**
   * The issuer as clients see it through a reverse proxy, path included (the production stack's
   * `https://<host>/idp/realms/dispatch`, where Keycloak would be). Requests must arrive with that
   * path; anything else is a 404. Default: http(s)://localhost:<port>, at the root.
   */
  publicIssuer?: string;
  /** Defaults to the environment's NODE_ENV; the provider refuses to run in production. */
  nodeEnv: string | undefined;
}

export interface TLocalProvider {
  issuer: string;
  port: number;
  close: () => Promise<void>;
}

/** The resource indicator of our API; access tokens for it carry `aud` = the configured audience. */
export const API_RESOURCE = 'urn:dispatch:api';

function same(a: string, b: string) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error('form too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * A local OpenID provider for the embedded mode and the tests, built on `oidc-provider`. It issues
 * Keycloak-shaped JWT access tokens (`realm_access.roles`, the API audience), so the server's login
 * and token code runs unchanged against it and against Keycloak. Demo users sign in on a real login
 * form with a password. It is a development tool and refuses to start in production.
 */
export async function startLocalProvider(options: TLocalProviderOptions): Promise<TLocalProvider> {
  if ((options.nodeEnv ?? loadEmbeddedConfig().NODE_ENV) === 'production') {
    throw new Error(
      'The local OpenID provider is for development only and refuses to run with NODE_ENV=production.',
    );
  }
  const server: Server = options.tls
    ? createTlsServer({ cert: options.tls.cert, key: options.tls.key })
    : createServer();
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = options.publicIssuer ?? `${options.tls ? 'https' : 'http'}://localhost:${port}`;
  // Where the provider is mounted: its routes sit under the issuer's path.
  const mount = new URL(issuer).pathname.replace(/\/$/, '');
  // Behind a proxy the provider names its endpoints after the public issuer, whatever host and
  // scheme the proxy sent (nginx's $host drops the port), as Keycloak does with a fixed hostname.
  const publicUrl = options.publicIssuer ? new URL(options.publicIssuer) : undefined;
  const usersBySubject = new Map(options.users.map((u) => [u.subject, u]));

  const configuration: Configuration = {
    clients: [
      {
        client_id: options.web.clientId,
        client_secret: options.web.clientSecret,
        redirect_uris: options.web.redirectUris,
        post_logout_redirect_uris: options.web.postLogoutRedirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        client_id: options.service.clientId,
        client_secret: options.service.clientSecret,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    jwks: options.jwks,
    cookies: { keys: options.cookieKeys },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'] },
    findAccount: (_ctx, id) => {
      const user = usersBySubject.get(id);
      if (!user) return undefined;
      return {
        accountId: id,
        claims: () => ({
          sub: id,
          name: user.name,
          preferred_username: user.username,
          email: user.email,
        }),
      };
    },
    // Keycloak puts realm roles into access tokens as realm_access.roles; so do we.
    extraTokenClaims: (_ctx, token) => {
      if ('accountId' in token && typeof token.accountId === 'string') {
        const user = usersBySubject.get(token.accountId);
        return user
          ? {
              realm_access: { roles: user.roles },
              name: user.name,
              preferred_username: user.username,
            }
          : undefined;
      }
      if (token.clientId === options.service.clientId) {
        return { realm_access: { roles: options.service.roles }, name: options.service.name };
      }
      return undefined;
    },
    // First-party clients only: grant the requested scopes without a consent screen.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const client = ctx.oidc.client;
      const session = ctx.oidc.session;
      if (!client || !session?.accountId) return undefined;
      const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      });
      grant.addOIDCScope('openid profile email');
      grant.addResourceScope(API_RESOURCE, 'api');
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `${mount}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => void (ctx.body = renderLogoutPage(form)),
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => API_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => {
          if (resourceIndicator !== API_RESOURCE) throw new errors.InvalidTarget();
          return {
            scope: 'api',
            audience: options.audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: 10 * 60,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    ttl: {
      AccessToken: 600,
      ClientCredentials: 600,
      Session: 12 * 3600,
      Interaction: 600,
      Grant: 12 * 3600,
      IdToken: 3600,
      AuthorizationCode: 60,
    },
    renderError: (ctx, out) => {
      ctx.type = 'text/plain';
      ctx.body = `Sign-in error: ${out.error}${out.error_description ? ` (${out.error_description})` : ''}`;
    },
  };
  const provider = new Provider(issuer, configuration);
  // The scheme then comes from X-Forwarded-Proto, which the request handler sets.
  if (publicUrl) provider.proxy = true;
  const handleOidc = provider.callback();

  const handleInteraction = async (
    req: IncomingMessage,
    res: ServerResponse,
    uid: string,
    submit: boolean,
  ) => {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new errors.SessionNotFound('interaction mismatch');
    if (!submit) {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(renderLoginPage({ mount, uid, error: null, username: '' }));
      return;
    }
    const form = await readForm(req);
    const username = form.get('username') ?? '';
    const password = form.get('password') ?? '';
    const user = options.users.find((u) => u.username === username);
    // Compare against something even for an unknown user, so timing does not reveal user names.
    const ok = same(password, user?.password ?? '\u0000not-a-password') && Boolean(user);
    if (!user || !ok) {
      res.writeHead(401, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(
        renderLoginPage({ mount, uid, error: 'Unknown user name or wrong password.', username }),
      );
      return;
    }
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.subject } },
      { mergeWithLastSubmission: false },
    );
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    if (mount && url !== mount && !url.startsWith(`${mount}/`) && !url.startsWith(`${mount}?`)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found.');
      return;
    }
    // Mounted like Express mounts an app: the provider reads its route from `url` and the
    // mount point from `originalUrl`.
    if (mount) {
      Object.assign(req, { originalUrl: url });
      req.url = url.slice(mount.length) || '/';
    }
    if (publicUrl) {
      req.headers.host = publicUrl.host;
      req.headers['x-forwarded-proto'] = publicUrl.protocol.replace(/:$/, '');
      delete req.headers['x-forwarded-host'];
    }
    const match = /^\/interaction\/([\w-]+)(\/login)?$/.exec(req.url?.split('?')[0] ?? '');
    if (!match) {
      handleOidc(req, res);
      return;
    }
    const submit = Boolean(match[2]) && req.method === 'POST';
    handleInteraction(req, res, match[1] ?? '', submit).catch((error: unknown) => {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        `Sign-in failed: ${error instanceof Error ? error.message : 'unknown error'}. Start again from the app.`,
      );
    });
  });

  return {
    issuer,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
