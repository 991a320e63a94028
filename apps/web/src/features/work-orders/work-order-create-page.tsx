import type { TCreateWorkOrder } from '@dispatch/domain';
import { Alert, Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { type RouterOutputs, trpc } from '../../api/trpc';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { useIdempotencyKey } from '../../lib/use-idempotency-key';
import { useCan } from '../auth/use-me';
import { WorkOrderForm } from './work-order-form';

type TWorkOrderSummary = RouterOutputs['workOrders']['create'];

/** What happened to the new order: dispatched at once, or waiting in the queue. */
function outcome(order: TWorkOrderSummary): string {
  if (order.dispatch) {
    return `Dispatched at once: ${order.dispatch.equipmentCode} with ${order.dispatch.driverName}.`;
  }
  if (order.status === 'queued') return 'Queued: it waits for free equipment and a driver.';
  return `Status: ${order.status.replace(/_/g, ' ')}.`;
}

export default function WorkOrderCreatePage() {
  const canOperate = useCan('operate');
  const types = trpc.equipmentTypes.list.useQuery();
  const create = trpc.workOrders.create.useMutation();
  const idempotency = useIdempotencyKey();
  const navigate = useNavigate();

  async function submit(values: TCreateWorkOrder) {
    const { idempotencyKey: _ignored, ...fields } = values;
    // The same entries submitted again (e.g. after a network failure) reuse the key, so the server
    // creates the order at most once.
    const idempotencyKey = idempotency.keyFor(JSON.stringify(fields));
    const order = await create.mutateAsync({ ...fields, idempotencyKey });
    idempotency.reset();
    notifications.show({
      color: order.dispatch ? 'green' : 'blue',
      title: `${order.reference} created`,
      message: outcome(order),
    });
    await navigate(`/work-orders/${order.id}`);
  }

  return (
    <>
      <PageHeader title="New work order" />
      {!canOperate ? (
        <Alert color="yellow" title="View only">
          Only dispatchers can create work orders.{' '}
          <Anchor component={Link} to="/work-orders">
            Back to work orders
          </Anchor>
        </Alert>
      ) : (
        <QueryState loading={types.isLoading} error={types.error}>
          {types.data?.length === 0 && (
            <Text c="dimmed" mb="md">
              There are no equipment types yet: an administrator adds them on the Equipment page.
            </Text>
          )}
          <WorkOrderForm
            equipmentTypes={types.data ?? []}
            onSubmit={submit}
            onCancel={() => void navigate('/work-orders')}
          />
        </QueryState>
      )}
    </>
  );
}
