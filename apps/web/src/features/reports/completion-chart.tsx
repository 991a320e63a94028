import { LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { bucketLabel } from '../../lib/format';
import type { TCompletionReport } from './report-types';

const SERIES = [
  { name: 'created', label: 'Created', color: 'gray.6' },
  { name: 'dispatched', label: 'Dispatched', color: 'blue.6' },
  { name: 'completed', label: 'Completed', color: 'green.6' },
  { name: 'cancelled', label: 'Cancelled', color: 'red.6' },
];

/** Orders created, dispatched, completed and cancelled per local day or week, all priorities. */
export function CompletionChart({ report }: { report: TCompletionReport }) {
  const rows = report.buckets.filter((bucket) => bucket.priority === 'all');
  const nothing = rows.every(
    (row) => row.created + row.dispatched + row.completed + row.cancelled === 0,
  );
  if (nothing) {
    return (
      <Text c="dimmed" ta="center" py="xl">
        No work orders were created, dispatched, completed or cancelled on these days.
      </Text>
    );
  }
  const data = rows.map((row) => ({
    bucket: bucketLabel(row.bucketStart, report.groupBy),
    created: row.created,
    dispatched: row.dispatched,
    completed: row.completed,
    cancelled: row.cancelled,
  }));
  return (
    <LineChart
      h={260}
      data={data}
      dataKey="bucket"
      series={SERIES}
      curveType="linear"
      withLegend
      legendProps={{ verticalAlign: 'bottom' }}
      yAxisProps={{ allowDecimals: false, width: 32 }}
      tickLine="y"
      data-testid="completion-chart"
    />
  );
}
