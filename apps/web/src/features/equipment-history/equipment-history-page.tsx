import { ZIdSchema } from '@dispatch/domain';
import { Alert, Anchor, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { apiErrorInfo } from '../../api/errors';
import { trpc } from '../../api/trpc';
import { LiveStatus } from '../../components/live-status';
import { LoadMore } from '../../components/load-more';
import { QueryState } from '../../components/query-state';
import { dispatchEntry, eventEntry } from './history-entries';
import { UnitHeader } from './unit-header';

function NotFound() {
  return (
    <Alert color="yellow" title="No such equipment">
      It may have been mistyped.{' '}
      <Anchor component={Link} to="/equipment">
        Back to equipment
      </Anchor>
    </Alert>
  );
}

/** One unit: where it stands now, then its dispatches and status changes, newest first. */
export default function EquipmentHistoryPage() {
  const { id = '' } = useParams();
  const valid = ZIdSchema.safeParse(id).success;
  const query = trpc.equipment.history.useInfiniteQuery(
    { id, limit: 25 },
    { enabled: valid, getNextPageParam: (page) => page.nextCursor },
  );
  if (!valid || apiErrorInfo(query.error).code === 'NOT_FOUND') return <NotFound />;
  const pages = query.data?.pages ?? [];
  // Every page repeats the unit; the first page is the freshest after a refetch.
  const unit = pages[0]?.unit;
  const items = pages.flatMap((page) => page.items);
  return (
    <QueryState loading={query.isLoading} error={query.error}>
      {unit && (
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <UnitHeader unit={unit} />
            <LiveStatus
              updatedAt={query.dataUpdatedAt}
              fetching={query.isFetching && !query.isFetchingNextPage}
              onRefresh={() => void query.refetch()}
            />
          </Group>
          <Paper withBorder p="md">
            <Title order={3} size="h4" mb="sm">
              History
            </Title>
            {items.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing recorded for this unit yet.
              </Text>
            ) : (
              <Timeline
                active={items.length - 1}
                bulletSize={14}
                lineWidth={2}
                data-testid="equipment-history"
              >
                {items.map((item) =>
                  item.kind === 'dispatch' ? dispatchEntry(item) : eventEntry(item),
                )}
              </Timeline>
            )}
            <LoadMore
              hasNextPage={query.hasNextPage}
              loading={query.isFetchingNextPage}
              shown={items.length}
              onLoadMore={() => void query.fetchNextPage()}
            />
          </Paper>
        </Stack>
      )}
    </QueryState>
  );
}
