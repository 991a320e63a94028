import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import postgres from 'postgres';
import superjson from 'superjson';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openPersona, signIn } from '../../web/test/e2e/chromium';
import { digestAllRows } from '@dispatch/db/testing';
import { httpsRequest } from '../test/helpers/https-request';
import { loadStackSettings } from './stack-settings';

/*
 * The production stack as deploy/ci/stack.sh started it: the images built from deploy/*.Dockerfile,
 * docker-compose.yml with deploy/ci/compose.ci.yml, every container on the host network. Every
 * request goes through nginx over HTTPS, trusting only the project's CA.
 */
const stack = loadStackSettings();
const origin = stack.publicUrl;

/** HTTPS to nginx on loopback, by the public name (its certificate's), trusting our CA only. */
const call = (
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
) => httpsRequest(`${origin}${path}`, { ...options, ca: stack.ca, connectTo: '127.0.0.1' });

/** The app's database over TLS as its own role, or without TLS to see it refused. */
const database = (ssl: false | { ca: string; servername: string }) =>
  postgres({
    host: '127.0.0.1',
    port: stack.dbPort,
    user: 'dispatch',
    password: stack.dbPassword,
    database: 'dispatch',
    ssl,
    max: 1,
    connect_timeout: 10,
  });
const verifiedTls = { ca: stack.ca, servername: 'postgres' };

/** One field of `docker inspect` for a container. */
const inspect = (container: string, format: string) =>
  execFileSync('docker', ['inspect', '-f', format, container], { encoding: 'utf8' }).trim();

async function scriptToken(): Promise<string> {
  const answer = await call('/idp/realms/dispatch/token', {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`dispatch-scripts:${stack.scriptsSecret}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  expect(answer.status, answer.body).toBe(200);
  return (JSON.parse(answer.body) as { access_token: string }).access_token;
}

let token = '';
async function procedure<T>(path: string, input?: unknown): Promise<T> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const answer =
    input === undefined
      ? await call(`/trpc/${path}`, { headers })
      : await call(`/trpc/${path}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(superjson.serialize(input)),
        });
  expect(answer.status, `${path}: ${answer.body}`).toBe(200);
  const parsed = JSON.parse(answer.body) as { result: { data: unknown } };
  return superjson.deserialize(parsed.result.data as never) as T;
}

