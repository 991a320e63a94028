import { Anchor, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { EquipmentStatusBadge } from '../../components/resource-badges';
import { WorkOrderLink } from '../../components/work-order-link';
import { formatDateTime } from '../../lib/time';
import type { TEquipmentUnit } from './history-types';

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {props.label}
      </Text>
      <Text size="sm" component="div">
        {props.children}
      </Text>
    </div>
  );
}

/** Who the unit is and where it stands now; the timeline below says how it got there. */
export function UnitHeader({ unit }: { unit: TEquipmentUnit }) {
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/equipment" size="sm">
        ← Equipment
      </Anchor>
      <Group gap="sm" wrap="wrap">
        <Title order={2}>{unit.code}</Title>
        <EquipmentStatusBadge status={unit.status} />
      </Group>
      <Text size="lg" style={{ overflowWrap: 'anywhere' }}>
        {unit.name}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <Fact label="Type">{unit.typeName}</Fact>
        <Fact label="Status since">
          <time dateTime={unit.statusChangedAt.toISOString()}>
            {formatDateTime(unit.statusChangedAt)}
          </time>
        </Fact>
        <Fact label="Work order">
          <WorkOrderLink order={unit.activeWorkOrder} />
        </Fact>
      </SimpleGrid>
    </Stack>
  );
}
