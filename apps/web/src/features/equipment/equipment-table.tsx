import { Anchor, Button, Group, Table, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { EquipmentStatusActions } from './equipment-status-actions';
import type { TEquipmentItem } from './equipment-types';
import { EquipmentStatusBadge } from '../../components/resource-badges';
import { WorkOrderLink } from '../../components/work-order-link';

export function EquipmentTable(props: {
  items: readonly TEquipmentItem[];
  canAdminister: boolean;
  onEdit: (item: TEquipmentItem) => void;
}) {
  return (
    <Table.ScrollContainer minWidth={props.canAdminister ? 960 : 640}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Caption>Equipment, by code</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Code</Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Work order</Table.Th>
            {props.canAdminister && <Table.Th scope="col">Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/equipment/${item.id}`}>
                  {item.code}
                </Anchor>
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{item.name}</Table.Td>
              <Table.Td>{item.typeName}</Table.Td>
              <Table.Td>
                <EquipmentStatusBadge status={item.status} />
                <Text size="xs" c="dimmed">
                  since {dayjs(item.statusChangedAt).format('D MMM HH:mm')}
                </Text>
              </Table.Td>
              <Table.Td>
                <WorkOrderLink order={item.activeWorkOrder} />
              </Table.Td>
              {props.canAdminister && (
                <Table.Td>
                  <Group gap="xs" align="flex-start" wrap="nowrap">
                    <Button
                      size="xs"
                      mih={44}
                      variant="default"
                      onClick={() => props.onEdit(item)}
                      aria-label={`Edit ${item.code}`}
                    >
                      Edit
                    </Button>
                    <EquipmentStatusActions item={item} />
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
