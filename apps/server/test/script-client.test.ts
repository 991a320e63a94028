import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  TokenRequestError,
  createDispatchClient,
  getAccessToken,
  type TDispatchClientOptions,
} from '@dispatch/client';
import { formatReport, importEquipmentCsv } from '@dispatch/client/examples/import-equipment-csv';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type TStack } from './helpers/stack';

let stack: TStack;
let workDir: string;
beforeAll(async () => {
  stack = await startStack();
  workDir = mkdtempSync(join(tmpdir(), 'dispatch-import-'));
});
afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
  await stack?.stop();
});

/** A fetch that counts token requests and API requests, and can tamper with the next token. */
function countingFetch() {
  const counts = { token: 0, api: 0, tamperNextToken: false };
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith(`${stack.url}/trpc`)) counts.api++;
    const response = await globalThis.fetch(input, init);
    if (!url.startsWith(`${stack.issuer}/token`)) return response;
    counts.token++;
    if (!counts.tamperNextToken || !response.ok) return response;
    counts.tamperNextToken = false;
    // Same claims, broken signature: the API must refuse it, as it would a revoked token.
    const body = (await response.json()) as { access_token: string };
    body.access_token = `${body.access_token.slice(0, -6)}AAAAAA`;
    return new Response(JSON.stringify(body), {
      status: response.status,
      headers: response.headers,
    });
  };
  return { counts, fetch };
}

function options(overrides: Partial<TDispatchClientOptions> = {}): TDispatchClientOptions {
  return {
    url: stack.url,
    issuer: stack.issuer,
    clientId: stack.service.clientId,
    clientSecret: stack.service.clientSecret,
    audience: 'dispatch-api',
    allowInsecureHttp: true,
    ...overrides,
  };
}

const equipmentCount = async () =>
  (await stack.tdb.sql<{ n: number }[]>`select count(*)::int as n from equipment`)[0]?.n;

describe('script client (client credentials, bearer token)', () => {
  it('gets a service-account token once and calls queries and mutations as admin', async () => {
    const { counts, fetch } = countingFetch();
    const api = createDispatchClient(options({ fetch }));

    const me = await api.me.get.query();
    expect(me).toMatchObject({ roles: ['admin'], driverId: null });
    expect(me.capabilities).toContain('administer');

    const type = await api.equipmentTypes.create.mutate({ name: 'script-made' });
    expect(type).toMatchObject({ name: 'script-made', equipmentCount: 0 });
    const [types, again] = await Promise.all([api.equipmentTypes.list.query(), api.me.get.query()]);
    expect(types.map((t) => t.name)).toContain('script-made');
    expect(again.subject).toBe(me.subject);

    expect(counts.token).toBe(1);
    expect(counts.api).toBeGreaterThanOrEqual(3);
    const token = await getAccessToken(api);
    expect(decodeJwt(token)).toMatchObject({ aud: 'dispatch-api', iss: stack.issuer });
    expect(counts.token).toBe(1);
    // The token and the secret never reach the server's logs.
    expect(stack.rawLogs()).not.toContain(token);
    expect(stack.rawLogs()).not.toContain(stack.service.clientSecret);
  });

  it('renews the token when it expires', async () => {
    const { counts, fetch } = countingFetch();
    let time = Date.now();
    const api = createDispatchClient(options({ fetch, now: () => time }));
    await api.me.get.query();
    const first = await getAccessToken(api);
    const { exp = 0, iat = 0 } = decodeJwt(first);
    time += (exp - iat) * 1000; // the cached token is now past its lifetime
    const me = await api.me.get.query();
    expect(me.roles).toEqual(['admin']);
    expect(counts.token).toBe(2);
    expect(await getAccessToken(api)).not.toBe(first);
  });

  it('renews once when the API refuses the token, and the call still succeeds', async () => {
    const { counts, fetch } = countingFetch();
    counts.tamperNextToken = true;
    const api = createDispatchClient(options({ fetch }));
    const me = await api.me.get.query();
    expect(me.roles).toEqual(['admin']);
    expect(counts.token).toBe(2);
    expect(counts.api).toBe(2);
    expect(stack.logs.some((l) => l.msg === 'bearer token refused')).toBe(true);
  });

  it('fails clearly with a wrong client secret, without echoing it', async () => {
    const wrongSecret = 'definitely-not-the-secret';
    const api = createDispatchClient(options({ clientSecret: wrongSecret }));
    const error = await api.me.get.query().then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(
      /dispatch-scripts.*invalid_client.*Check the client id and secret/,
    );
    expect(error?.message).not.toContain(wrongSecret);
    expect(error?.cause).toBeInstanceOf(TokenRequestError);
    await expect(getAccessToken(api)).rejects.toBeInstanceOf(TokenRequestError);
  });

  it('refuses plain http unless allowed', () => {
    expect(() => createDispatchClient(options({ allowInsecureHttp: false }))).toThrow(
      /does not use https/,
    );
  });
});

