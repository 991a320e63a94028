import { sql } from 'drizzle-orm';
import type { Database, Transaction } from '../client';
import * as schema from '../schema';
import {
  DEMO_DRIVERS,
  DEMO_EQUIPMENT,
  DEMO_JOBS,
  DEMO_SITES,
  DEMO_SUBJECTS,
  DEMO_TYPES,
} from './demo-fleet';

export { DEMO_SUBJECTS } from './demo-fleet';

const MINUTE = 60_000;
const SEED_ACTOR = { actorSubject: 'system-seed', actorName: 'Demo data' };
const PRIORITY_CYCLE = ['standard', 'high', 'standard', 'urgent', 'low'] as const;

type TPlan = {
  kind: 'completed' | 'cancelled' | 'queued' | 'dispatched' | 'en_route' | 'on_site';
  type: string;
  equipment?: string;
  driver?: string;
};

/**
 * What the demo shows: a fortnight of finished work, six jobs in progress (one for the demo
 * driver), and a queue whose every order genuinely cannot be filled (busy cranes and low-loaders,
 * no free excavator driver), so the data is consistent with auto-dispatch being on.
 */
const ACTIVE: TPlan[] = [
  { kind: 'en_route', type: 'flatbed', equipment: 'FB-01', driver: 'Sam Carter' },
  { kind: 'on_site', type: 'crane-50t', equipment: 'CR-01', driver: 'Priya Nair' },
  { kind: 'dispatched', type: 'crane-50t', equipment: 'CR-02', driver: 'Tomasz Nowak' },
  { kind: 'on_site', type: 'lowloader', equipment: 'LL-01', driver: 'Grace Okafor' },
  { kind: 'dispatched', type: 'lowloader', equipment: 'LL-02', driver: 'Liam Walsh' },
  { kind: 'en_route', type: 'excavator', equipment: 'EX-01', driver: 'Aisha Rahman' },
];
const QUEUED: TPlan[] = [
  ...Array.from({ length: 4 }, () => ({ kind: 'queued' as const, type: 'crane-50t' })),
  ...Array.from({ length: 3 }, () => ({ kind: 'queued' as const, type: 'lowloader' })),
  ...Array.from({ length: 2 }, () => ({ kind: 'queued' as const, type: 'excavator' })),
];

/** Seeds the demo company into an empty database; does nothing if any equipment type exists. */
export async function seedDemoData(db: Database, now = new Date()): Promise<{ seeded: boolean }> {
  return db.transaction(async (tx) => {
    // Serialise concurrent first starts: only one seeds.
    await tx.execute(sql`select pg_advisory_xact_lock(7340002)`);
    const [existing] = await tx
      .select({ id: schema.equipmentTypes.id })
      .from(schema.equipmentTypes)
      .limit(1);
    if (existing) return { seeded: false };
    await writeDemo(tx, now);
    return { seeded: true };
  });
}

async function writeDemo(tx: Transaction, now: Date) {
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * MINUTE);
  const start = at(14 * 24 * 60);
  const typeRows = await tx
    .insert(schema.equipmentTypes)
    .values(DEMO_TYPES.map((name) => ({ name, createdAt: start, updatedAt: start })))
    .returning({ id: schema.equipmentTypes.id, name: schema.equipmentTypes.name });
  const typeId = (name: string) => typeRows.find((t) => t.name === name)!.id;
  const busyEquipment = new Set(ACTIVE.map((a) => a.equipment));
  const busyDrivers = new Set(ACTIVE.map((a) => a.driver));

  const equipmentRows = await tx
    .insert(schema.equipment)
    .values(
      DEMO_EQUIPMENT.map((e, i) => ({
        code: e.code,
        name: e.name,
        typeId: typeId(e.type),
        status: busyEquipment.has(e.code)
          ? ('assigned' as const)
          : (e.status ?? ('available' as const)),
        statusChangedAt: at(200 + i * 37),
        createdAt: start,
        updatedAt: start,
      })),
    )
    .returning({
      id: schema.equipment.id,
      code: schema.equipment.code,
      typeId: schema.equipment.typeId,
    });
  const driverRows = await tx
    .insert(schema.drivers)
    .values(
      DEMO_DRIVERS.map((d, i) => ({
        name: d.name,
        phone: d.phone,
        email: `${d.name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`,
        subject: d.subject ?? null,
        status: busyDrivers.has(d.name)
          ? ('assigned' as const)
          : d.offDuty
            ? ('off_duty' as const)
            : ('available' as const),
        statusChangedAt: at(180 + i * 41),
        createdAt: start,
        updatedAt: start,
      })),
    )
    .returning({ id: schema.drivers.id, name: schema.drivers.name });
  await tx.insert(schema.driverQualifications).values(
    DEMO_DRIVERS.flatMap((d) =>
      d.types.map((t) => ({
        driverId: driverRows.find((r) => r.name === d.name)!.id,
        equipmentTypeId: typeId(t),
      })),
    ),
  );

  // History: completed and cancelled orders spread over the fortnight, rotating through the fleet.
  const history: TPlan[] = Array.from({ length: 25 }, (_, i) => {
    const job = DEMO_JOBS[i % DEMO_JOBS.length]!;
    const unit = DEMO_EQUIPMENT.filter((e) => e.type === job.type)[0]!;
    const driver = DEMO_DRIVERS.find((d) => d.types.includes(job.type))!;
    return i % 8 === 5
      ? { kind: 'cancelled', type: job.type }
      : { kind: 'completed', type: job.type, equipment: unit.code, driver: driver.name };
  });
  const plans = [...history, ...ACTIVE, ...QUEUED];
  let index = 0;
  for (const plan of plans) {
    const job =
      DEMO_JOBS.find((j) => j.type === plan.type && index % 2 === 0) ??
      DEMO_JOBS.find((j) => j.type === plan.type)!;
    const createdMinutesAgo =
      plan.kind === 'completed' || plan.kind === 'cancelled'
        ? 13 * 24 * 60 - index * 700
        : 240 - index;
    await writeOrder(tx, {
      plan,
      title: job.title,
      site: DEMO_SITES[index % DEMO_SITES.length]!,
      priority: PRIORITY_CYCLE[index % PRIORITY_CYCLE.length]!,
      typeId: typeId(plan.type),
      equipment: plan.equipment ? equipmentRows.find((e) => e.code === plan.equipment) : undefined,
      driver: plan.driver ? driverRows.find((d) => d.name === plan.driver) : undefined,
      created: at(createdMinutesAgo),
      dueBy: index % 3 === 0 ? at(createdMinutesAgo - 8 * 60) : null,
    });
    index++;
  }
}

