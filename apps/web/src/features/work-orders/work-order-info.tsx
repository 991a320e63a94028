import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { RouterOutputs } from '../../api/trpc';
import { formatDateTime } from '../../lib/time';

type TWorkOrder = RouterOutputs['workOrders']['get'];

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {props.label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {props.children}
      </Text>
    </div>
  );
}

const when = (date: Date | null) => (date ? formatDateTime(date) : 'Not yet');

export function WorkOrderInfo({ order }: { order: TWorkOrder }) {
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        Details
      </Title>
      <Stack gap="sm">
        <Fact label="Site">{order.siteAddress}</Fact>
        <Fact label="Description">{order.description || 'None'}</Fact>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Fact label="Equipment type">{order.equipmentTypeName}</Fact>
          <Fact label="Due by">{order.dueBy ? formatDateTime(order.dueBy) : 'No deadline'}</Fact>
          <Fact label="Created by">{order.createdByName}</Fact>
          <Fact label="Created">{formatDateTime(order.createdAt)}</Fact>
          {order.queuedAt && (
            <Fact label="In the queue since">{formatDateTime(order.queuedAt)}</Fact>
          )}
          {order.completedAt && <Fact label="Completed">{formatDateTime(order.completedAt)}</Fact>}
          {order.cancelledAt && <Fact label="Cancelled">{formatDateTime(order.cancelledAt)}</Fact>}
          {order.cancelReason && <Fact label="Cancel reason">{order.cancelReason}</Fact>}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

export function CurrentDispatch({ order }: { order: TWorkOrder }) {
  const dispatch = order.dispatch;
  return (
    <Paper withBorder p="md" data-testid="current-dispatch">
      <Title order={3} size="h4" mb="sm">
        Current dispatch
      </Title>
      {!dispatch ? (
        <Text size="sm" c="dimmed">
          No equipment or driver assigned.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Fact label="Equipment">
            {dispatch.equipmentCode} — {dispatch.equipmentName}
          </Fact>
          <Fact label="Driver">{dispatch.driverName}</Fact>
          <Fact label="Driver's phone">
            <Anchor href={`tel:${dispatch.driverPhone.replace(/[^+0-9]/g, '')}`}>
              {dispatch.driverPhone}
            </Anchor>
          </Fact>
          <Fact label="Assigned">{formatDateTime(dispatch.assignedAt)}</Fact>
          <Fact label="On the way">{when(dispatch.enRouteAt)}</Fact>
          <Fact label="On site">{when(dispatch.onSiteAt)}</Fact>
        </SimpleGrid>
      )}
    </Paper>
  );
}
