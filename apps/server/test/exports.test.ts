import { createCaller } from '@dispatch/api';
import { countAllRows } from '@dispatch/db/testing';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@dispatch/domain';
import pino from 'pino';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestBrowser } from './helpers/browser';
import { startStack, type TStack } from './helpers/stack';
import { mintAccessToken } from './helpers/tokens';

/**
 * The CSV downloads over real HTTP: who may fetch them, that they apply the list's filters and
 * validate parameters like the procedures, that they stream, and that the equipment and driver
 * files go back into the import unchanged.
 */

let stack: TStack;
const tokens: Record<string, string> = {};
let api: ReturnType<typeof createCaller>;
const types: Record<string, string> = {};

beforeAll(async () => {
  stack = await startStack();
  for (const role of ['viewer', 'driver', 'dispatcher', 'admin']) {
    tokens[role] = await mintAccessToken(stack, `sub-${role}`, [role]);
  }
  api = createCaller({
    db: stack.tdb.db,
    principal: { subject: 'setup', name: 'Test setup', roles: ['admin'] },
    log: pino({ level: 'silent' }),
    requestId: 'setup',
  });
  await api.settings.update({ autoDispatch: false });
  for (const name of ['crane', 'flatbed']) {
    types[name] = (await api.equipmentTypes.create({ name })).id;
  }
});
afterAll(() => stack?.stop());

const typeId = (name: string) => types[name] ?? '';

function download(path: string, role: string | null = 'viewer') {
  return fetch(`${stack.url}${path}`, {
    headers: role ? { authorization: `Bearer ${tokens[role]}` } : {},
  });
}

/** Rows of a CSV answer (the BOM removed), header first. */
async function rowsOf(response: Response): Promise<string[][]> {
  return parseRfc4180((await csvText(response)).slice(1));
}

/** The body exactly as sent, BOM included (Response.text() would drop it). */
async function csvText(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder('utf-8', { ignoreBOM: true, fatal: true }).decode(bytes);
}

/**
 * A strict RFC 4180 reader (CRLF between records, quoted fields with doubled quotes), written here
 * so the server's output is checked by something other than the library that wrote it.
 */
function parseRfc4180(text: string): string[][] {
  const records: string[][] = [];
  const pattern = /("(?:[^"]|"")*"|[^",\r\n]*)(,|\r\n|$)/y;
  let record: string[] = [];
  while (pattern.lastIndex < text.length) {
    const match = pattern.exec(text);
    if (!match) throw new Error(`not RFC 4180 CSV at offset ${pattern.lastIndex}`);
    const [, field = '', end] = match;
    record.push(field.startsWith('"') ? field.slice(1, -1).replaceAll('""', '"') : field);
    if (end !== ',') {
      records.push(record);
      record = [];
    }
  }
  return records;
}

