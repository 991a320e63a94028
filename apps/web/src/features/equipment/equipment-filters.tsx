import { EQUIPMENT_STATUSES, type TEquipmentStatus } from '@dispatch/domain';
import { Group, Select, TextInput } from '@mantine/core';
import { humanize } from '../../components/status-badges';
import type { TEquipmentType } from './equipment-types';

export interface TEquipmentFilters {
  status: TEquipmentStatus | null;
  typeId: string | null;
  search: string;
}

const isStatus = (value: string | null): value is TEquipmentStatus =>
  EQUIPMENT_STATUSES.some((status) => status === value);

export function EquipmentFilters(props: {
  value: TEquipmentFilters;
  types: readonly TEquipmentType[];
  onChange: (value: TEquipmentFilters) => void;
}) {
  const { value, onChange } = props;
  return (
    <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
      <TextInput
        label="Search equipment"
        placeholder="Code or name"
        type="search"
        maxLength={100}
        value={value.search}
        onChange={(event) => onChange({ ...value, search: event.currentTarget.value })}
      />
      <Select
        label="Filter by status"
        placeholder="Any status"
        clearable
        data={EQUIPMENT_STATUSES.map((status) => ({ value: status, label: humanize(status) }))}
        value={value.status}
        onChange={(status) => onChange({ ...value, status: isStatus(status) ? status : null })}
      />
      <Select
        label="Filter by type"
        placeholder="Any type"
        clearable
        data={props.types.map((type) => ({ value: type.id, label: type.name }))}
        value={value.typeId}
        onChange={(typeId) => onChange({ ...value, typeId })}
      />
    </Group>
  );
}
