import type { TCaller } from './caller';

const DAY_MS = 86_400_000;

export interface TReportScenario {
  name: string;
  /** Calls the procedure and returns how many rows the answer holds. */
  run: (caller: TCaller) => Promise<number>;
}

/** The windows a reports page asks for, in a European customer's time zone. */
export function reportScenarios(now: Date): TReportScenario[] {
  const year = { from: new Date(now.getTime() - 365 * DAY_MS), to: now };
  const month = { from: new Date(now.getTime() - 30 * DAY_MS), to: now };
  const timeZone = 'Europe/Berlin';
  const completion = async (
    caller: TCaller,
    input: Parameters<TCaller['reports']['completion']>[0],
  ) => (await caller.reports.completion(input)).buckets.length;
  const utilization = async (caller: TCaller, input: typeof year) => {
    const report = await caller.reports.utilization(input);
    return report.equipment.length + report.types.length + report.drivers.length;
  };
  return [
    {
      name: 'completion, 365 days by week',
      run: (c) => completion(c, { ...year, groupBy: 'week', timeZone }),
    },
    {
      name: 'completion, 365 days by day',
      run: (c) => completion(c, { ...year, groupBy: 'day', timeZone }),
    },
    {
      name: 'completion, 30 days by day',
      run: (c) => completion(c, { ...month, groupBy: 'day', timeZone }),
    },
    { name: 'utilization, 365 days', run: (c) => utilization(c, year) },
    { name: 'utilization, 30 days', run: (c) => utilization(c, month) },
  ];
}
