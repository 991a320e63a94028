import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';

/** What the smoke tests need to know of the stack deploy/ci/stack.sh started. */
export interface TStackSettings {
  root: string;
  ciDir: string;
  publicUrl: string;
  dbPort: number;
  ca: string;
  /** nginx's certificate's public key (SPKI SHA-256, base64), for Chromium to trust it. */
  nginxSpki: string;
  scriptsSecret: string;
  dbPassword: string;
  appImage: string;
  composeArgs: string[];
  password: (username: string) => string;
}

export function loadStackSettings(): TStackSettings {
  const root = process.env.DISPATCH_STACK_ROOT;
  const ciDir = process.env.DISPATCH_CI_DIR;
  if (!root || !ciDir) {
    throw new Error('Run the smoke tests through deploy/ci/stack.sh, which starts the stack.');
  }
  const envFile = join(root, 'deploy', 'ci', 'ci.env');
  const env = parseEnv(readFileSync(envFile, 'utf8'));
  const read = (...parts: string[]) => readFileSync(join(root, ...parts), 'utf8');
  const spki = new X509Certificate(read('certs', 'nginx.crt')).publicKey.export({
    type: 'spki',
    format: 'der',
  });
  const standIn = JSON.parse(readFileSync(join(ciDir, 'stand-in.json'), 'utf8')) as {
    users: { username: string; password: string }[];
  };
  return {
    root,
    ciDir,
    publicUrl: env.PUBLIC_URL ?? '',
    dbPort: Number(env.DB_PORT),
    ca: read('certs', 'ca.crt'),
    nginxSpki: createHash('sha256').update(spki).digest('base64'),
    scriptsSecret: read('secrets', 'scripts_client_secret').trim(),
    dbPassword: read('secrets', 'dispatch_db_password').trim(),
    appImage: `dispatch-app:${env.DISPATCH_VERSION ?? 'ci'}`,
    composeArgs: [
      '--env-file',
      envFile,
      '-f',
      join(root, 'docker-compose.yml'),
      '-f',
      join(root, 'deploy', 'ci', 'compose.ci.yml'),
      '-p',
      'dispatch-ci',
    ],
    password: (username) => {
      const user = standIn.users.find((u) => u.username === username);
      if (!user) throw new Error(`no stand-in user ${username}`);
      return user.password;
    },
  };
}
