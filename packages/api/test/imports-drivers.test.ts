import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvStream } from '../src/csv/write-csv';
import { driversCsv } from '../src/exports/drivers';
import { fleet } from './helpers/fleet';
import { countRows, createHarness, type THarness } from './helpers/harness';

let h: THarness;
let f: ReturnType<typeof fleet>;
let crane: { id: string };
let flatbed: { id: string };
let busyReference: string;

beforeAll(async () => {
  h = await createHarness({ max: 12 });
  f = fleet(h);
  await f.autoDispatch(false);
  crane = await h.admin.equipmentTypes.create({ name: 'crane' });
  flatbed = await h.admin.equipmentTypes.create({ name: 'flatbed' });
  await driver('Ann Lee', 'ann@example.com', [crane.id]);
  const busy = await driver('Bo Busy', 'bo@example.com', [crane.id]);
  const unit = await f.equipment(crane.id, 'C-1');
  const order = await f.order(crane.id);
  await h.dispatcher.dispatch.assign({
    workOrderId: order.id,
    equipmentId: unit.id,
    driverId: busy.id,
  });
  busyReference = order.reference;
  // Two drivers share an email: the database allows it, the import refuses to guess.
  await driver('Twin One', 'twin@example.com', []);
  await driver('Twin Two', 'TWIN@example.com', []);
});
afterAll(() => h.destroy());

function driver(name: string, email: string, qualificationTypeIds: string[]) {
  return h.admin.drivers.create({ name, phone: '+44 20 7946 0000', email, qualificationTypeIds });
}

const csv = (...lines: string[]) => lines.join('\n');
const importDrivers = (text: string, mode: 'dry_run' | 'commit') =>
  h.admin.imports.drivers({ csv: text, mode });

async function driverRow(email: string) {
  const [row] = await h.tdb.sql<
    { id: string; name: string; phone: string; status: string; types: string | null }[]
  >`
    select d.id, d.name, d.phone, d.status,
           string_agg(t.name, ';' order by t.name) as types
    from drivers d
    left join driver_qualifications q on q.driver_id = d.id
    left join equipment_types t on t.id = q.equipment_type_id
    where lower(d.email) = lower(${email}) group by d.id`;
  return row ?? null;
}

