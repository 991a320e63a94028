import type { TDriverStatus, TEquipmentStatus } from '@dispatch/domain';
import { Badge } from '@mantine/core';
import { humanize } from './status-badges';

const EQUIPMENT_COLOURS: Record<TEquipmentStatus, string> = {
  available: 'green',
  assigned: 'blue',
  maintenance: 'yellow',
  out_of_service: 'red',
};

const DRIVER_COLOURS: Record<TDriverStatus, string> = {
  available: 'green',
  assigned: 'blue',
  off_duty: 'gray',
};

/** Status in words; the colour only repeats what the words say. */
export function EquipmentStatusBadge({ status }: { status: TEquipmentStatus }) {
  return (
    <Badge color={EQUIPMENT_COLOURS[status]} variant="light">
      {humanize(status)}
    </Badge>
  );
}

export function DriverStatusBadge({ status }: { status: TDriverStatus }) {
  return (
    <Badge color={DRIVER_COLOURS[status]} variant="light">
      {humanize(status)}
    </Badge>
  );
}
