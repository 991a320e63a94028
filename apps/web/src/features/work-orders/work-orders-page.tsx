import { Button, Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { trpc } from '../../api/trpc';
import { DownloadCsvButton } from '../../components/download-csv-button';
import { LiveStatus } from '../../components/live-status';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useCan } from '../auth/use-me';
import { WorkOrderFilters, exportPathFor, filtersFromParams } from './work-order-filters';
import { WorkOrdersTable } from './work-orders-table';

const PAGE_SIZE = 25;

export default function WorkOrdersPage() {
  const canOperate = useCan('operate');
  const [params] = useSearchParams();
  const [filters, setFilters] = useState(() => filtersFromParams(params));
  const [search] = useDebouncedValue(filters.search.trim(), 300);
  const types = trpc.equipmentTypes.list.useQuery();
  const list = trpc.workOrders.list.useInfiniteQuery(
    {
      limit: PAGE_SIZE,
      statuses: filters.statuses.length ? filters.statuses : undefined,
      priorities: filters.priorities.length ? filters.priorities : undefined,
      equipmentTypeId: filters.equipmentTypeId ?? undefined,
      search: search || undefined,
    },
    // Keep the rows on screen while a changed filter loads, instead of flashing a skeleton.
    { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
  );
  const rows = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered =
    filters.statuses.length > 0 ||
    filters.priorities.length > 0 ||
    filters.equipmentTypeId !== null ||
    search !== '';

  return (
    <>
      <PageHeader title="Work orders">
        <LiveStatus
          updatedAt={list.dataUpdatedAt}
          fetching={list.isFetching && !list.isFetchingNextPage}
          onRefresh={() => void list.refetch()}
        />
        {/* Every order matching the filters, not only the pages loaded below. */}
        <DownloadCsvButton path={exportPathFor(filters, search)} label="Download CSV" />
        {canOperate && (
          <Button component={Link} to="/work-orders/new">
            New work order
          </Button>
        )}
      </PageHeader>
      <WorkOrderFilters value={filters} onChange={setFilters} equipmentTypes={types.data ?? []} />
      <QueryState
        loading={list.isLoading}
        error={list.error}
        empty={rows.length === 0}
        emptyText={filtered ? 'No work orders match these filters.' : 'No work orders yet.'}
      >
        <WorkOrdersTable rows={rows} />
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed" aria-live="polite">
            Showing {rows.length} work order{rows.length === 1 ? '' : 's'}
            {list.hasNextPage ? '' : ' (all)'}
          </Text>
          {list.hasNextPage && (
            <Button
              variant="default"
              onClick={() => void list.fetchNextPage()}
              loading={list.isFetchingNextPage}
            >
              Load more
            </Button>
          )}
        </Group>
      </QueryState>
    </>
  );
}
