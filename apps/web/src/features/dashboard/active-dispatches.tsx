import { Anchor, Group, List, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { RouterOutputs } from '../../api/trpc';
import { PriorityBadge } from '../../components/status-badges';
import { durationSince } from '../../lib/time';

type TActive = RouterOutputs['dashboard']['summary']['active'][number];

const STAGES = [
  { status: 'dispatched', label: 'Dispatched', since: (a: TActive) => a.assignedAt },
  { status: 'en_route', label: 'En route', since: (a: TActive) => a.enRouteAt ?? a.assignedAt },
  { status: 'on_site', label: 'On site', since: (a: TActive) => a.onSiteAt ?? a.assignedAt },
] as const;

/** Active dispatches grouped by stage, each with its equipment, driver and time in the stage. */
export function ActiveDispatches({ active }: { active: TActive[] }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
      {STAGES.map((stage) => {
        const items = active.filter((a) => a.status === stage.status);
        const titleId = `active-${stage.status}-title`;
        return (
          <Paper
            key={stage.status}
            withBorder
            p="sm"
            component="section"
            aria-labelledby={titleId}
            data-testid={`active-${stage.status}`}
          >
            <Title order={4} size="h5" mb="xs" id={titleId}>
              {stage.label} ({items.length})
            </Title>
            {items.length === 0 ? (
              <Text size="sm" c="dimmed">
                None
              </Text>
            ) : (
              <List listStyleType="none" spacing="xs">
                {items.map((item) => (
                  <List.Item key={item.workOrderId} data-testid={`active-item-${item.reference}`}>
                    <Group gap="xs" wrap="nowrap">
                      <Anchor component={Link} to={`/work-orders/${item.workOrderId}`} fw={600}>
                        {item.reference}
                      </Anchor>
                      <PriorityBadge priority={item.priority} />
                    </Group>
                    <Text size="sm" lineClamp={1}>
                      {item.title}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {item.equipmentCode} · {item.driverName} · for{' '}
                      {durationSince(stage.since(item))}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
