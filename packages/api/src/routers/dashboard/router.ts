import { dashboardSummary } from './summary';

export const dashboardProcedures = { summary: dashboardSummary };
