import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { RouterOutputs } from '../../api/trpc';
import { PriorityBadge, StatusBadge } from '../../components/status-badges';
import { formatDateTime } from '../../lib/time';

type TWorkOrderRow = RouterOutputs['workOrders']['list']['items'][number];

export function WorkOrdersTable({ rows }: { rows: TWorkOrderRow[] }) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Caption>Work orders, newest first</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Reference</Table.Th>
            <Table.Th scope="col">Title</Table.Th>
            <Table.Th scope="col">Site</Table.Th>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Priority</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Equipment and driver</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} data-testid={`work-order-${row.reference}`}>
              <Table.Td>
                <Anchor
                  style={{ whiteSpace: 'nowrap' }}
                  component={Link}
                  to={`/work-orders/${row.id}`}
                  fw={600}
                >
                  {row.reference}
                </Anchor>
              </Table.Td>
              <Table.Td>{row.title}</Table.Td>
              <Table.Td>{row.siteAddress}</Table.Td>
              <Table.Td>{row.equipmentTypeName}</Table.Td>
              <Table.Td>
                <PriorityBadge priority={row.priority} />
              </Table.Td>
              <Table.Td>
                <StatusBadge status={row.status} />
              </Table.Td>
              <Table.Td>
                {row.dispatch ? (
                  `${row.dispatch.equipmentCode} · ${row.dispatch.driverName}`
                ) : (
                  <Text span c="dimmed" size="sm">
                    None
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{formatDateTime(row.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
