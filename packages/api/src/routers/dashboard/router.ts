import { router } from '../../trpc';
import { dashboardSummary } from './summary';

export const dashboardRouter = router({ summary: dashboardSummary });
