import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { inheritedEnv } from '../chaos/config';
import { httpRequest } from '../chaos/http';

const PERF_DIR = join(import.meta.dirname, '..', '..');

export interface TBaselineProcess {
  url: string;
  stop: () => Promise<void>;
}

/** Starts baseline-server.ts under tsx (as the real server runs) and waits until it answers. */
export async function startBaselineProcess(options: {
  port: number;
  databaseUrl: string;
  poolMax: number;
}): Promise<TBaselineProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  let output = '';
  const child: ChildProcess = spawn(
    join(PERF_DIR, 'node_modules', '.bin', 'tsx'),
    [
      'src/bench/baseline-server.ts',
      String(options.port),
      options.databaseUrl,
      String(options.poolMax),
    ],
    {
      cwd: PERF_DIR,
      env: { ...inheritedEnv(), NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const append = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`baseline server exited:\n${output}`);
    try {
      if ((await httpRequest(`${url}/bare`, { timeoutMs: 1000 })).status === 200) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`baseline server not ready:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
