import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import type { RouterOutputs } from '../../api/trpc';
import { useCan } from '../auth/use-me';
import { AssignDialog } from '../assign/assign-dialog';
import { CancelDialog } from './cancel-dialog';
import { CompleteDialog } from './complete-dialog';
import { ReleaseDialog } from './release-dialog';

type TWorkOrder = RouterOutputs['workOrders']['get'];
type TDialog = 'assign' | 'release' | 'complete' | 'cancel';

/**
 * What a dispatcher can do with the order in its current status. Viewers see no actions at all,
 * not even disabled ones.
 */
export function WorkOrderActions({ order }: { order: TWorkOrder }) {
  const canOperate = useCan('operate');
  const [dialog, setDialog] = useState<TDialog | null>(null);
  if (!canOperate) return null;

  const waiting = order.status === 'new' || order.status === 'queued';
  const active =
    order.status === 'dispatched' || order.status === 'en_route' || order.status === 'on_site';
  const open = order.status !== 'completed' && order.status !== 'cancelled';
  const close = () => setDialog(null);
  const common = { workOrderId: order.id, reference: order.reference, onClose: close };

  return (
    <Group gap="sm">
      {waiting && <Button onClick={() => setDialog('assign')}>Assign</Button>}
      {order.status === 'on_site' && (
        <Button color="green" onClick={() => setDialog('complete')}>
          Complete
        </Button>
      )}
      {active && (
        <Button variant="light" color="orange" onClick={() => setDialog('release')}>
          Release to queue
        </Button>
      )}
      {open && (
        <Button variant="outline" color="red" onClick={() => setDialog('cancel')}>
          Cancel work order
        </Button>
      )}
      <AssignDialog workOrderId={order.id} opened={dialog === 'assign'} onClose={close} />
      <ReleaseDialog
        {...common}
        opened={dialog === 'release'}
        equipmentCode={order.dispatch?.equipmentCode ?? null}
      />
      <CompleteDialog {...common} opened={dialog === 'complete'} />
      <CancelDialog {...common} opened={dialog === 'cancel'} dispatched={active} />
    </Group>
  );
}
