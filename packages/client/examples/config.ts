import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/**
 * The import script's configuration: command-line flags win over environment variables. The only
 * module of the examples that reads the environment. The client secret has no flag (a command line
 * is visible to every user of the machine): give it as DISPATCH_CLIENT_SECRET, or as a file.
 */
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const ZImportConfigSchema = z.object({
  file: z.string().min(1, 'Give the CSV file with --file.'),
  url: z.url('Give the Dispatch URL with --url or DISPATCH_URL.'),
  issuer: z.url('Give the issuer URL with --issuer or DISPATCH_ISSUER.'),
  clientId: z.string().min(1).default('dispatch-scripts'),
  clientSecret: z
    .string('Give the client secret as DISPATCH_CLIENT_SECRET or --client-secret-file.')
    .min(1, 'The client secret is empty.'),
  audience: z.string().min(1).default('dispatch-api'),
  allowInsecureHttp: bool.default(false),
});

export type TImportConfig = z.infer<typeof ZImportConfigSchema>;

export const USAGE = `Usage: tsx examples/import-equipment.ts --file equipment.csv [options]

Options (each also as an environment variable):
  --file PATH                 CSV with the columns code,name,type
  --url URL                   DISPATCH_URL             the Dispatch server
  --issuer URL                DISPATCH_ISSUER          the OpenID provider (issuer URL)
  --client-id ID              DISPATCH_CLIENT_ID       default dispatch-scripts
  --client-secret-file PATH   DISPATCH_CLIENT_SECRET   (or DISPATCH_CLIENT_SECRET_FILE)
  --audience NAME             DISPATCH_AUDIENCE        default dispatch-api
  --allow-insecure-http       DISPATCH_ALLOW_INSECURE_HTTP=true   local development only`;

/** Parses flags and environment; throws an Error naming every bad setting, never a secret value. */
export function loadImportConfig(
  argv: string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
): TImportConfig {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        file: { type: 'string' },
        url: { type: 'string' },
        issuer: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret-file': { type: 'string' },
        audience: { type: 'string' },
        'allow-insecure-http': { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, {
      cause: error,
    });
  }
  const secretFile = values['client-secret-file'] ?? env.DISPATCH_CLIENT_SECRET_FILE;
  const parsed = ZImportConfigSchema.safeParse({
    file: values.file,
    url: values.url ?? env.DISPATCH_URL,
    issuer: values.issuer ?? env.DISPATCH_ISSUER,
    clientId: values['client-id'] ?? env.DISPATCH_CLIENT_ID,
    clientSecret: secretFile ? readFileSync(secretFile, 'utf8').trim() : env.DISPATCH_CLIENT_SECRET,
    audience: values.audience ?? env.DISPATCH_AUDIENCE,
    allowInsecureHttp: values['allow-insecure-http'] ? 'true' : env.DISPATCH_ALLOW_INSECURE_HTTP,
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}\n\n${USAGE}`);
  }
  return parsed.data;
}
