import { Badge, Group, Paper, Progress, SimpleGrid, Text } from '@mantine/core';
import { formatCount, formatDay, formatMs, formatPercent } from '../../lib/format';
import type { TThreshold } from './operations-types';

const STATUS = {
  ok: { color: 'green', label: 'OK' },
  approaching: { color: 'orange', label: 'Approaching' },
  exceeded: { color: 'red', label: 'Exceeded' },
} as const;

function formatValue(threshold: TThreshold, value: number): string {
  if (threshold.unit === 'ms') return formatMs(value);
  return `${formatCount(value)} ${threshold.unit}`;
}

function detailText(threshold: TThreshold): string | null {
  if (!threshold.detail) return null;
  if (threshold.key === 'concurrent_users') return `on ${formatDay(threshold.detail)}`;
  return `in ${threshold.detail}`;
}

/**
 * The figures at which a team should move to a bigger deployment, each as a card with a bar
 * towards its limit and a status in words and colour (never colour alone).
 */
export function ThresholdCards(props: { thresholds: readonly TThreshold[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" data-testid="threshold-cards">
      {props.thresholds.map((threshold) => {
        const status = STATUS[threshold.status];
        const percent = threshold.limit > 0 ? (threshold.value / threshold.limit) * 100 : 0;
        const detail = detailText(threshold);
        return (
          <Paper
            key={threshold.key}
            withBorder
            p="md"
            component="section"
            aria-labelledby={`threshold-${threshold.key}`}
            data-testid={`threshold-${threshold.key}`}
            data-status={threshold.status}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
              <Text fw={600} size="sm" id={`threshold-${threshold.key}`}>
                {threshold.label}
              </Text>
              <Badge color={status.color} variant="light" style={{ flexShrink: 0 }}>
                {status.label}
              </Badge>
            </Group>
            <Text size="xl" fw={700}>
              {formatValue(threshold, threshold.value)}
            </Text>
            <Progress
              value={Math.min(100, Math.round(percent * 10) / 10)}
              color={status.color}
              size="lg"
              my="xs"
              aria-label={`${threshold.label}: ${formatPercent(Math.round(percent))} of the limit`}
            />
            <Text size="xs" c="dimmed">
              Limit {formatValue(threshold, threshold.limit)}
              {detail ? ` · ${detail}` : ''}
            </Text>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
