import { BarChart } from '@mantine/charts';
import { formatPercent, toPercent } from '../../lib/format';
import type { TUtilizationReport } from './report-types';
import { CHART_TOP_N } from './utilisation-order';

/** The busiest units as horizontal bars, in percent of their dispatchable hours. */
export function UtilisationChart(props: { sorted: TUtilizationReport['equipment'] }) {
  const data = props.sorted.slice(0, CHART_TOP_N).map((row) => ({
    code: row.code,
    utilisation: toPercent(row.utilization),
  }));
  return (
    <BarChart
      h={Math.max(120, data.length * 30 + 40)}
      data={data}
      dataKey="code"
      orientation="vertical"
      series={[{ name: 'utilisation', label: 'Utilisation', color: 'teal.6' }]}
      valueFormatter={formatPercent}
      xAxisProps={{ domain: [0, 100] }}
      yAxisProps={{ width: 64 }}
      gridAxis="x"
      withBarValueLabel
      data-testid="utilisation-chart"
    />
  );
}
