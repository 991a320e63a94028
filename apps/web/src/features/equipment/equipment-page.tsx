import { Button } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { trpc } from '../../api/trpc';
import { LiveStatus } from '../../components/live-status';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useCan } from '../auth/use-me';
import { EquipmentFilters, type TEquipmentFilters } from './equipment-filters';
import { EquipmentFormModal } from './equipment-form-modal';
import { EquipmentTable } from './equipment-table';
import type { TEquipmentItem } from './equipment-types';
import { LoadMore } from '../../components/load-more';

export default function EquipmentPage() {
  const canAdminister = useCan('administer');
  const [filters, setFilters] = useState<TEquipmentFilters>({
    status: null,
    typeId: null,
    search: '',
  });
  const [search] = useDebouncedValue(filters.search.trim(), 300);
  const [editing, setEditing] = useState<TEquipmentItem | 'new' | null>(null);
  const types = trpc.equipmentTypes.list.useQuery();
  const list = trpc.equipment.list.useInfiniteQuery(
    {
      status: filters.status ?? undefined,
      typeId: filters.typeId ?? undefined,
      search: search || undefined,
      limit: 25,
    },
    { getNextPageParam: (page) => page.nextCursor, placeholderData: keepPreviousData },
  );
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.status || filters.typeId || search);

  return (
    <>
      <PageHeader title="Equipment">
        <LiveStatus
          updatedAt={list.dataUpdatedAt}
          fetching={list.isFetching && !list.isFetchingNextPage}
          onRefresh={() => void list.refetch()}
        />
        {canAdminister && (
          <Button mih={44} onClick={() => setEditing('new')}>
            Add equipment
          </Button>
        )}
      </PageHeader>
      <EquipmentFilters value={filters} types={types.data ?? []} onChange={setFilters} />
      <QueryState
        loading={list.isLoading}
        error={list.error}
        empty={items.length === 0}
        emptyText={filtered ? 'No equipment matches these filters.' : 'No equipment yet.'}
      >
        <EquipmentTable items={items} canAdminister={canAdminister} onEdit={setEditing} />
        <LoadMore
          hasNextPage={list.hasNextPage}
          loading={list.isFetchingNextPage}
          shown={items.length}
          onLoadMore={() => void list.fetchNextPage()}
        />
      </QueryState>
      {canAdminister && editing && (
        <EquipmentFormModal
          item={editing === 'new' ? null : editing}
          types={types.data ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
