import { readFileSync } from 'node:fs';
import { CLIENT_MAX_BATCH_CALLS } from '@dispatch/domain';
import { z } from 'zod';
import { DEFAULT_AUDIENCE, SERVICE_CLIENT_ID, WEB_CLIENT_ID } from './auth/client-ids';

/**
 * The server's one validated configuration module: the only place that reads the environment.
 * A secret may be given as `NAME_FILE` (a path, which is how Docker secrets arrive) instead of
 * `NAME`; the file wins and its content is trimmed.
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const ZConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.url(),
    TRUST_PROXY: bool.default(false),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),

    DATABASE_URL: z.string().min(1),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(20),
    /** `verify-full` checks the server certificate against DATABASE_SSL_CA_FILE and its host name. */
    DATABASE_SSL_MODE: z.enum(['disable', 'verify-full']).default('disable'),
    DATABASE_SSL_CA_FILE: z.string().optional(),
    MIGRATE_ON_START: bool.default(true),

    OIDC_ISSUER: z.url(),
    OIDC_CLIENT_ID: z.string().min(1).default(WEB_CLIENT_ID),
    OIDC_CLIENT_SECRET: z.string().min(1),
    OIDC_AUDIENCE: z.string().min(1).default(DEFAULT_AUDIENCE),
    OIDC_ROLES_CLAIM: z.string().min(1).default('realm_access.roles'),
    OIDC_SCOPES: z.string().default('openid profile email'),
    /**
     * The OAuth clients whose access tokens the API takes as `Authorization: Bearer` (comma-separated
     * client ids, matched against the token's `client_id` or `azp`): the script and integration
     * clients, never the web client, whose users' tokens stay on the server.
     */
    OIDC_BEARER_CLIENTS: z
      .string()
      .default(SERVICE_CLIENT_ID)
      .transform((list) =>
        list
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string()).min(1, 'name at least one client id')),
    /** Only for the embedded provider on a laptop; refused in production. */
    OIDC_ALLOW_INSECURE_HTTP: bool.default(false),

    SESSION_IDLE_MINUTES: z.coerce.number().positive().default(60),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),

    TLS_CERT_FILE: z.string().optional(),
    TLS_KEY_FILE: z.string().optional(),
    WEB_DIST_DIR: z.string().optional(),

    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(1200),
    /** Calls one batched /trpc request may carry; each call counts against the rate limit. */
    API_MAX_BATCH_SIZE: z.coerce.number().int().min(1).max(100).default(25),
    /** A request (headers and body) must arrive within this; a slow body is cut off with 408. */
    REQUEST_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(60),
    LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(20),

    /** How often the operations statistics counted in memory are written (one statement each). */
    USAGE_FLUSH_SECONDS: z.coerce.number().min(0.1).max(3600).default(5),
  })
  .refine((c) => !(c.NODE_ENV === 'production' && c.OIDC_ALLOW_INSECURE_HTTP), {
    message: 'OIDC_ALLOW_INSECURE_HTTP must not be set in production',
    path: ['OIDC_ALLOW_INSECURE_HTTP'],
  })
  .refine((c) => !(c.DATABASE_SSL_MODE === 'verify-full' && !c.DATABASE_SSL_CA_FILE), {
    message: 'DATABASE_SSL_MODE=verify-full needs DATABASE_SSL_CA_FILE',
    path: ['DATABASE_SSL_CA_FILE'],
  })
  .refine((c) => c.API_MAX_BATCH_SIZE >= CLIENT_MAX_BATCH_CALLS, {
    message: `API_MAX_BATCH_SIZE must be at least ${CLIENT_MAX_BATCH_CALLS}, the web app's batches`,
    path: ['API_MAX_BATCH_SIZE'],
  })
  .refine((c) => Boolean(c.TLS_CERT_FILE) === Boolean(c.TLS_KEY_FILE), {
    message: 'Give both TLS_CERT_FILE and TLS_KEY_FILE, or neither',
    path: ['TLS_CERT_FILE'],
  });

export type TServerConfig = z.infer<typeof ZConfigSchema>;

const SECRET_NAMES = ['DATABASE_URL', 'OIDC_CLIENT_SECRET'] as const;

/**
 * The process environment. This module is the server's one reader of it (a lint rule holds every
 * other file to that); the embedded mode's settings are parsed from what this returns.
 */
export function processEnvironment(): Record<string, string | undefined> {
  return process.env;
}

/** Parses configuration from an environment-shaped record (the process environment by default). */
export function loadConfig(
  env: Record<string, string | undefined> = processEnvironment(),
): TServerConfig {
  const merged: Record<string, string | undefined> = { ...env };
  for (const name of SECRET_NAMES) {
    const file = env[`${name}_FILE`];
    if (file) merged[name] = readFileSync(file, 'utf8').trim();
  }
  const parsed = ZConfigSchema.safeParse(merged);
  if (!parsed.success) {
    // Name the bad settings, never echo their values (they may be secrets).
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || 'config'}: ${i.message}`,
    );
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

/** Configuration as an object, for embedding and tests: same validation, no environment. */
export function configFrom(
  values: Record<string, string | number | boolean | undefined>,
): TServerConfig {
  return loadConfig(
    Object.fromEntries(
      Object.entries(values)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, String(v)]),
    ),
  );
}
