import { procedureTree } from './procedure-tree';
import { createCallerFactory, router } from './trpc';

export const appRouter = router(procedureTree);

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
