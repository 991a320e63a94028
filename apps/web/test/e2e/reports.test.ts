import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, signIn } from './chromium';
import { RESULTS, useEmbeddedApp } from './embedded-app';

// Reports and equipment history as people use them: the real server in embedded mode (demo data)
// serving the built web app, in real Chromium, with the browser in a zone far from UTC.
const LAPTOP = { width: 1280, height: 800 };
/** UTC+13 in the southern summer: its day starts at 11:00 UTC the day before. */
const TIME_ZONE = 'Pacific/Auckland';

const app = useEmbeddedApp();

/** A viewer in Auckland: the zone is set on the page through the DevTools protocol. */
async function viewerIn(viewport: { width: number; height: number }, mobile = false) {
  const persona = await app.persona({ viewport, mobile });
  const cdp = await persona.context.newCDPSession(persona.page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: TIME_ZONE });
  await signIn(persona.page, app.url, 'viewer', app.password('viewer'));
  return persona.page;
}

/** A local calendar day in the test's zone, as the page writes it ("25 Nov") or as YYYY-MM-DD. */
function localDay(date: Date, style: 'label' | 'iso') {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      year: 'numeric',
      month: style === 'label' ? 'short' : '2-digit',
      day: style === 'label' ? 'numeric' : '2-digit',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return style === 'label'
    ? `${parts.day} ${parts.month}`
    : `${parts.year}-${parts.month}-${parts.day}`;
}

/** The UTC instant of local midnight starting a YYYY-MM-DD day in the test's zone. */
function localMidnight(day: string) {
  // Auckland is UTC+13 in summer and UTC+12 in winter: the right offset puts midnight on that day.
  for (const offset of ['+13:00', '+12:00']) {
    const candidate = new Date(`${day}T00:00:00${offset}`);
    const clock = new Intl.DateTimeFormat('en-GB', {
      timeZone: TIME_ZONE,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(candidate);
    if (clock === '00:00' && localDay(candidate, 'iso') === day) return candidate;
  }
  throw new Error(`no local midnight found for ${day}`);
}

/** Calendar arithmetic on a YYYY-MM-DD day. */
function addDays(day: string, days: number) {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function tableRows(page: Page, testId: string) {
  return page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())),
    );
}

