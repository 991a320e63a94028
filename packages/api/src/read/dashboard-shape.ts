import { PRIORITIES, WORK_ORDER_STATUSES } from '@dispatch/domain';
import { z } from 'zod';
import { ZQueueEntryOutput } from './queue';
import { ZEventOutput } from './shapes';

export const DASHBOARD_OPEN_STATUSES = [
  'new',
  'queued',
  'dispatched',
  'en_route',
  'on_site',
] as const;

/** What `dashboard.summary` answers: the contract the web app's dashboard is built on. */
export const ZDashboardOutput = z.object({
  generatedAt: z.date(),
  autoDispatch: z.boolean(),
  counts: z.object({
    byStatus: z.record(z.enum(DASHBOARD_OPEN_STATUSES), z.number()),
    completedLast24h: z.number(),
    cancelledLast24h: z.number(),
  }),
  queue: z.object({ total: z.number(), head: z.array(ZQueueEntryOutput) }),
  active: z.array(
    z.object({
      workOrderId: z.string(),
      reference: z.string(),
      title: z.string(),
      priority: z.enum(PRIORITIES),
      status: z.enum(WORK_ORDER_STATUSES),
      equipmentCode: z.string(),
      driverName: z.string(),
      assignedAt: z.date(),
      enRouteAt: z.date().nullable(),
      onSiteAt: z.date().nullable(),
    }),
  ),
  freeEquipment: z.array(
    z.object({
      typeId: z.string(),
      typeName: z.string(),
      available: z.number(),
      total: z.number(),
    }),
  ),
  drivers: z.object({ available: z.number(), assigned: z.number(), offDuty: z.number() }),
  recent: z.array(ZEventOutput),
});
export type TDashboardOutput = z.infer<typeof ZDashboardOutput>;
