import { router } from '../../trpc';
import { reportCompletion } from './completion';
import { reportUtilization } from './utilization';

export const reportsRouter = router({
  completion: reportCompletion,
  utilization: reportUtilization,
});
