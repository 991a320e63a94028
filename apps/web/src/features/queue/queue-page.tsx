import { Badge, Group, Text } from '@mantine/core';
import { trpc } from '../../api/trpc';
import { LiveStatus } from '../../components/live-status';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { formatCount } from '../../lib/format';
import { useCan } from '../auth/use-me';
import { FillQueueButton } from './fill-queue-button';
import { QueueTable } from './queue-table';

const QUEUE_LIMIT = 500;

export default function QueuePage() {
  const canOperate = useCan('operate');
  const queue = trpc.queue.list.useQuery({ limit: QUEUE_LIMIT });
  const data = queue.data;
  return (
    <>
      <PageHeader title="Queue">
        <LiveStatus
          updatedAt={queue.dataUpdatedAt}
          fetching={queue.isFetching}
          onRefresh={() => void queue.refetch()}
        />
        {canOperate && <FillQueueButton />}
      </PageHeader>
      {data && (
        <Group gap="sm" mb="md">
          <Text size="sm" data-testid="queue-total">
            {formatCount(data.total)} waiting
            {data.total > data.items.length
              ? ` (showing the first ${formatCount(data.items.length)})`
              : ''}
          </Text>
          <Badge variant="light" color={data.autoDispatch ? 'green' : 'yellow'}>
            {data.autoDispatch ? 'Auto-dispatch on' : 'Auto-dispatch off'}
          </Badge>
          <Text size="sm" c="dimmed">
            {data.autoDispatch
              ? 'Orders are dispatched as soon as equipment and a qualified driver are free.'
              : 'Orders wait until a dispatcher assigns them or fills the queue.'}
          </Text>
        </Group>
      )}
      <QueryState
        loading={queue.isLoading}
        error={queue.error}
        empty={data?.items.length === 0}
        emptyText="The queue is empty: every open order is dispatched."
      >
        {data && <QueueTable entries={data.items} />}
      </QueryState>
    </>
  );
}
