/**
 * The vocabulary of the domain. Each list is ordered on purpose: priorities from most to least
 * urgent (the database enum uses the same order, so `ORDER BY priority` is queue order).
 */
export const PRIORITIES = ['urgent', 'high', 'standard', 'low'] as const;
export type TPriority = (typeof PRIORITIES)[number];

export const WORK_ORDER_STATUSES = [
  'new',
  'queued',
  'dispatched',
  'en_route',
  'on_site',
  'completed',
  'cancelled',
] as const;
export type TWorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** Statuses in which a work order holds an active dispatch (equipment and driver reserved). */
export const ACTIVE_WORK_ORDER_STATUSES = ['dispatched', 'en_route', 'on_site'] as const;
export type TActiveWorkOrderStatus = (typeof ACTIVE_WORK_ORDER_STATUSES)[number];

export const TERMINAL_WORK_ORDER_STATUSES = ['completed', 'cancelled'] as const;

export const EQUIPMENT_STATUSES = [
  'available',
  'assigned',
  'maintenance',
  'out_of_service',
] as const;
export type TEquipmentStatus = (typeof EQUIPMENT_STATUSES)[number];

/** `assigned` is never set by hand: only a dispatch sets it, so it always agrees with one. */
export const SETTABLE_EQUIPMENT_STATUSES = ['available', 'maintenance', 'out_of_service'] as const;
export type TSettableEquipmentStatus = (typeof SETTABLE_EQUIPMENT_STATUSES)[number];

export const DRIVER_STATUSES = ['available', 'assigned', 'off_duty'] as const;
export type TDriverStatus = (typeof DRIVER_STATUSES)[number];

export const SETTABLE_DRIVER_STATUSES = ['available', 'off_duty'] as const;
export type TSettableDriverStatus = (typeof SETTABLE_DRIVER_STATUSES)[number];

/** How a dispatch ended; `null` while it is active. */
export const DISPATCH_OUTCOMES = ['completed', 'released', 'cancelled'] as const;
export type TDispatchOutcome = (typeof DISPATCH_OUTCOMES)[number];

/** The stages a driver moves their own dispatch to, in order. */
export const DRIVER_STAGES = ['en_route', 'on_site', 'completed'] as const;
export type TDriverStage = (typeof DRIVER_STAGES)[number];

export const ROLES = ['viewer', 'driver', 'dispatcher', 'admin'] as const;
export type TRole = (typeof ROLES)[number];
