export { appRouter, createCaller, type AppRouter } from './router';
export { createContextInner, type TContext } from './context';
export { createUsageCollector, type UsageCollector } from './usage/collector';
export { fillQueue } from './core/fill-queue';
export { queueHeadQuery } from './read/queue';
export { activeDispatchesQuery, dashboardCountsQuery, freeEquipmentQuery } from './read/dashboard';
export * from './exports';
