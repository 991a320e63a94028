export { appRouter, createCaller, type AppRouter } from './router';
export { createContextInner, type TContext } from './context';
export { fillQueue } from './core/fill-queue';
export { queueHeadQuery } from './read/queue';