async function exportText() {
  const chunks: Buffer[] = [];
  for await (const chunk of csvStream(driversCsv(h.tdb.db))) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

describe('imports.drivers dry run', () => {
  it('reports every bad row with its line and reasons, and writes nothing', async () => {
    const before = await countRows(h.tdb);
    const report = await importDrivers(
      csv(
        'name,phone,email,qualifications,status',
        'New Driver,+44 20 7946 0001,new@example.com,crane;flatbed,',
        'Bad Contact,call me,not-an-email,crane,',
        '"Nina',
        'Newline",+44 20 7946 0002,nina@example.com,,',
        'Unknown Types,+44 20 7946 0003,types@example.com,crane;hovercraft;boat,',
        'Again,+44 20 7946 0004,NEW@example.com,,',
        'Bo Busy,+44 20 7946 0000,bo@example.com,crane,off_duty',
        'Twin,+44 20 7946 0005,twin@example.com,,',
        'Starts Busy,+44 20 7946 0006,busy@example.com,,assigned',
        'Twice,+44 20 7946 0007,twice@example.com,crane;Crane,',
        'Ann Lee,+44 20 7946 9999,ANN@example.com,crane,off_duty',
      ),
      'dry_run',
    );
    expect(report).toEqual({
      mode: 'dry_run',
      rows: 10,
      created: 1,
      updated: 1,
      unchanged: 0,
      committed: false,
      rejected: [
        {
          line: 3,
          key: 'not-an-email',
          reasons: [
            'phone: Use a phone number such as +44 20 7946 0958.',
            'email: Use a valid email address.',
          ],
        },
        {
          line: 4,
          key: 'nina@example.com',
          reasons: ['name: Must not contain control characters.'],
        },
        {
          line: 6,
          key: 'types@example.com',
          reasons: [
            'qualifications: there is no equipment type "hovercraft", "boat"; add it in Settings first.',
          ],
        },
        { line: 7, key: 'new@example.com', reasons: ['email: NEW@example.com is also on line 2.'] },
        {
          line: 8,
          key: 'bo@example.com',
          reasons: [
            `status: Bo Busy is on a job (${busyReference}); release it before setting it to off_duty, or leave status empty.`,
          ],
        },
        {
          line: 9,
          key: 'twin@example.com',
          reasons: [
            'email: 2 drivers have this email (Twin One, Twin Two); give them different emails in the app first.',
          ],
        },
        {
          line: 10,
          key: 'busy@example.com',
          reasons: [
            'status: a new record cannot start as assigned; only a dispatch assigns. Leave status empty or use another.',
          ],
        },
        {
          line: 11,
          key: 'twice@example.com',
          reasons: ['qualifications: List each equipment type once.'],
        },
      ],
    });
    expect(await countRows(h.tdb)).toEqual(before);
  });
});

describe('imports.drivers commit', () => {
  it('creates, updates and leaves alone by email, with qualifications and events', async () => {
    await driver('Cy Same', 'cy@example.com', [crane.id, flatbed.id]);
    await driver('Di Edit', 'di@example.com', [crane.id]);
    const before = await countRows(h.tdb);
    const report = await importDrivers(
      csv(
        'email,name,phone,qualifications,status',
        'cy@example.com,Cy Same,+44 20 7946 0000,flatbed; crane,available',
        'DI@example.com,Di Edited,+44 20 7946 0000,flatbed,off_duty',
        'eve@example.com,Eve New,+1 555 0100,crane,off_duty',
        'fay@example.com,Fay New,+1 555 0101,,',
      ),
      'commit',
    );
    expect(report).toEqual({
      mode: 'commit',
      rows: 4,
      created: 2,
      updated: 1,
      unchanged: 1,
      rejected: [],
      committed: true,
    });
    expect(await driverRow('cy@example.com')).toMatchObject({
      name: 'Cy Same',
      types: 'crane;flatbed',
    });
    const di = await driverRow('di@example.com');
    expect(di).toMatchObject({ name: 'Di Edited', status: 'off_duty', types: 'flatbed' });
    expect(await driverRow('eve@example.com')).toMatchObject({
      name: 'Eve New',
      phone: '+1 555 0100',
      status: 'off_duty',
      types: 'crane',
    });
    expect(await driverRow('fay@example.com')).toMatchObject({ status: 'available', types: null });

    const events = await h.tdb.sql<{ action: string; payload: Record<string, unknown> }[]>`
      select action, payload from events where entity_id = ${di?.id ?? ''} order by id`;
    expect(events.slice(1)).toEqual([
      {
        action: 'updated',
        payload: {
          name: 'Di Edited',
          email: 'DI@example.com',
          qualificationTypeIds: [flatbed.id],
          source: 'csv_import',
        },
      },
      {
        action: 'availability_changed',
        payload: { from: 'available', to: 'off_duty', source: 'csv_import' },
      },
    ]);
    const after = await countRows(h.tdb);
    expect(after.drivers).toBe((before.drivers ?? 0) + 2);
    // Two created, one updated (name, email, types), one availability change.
    expect(after.events).toBe((before.events ?? 0) + 4);
  });

  it('writes nothing when one row is bad', async () => {
    const before = await countRows(h.tdb);
    const report = await importDrivers(
      csv(
        'name,phone,email,qualifications',
        'Gil Good,+1 555 0102,gil@example.com,crane',
        'Hal Bad,+1 555 0103,hal@example.com,submarine',
      ),
      'commit',
    );
    expect(report).toMatchObject({ created: 1, committed: false });
    expect(report.rejected.map((r) => [r.line, r.key])).toEqual([[3, 'hal@example.com']]);
    expect(await countRows(h.tdb)).toEqual(before);
  });

  it('two concurrent commits adding the same email create one driver', async () => {
    const file = (name: string) =>
      csv('name,phone,email,qualifications', `${name},+1 555 0104,race@example.com,crane`);
    const reports = await Promise.all([
      importDrivers(file('Race One'), 'commit'),
      importDrivers(file('Race Two'), 'commit'),
    ]);
    expect(reports.map((r) => r.created).sort()).toEqual([0, 1]);
    expect(reports.every((r) => r.committed)).toBe(true);
    const rows = await h.tdb.sql`select 1 from drivers where email = 'race@example.com'`;
    expect(rows).toHaveLength(1);
  });
});

describe('export and re-import', () => {
  it('re-imports its own export with zero rejections (apart from the shared email)', async () => {
    await driver('=Formula "Fred", Jr.', 'fred@example.com', [crane.id, flatbed.id]);
    const text = await exportText();
    expect(text).toContain(
      `"'=Formula ""Fred"", Jr.",'+44 20 7946 0000,fred@example.com,crane;flatbed,available`,
    );
    const total = Number((await h.tdb.sql`select count(*)::int as n from drivers`)[0]?.n);
    const report = await importDrivers(text, 'dry_run');
    // The two drivers sharing an email are the one thing the file cannot express.
    expect(report.rejected.map((r) => r.key)).toEqual(['twin@example.com', 'twin@example.com']);
    expect(report).toMatchObject({ rows: total, created: 0, updated: 0, unchanged: total - 2 });

    await h.tdb.sql`update drivers set email = 'twin2@example.com' where name = 'Twin Two'`;
    expect(await importDrivers(await exportText(), 'dry_run')).toEqual({
      mode: 'dry_run',
      rows: total,
      created: 0,
      updated: 0,
      unchanged: total,
      rejected: [],
      committed: false,
    });
  });
});
