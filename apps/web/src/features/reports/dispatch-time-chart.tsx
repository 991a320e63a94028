import { PRIORITIES } from '@dispatch/domain';
import { BarChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { humanize } from '../../components/status-badges';
import { formatChartMinutes, toMinutes } from '../../lib/format';
import type { TCompletionReport } from './report-types';

/** Median and 90th percentile minutes from creation to first dispatch, per priority. */
export function DispatchTimeChart({ report }: { report: TCompletionReport }) {
  const rows = PRIORITIES.map((priority) => {
    const figures = report.totals.find((row) => row.priority === priority);
    return {
      priority: humanize(priority),
      median: toMinutes(figures?.medianTimeToDispatchSeconds ?? null),
      p90: toMinutes(figures?.p90TimeToDispatchSeconds ?? null),
    };
  });
  if (rows.every((row) => row.median === null)) {
    return (
      <Text c="dimmed" ta="center" py="xl">
        No order was dispatched on these days.
      </Text>
    );
  }
  return (
    <BarChart
      h={260}
      data={rows}
      dataKey="priority"
      series={[
        { name: 'median', label: 'Median', color: 'blue.6' },
        { name: 'p90', label: '90th percentile', color: 'orange.6' },
      ]}
      valueFormatter={formatChartMinutes}
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      yAxisProps={{ width: 56 }}
      data-testid="dispatch-time-chart"
    />
  );
}
