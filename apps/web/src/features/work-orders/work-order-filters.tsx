import {
  PRIORITIES,
  type TPriority,
  type TWorkOrderStatus,
  WORK_ORDER_STATUSES,
} from '@dispatch/domain';
import { MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { humanize } from '../../components/status-badges';

export interface TWorkOrderFilters {
  statuses: TWorkOrderStatus[];
  priorities: TPriority[];
  equipmentTypeId: string | null;
  search: string;
}

const isStatus = (value: string): value is TWorkOrderStatus =>
  (WORK_ORDER_STATUSES as readonly string[]).includes(value);
const isPriority = (value: string): value is TPriority =>
  (PRIORITIES as readonly string[]).includes(value);

/** Filters from a link such as `/work-orders?status=queued&priority=urgent`. */
export function filtersFromParams(params: URLSearchParams): TWorkOrderFilters {
  return {
    statuses: params.getAll('status').filter(isStatus),
    priorities: params.getAll('priority').filter(isPriority),
    equipmentTypeId: params.get('type'),
    search: params.get('q') ?? '',
  };
}

/**
 * The CSV download of the orders these filters show: the same fields `workOrders.list` takes, as
 * query parameters of /export/work-orders.csv (search is the debounced text the list uses).
 */
export function exportPathFor(filters: TWorkOrderFilters, search: string): string {
  const params = new URLSearchParams();
  for (const status of filters.statuses) params.append('statuses', status);
  for (const priority of filters.priorities) params.append('priorities', priority);
  if (filters.equipmentTypeId) params.set('equipmentTypeId', filters.equipmentTypeId);
  if (search) params.set('search', search);
  const query = params.toString();
  return `/export/work-orders.csv${query ? `?${query}` : ''}`;
}

export function WorkOrderFilters(props: {
  value: TWorkOrderFilters;
  onChange: (value: TWorkOrderFilters) => void;
  equipmentTypes: { id: string; name: string }[];
}) {
  const { value, onChange } = props;
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm" mb="md">
      <TextInput
        label="Search"
        placeholder="Reference, title or site"
        type="search"
        maxLength={100}
        value={value.search}
        onChange={(event) => onChange({ ...value, search: event.currentTarget.value })}
      />
      <MultiSelect
        label="Status"
        placeholder={value.statuses.length ? undefined : 'Any status'}
        data={WORK_ORDER_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
        value={value.statuses}
        onChange={(statuses) => onChange({ ...value, statuses: statuses.filter(isStatus) })}
        clearable
      />
      <MultiSelect
        label="Priority"
        placeholder={value.priorities.length ? undefined : 'Any priority'}
        data={PRIORITIES.map((p) => ({ value: p, label: humanize(p) }))}
        value={value.priorities}
        onChange={(priorities) => onChange({ ...value, priorities: priorities.filter(isPriority) })}
        clearable
      />
      <Select
        label="Equipment type"
        placeholder="Any type"
        data={props.equipmentTypes.map((t) => ({ value: t.id, label: t.name }))}
        value={value.equipmentTypeId}
        onChange={(equipmentTypeId) => onChange({ ...value, equipmentTypeId })}
        clearable
        searchable
      />
    </SimpleGrid>
  );
}