function compose(...args: string[]): string {
  return execFileSync('docker-compose', [...stack.composeArgs, ...args], {
    cwd: stack.root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Polls until the app answers through nginx; then every one of `then` requests must be 200. */
async function waitUntilServing(then = 20): Promise<number> {
  const started = Date.now();
  for (;;) {
    const answer = await call('/healthz').catch(() => ({ status: 0, body: '' }));
    if (answer.status === 200) break;
    if (Date.now() - started > 120_000) throw new Error(`not serving: ${answer.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  const waited = Date.now() - started;
  for (let i = 0; i < then; i++) expect((await call('/healthz')).status).toBe(200);
  return waited;
}

const typeNames = async () =>
  (await procedure<{ name: string }[]>('equipmentTypes.list')).map((t) => t.name);

beforeAll(async () => {
  token = await scriptToken();
});

describe('the production stack (built images, host network, through nginx)', () => {
  it('serves health, the web app and its security headers over HTTPS from our CA', async () => {
    const health = await call('/healthz');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    expect(health.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(health.headers['x-content-type-options']).toBe('nosniff');
    expect(health.headers['content-security-policy']).toContain("default-src 'self'");
    const page = await call('/work-orders/any');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
  });

  it('runs on Node 24 in the app image', () => {
    const version = execFileSync(
      'docker',
      ['run', '--rm', '--network', 'host', '--entrypoint', 'node', stack.appImage, '--version'],
      { encoding: 'utf8' },
    );
    expect(version.trim()).toMatch(/^v24\./);
  });

  it('a script calls procedures with a bearer token from the provider behind /idp', async () => {
    await procedure('equipmentTypes.create', { name: 'smoke-crane' });
    expect(await typeNames()).toContain('smoke-crane');
    const me = await procedure<{ roles: string[] }>('me.get');
    expect(me.roles).toEqual(['admin']);
    expect((await call('/trpc/me.get')).status).toBe(401);
  });

  it('a dispatcher signs in in Chromium and dispatches an order in the UI', async () => {
    await procedure('settings.update', { autoDispatch: false });
    const types = await procedure<{ id: string; name: string }[]>('equipmentTypes.list');
    const crane = types.find((t) => t.name === 'smoke-crane');
    await procedure('equipment.create', {
      code: 'SMK-1',
      name: 'Smoke crane 1',
      typeId: crane?.id,
    });
    await procedure('drivers.create', {
      name: 'Sid Smoke',
      phone: '+44 20 7946 0958',
      email: 'sid.smoke@example.com',
      qualificationTypeIds: [crane?.id],
    });

    // Debian's Chromium as the web app's end-to-end tests start it. Our CA is not in its store:
    // it trusts exactly nginx's certificate, by its key.
    const person = await openPersona({
      viewport: DESKTOP,
      args: [`--ignore-certificate-errors-spki-list=${stack.nginxSpki}`],
    });
    try {
      const page = person.page;
      page.setDefaultTimeout(20_000);
      await signIn(page, origin, 'dispatcher', stack.password('dispatcher'));

      await page.goto(`${origin}/work-orders/new`);
      await page.getByLabel('Title').fill('Smoke: lift at pier 9');
      await page.getByLabel('Site address').fill('Pier 9, Harbour Road');
      await page.getByRole('combobox', { name: 'Equipment type' }).click();
      await page.getByRole('option', { name: 'smoke-crane' }).first().click();
      await page.getByRole('button', { name: 'Create work order' }).click();
      await page.waitForURL(/\/work-orders\/[0-9a-f-]{36}$/);
      await page.getByRole('button', { name: 'Assign' }).click();
      const dialog = page.getByRole('dialog');
      await page.getByRole('combobox', { name: 'Driver' }).click();
      await page.getByRole('option', { name: 'Sid Smoke' }).first().click();
      await dialog.getByRole('button', { name: 'Assign' }).click();
      await expect
        .poll(() => page.getByText('Dispatched', { exact: true }).first().isVisible())
        .toBe(true);
      await expect.poll(() => dialog.isVisible()).toBe(false);
      await expect.poll(() => page.getByText('Sid Smoke').first().isVisible()).toBe(true);
      await page.screenshot({ path: join(stack.ciDir, 'stack-dispatched-1440x900.png') });
    } finally {
      await person.close();
    }
  });

  it('keeps the data through `docker-compose restart app`', async () => {
    compose('restart', 'app');
    await waitUntilServing();
    expect(await typeNames()).toContain('smoke-crane');
  });

  it('routes to a recreated app container within seconds, and no 502 after that', async () => {
    compose('up', '-d', '--no-build', '--no-deps', '--force-recreate', 'app');
    const waited = await waitUntilServing(50);
    console.log(`recreated app served through nginx after ${waited} ms`);
    expect(await typeNames()).toContain('smoke-crane');
  });

  it('restarts the app by its restart policy after its process is killed with SIGKILL', async () => {
    const container = compose('ps', '-q', 'app').trim();
    const before = inspect(container, '{{.RestartCount}}');
    const init = inspect(container, '{{.State.Pid}}');
    // The container's init (init: true) runs the entrypoint's exec'd node: kill node itself.
    const node = execFileSync('pgrep', ['-P', init], { encoding: 'utf8' }).trim().split('\n')[0];
    execFileSync('kill', ['-KILL', node ?? '']);
    await expect
      .poll(() => inspect(container, '{{.RestartCount}}'), { timeout: 60_000, interval: 500 })
      .not.toBe(before);
    await waitUntilServing();
    expect(await typeNames()).toContain('smoke-crane');
  });

  it('keeps every row through `down` and `up -d`', async () => {
    const rows = (await procedure<unknown[]>('equipmentTypes.list')).length;
    const before = database(verifiedTls);
    const digest = await digestAllRows(before);
    await before.end();
    expect(digest.dispatches).not.toBe('');
    compose('down');
    compose('up', '-d', '--no-build');
    await waitUntilServing();
    const after = database(verifiedTls);
    expect(await digestAllRows(after)).toEqual(digest);
    await after.end();
    token = await scriptToken();
    expect((await procedure<unknown[]>('equipmentTypes.list')).length).toBe(rows);
    expect(await typeNames()).toContain('smoke-crane');
  });

  it('refuses plaintext database connections, and takes TLS ones', async () => {
    const plain = database(false);
    await expect(plain`select 1`).rejects.toThrow(/no encryption|pg_hba/);
    await plain.end();
    const tls = database(verifiedTls);
    const [row] = await tls<
      { ssl: boolean }[]
    >`select ssl from pg_stat_ssl where pid = pg_backend_pid()`;
    expect(row?.ssl).toBe(true);
    await tls.end();
  });
});
