import { BarChart } from '@mantine/charts';
import { Box, Text } from '@mantine/core';
import { formatDay, formatShortDay, plural } from '../../lib/format';
import type { TOperationsReport } from './operations-types';

/** Peak concurrent users per UTC day of the period, with the busiest day in words. */
export function PeakUsersChart(props: { concurrentUsers: TOperationsReport['concurrentUsers'] }) {
  const { days, max, windowMinutes } = props.concurrentUsers;
  const data = days.map((d) => ({ day: formatShortDay(d.day), peakUsers: d.peakUsers }));
  return (
    <>
      <Text size="sm" mb="sm" data-testid="peak-users-summary">
        {max
          ? `Busiest: ${plural(max.users, 'concurrent user', 'concurrent users')} on ${formatDay(max.day)}.`
          : 'No signed-in calls in this period.'}{' '}
        <Text span size="sm" c="dimmed">
          Concurrent users are the distinct people who called the API in a trailing {windowMinutes}
          -minute window; each day shows its highest sample (UTC days).
        </Text>
      </Text>
      <Box data-testid="peak-users-chart">
        <BarChart
          h={220}
          data={data}
          dataKey="day"
          series={[{ name: 'peakUsers', label: 'Peak users', color: 'blue.6' }]}
          tickLine="y"
          gridAxis="y"
          aria-label="Peak concurrent users per day"
        />
      </Box>
    </>
  );
}
