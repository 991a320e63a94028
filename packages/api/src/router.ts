import { dashboardRouter } from './routers/dashboard/router';
import { dispatchRouter } from './routers/dispatch/router';
import { driverAppRouter } from './routers/driver-app/router';
import { driversRouter } from './routers/drivers/router';
import { equipmentRouter } from './routers/equipment/router';
import { equipmentTypesRouter } from './routers/equipment-types/router';
import { importsRouter } from './routers/imports/router';
import { meRouter } from './routers/me/router';
import { operationsRouter } from './routers/operations/router';
import { queueRouter } from './routers/queue/router';
import { reportsRouter } from './routers/reports/router';
import { settingsRouter } from './routers/settings/router';
import { workOrdersRouter } from './routers/work-orders/router';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  me: meRouter,
  equipmentTypes: equipmentTypesRouter,
  equipment: equipmentRouter,
  drivers: driversRouter,
  workOrders: workOrdersRouter,
  dispatch: dispatchRouter,
  queue: queueRouter,
  driverApp: driverAppRouter,
  dashboard: dashboardRouter,
  settings: settingsRouter,
  reports: reportsRouter,
  imports: importsRouter,
  operations: operationsRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
