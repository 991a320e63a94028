import { reportCompletion } from './completion';
import { reportUtilization } from './utilization';

export const reportsProcedures = {
  completion: reportCompletion,
  utilization: reportUtilization,
};
