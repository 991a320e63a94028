import { Badge, Button, Group, Table, Text } from '@mantine/core';
import { DriverStatusBadge } from '../../components/resource-badges';
import { WorkOrderLink } from '../../components/work-order-link';
import { DriverAvailabilityAction } from './driver-availability-action';
import type { TDriverItem } from './driver-types';

export function DriversTable(props: {
  items: readonly TDriverItem[];
  canAdminister: boolean;
  canOperate: boolean;
  onEdit: (driver: TDriverItem) => void;
}) {
  const withActions = props.canAdminister || props.canOperate;
  return (
    <Table.ScrollContainer minWidth={withActions ? 960 : 760}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Caption>Drivers, by name</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Contact</Table.Th>
            <Table.Th scope="col">Qualifications</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Work order</Table.Th>
            {withActions && <Table.Th scope="col">Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.items.map((driver) => (
            <Table.Tr key={driver.id}>
              <Table.Th scope="row" style={{ overflowWrap: 'anywhere' }}>
                {driver.name}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <Text size="sm">{driver.phone}</Text>
                <Text size="sm" c="dimmed">
                  {driver.email}
                </Text>
              </Table.Td>
              <Table.Td>
                {driver.qualifications.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    None
                  </Text>
                ) : (
                  <Group gap={4}>
                    {driver.qualifications.map((type) => (
                      <Badge key={type.id} variant="outline" color="gray">
                        {type.name}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <DriverStatusBadge status={driver.status} />
              </Table.Td>
              <Table.Td>
                <WorkOrderLink order={driver.activeWorkOrder} />
              </Table.Td>
              {withActions && (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {props.canAdminister && (
                      <Button
                        size="xs"
                        mih={44}
                        variant="default"
                        aria-label={`Edit ${driver.name}`}
                        onClick={() => props.onEdit(driver)}
                      >
                        Edit
                      </Button>
                    )}
                    {props.canOperate && <DriverAvailabilityAction driver={driver} />}
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
