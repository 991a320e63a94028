import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './app-layout';
import { DriverLayout } from './driver-layout';

// Every page is its own chunk: the first load carries only the shell, and the driver's phone never
// downloads the dispatcher or admin screens.
const DashboardPage = lazy(() => import('../features/dashboard/dashboard-page'));
const WorkOrdersPage = lazy(() => import('../features/work-orders/work-orders-page'));
const WorkOrderCreatePage = lazy(() => import('../features/work-orders/work-order-create-page'));
const WorkOrderDetailPage = lazy(() => import('../features/work-orders/work-order-detail-page'));
const QueuePage = lazy(() => import('../features/queue/queue-page'));
const EquipmentPage = lazy(() => import('../features/equipment/equipment-page'));
const EquipmentHistoryPage = lazy(
  () => import('../features/equipment-history/equipment-history-page'),
);
const DriversPage = lazy(() => import('../features/drivers/drivers-page'));
const ReportsPage = lazy(() => import('../features/reports/reports-page'));
const SettingsPage = lazy(() => import('../features/settings/settings-page'));
const ImportPage = lazy(() => import('../features/imports/import-page'));
const OperationsPage = lazy(() => import('../features/operations/operations-page'));
const DriverPage = lazy(() => import('../features/driver-app/driver-page'));
const NoAccessPage = lazy(() => import('./no-access-page'));

export function createRouter() {
  return createBrowserRouter([
    {
      path: '/driver',
      element: <DriverLayout />,
      children: [{ index: true, element: <DriverPage /> }],
    },
    { path: '/no-access', element: <NoAccessPage /> },
    {
      path: '/',
      element: <AppLayout />,
      children: [
        { index: true, element: <DashboardPage /> },
        { path: 'work-orders', element: <WorkOrdersPage /> },
        { path: 'work-orders/new', element: <WorkOrderCreatePage /> },
        { path: 'work-orders/:id', element: <WorkOrderDetailPage /> },
        { path: 'queue', element: <QueuePage /> },
        { path: 'equipment', element: <EquipmentPage /> },
        { path: 'equipment/:id', element: <EquipmentHistoryPage /> },
        { path: 'drivers', element: <DriversPage /> },
        { path: 'reports', element: <ReportsPage /> },
        { path: 'settings', element: <SettingsPage /> },
        { path: 'import', element: <ImportPage /> },
        { path: 'operations', element: <OperationsPage /> },
      ],
    },
  ]);
}
