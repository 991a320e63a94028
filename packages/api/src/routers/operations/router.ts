import { router } from '../../trpc';
import { operationsReport } from './report';

export const operationsRouter = router({ report: operationsReport });
