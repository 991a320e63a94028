import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@dispatch/db/embedded';
import { startEmbeddedProcess, type TEmbeddedRun } from '@dispatch/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openPersona, signIn, type TPersona } from './chromium';

// The operations report as an admin uses it: the real server in embedded mode (demo data, its own
// usage collector) serving the built web app, in real Chromium.
const WEB_DIST = join(import.meta.dirname, '..', '..', 'dist');
const RESULTS = join(import.meta.dirname, '..', '..', 'test-results');
const FIRST_DRAW = { timeout: 15_000 };

let dataDir: string;
let run: TEmbeddedRun;
let appUrl: string;
const personas: TPersona[] = [];

beforeAll(async () => {
  await mkdir(RESULTS, { recursive: true });
  dataDir = await mkdtemp(join(tmpdir(), 'dispatch-e2e-'));
  await chmod(dataDir, 0o755);
  const appPort = await findFreePort();
  run = startEmbeddedProcess({
    dataDir,
    appPort,
    oidcPort: await findFreePort(),
    webDistDir: WEB_DIST,
  });
  await run.ready;
  appUrl = `http://localhost:${appPort}`;
});
afterAll(async () => {
  await Promise.all(personas.map((p) => p.close()));
  await run?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function signedIn(username: 'admin' | 'dispatcher') {
  const persona = await openPersona({ viewport: DESKTOP });
  personas.push(persona);
  await signIn(persona.page, appUrl, username, run.password(username));
  return persona.page;
}

describe('operations report in the browser', () => {
  it("an admin sees the thresholds, the procedures they just used, and the day's peak", async () => {
    const page = await signedIn('admin');
    const loaded = () => page.getByTestId('live-status').first().innerText();
    await expect.poll(loaded, FIRST_DRAW).toMatch(/Updated/);
    await page.getByRole('link', { name: 'Work orders' }).click();
    await page.waitForURL(`${appUrl}/work-orders`);
    // The old page stays up while the new one's chunk loads: wait for the new heading first.
    await page.getByRole('heading', { name: 'Work orders', level: 2 }).waitFor();
    await expect.poll(loaded, FIRST_DRAW).toMatch(/Updated/);
    await page.getByRole('link', { name: 'Operations' }).click();
    await page.waitForURL(`${appUrl}/operations`);

    // The demo data has 22 completed dispatches: well under the 500 of a bigger deployment.
    const dispatches = page.getByTestId('threshold-completed_dispatches');
    await expect.poll(() => dispatches.innerText(), FIRST_DRAW).toContain('22 dispatches');
    expect(await dispatches.getAttribute('data-status')).toBe('ok');
    expect(await page.getByTestId('threshold-cards').locator('[data-status]').count()).toBe(4);

    // The report writes this server's counts first, so the admin's own calls are in it.
    const row = (path: string) => page.getByTestId(`usage-${path}`).locator('td').first();
    expect(Number(await row('dashboard.summary').innerText())).toBeGreaterThanOrEqual(1);
    expect(Number(await row('workOrders.list').innerText())).toBeGreaterThanOrEqual(1);
    await expect
      .poll(() => page.getByTestId('usage-imports.drivers').innerText())
      .toMatch(/unused/i);
    expect(await page.getByTestId('peak-users-summary').innerText()).toMatch(
      /Busiest: 1 concurrent user on/,
    );
    await expect
      .poll(() => page.getByTestId('peak-users-chart').locator('.recharts-bar-rectangle').count())
      .toBeGreaterThan(0);

    // Sorting by procedure name puts them in alphabetical order.
    await page.getByRole('button', { name: /^Procedure/ }).click();
    const names = await page
      .getByTestId('procedure-usage-table')
      .locator('tbody th code')
      .allTextContents();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    await page.screenshot({ path: join(RESULTS, 'operations-admin.png'), fullPage: true });
  });

  it('a dispatcher has no Operations entry and is told the page is for admins', async () => {
    const page = await signedIn('dispatcher');
    await expect.poll(() => page.getByRole('link', { name: 'Work orders' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Operations' }).count()).toBe(0);
    await page.goto(`${appUrl}/operations`);
    await expect
      .poll(() => page.getByText('Only admins can see the operations report.').isVisible())
      .toBe(true);
  });
});
