import { DRIVER_STATUSES, type TDriverStatus } from '@dispatch/domain';
import { Group, Select, TextInput } from '@mantine/core';
import { humanize } from '../../components/status-badges';

export interface TDriverFilters {
  status: TDriverStatus | null;
  search: string;
}

const isStatus = (value: string | null): value is TDriverStatus =>
  DRIVER_STATUSES.some((status) => status === value);

export function DriverFilters(props: {
  value: TDriverFilters;
  onChange: (value: TDriverFilters) => void;
}) {
  const { value, onChange } = props;
  return (
    <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
      <TextInput
        label="Search drivers"
        placeholder="Name, email or phone"
        type="search"
        maxLength={100}
        value={value.search}
        onChange={(event) => onChange({ ...value, search: event.currentTarget.value })}
      />
      <Select
        label="Filter by status"
        placeholder="Any status"
        clearable
        data={DRIVER_STATUSES.map((status) => ({ value: status, label: humanize(status) }))}
        value={value.status}
        onChange={(status) => onChange({ ...value, status: isStatus(status) ? status : null })}
      />
    </Group>
  );
}
