import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type Page, chromium } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps trying to reach Google on this closed network.
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface TPersona {
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/**
 * One person: a fresh Chromium profile (own cookies), a viewport, and one page. `args` adds
 * Chromium flags (the production stack's smoke test trusts nginx's certificate with one).
 */
export async function openPersona(options: {
  viewport: { width: number; height: number };
  refreshIntervalMs?: number;
  mobile?: boolean;
  args?: string[];
}): Promise<TPersona> {
  const profile = await mkdtemp(join(tmpdir(), 'dispatch-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...FLAGS, ...(options.args ?? [])],
    viewport: options.viewport,
    isMobile: options.mobile ?? false,
    hasTouch: options.mobile ?? false,
    deviceScaleFactor: 1,
  });
  if (options.refreshIntervalMs) {
    const ms = String(options.refreshIntervalMs);
    // Runs in the page. Typed without the DOM library: the server's stack smoke test compiles
    // this file too.
    type TPageGlobal = { localStorage: { setItem: (key: string, value: string) => void } };
    await context.addInitScript(
      (value) =>
        (globalThis as unknown as TPageGlobal).localStorage.setItem(
          'dispatch.refreshIntervalMs',
          value,
        ),
      ms,
    );
  }
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    context,
    page,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Opens the app; it sends the person to the local provider's login page; they sign in there. */
export async function signIn(
  page: Page,
  appUrl: string,
  username: string,
  password: string,
  path = '/',
) {
  await page.goto(`${appUrl}${path}`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === appUrl);
}
