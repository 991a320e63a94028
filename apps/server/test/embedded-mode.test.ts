import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@dispatch/db/embedded';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from './helpers/browser';

// The smoke test of `pnpm start`'s embedded mode, run as a real child process on a temporary data
// directory: it comes up, a person can sign in, it stops cleanly, and a second start reuses the data.
let dataDir: string;
let appPort: number;
let oidcPort: number;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'dispatch-embedded-'));
  await chmod(dataDir, 0o755);
  appPort = await findFreePort();
  oidcPort = await findFreePort();
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

interface TRun {
  child: ChildProcess;
  output: () => string;
  ready: Promise<number>;
  exited: Promise<number | null>;
}

function startEmbedded(): TRun {
  const started = Date.now();
  const child = spawn(join('node_modules', '.bin', 'tsx'), ['src/embedded/main.ts'], {
    cwd: join(import.meta.dirname, '..'),
    env: {
      ...process.env,
      NODE_ENV: 'development',
      DISPATCH_DATA_DIR: dataDir,
      APP_PORT: String(appPort),
      OIDC_PORT: String(oidcPort),
      LOG_LEVEL: 'warn',
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
  return { child, output: () => text, ready, exited };
}

const passwordOf = (output: string, user: string) =>
  new RegExp(`${user}\\s+password (\\S+)`).exec(output)?.[1] ?? '';

async function stop(run: TRun) {
  run.child.kill('SIGTERM');
  const code = await Promise.race([
    run.exited,
    new Promise((r) => setTimeout(() => r('timeout'), 20_000)),
  ]);
  return code;
}

describe('pnpm start (embedded mode)', () => {
  it('starts cold, signs a person in, stops cleanly, and starts warm on the same data', async () => {
    const cold = startEmbedded();
    const coldSeconds = await cold.ready;
    const output = cold.output();
    expect(output).toContain(`Dispatch is ready at http://localhost:${appPort}`);
    expect(output).toContain('demo data seeded on this first start');
    expect(output).toMatch(/client id dispatch-scripts\s+client secret \S{20,}/);
    const password = passwordOf(output, 'dispatcher');
    expect(password.length).toBeGreaterThanOrEqual(12);

    const appUrl = `http://localhost:${appPort}`;
    const browser = new TestBrowser();
    await browser.signIn(appUrl, 'dispatcher', password);
    const summary = await browser.trpc(appUrl, 'dashboard.summary');
    expect(summary.status).toBe(200);
    expect((summary.data as { queue: { total: number } }).queue.total).toBe(9);
    expect(await stop(cold)).toBe(0);
    expect(cold.output()).toContain('Dispatch stopped.');

    const warm = startEmbedded();
    const warmSeconds = await warm.ready;
    expect(warm.output()).not.toContain('seeded on this first start');
    expect(passwordOf(warm.output(), 'dispatcher')).toBe(password);
    const again = new TestBrowser();
    await again.signIn(appUrl, 'dispatcher', password);
    const orders = await again.trpc(appUrl, 'workOrders.list', { limit: 100 });
    expect((orders.data as { items: unknown[] }).items).toHaveLength(40);
    expect(await stop(warm)).toBe(0);
    console.log(
      `embedded mode ready: cold ${coldSeconds.toFixed(1)} s, warm ${warmSeconds.toFixed(1)} s`,
    );
  });

  it('refuses to run with NODE_ENV=production', async () => {
    const child = spawn(join('node_modules', '.bin', 'tsx'), ['src/embedded/main.ts'], {
      cwd: join(import.meta.dirname, '..'),
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DISPATCH_DATA_DIR: dataDir,
        APP_PORT: String(appPort),
        OIDC_PORT: String(oidcPort),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stderr.on('data', (c: Buffer) => (text += c.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(text).toContain('for laptops');
  });
});