describe('CSV import example', () => {
  const csv = [
    'code,name,type',
    'IMP-1,Import flatbed one,flatbed',
    'IMP-2,Import crane,crane-50t',
    'IMP-3,Import mystery,hovercraft',
    'imp-4 , Import flatbed two ,Flatbed',
  ].join('\n');

  it('imports the good rows, reports the bad one by line, and a re-run creates nothing', async () => {
    const api = createDispatchClient(options());
    await api.equipmentTypes.create.mutate({ name: 'flatbed' });
    await api.equipmentTypes.create.mutate({ name: 'crane-50t' });
    const before = await equipmentCount();

    const report = await importEquipmentCsv({ client: api, csvText: csv });
    expect(report).toMatchObject({ imported: 3, rejected: 1 });
    expect(report.outcomes).toEqual([
      expect.objectContaining({ line: 2, status: 'imported', code: 'IMP-1' }),
      expect.objectContaining({ line: 3, status: 'imported', code: 'IMP-2' }),
      {
        line: 4,
        status: 'rejected',
        code: 'IMP-3',
        reason: expect.stringMatching(/unknown equipment type "hovercraft"/),
      },
      expect.objectContaining({
        line: 5,
        status: 'imported',
        code: 'IMP-4',
        name: 'Import flatbed two',
      }),
    ]);
    expect(await equipmentCount()).toBe((before ?? 0) + 3);
    const rows = await stack.tdb.sql<{ code: string; type: string }[]>`
      select e.code, t.name as type from equipment e join equipment_types t on t.id = e.type_id
      where e.code like 'IMP-%' order by e.code`;
    expect(rows).toEqual([
      { code: 'IMP-1', type: 'flatbed' },
      { code: 'IMP-2', type: 'crane-50t' },
      { code: 'IMP-4', type: 'flatbed' },
    ]);
    expect(formatReport(report.outcomes)).toContain(
      'line 4: rejected IMP-3: unknown equipment type "hovercraft"',
    );

    // Run it again: the same keys replay the first results, nothing new is created.
    const rerun = await importEquipmentCsv({ client: api, csvText: csv });
    expect(rerun).toMatchObject({ imported: 3, rejected: 1 });
    expect(rerun.outcomes.map((o) => (o.status === 'imported' ? o.id : null))).toEqual(
      report.outcomes.map((o) => (o.status === 'imported' ? o.id : null)),
    );
    expect(await equipmentCount()).toBe((before ?? 0) + 3);
  });

  it('reports every kind of bad row with its line and reason', async () => {
    const api = createDispatchClient(options());
    await api.equipment.create.mutate({
      code: 'HAND-1',
      name: 'Made in the app',
      typeId: (await api.equipmentTypes.list.query()).find((t) => t.name === 'flatbed')!.id,
    });
    const before = await equipmentCount();
    const report = await importEquipmentCsv({
      client: api,
      csvText: [
        'name,type,code,notes',
        'Bad code,flatbed,T 1!,',
        ',flatbed,EMPTY-NAME,',
        'Good one,flatbed,OK-1,first',
        'Same code again,flatbed,ok-1,',
        'Exists already,flatbed,HAND-1,',
        'Renamed since the first import,flatbed,IMP-1,',
        'Short row',
        '',
      ].join('\n'),
    });
    const reasons = Object.fromEntries(
      report.outcomes.map((o) => [o.line, o.status === 'rejected' ? o.reason : 'imported']),
    );
    expect(reasons).toEqual({
      2: expect.stringMatching(/^bad input: code: Use letters, digits and dashes/),
      3: 'bad input: name: Required.',
      4: 'imported',
      5: 'duplicate code: OK-1 is also on line 4',
      6: 'duplicate code: equipment HAND-1 already exists',
      7: expect.stringMatching(/IMP-1 was imported before with a different name or type/),
      8: expect.stringMatching(/^bad input: .*type: Required\./),
    });
    expect(report).toMatchObject({ imported: 1, rejected: 6 });
    expect(await equipmentCount()).toBe((before ?? 0) + 1);
  });

  it('runs as a command: exit 1 with a rejected row, 0 when all are in, 2 when misconfigured', async () => {
    const clientDir = fileURLToPath(new URL('../../../packages/client/', import.meta.url));
    const tsx = join(clientDir, 'node_modules/.bin/tsx');
    const run = (args: string[], env: Record<string, string>) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(tsx, ['examples/import-equipment.ts', ...args], {
          cwd: clientDir,
          env: { PATH: process.env.PATH ?? '', ...env },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const env = {
      DISPATCH_URL: stack.url,
      DISPATCH_ISSUER: stack.issuer,
      DISPATCH_CLIENT_ID: stack.service.clientId,
      DISPATCH_CLIENT_SECRET: stack.service.clientSecret,
      DISPATCH_ALLOW_INSECURE_HTTP: 'true',
    };
    const mixed = join(workDir, 'mixed.csv');
    writeFileSync(
      mixed,
      'code,name,type\nCLI-1,From the command line,flatbed\nCLI-2,Nope,zeppelin\n',
    );
    const good = join(workDir, 'good.csv');
    writeFileSync(good, 'code,name,type\nCLI-1,From the command line,flatbed\n');

    const first = await run(['--file', mixed], env);
    expect(first.stdout).toContain('line 2: imported CLI-1 (From the command line)');
    expect(first.stdout).toContain('line 3: rejected CLI-2: unknown equipment type "zeppelin"');
    expect(first.stdout).toContain('1 imported, 1 rejected.');
    expect(first.code).toBe(1);

    const second = await run(['--file', good], env);
    expect(second.stdout).toContain('1 imported, 0 rejected.');
    expect(second.code).toBe(0);

    const { DISPATCH_CLIENT_SECRET: _secret, ...withoutSecret } = env;
    const misconfigured = await run(['--file', good], withoutSecret);
    expect(misconfigured.stderr).toMatch(/clientSecret: Give the client secret/);
    expect(misconfigured.code).toBe(2);

    const wrongSecret = await run(['--file', good], { ...env, DISPATCH_CLIENT_SECRET: 'wrong' });
    expect(wrongSecret.stderr).toMatch(/invalid_client/);
    expect(wrongSecret.code).toBe(2);
    expect(
      await stack.tdb.sql`select 1 from equipment where code in ('CLI-1', 'CLI-2')`,
    ).toHaveLength(1);
  });
});
