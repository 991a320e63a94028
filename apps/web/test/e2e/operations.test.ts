import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESKTOP, signIn } from './chromium';
import { RESULTS, useEmbeddedApp } from './embedded-app';

// The operations report as an admin uses it: the real server in embedded mode (demo data, its own
// usage collector) serving the built web app, in real Chromium.

const app = useEmbeddedApp();

async function signedIn(username: 'admin' | 'dispatcher') {
  const persona = await app.persona({ viewport: DESKTOP });
  await signIn(persona.page, app.url, username, app.password(username));
  return persona.page;
}

describe('operations report in the browser', () => {
  it("an admin sees the thresholds, the procedures they just used, and the day's peak", async () => {
    const page = await signedIn('admin');
    const loaded = () => page.getByTestId('live-status').first().innerText();
    await expect.poll(loaded).toMatch(/Updated/);
    await page.getByRole('link', { name: 'Work orders' }).click();
    await page.waitForURL(`${app.url}/work-orders`);
    // The old page stays up while the new one's chunk loads: wait for the new heading first.
    await page.getByRole('heading', { name: 'Work orders', level: 2 }).waitFor();
    await expect.poll(loaded).toMatch(/Updated/);
    await page.getByRole('link', { name: 'Operations' }).click();
    await page.waitForURL(`${app.url}/operations`);

    // The demo data has 22 completed dispatches: well under the 500 of a bigger deployment.
    const dispatches = page.getByTestId('threshold-completed_dispatches');
    await expect.poll(() => dispatches.innerText()).toContain('22 dispatches');
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
    await page.goto(`${app.url}/operations`);
    await expect
      .poll(() => page.getByText('Only admins can see the operations report.').isVisible())
      .toBe(true);
  });
});
