import {
  DISPATCH_OUTCOMES,
  DRIVER_STATUSES,
  EQUIPMENT_STATUSES,
  PRIORITIES,
  WORK_ORDER_STATUSES,
} from '@dispatch/domain';
import { pgEnum } from 'drizzle-orm/pg-core';

// Database enums built from the domain's lists, so an invalid value cannot be stored and the
// enum order (urgent first) is the queue's sort order.
export const priorityEnum = pgEnum('priority', PRIORITIES);
export const workOrderStatusEnum = pgEnum('work_order_status', WORK_ORDER_STATUSES);
export const equipmentStatusEnum = pgEnum('equipment_status', EQUIPMENT_STATUSES);
export const driverStatusEnum = pgEnum('driver_status', DRIVER_STATUSES);
export const dispatchOutcomeEnum = pgEnum('dispatch_outcome', DISPATCH_OUTCOMES);