async function writeOrder(
  tx: Transaction,
  o: {
    plan: TPlan;
    title: string;
    site: string;
    priority: (typeof PRIORITY_CYCLE)[number];
    typeId: string;
    equipment: { id: string; code: string } | undefined;
    driver: { id: string; name: string } | undefined;
    created: Date;
    dueBy: Date | null;
  },
) {
  const plus = (minutes: number) => new Date(o.created.getTime() + minutes * MINUTE);
  const kind = o.plan.kind;
  const assigned = plus(12);
  const enRoute = ['en_route', 'on_site', 'completed'].includes(kind) ? plus(20) : null;
  const onSite = ['on_site', 'completed'].includes(kind) ? plus(65) : null;
  const ended = kind === 'completed' ? plus(190) : null;
  const [order] = await tx
    .insert(schema.workOrders)
    .values({
      title: o.title,
      description: 'Demo order. Call the site manager 30 minutes before arrival.',
      siteAddress: o.site,
      equipmentTypeId: o.typeId,
      priority: o.priority,
      dueBy: o.dueBy,
      status: kind,
      queuedAt: o.created,
      completedAt: ended,
      cancelledAt: kind === 'cancelled' ? plus(30) : null,
      cancelReason: kind === 'cancelled' ? 'Customer postponed the job' : null,
      createdBySubject: DEMO_SUBJECTS.dispatcher,
      createdByName: 'Demo Dispatcher',
      createdAt: o.created,
      updatedAt: ended ?? onSite ?? enRoute ?? o.created,
    })
    .returning({ id: schema.workOrders.id, reference: schema.workOrders.reference });
  const id = order!.id;
  const events: (typeof schema.events.$inferInsert)[] = [
    {
      ...SEED_ACTOR,
      entityType: 'work_order',
      entityId: id,
      workOrderId: id,
      workOrderReference: order!.reference,
      action: 'created',
      createdAt: o.created,
      payload: { reference: order!.reference, priority: o.priority, title: o.title },
    },
  ];
  if (kind === 'cancelled') {
    events.push({
      ...SEED_ACTOR,
      entityType: 'work_order',
      entityId: id,
      workOrderId: id,
      workOrderReference: order!.reference,
      action: 'cancelled',
      createdAt: plus(30),
      payload: { reason: 'Customer postponed the job', from: 'queued' },
    });
  }
  if (o.equipment && o.driver) {
    const [dispatch] = await tx
      .insert(schema.dispatches)
      .values({
        workOrderId: id,
        equipmentId: o.equipment.id,
        driverId: o.driver.id,
        assignedAt: assigned,
        enRouteAt: enRoute,
        onSiteAt: onSite,
        endedAt: ended,
        outcome: ended ? 'completed' : null,
        completionNote: ended ? 'Delivered and signed off by site manager.' : null,
        assignedBySubject: 'system-seed',
        createdAt: assigned,
        updatedAt: ended ?? onSite ?? enRoute ?? assigned,
      })
      .returning({ id: schema.dispatches.id });
    const base = {
      ...SEED_ACTOR,
      entityType: 'work_order' as const,
      entityId: id,
      workOrderId: id,
      workOrderReference: order!.reference,
    };
    events.push({
      ...base,
      action: 'assigned',
      createdAt: assigned,
      payload: {
        dispatchId: dispatch!.id,
        equipmentId: o.equipment.id,
        equipmentCode: o.equipment.code,
        driverId: o.driver.id,
        driverName: o.driver.name,
        auto: true,
      },
    });
    if (enRoute)
      events.push({
        ...base,
        action: 'en_route',
        createdAt: enRoute,
        payload: { dispatchId: dispatch!.id },
      });
    if (onSite)
      events.push({
        ...base,
        action: 'on_site',
        createdAt: onSite,
        payload: { dispatchId: dispatch!.id },
      });
    if (ended)
      events.push({
        ...base,
        action: 'completed',
        createdAt: ended,
        payload: { dispatchId: dispatch!.id, note: 'Delivered and signed off by site manager.' },
      });
  }
  await tx.insert(schema.events).values(events);
}