describe('reports in the browser', () => {
  it('a viewer sees three charts drawn from the demo data, the figures, and downloads the CSV', async () => {
    const page = await viewerIn(LAPTOP);
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.waitForURL(`${app.url}/reports`);

    // Each chart is a recharts SVG with its marks drawn: four lines, then bars.
    const completions = page.getByTestId('section-completions');
    await expect.poll(() => completions.locator('.recharts-line-curve').count()).toBe(4);
    const dispatchTime = page.getByTestId('section-dispatch-time');
    await expect
      .poll(() => dispatchTime.locator('.recharts-bar-rectangle path').count())
      .toBeGreaterThan(0);
    const utilisation = page.getByTestId('section-utilisation');
    // The ten busiest of the fifteen demo units.
    await expect.poll(() => utilisation.locator('.recharts-bar-rectangle').count()).toBe(10);
    for (const section of [completions, dispatchTime, utilisation]) {
      expect(await section.locator('svg.recharts-surface').count()).toBeGreaterThan(0);
    }

    // Buckets are Auckland days: the last one is today there, whatever the date is in UTC.
    // (recharts draws tick labels in a layer of their own: find them by their "25 Nov" form.)
    const labels = await completions.locator('svg.recharts-surface text').allTextContents();
    const days = labels.filter((text) => /^\d{1,2} [A-Z][a-z]{2}$/.test(text));
    expect(days.length).toBeGreaterThan(3);
    expect(days.at(-1)).toBe(localDay(new Date(), 'label'));

    // The demo's fortnight: 40 orders created, 28 dispatched (22 completed, 6 on the road),
    // 22 completed, 3 cancelled before dispatch.
    await expect
      .poll(async () => (await tableRows(page, 'priority-table')).at(-1)?.slice(0, 5))
      .toEqual(['All priorities', '40', '28', '22', '3']);
    const formula = page.getByTestId('utilisation-formula');
    expect(await formula.innerText()).toContain('utilisation = assigned ÷ (window − maintenance)');
    expect(await formula.innerText()).toMatch(/Fleet \(15 units\): [\d,.]+ h ÷ \([\d,.]+ h − /);
    expect(await tableRows(page, 'utilisation-table')).toHaveLength(15);

    await page.screenshot({ path: join(RESULTS, 'reports-1280x800.png'), fullPage: true });

    // The download asks for the last 30 Auckland days, grouped by day, in that zone, and gets the
    // same figures as the page.
    const [request, download] = await Promise.all([
      page.waitForRequest((r) => r.url().includes('/export/completion.csv')),
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download completions CSV' }).click(),
    ]);
    const today = localDay(new Date(), 'iso');
    const first = addDays(today, -29);
    expect(Object.fromEntries(new URL(request.url()).searchParams)).toEqual({
      from: localMidnight(first).toISOString(),
      to: localMidnight(addDays(today, 1)).toISOString(),
      groupBy: 'day',
      timeZone: TIME_ZONE,
    });
    expect(download.suggestedFilename()).toMatch(/^completion-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    // A byte-order mark first, so spreadsheets read the file as UTF-8.
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [header, ...rows] = csv
      .slice(1)
      .trimEnd()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    expect(header?.slice(0, 9)).toEqual([
      'scope',
      'bucket_date',
      'bucket_start',
      'bucket_end',
      'priority',
      'created',
      'dispatched',
      'completed',
      'cancelled',
    ]);
    // 30 day buckets with a row per priority and one for all, then the five total rows.
    expect(rows).toHaveLength(30 * 5 + 5);
    const bucketDays = [...new Set(rows.filter((r) => r[0] === 'bucket').map((r) => r[1]))];
    expect(bucketDays).toEqual(Array.from({ length: 30 }, (_, i) => addDays(first, i)));
    expect(rows.find((r) => r[0] === 'total' && r[4] === 'all')?.slice(5, 9)).toEqual([
      '40',
      '28',
      '22',
      '3',
    ]);
  });

  it('on a phone the reports fit the screen', async () => {
    const page = await viewerIn(PHONE, true);
    await page.goto(`${app.url}/reports`);
    await expect
      .poll(() =>
        page.getByTestId('section-utilisation').locator('.recharts-bar-rectangle').count(),
      )
      .toBe(10);
    await page.screenshot({ path: join(RESULTS, 'reports-390x844.png'), fullPage: true });
    const noHorizontalScroll = await page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth,
    );
    expect(noHorizontalScroll).toBe(true);
  });

  it("a unit's history shows its dispatches, linked to their work orders", async () => {
    const page = await viewerIn(LAPTOP);
    await page.goto(`${app.url}/equipment`);
    await page.getByRole('link', { name: 'FB-01', exact: true }).click();
    await page.waitForURL(/\/equipment\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('heading', { name: 'FB-01' }).isVisible()).toBe(true);
    const dispatches = page.getByTestId('history-dispatch');
    await expect.poll(() => dispatches.count()).toBeGreaterThan(1);
    // Newest first: the seeded job on the road, then finished ones.
    expect(await dispatches.first().innerText()).toMatch(/WO-\d{6}[\s\S]*On the job for/);
    expect(await dispatches.nth(1).innerText()).toMatch(/Completed after 2 h 58 min/);
    await page.screenshot({
      path: join(RESULTS, 'equipment-history-1280x800.png'),
      fullPage: true,
    });

    await dispatches
      .first()
      .getByRole('link', { name: /^WO-\d{6}$/ })
      .click();
    await page.waitForURL(/\/work-orders\/[0-9a-f-]{36}$/);
    // The order's timeline links the unit back to its history.
    await page.getByTestId('timeline').getByRole('link', { name: 'FB-01' }).click();
    await page.waitForURL(/\/equipment\/[0-9a-f-]{36}$/);

    const phone = await viewerIn(PHONE, true);
    await phone.goto(page.url());
    await expect.poll(() => phone.getByTestId('history-dispatch').count()).toBeGreaterThan(1);
    await phone.screenshot({
      path: join(RESULTS, 'equipment-history-390x844.png'),
      fullPage: true,
    });
    expect(
      await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
  });
});
