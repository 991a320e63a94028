import { Card, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { RouterOutputs } from '../../api/trpc';

type TCounts = RouterOutputs['dashboard']['summary']['counts'];

function CountCard(props: { testId: string; label: string; value: number; to: string }) {
  return (
    <Card
      withBorder
      padding="sm"
      component={Link}
      to={props.to}
      data-testid={props.testId}
      aria-label={`${props.label}: ${props.value}`}
    >
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text fz={28} fw={700} lh={1.2} data-testid={`${props.testId}-value`}>
        {props.value}
      </Text>
    </Card>
  );
}

/** Open orders by status, and what closed in the last 24 hours; each card opens the list. */
export function StatusCounts({ counts }: { counts: TCounts }) {
  const open = [
    { status: 'new', label: 'New' },
    { status: 'queued', label: 'Queued' },
    { status: 'dispatched', label: 'Dispatched' },
    { status: 'en_route', label: 'En route' },
    { status: 'on_site', label: 'On site' },
  ] as const;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
      {open.map(({ status, label }) => (
        <CountCard
          key={status}
          testId={`count-${status}`}
          label={label}
          value={counts.byStatus[status] ?? 0}
          to={`/work-orders?status=${status}`}
        />
      ))}
      <CountCard
        testId="count-completed"
        label="Completed (last 24 h)"
        value={counts.completedLast24h}
        to="/work-orders?status=completed"
      />
      <CountCard
        testId="count-cancelled"
        label="Cancelled (last 24 h)"
        value={counts.cancelledLast24h}
        to="/work-orders?status=cancelled"
      />
    </SimpleGrid>
  );
}
