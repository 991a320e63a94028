import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@dispatch/db/free-port';
import { startEmbeddedProcess, type TEmbeddedRun } from '@dispatch/server/testing';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { openPersona, type TPersona } from './chromium';

const WEB_DIST = join(import.meta.dirname, '..', '..', 'dist');
/** Where end-to-end tests put their screenshots and downloads. */
export const RESULTS = join(import.meta.dirname, '..', '..', 'test-results');

/**
 * The real product for one test file: `pnpm start`'s embedded mode (local PostgreSQL, local
 * OpenID provider, demo data) on a temporary data directory, serving the built web app. Started
 * before the file's tests and stopped after them, with every Chromium persona opened through it.
 */
export function useEmbeddedApp() {
  let dataDir = '';
  let run: TEmbeddedRun | undefined;
  let url = '';
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
    url = `http://localhost:${appPort}`;
  });
  // Each test's browsers close when it ends. Left open, the personas of earlier tests (three of
  // them polling every second) starved later tests of CPU: the viewer test, last in its file, took
  // 25 s and sometimes missed its wait for the dashboard.
  afterEach(async () => {
    await Promise.all(personas.splice(0).map((p) => p.close()));
  });
  afterAll(async () => {
    await Promise.all(personas.splice(0).map((p) => p.close()));
    await run?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  return {
    /** The app's base URL, e.g. http://localhost:41234 (set once the app is ready). */
    get url() {
      return url;
    },
    /** The demo login's password the app printed at start. */
    password(user: Parameters<TEmbeddedRun['password']>[0]) {
      if (!run) throw new Error('the embedded app is not started yet');
      return run.password(user);
    },
    /** A fresh Chromium profile, closed when the test ends. */
    async persona(options: Parameters<typeof openPersona>[0]) {
      const opened = await openPersona(options);
      personas.push(opened);
      return opened;
    },
  };
}
