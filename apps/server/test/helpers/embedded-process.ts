import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface TEmbeddedRun {
  child: ChildProcess;
  output: () => string;
  /** Seconds until the banner said it was ready. */
  ready: Promise<number>;
  exited: Promise<number | null>;
  password: (user: 'admin' | 'dispatcher' | 'driver' | 'viewer') => string;
  stop: () => Promise<number | null | 'timeout'>;
}

const SERVER_DIR = join(import.meta.dirname, '..', '..');

/** Runs `pnpm start`'s embedded mode as a real child process on the given data directory and ports. */
export function startEmbeddedProcess(options: {
  dataDir: string;
  appPort: number;
  oidcPort: number;
  webDistDir?: string;
  nodeEnv?: string;
}): TEmbeddedRun {
  const started = Date.now();
  const child = spawn(join(SERVER_DIR, 'node_modules', '.bin', 'tsx'), ['src/embedded/main.ts'], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      NODE_ENV: options.nodeEnv ?? 'development',
      DISPATCH_DATA_DIR: options.dataDir,
      APP_PORT: String(options.appPort),
      OIDC_PORT: String(options.oidcPort),
      LOG_LEVEL: 'warn',
      ...(options.webDistDir ? { WEB_DIST_DIR: options.webDistDir } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      if (text.includes('Dispatch is ready at')) {
        clearInterval(timer);
        resolve((Date.now() - started) / 1000);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`embedded mode exited (${code}) before it was ready:\n${text}`));
    });
  });
  return {
    child,
    output: () => text,
    ready,
    exited,
    password: (user) => new RegExp(`${user}\\s+password (\\S+)`).exec(text)?.[1] ?? '',
    stop: async () => {
      child.kill('SIGTERM');
      return Promise.race([
        exited,
        new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 20_000)),
      ]);
    },
  };
}
