import { MAX_IMPORT_ROWS } from '@dispatch/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvStream } from '../src/csv/write-csv';
import { equipmentCsv } from '../src/exports/equipment';
import { fleet, rejection } from './helpers/fleet';
import { countRows, createHarness, type THarness } from './helpers/harness';

let h: THarness;
let f: ReturnType<typeof fleet>;
let crane: { id: string };
let flatbed: { id: string };
let busyReference: string;

beforeAll(async () => {
  h = await createHarness();
  f = fleet(h);
  await f.autoDispatch(false);
  crane = await h.admin.equipmentTypes.create({ name: 'crane' });
  flatbed = await h.admin.equipmentTypes.create({ name: 'flatbed' });
  await f.equipment(crane.id, 'EX-1');
  const busy = await f.equipment(crane.id, 'BUSY-1');
  const driver = await f.driver([crane.id]);
  const order = await f.order(crane.id);
  await h.dispatcher.dispatch.assign({
    workOrderId: order.id,
    equipmentId: busy.id,
    driverId: driver.id,
  });
  busyReference = order.reference;
});
afterAll(() => h.destroy());

const csv = (...lines: string[]) => lines.join('\n');
const importEquipment = (text: string, mode: 'dry_run' | 'commit') =>
  h.admin.imports.equipment({ csv: text, mode });

async function unit(code: string) {
  const [row] = await h.tdb.sql<{ name: string; type: string; status: string }[]>`
    select e.name, t.name as type, e.status from equipment e
    join equipment_types t on t.id = e.type_id where e.code = ${code}`;
  return row ?? null;
}

async function eventsOf(code: string) {
  return h.tdb.sql<{ action: string; actor_name: string; payload: Record<string, unknown> }[]>`
    select ev.action, ev.actor_name, ev.payload from events ev
    join equipment e on e.id = ev.entity_id
    where ev.entity_type = 'equipment' and e.code = ${code} order by ev.id`;
}

