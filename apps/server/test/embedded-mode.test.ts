import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@dispatch/db/free-port';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from './helpers/browser';
import { startEmbeddedProcess } from './helpers/embedded-process';

const startEmbedded = () => startEmbeddedProcess({ dataDir, appPort, oidcPort });

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

describe('pnpm start (embedded mode)', () => {
  it('starts cold, signs a person in, stops cleanly, and starts warm on the same data', async () => {
    const cold = startEmbedded();
    const coldSeconds = await cold.ready;
    const output = cold.output();
    expect(output).toContain(`Dispatch is ready at http://localhost:${appPort}`);
    expect(output).toContain('demo data seeded on this first start');
    expect(output).toMatch(/client id dispatch-scripts\s+client secret \S{20,}/);
    const password = cold.password('dispatcher');
    expect(password.length).toBeGreaterThanOrEqual(12);

    const appUrl = `http://localhost:${appPort}`;
    const browser = new TestBrowser();
    await browser.signIn(appUrl, 'dispatcher', password);
    const summary = await browser.trpc(appUrl, 'dashboard.summary');
    expect(summary.status).toBe(200);
    expect((summary.data as { queue: { total: number } }).queue.total).toBe(9);
    expect(await cold.stop()).toBe(0);
    expect(cold.output()).toContain('Dispatch stopped.');

    const warm = startEmbedded();
    const warmSeconds = await warm.ready;
    expect(warm.output()).not.toContain('seeded on this first start');
    expect(warm.password('dispatcher')).toBe(password);
    const again = new TestBrowser();
    await again.signIn(appUrl, 'dispatcher', password);
    const orders = await again.trpc(appUrl, 'workOrders.list', { limit: 100 });
    expect((orders.data as { items: unknown[] }).items).toHaveLength(40);
    expect(await warm.stop()).toBe(0);
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
