import { Button } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { trpc } from '../../api/trpc';
import { LiveStatus } from '../../components/live-status';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useCan } from '../auth/use-me';
import { LoadMore } from '../../components/load-more';
import { DriverFilters, type TDriverFilters } from './driver-filters';
import { DriverFormModal } from './driver-form-modal';
import type { TDriverItem } from './driver-types';
import { DriversTable } from './drivers-table';

export default function DriversPage() {
  const canAdminister = useCan('administer');
  const canOperate = useCan('operate');
  const [filters, setFilters] = useState<TDriverFilters>({ status: null, search: '' });
  const [search] = useDebouncedValue(filters.search.trim(), 300);
  const [editing, setEditing] = useState<TDriverItem | 'new' | null>(null);
  const types = trpc.equipmentTypes.list.useQuery(undefined, { enabled: canAdminister });
  const list = trpc.drivers.list.useInfiniteQuery(
    { status: filters.status ?? undefined, search: search || undefined, limit: 25 },
    { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.status || search);

  return (
    <>
      <PageHeader title="Drivers">
        <LiveStatus
          updatedAt={list.dataUpdatedAt}
          fetching={list.isFetching && !list.isFetchingNextPage}
          onRefresh={() => void list.refetch()}
        />
        {canAdminister && (
          <Button mih={44} onClick={() => setEditing('new')}>
            Add driver
          </Button>
        )}
      </PageHeader>
      <DriverFilters value={filters} onChange={setFilters} />
      <QueryState
        loading={list.isLoading}
        error={list.error}
        empty={items.length === 0}
        emptyText={filtered ? 'No drivers match these filters.' : 'No drivers yet.'}
      >
        <DriversTable
          items={items}
          canAdminister={canAdminister}
          canOperate={canOperate}
          onEdit={setEditing}
        />
        <LoadMore
          hasNextPage={list.hasNextPage}
          loading={list.isFetchingNextPage}
          shown={items.length}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </QueryState>
      {canAdminister && editing && (
        <DriverFormModal
          driver={editing === 'new' ? null : editing}
          types={types.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
