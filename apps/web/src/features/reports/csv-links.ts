import type { TGroupBy } from './report-types';

// The export routes answer with the same figures as the page, for the same input.

export function completionCsvHref(input: {
  from: Date;
  to: Date;
  groupBy: TGroupBy;
  timeZone: string;
}): string {
  const query = new URLSearchParams({
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    groupBy: input.groupBy,
    timeZone: input.timeZone,
  });
  return `/export/completion.csv?${query.toString()}`;
}

export function utilizationCsvHref(input: { from: Date; to: Date }): string {
  const query = new URLSearchParams({
    from: input.from.toISOString(),
    to: input.to.toISOString(),
  });
  return `/export/utilization.csv?${query.toString()}`;
}