function postImport(kind: 'equipment' | 'drivers', csv: string) {
  return fetch(`${stack.url}/trpc/imports.${kind}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
    body: JSON.stringify(superjson.serialize({ csv, mode: 'dry_run' })),
  });
}

async function importOverHttp(kind: 'equipment' | 'drivers', csv: string) {
  const response = await postImport(kind, csv);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { result: { data: { json: unknown } } };
  return body.result.data.json as { rows: number; unchanged: number; rejected: unknown[] };
}

describe('who may download', () => {
  it('refuses anonymous callers (401) and drivers (403), and lets readers in', async () => {
    const anonymous = await download('/export/equipment.csv', null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect(await anonymous.json()).toEqual({ error: 'unauthorized', message: 'Sign in first.' });

    const driver = await download('/export/work-orders.csv', 'driver');
    expect(driver.status).toBe(403);
    expect(await driver.json()).toEqual({ error: 'forbidden', message: 'Your role may not read.' });

    for (const role of ['viewer', 'dispatcher', 'admin']) {
      for (const path of [
        '/export/work-orders.csv',
        '/export/equipment.csv',
        '/export/drivers.csv',
      ]) {
        const response = await download(path, role);
        expect(response.status, `${role} ${path}`).toBe(200);
        await response.arrayBuffer();
      }
    }
  });

  it('refuses a bad bearer token like /trpc does', async () => {
    const response = await fetch(`${stack.url}/export/equipment.csv`, {
      headers: { authorization: `Bearer ${tokens.viewer?.slice(0, -4)}AAAA` },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_token' });
  });

  it('takes a browser session only with the CSRF header, as tRPC queries do', async () => {
    const browser = new TestBrowser();
    await browser.signIn(stack.url, 'viewer', stack.user('viewer').password);
    const bare = await browser.fetch(`${stack.url}/export/equipment.csv`);
    expect(bare.status).toBe(403);
    expect(await bare.json()).toEqual({ error: 'forbidden', reason: 'CSRF_CHECK_FAILED' });
    const withHeader = await browser.fetch(`${stack.url}/export/equipment.csv`, {
      headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
    });
    expect(withHeader.status).toBe(200);
    expect((await rowsOf(withHeader))[0]).toEqual(['code', 'name', 'type', 'status']);
  });
});

describe('the work-order download', () => {
  it('is a streamed CSV attachment named for today', async () => {
    const response = await download('/export/work-orders.csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="work-orders-${new Date().toISOString().slice(0, 10)}.csv"`,
    );
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect((await rowsOf(response))[0]?.slice(0, 4)).toEqual([
      'reference',
      'title',
      'status',
      'priority',
    ]);
  });

  it('applies the list filters, given as repeated or comma-separated parameters', async () => {
    const made = [
      await api.workOrders.create({
        title: 'Harbour lift',
        siteAddress: 'Quay 1',
        equipmentTypeId: typeId('crane'),
        priority: 'urgent',
      }),
      await api.workOrders.create({
        title: 'Harbour haul',
        siteAddress: 'Quay 2',
        equipmentTypeId: typeId('flatbed'),
        priority: 'urgent',
      }),
      await api.workOrders.create({
        title: 'Harbour low',
        siteAddress: 'Quay 3',
        equipmentTypeId: typeId('crane'),
        priority: 'low',
      }),
      await api.workOrders.create({
        title: 'Inland lift',
        siteAddress: 'Depot',
        equipmentTypeId: typeId('crane'),
        priority: 'high',
      }),
    ];
    await api.workOrders.cancel({ id: made[3]?.id ?? '', reason: 'No longer needed' });
    const refs = made.map((o) => o.reference);
    const query = async (params: string) => {
      const response = await download(`/export/work-orders.csv?${params}`);
      expect(response.status).toBe(200);
      return (await rowsOf(response)).slice(1).map((row) => row[0]);
    };
    expect(await query(`search=harbour&equipmentTypeId=${typeId('crane')}`)).toEqual([
      refs[2],
      refs[0],
    ]);
    expect(await query('search=harbour&priorities=urgent&priorities=high')).toEqual([
      refs[1],
      refs[0],
    ]);
    expect(await query('priorities=urgent,high&statuses=queued')).toEqual([refs[1], refs[0]]);
    expect(await query('statuses=cancelled')).toEqual([refs[3]]);
    expect(await query('search=harbour+lift')).toEqual([refs[0]]);
    // The same filter through the list procedure gives the same orders in the same order.
    const listed = await api.workOrders.list({
      search: 'harbour',
      priorities: ['urgent', 'high'],
      limit: 100,
    });
    expect(listed.items.map((o) => o.reference)).toEqual([refs[1], refs[0]]);
  });

  it('answers 400 with the schema message, and no CSV, for bad parameters', async () => {
    const cases: [string, RegExp][] = [
      ['statuses=bogus', /^Invalid query parameters\. statuses\.0: Invalid option/],
      ['equipmentTypeId=42', /equipmentTypeId: Must be a valid id\./],
      ['status=queued', /status: not a parameter of this export\./],
      [`search=${'x'.repeat(101)}`, /search: Use at most 100 characters\./],
      ['search=a%00b', /search: Must not contain control characters\./],
      ['limit=5', /limit: not a parameter of this export\./],
    ];
    for (const [params, message] of cases) {
      const response = await download(`/export/work-orders.csv?${params}`);
      expect(response.status, params).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe('bad_request');
      expect(body.message).toMatch(message);
    }
  });

  it('streams 20,000 orders completely, newest first', async () => {
    await stack.tdb.sql`
      insert into work_orders (title, site_address, equipment_type_id, priority, status,
                               created_by_subject, created_by_name, description)
      select 'Bulk order ' || g, 'Bulk site, "yard" ' || g, ${typeId('flatbed')}, 'low', 'new',
             'sub-bulk', 'Bulk Loader', '=SUM(1) on line one' || chr(10) || 'line two ' || g
      from generate_series(1, 20000) g`;
    const [{ n: total } = { n: 0 }] = await stack.tdb.sql<{ n: number }[]>`
      select count(*)::int as n from work_orders`;
    const response = await download('/export/work-orders.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const rows = await rowsOf(response);
    expect(rows).toHaveLength(total + 1);
    const bulk = rows.filter((row) => row[1]?.startsWith('Bulk order '));
    expect(bulk).toHaveLength(20_000);
    expect(bulk[0]?.slice(1, 2)).toEqual(['Bulk order 20000']);
    expect(bulk.at(-1)?.[5]).toBe('Bulk site, "yard" 1');
    expect(bulk.at(-1)?.at(-1)).toBe("'=SUM(1) on line one\nline two 1");
    const numbers = rows.slice(1).map((row) => Number(row[0]?.slice(3)));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  });
});

