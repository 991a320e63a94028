import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { processEnvironment } from '../config';

/**
 * Settings of the embedded mode (`pnpm start`), read from the environment the server's config
 * module gives. Everything has a laptop-friendly default; the smoke test points the data directory
 * and ports elsewhere.
 */
const ZEmbeddedConfigSchema = z.object({
  NODE_ENV: z.string().optional(),
  DISPATCH_DATA_DIR: z
    .string()
    .default(fileURLToPath(new URL('../../../../.data', import.meta.url))),
  APP_PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  OIDC_PORT: z.coerce.number().int().min(1).max(65535).default(3001),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  WEB_DIST_DIR: z.string().optional(),
});

export type TEmbeddedConfig = z.infer<typeof ZEmbeddedConfigSchema>;

export function loadEmbeddedConfig(
  env: Record<string, string | undefined> = processEnvironment(),
): TEmbeddedConfig {
  return ZEmbeddedConfigSchema.parse(env);
}
