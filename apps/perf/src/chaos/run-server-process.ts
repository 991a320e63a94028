import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { inheritedEnv } from './config';
import { httpRequest } from './http';

const SERVER_DIR = join(import.meta.dirname, '..', '..', '..', 'server');

/** The node flags of the production image's CMD (deploy/app.Dockerfile), so memory compares. */
export const PRODUCTION_NODE_ARGS = ['--max-semi-space-size=8'];

/** The plain-text lines of the output (the uncaught error and its first frames), not the JSON log. */
function crashSummary(output: string): string {
  const plain = output.split('\n').filter((line) => line.trim() && !line.startsWith('{'));
  return plain.slice(-4).join('\n');
}

export interface TServerProcessOptions {
  port: number;
  databaseUrl: string;
  issuer: string;
  webClient: { clientId: string; clientSecret: string };
  audience: string;
  /** The provider's certificate, trusted by the child through NODE_EXTRA_CA_CERTS. */
  caFile: string;
  /** Extra flags for the server's node (tsx passes them on), e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}

export interface TServerProcess {
  url: string;
  /** Starts the server (again) and resolves once /readyz answers 200. */
  start: () => Promise<void>;
  /** SIGKILL: no drain, no cleanup, in-flight transactions die with their connections. */
  kill: () => Promise<void>;
  /** SIGTERM with the server's graceful shutdown. */
  stop: () => Promise<void>;
  /** Started and not exited. */
  running: () => boolean;
  /** Exits nobody asked for (a crash), with the tail of the output. */
  crashes: string[];
  starts: number;
  /** The pid of the spawned process (tsx, whose child node process runs the server). */
  pid: () => number | undefined;
}

/**
 * The real production entry point (`tsx src/main.ts` in apps/server, NODE_ENV=production) as a
 * child process, on a fixed port so the sign-in redirect URIs and sessions stay valid across
 * restarts.
 */
export function serverProcess(options: TServerProcessOptions): TServerProcess {
  const url = `http://localhost:${options.port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let expectingExit = false;
  const crashes: string[] = [];
  const state = { starts: 0 };

  const env = {
    ...inheritedEnv(),
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(options.port),
    PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
    DATABASE_URL: options.databaseUrl,
    DATABASE_POOL_MAX: '20',
    OIDC_ISSUER: options.issuer,
    OIDC_CLIENT_ID: options.webClient.clientId,
    OIDC_CLIENT_SECRET: options.webClient.clientSecret,
    OIDC_AUDIENCE: options.audience,
    NODE_EXTRA_CA_CERTS: options.caFile,
    WEB_DIST_DIR: join(SERVER_DIR, 'nonexistent-web-dist'),
    // The load comes from one address; the limits guard the internet, not this test.
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
  };

  async function start() {
    let output = '';
    expectingExit = false;
    const spawned = spawn(
      join(SERVER_DIR, 'node_modules', '.bin', 'tsx'),
      [...PRODUCTION_NODE_ARGS, ...(options.nodeArgs ?? []), 'src/main.ts'],
      {
        cwd: SERVER_DIR,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group: tsx runs the server in a child node process, and SIGKILL must take
        // both (a signal to the group), not leave the real server running as an orphan.
        detached: true,
      },
    );
    child = spawned;
    state.starts += 1;
    const append = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
    };
    spawned.stdout?.on('data', append);
    spawned.stderr?.on('data', append);
    let gone = false;
    exited = new Promise<void>((resolve) =>
      spawned.on('exit', (code, signal) => {
        gone = true;
        if (!expectingExit) crashes.push(`exit ${code ?? signal}: ${crashSummary(output)}`);
        resolve();
      }),
    );
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (gone) throw new Error(`server exited before it was ready:\n${output}`);
      try {
        const ready = await httpRequest(`${url}/readyz`, { timeoutMs: 2000 });
        if (ready.status === 200) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`server not ready after 60 s:\n${output}`);
  }

  async function signal(name: NodeJS.Signals) {
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    expectingExit = true;
    if (name === 'SIGKILL' && child.pid) process.kill(-child.pid, 'SIGKILL');
    else child.kill(name);
    await exited;
  }

  return {
    url,
    start,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
    running: () => Boolean(child && child.exitCode === null && child.signalCode === null),
    crashes,
    pid: () => child?.pid,
    get starts() {
      return state.starts;
    },
  };
}
