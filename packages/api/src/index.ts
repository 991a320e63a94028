export { appRouter, createCaller, type AppRouter } from './router';
export { PROCEDURE_PATHS } from './procedure-tree';
export { createContextInner, type TContext } from './context';
export { createUsageCollector, type UsageCollector } from './usage/collector';
export * from './exports';