describe('export, then import', () => {
  it('re-imports the equipment file with zero rejections and every row unchanged', async () => {
    await api.equipment.create({ code: 'RT-1', name: 'Crane, "big" one', typeId: typeId('crane') });
    await api.equipment.create({ code: 'RT-2', name: '=2+3 @ Zoë', typeId: typeId('flatbed') });
    const rt3 = await api.equipment.create({
      code: 'RT-3',
      name: '-resting',
      typeId: typeId('flatbed'),
    });
    await api.equipment.setStatus({ id: rt3.id, status: 'maintenance' });
    const response = await download('/export/equipment.csv');
    expect(response.headers.get('content-disposition')).toMatch(
      /filename="equipment-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const text = await csvText(response);
    expect(text).toContain(`RT-2,'=2+3 @ Zoë,flatbed,available\r\n`);
    const before = await countAllRows(stack.tdb.sql);
    const report = await importOverHttp('equipment', text);
    expect(report).toMatchObject({ rows: 3, unchanged: 3, rejected: [] });
    expect(await countAllRows(stack.tdb.sql)).toEqual(before);
  });

  it('re-imports the drivers file with zero rejections and every row unchanged', async () => {
    await api.drivers.create({
      name: 'Ann Lee',
      phone: '+44 20 7946 0958',
      email: 'ann@example.com',
      qualificationTypeIds: [typeId('crane'), typeId('flatbed')],
    });
    await api.drivers.create({
      name: '@Bo "B" Ray',
      phone: '0161 496 0000',
      email: 'bo@example.com',
    });
    const text = await csvText(await download('/export/drivers.csv', 'admin'));
    expect(text).toContain(`Ann Lee,'+44 20 7946 0958,ann@example.com,crane;flatbed,available\r\n`);
    const report = await importOverHttp('drivers', text);
    expect(report).toMatchObject({ rows: 2, unchanged: 2, rejected: [] });
  });
});

describe('import file sizes over HTTP', () => {
  /** 5,000 rows whose names are all quotes: each doubles in the CSV and again in the JSON body. */
  const quoteHeavy = (nameLength: number) =>
    [
      'code,name,type',
      ...Array.from({ length: 5000 }, (_, i) => `SZ-${i},"${'""'.repeat(nameLength)}",crane`),
    ].join('\n');

  it("takes a file whose JSON body is well over Fastify's default 1 MiB", async () => {
    const csv = quoteHeavy(100);
    expect(csv.length).toBeGreaterThan(1_000_000);
    const body = JSON.stringify(superjson.serialize({ csv, mode: 'dry_run' }));
    expect(body.length).toBeGreaterThan(2 * 1024 * 1024);
    const report = await importOverHttp('equipment', csv);
    expect(report).toMatchObject({ rows: 5000, rejected: [] });
  });

  it('refuses a file over 2 MB with the schema message, and a larger body with 413', async () => {
    const tooBig = `code,name,type\n${'x'.repeat(2 * 1024 * 1024)}`;
    const refused = await postImport('equipment', tooBig);
    expect(refused.status).toBe(400);
    const error = (await refused.json()) as { error: { json: { message: string } } };
    expect(error.error.json.message).toContain(
      'The file is larger than 2 MB; split it into smaller files.',
    );
    const huge = await postImport('equipment', 'x'.repeat(7 * 1024 * 1024));
    expect(huge.status).toBe(413);
  });
});

describe('the report downloads', () => {
  const day = 24 * 3600 * 1000;
  const window = () => {
    const from = new Date(Math.floor(Date.now() / day) * day - day);
    const to = new Date(from.getTime() + 3 * day);
    return { from: from.toISOString(), to: to.toISOString() };
  };

  it('writes the completion report as one table: buckets by local day, then totals', async () => {
    const { from, to } = window();
    const fresh = await Promise.all([
      api.workOrders.create({
        title: 'R1',
        siteAddress: 'X',
        equipmentTypeId: typeId('crane'),
        priority: 'urgent',
      }),
      api.workOrders.create({
        title: 'R2',
        siteAddress: 'X',
        equipmentTypeId: typeId('crane'),
        priority: 'urgent',
      }),
      api.workOrders.create({
        title: 'R3',
        siteAddress: 'X',
        equipmentTypeId: typeId('crane'),
        priority: 'low',
      }),
    ]);
    await api.workOrders.cancel({ id: fresh[2]?.id ?? '', reason: 'Not needed' });
    const params = new URLSearchParams({ from, to, groupBy: 'day', timeZone: 'Europe/Berlin' });
    const response = await download(`/export/completion.csv?${params}`, 'viewer');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /filename="completion-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const [header, ...rows] = await rowsOf(response);
    expect(header).toEqual([
      'scope',
      'bucket_date',
      'bucket_start',
      'bucket_end',
      'priority',
      'created',
      'dispatched',
      'completed',
      'cancelled',
      'median_time_to_dispatch_seconds',
      'p90_time_to_dispatch_seconds',
      'median_time_to_complete_seconds',
      'p90_time_to_complete_seconds',
      'completed_with_due_by',
      'completed_on_time',
      'on_time_share',
    ]);
    // What the procedure says, for the same input: every figure, in the same order.
    const report = await api.reports.completion({
      from: new Date(from),
      to: new Date(to),
      groupBy: 'day',
      timeZone: 'Europe/Berlin',
    });
    const buckets = rows.filter((r) => r[0] === 'bucket');
    expect(buckets).toHaveLength(report.buckets.length);
    for (const [i, bucket] of report.buckets.entries()) {
      expect(buckets[i]?.slice(2, 6)).toEqual([
        bucket.bucketStart.toISOString(),
        bucket.bucketEnd.toISOString(),
        bucket.priority,
        String(bucket.created),
      ]);
    }
    // Berlin midnight is 22:00 or 23:00 UTC the day before, so two hours later it is the Berlin
    // day in UTC too: that is the date bucket_date must show.
    for (const bucket of buckets) {
      expect(bucket[2]).toMatch(/T2[23]:00:00\.000Z$/);
      const twoHoursLater = new Date(new Date(bucket[2] ?? '').getTime() + 2 * 3600 * 1000);
      expect(bucket[1]).toBe(twoHoursLater.toISOString().slice(0, 10));
    }
    const totals = rows.filter((r) => r[0] === 'total');
    expect(totals.map((r) => r.slice(0, 5))).toEqual(
      ['urgent', 'high', 'standard', 'low', 'all'].map((p) => ['total', '', from, to, p]),
    );
    // The `all` row against the database itself: orders created and cancelled in the window.
    const [counted] = await stack.tdb.sql<{ created: number; cancelled: number }[]>`
      select count(*) filter (where created_at >= ${from} and created_at < ${to})::int as created,
             count(*) filter (where cancelled_at >= ${from} and cancelled_at < ${to})::int as cancelled
      from work_orders`;
    const all = totals.at(-1) ?? [];
    expect([all[5], all[8]]).toEqual([String(counted?.created), String(counted?.cancelled)]);
    expect(Number(all[5])).toBeGreaterThanOrEqual(3);
    // Undefined figures (no dispatch, no due-by) are empty cells, not zeros.
    expect(all.slice(9, 13)).toEqual(['', '', '', '']);
    expect(all[15]).toBe('');
  });

  it('writes each part of the utilisation report, the fleet as the last type row', async () => {
    const { from, to } = window();
    const types = await download(`/export/utilization.csv?from=${from}&to=${to}&part=types`);
    expect(types.status).toBe(200);
    expect(types.headers.get('content-disposition')).toMatch(
      /filename="utilization-types-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const [typeHeader, ...typeRows] = await rowsOf(types);
    expect(typeHeader).toEqual([
      'type',
      'equipment_count',
      'window_hours',
      'assigned_hours',
      'maintenance_hours',
      'out_of_service_hours',
      'unavailable_hours',
      'available_hours',
      'utilization',
    ]);
    const report = await api.reports.utilization({ from: new Date(from), to: new Date(to) });
    // Hours run up to now, so a second reading is a moment later: the same to two decimals.
    const fleet = typeRows.at(-1) ?? [];
    expect(fleet.slice(0, 2)).toEqual(['(fleet)', String(report.fleet.equipmentCount)]);
    expect(Number(fleet[2])).toBeCloseTo(report.fleet.windowHours, 2);
    expect(typeRows.slice(0, -1).map((r) => r[0])).toEqual(report.types.map((t) => t.typeName));

    const units = await rowsOf(await download(`/export/utilization.csv?from=${from}&to=${to}`));
    expect(units[0]?.slice(0, 3)).toEqual(['code', 'name', 'type']);
    expect(units.slice(1).map((r) => r[0])).toEqual(report.equipment.map((e) => e.code));
    const drivers = await rowsOf(
      await download(`/export/utilization.csv?from=${from}&to=${to}&part=drivers`),
    );
    expect(drivers[0]).toEqual(['name', 'dispatch_count', 'dispatch_hours']);
    expect(drivers).toHaveLength(report.drivers.length + 1);
  });

  it('checks report parameters with the report schemas, and the read role', async () => {
    const { from, to } = window();
    const cases: [string, RegExp][] = [
      [
        `/export/completion.csv?from=${from}&to=${to}&groupBy=month`,
        /groupBy: Choose day or week\./,
      ],
      [
        `/export/completion.csv?from=${to}&to=${from}&groupBy=day`,
        /to: Must be after the start \(from\)\./,
      ],
      [
        `/export/completion.csv?from=${from}&to=${to}&groupBy=day&timeZone=Mars/Olympus`,
        /timeZone: Unknown time zone/,
      ],
      [
        `/export/completion.csv?from=yesterday&to=${to}&groupBy=day`,
        /from: Must be a date and time\./,
      ],
      [
        `/export/utilization.csv?from=${from}&to=${to}&part=units`,
        /part: Use equipment, types, drivers\./,
      ],
      [
        `/export/utilization.csv?from=${from}&to=${to}&groupBy=day`,
        /groupBy: not a parameter of this export\./,
      ],
    ];
    for (const [path, message] of cases) {
      const response = await download(path);
      expect(response.status, path).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(message);
    }
    const refused = await download(
      `/export/completion.csv?from=${from}&to=${to}&groupBy=day`,
      'driver',
    );
    expect(refused.status).toBe(403);
    const anonymous = await download(`/export/utilization.csv?from=${from}&to=${to}`, null);
    expect(anonymous.status).toBe(401);
  });
});
