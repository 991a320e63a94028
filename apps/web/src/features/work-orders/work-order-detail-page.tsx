import { ZIdSchema } from '@dispatch/domain';
import { Alert, Anchor, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { trpc } from '../../api/trpc';
import { LiveStatus } from '../../components/live-status';
import { QueryState } from '../../components/query-state';
import { PriorityBadge, StatusBadge } from '../../components/status-badges';
import { PastDispatches } from './past-dispatches';
import { WorkOrderActions } from './work-order-actions';
import { CurrentDispatch, WorkOrderInfo } from './work-order-info';
import { WorkOrderTimeline } from './work-order-timeline';

function NotFound() {
  return (
    <Alert color="yellow" title="No such work order">
      It may have been mistyped.{' '}
      <Anchor component={Link} to="/work-orders">
        Back to work orders
      </Anchor>
    </Alert>
  );
}

export default function WorkOrderDetailPage() {
  const { id = '' } = useParams();
  const valid = ZIdSchema.safeParse(id).success;
  const query = trpc.workOrders.get.useQuery({ id }, { enabled: valid });
  if (!valid) return <NotFound />;
  const order = query.data;
  return (
    <QueryState loading={query.isLoading} error={query.error}>
      {order && (
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Stack gap={4}>
              <Anchor component={Link} to="/work-orders" size="sm">
                ← Work orders
              </Anchor>
              <Group gap="sm" wrap="wrap">
                <Title order={2}>{order.reference}</Title>
                <StatusBadge status={order.status} />
                <PriorityBadge priority={order.priority} />
              </Group>
              <Text size="lg">{order.title}</Text>
            </Stack>
            <Stack gap="sm" align="flex-end">
              <LiveStatus
                updatedAt={query.dataUpdatedAt}
                fetching={query.isFetching}
                onRefresh={() => void query.refetch()}
              />
              <WorkOrderActions key={order.id} order={order} />
            </Stack>
          </Group>
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Stack gap="md">
                <WorkOrderInfo order={order} />
                <CurrentDispatch order={order} />
                <PastDispatches dispatches={order.dispatches} />
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <WorkOrderTimeline events={order.timeline} />
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </QueryState>
  );
}