async function exportText() {
  const chunks: Buffer[] = [];
  for await (const chunk of csvStream(equipmentCsv(h.tdb.db))) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

describe('imports.equipment dry run', () => {
  it('reports every bad row with the line it starts on and every reason, and writes nothing', async () => {
    const before = await countRows(h.tdb);
    const report = await importEquipment(
      csv(
        'code,name,type,status',
        'new-1,New crane,crane,',
        'ML-1,"A name on',
        'two lines",crane,',
        'bad code!,Bad,crane,',
        'NEW-2,Unknown type,hovercraft,',
        'NEW-1,Same code again,crane,',
        'BUSY-1,Busy unit,crane,maintenance',
        'NEW-3,Starts assigned,crane,assigned',
        'NEW-4,Broken status,crane,broken',
        'NEW-5,Too few',
        ',,,',
        'EX-1,Renamed,flatbed,maintenance',
        'BUSY-1,Busy unit,flatbed,',
        '=EVIL,"=HYPERLINK(""x"")",crane,',
      ),
      'dry_run',
    );
    expect(report).toEqual({
      mode: 'dry_run',
      rows: 12,
      created: 1,
      updated: 1,
      unchanged: 0,
      committed: false,
      rejected: [
        { line: 3, key: 'ML-1', reasons: ['name: Must not contain control characters.'] },
        {
          line: 5,
          key: 'bad code!',
          reasons: ['code: Use letters, digits and dashes, e.g. T-12.'],
        },
        {
          line: 6,
          key: 'NEW-2',
          reasons: ['type: there is no equipment type "hovercraft"; add it in Settings first.'],
        },
        { line: 7, key: 'NEW-1', reasons: ['code: NEW-1 is also on line 2.'] },
        {
          line: 8,
          key: 'BUSY-1',
          reasons: [
            `status: BUSY-1 is on a job (${busyReference}); release it before setting it to maintenance, or leave status empty.`,
          ],
        },
        {
          line: 9,
          key: 'NEW-3',
          reasons: [
            'status: a new record cannot start as assigned; only a dispatch assigns. Leave status empty or use another.',
          ],
        },
        {
          line: 10,
          key: 'NEW-4',
          reasons: ['status: Use available, maintenance or out_of_service, or leave it empty.'],
        },
        {
          line: 11,
          key: 'NEW-5',
          reasons: ['Expected 4 values (code,name,type,status) but found 2.'],
        },
        {
          line: 14,
          key: 'BUSY-1',
          reasons: [
            'code: BUSY-1 is also on line 8.',
            `type: BUSY-1 is on a job (${busyReference}); release it before changing its type.`,
          ],
        },
        {
          line: 15,
          key: '=EVIL',
          reasons: ['code: Use letters, digits and dashes, e.g. T-12.'],
        },
      ],
    });
    expect(await countRows(h.tdb)).toEqual(before);
    expect(await unit('EX-1')).toEqual({ name: 'Unit EX-1', type: 'crane', status: 'available' });
  });

  it('refuses a file whose header does not match, as one clear error', async () => {
    const before = await countRows(h.tdb);
    const call = importEquipment(csv('code,title,type', 'T-1,x,crane'), 'dry_run');
    await expect(call).rejects.toThrow(
      'The header line (line 1) does not match: unknown column "title"; missing column "name". Expected the columns code,name,type (optional: status), in any order.',
    );
    expect(await rejection(importEquipment(csv('code,title,type'), 'commit'))).toEqual({
      code: 'BAD_REQUEST',
      reason: 'INVALID_INPUT',
    });
    expect(await countRows(h.tdb)).toEqual(before);
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} rows before reading the database`, async () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `R-${i},Unit ${i},crane`);
    await expect(importEquipment(csv('code,name,type', ...rows), 'commit')).rejects.toThrow(
      'The file has more than 5,000 rows; split it into files of at most 5,000 rows.',
    );
  });
});

describe('imports.equipment commit', () => {
  it('writes nothing at all when one row is bad, and says so in the report', async () => {
    const before = await countRows(h.tdb);
    const report = await importEquipment(
      csv('code,name,type', 'OK-1,Fine,crane', 'OK-2,Fine too,crane', 'OK-3,Bad type,hovercraft'),
      'commit',
    );
    expect(report).toMatchObject({ mode: 'commit', created: 2, committed: false });
    expect(report.rejected.map((r) => r.line)).toEqual([4]);
    expect(await countRows(h.tdb)).toEqual(before);
    expect(await unit('OK-1')).toBeNull();
  });

  it('creates, updates and leaves alone, with one event per change by the importer', async () => {
    await f.equipment(crane.id, 'KEEP-1');
    await f.equipment(crane.id, 'EDIT-1');
    await f.equipment(crane.id, 'FIX-1');
    const before = await countRows(h.tdb);
    const report = await importEquipment(
      csv(
        'name,code,type,status',
        'Unit KEEP-1,KEEP-1,crane,available',
        'Edited name,edit-1,flatbed,',
        'Unit FIX-1,FIX-1,crane,maintenance',
        '"Crane, big ""one""",ADD-1,crane,',
        'Resting,ADD-2,flatbed,out_of_service',
      ),
      'commit',
    );
    expect(report).toEqual({
      mode: 'commit',
      rows: 5,
      created: 2,
      updated: 2,
      unchanged: 1,
      rejected: [],
      committed: true,
    });
    expect(await unit('KEEP-1')).toEqual({
      name: 'Unit KEEP-1',
      type: 'crane',
      status: 'available',
    });
    expect(await unit('EDIT-1')).toEqual({
      name: 'Edited name',
      type: 'flatbed',
      status: 'available',
    });
    expect(await unit('FIX-1')).toEqual({
      name: 'Unit FIX-1',
      type: 'crane',
      status: 'maintenance',
    });
    expect(await unit('ADD-1')).toEqual({
      name: 'Crane, big "one"',
      type: 'crane',
      status: 'available',
    });
    expect(await unit('ADD-2')).toEqual({
      name: 'Resting',
      type: 'flatbed',
      status: 'out_of_service',
    });

    const after = await countRows(h.tdb);
    expect(after.equipment).toBe((before.equipment ?? 0) + 2);
    expect(after.events).toBe((before.events ?? 0) + 4);
    expect((await eventsOf('KEEP-1')).map((e) => e.action)).toEqual(['created']);
    expect((await eventsOf('EDIT-1')).slice(1)).toEqual([
      {
        action: 'updated',
        actor_name: 'Ada Admin',
        payload: { name: 'Edited name', typeId: flatbed.id, source: 'csv_import' },
      },
    ]);
    expect((await eventsOf('FIX-1')).slice(1)).toEqual([
      {
        action: 'status_changed',
        actor_name: 'Ada Admin',
        payload: {
          from: 'available',
          to: 'maintenance',
          note: 'Set by a CSV import',
          source: 'csv_import',
        },
      },
    ]);
    expect(await eventsOf('ADD-2')).toEqual([
      {
        action: 'created',
        actor_name: 'Ada Admin',
        payload: {
          code: 'ADD-2',
          name: 'Resting',
          typeId: flatbed.id,
          status: 'out_of_service',
          source: 'csv_import',
        },
      },
    ]);

    // The same file again changes nothing.
    const again = await importEquipment(
      csv(
        'name,code,type,status',
        'Unit KEEP-1,KEEP-1,crane,available',
        'Edited name,edit-1,flatbed,',
        'Unit FIX-1,FIX-1,crane,maintenance',
        '"Crane, big ""one""",ADD-1,crane,',
        'Resting,ADD-2,flatbed,out_of_service',
      ),
      'commit',
    );
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 5, committed: true });
    expect(await countRows(h.tdb)).toEqual(after);
  });

  it('fills the queue when an imported unit can serve a waiting order', async () => {
    const lift = await h.admin.equipmentTypes.create({ name: 'lift-9' });
    await f.driver([lift.id]);
    const waiting = await f.order(lift.id);
    expect(waiting.status).toBe('queued');
    await f.autoDispatch(true);
    try {
      await importEquipment(csv('code,name,type', 'LIFT-1,Scissor lift,lift-9'), 'commit');
    } finally {
      await f.autoDispatch(false);
    }
    const order = await h.viewer.workOrders.get({ id: waiting.id });
    expect(order.status).toBe('dispatched');
    expect(order.dispatch?.equipmentCode).toBe('LIFT-1');
  });
});

describe('export and re-import', () => {
  it('re-imports its own export with zero rejections and every row unchanged', async () => {
    await h.admin.equipment.create({
      code: 'TRICKY-1',
      name: '=cmd|"/c calc", Zoë\'s crane',
      typeId: crane.id,
    });
    await h.admin.equipment.create({
      code: 'TRICKY-2',
      name: '-minus, +plus @at',
      typeId: crane.id,
    });
    const text = await exportText();
    expect(text).toContain(`TRICKY-1,"'=cmd|""/c calc"", Zoë's crane",crane,available`);
    const total = Number((await h.tdb.sql`select count(*)::int as n from equipment`)[0]?.n);
    const report = await importEquipment(text, 'dry_run');
    expect(report).toEqual({
      mode: 'dry_run',
      rows: total,
      created: 0,
      updated: 0,
      unchanged: total,
      rejected: [],
      committed: false,
    });
    // Including the unit on a job, whose `assigned` status repeats rather than sets.
    expect(text).toContain('BUSY-1,Unit BUSY-1,crane,assigned');
  });
});
