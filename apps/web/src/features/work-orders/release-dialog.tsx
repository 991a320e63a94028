import { type TSettableEquipmentStatus, ZReleaseDispatchSchema } from '@dispatch/domain';
import { Checkbox, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { trpc } from '../../api/trpc';
import { ActionDialog } from './action-dialog';

export interface TDialogProps {
  workOrderId: string;
  reference: string;
  opened: boolean;
  onClose: () => void;
}

/** Sends an active order back to the queue at its old place; a breakdown takes the unit out. */
export function ReleaseDialog(props: TDialogProps & { equipmentCode: string | null }) {
  const release = trpc.dispatch.release.useMutation();
  const equipment = props.equipmentCode ?? 'the equipment';
  return (
    <ActionDialog
      opened={props.opened}
      onClose={props.onClose}
      title={`Release ${props.reference} to the queue`}
      description={`The driver is freed and ${props.reference} waits again at its original place in the queue.`}
      confirmLabel="Release to queue"
      confirmColor="orange"
      initialValues={{
        workOrderId: props.workOrderId,
        reason: '',
        equipmentStatus: 'available' as TSettableEquipmentStatus,
      }}
      schema={ZReleaseDispatchSchema}
      fields={(form) => (
        <>
          <Textarea
            label="Reason"
            withAsterisk
            rows={3}
            maxLength={500}
            {...form.getInputProps('reason')}
          />
          <Checkbox
            label={`Equipment broke down: send ${equipment} to maintenance`}
            checked={form.values.equipmentStatus === 'maintenance'}
            onChange={(event) =>
              form.setFieldValue(
                'equipmentStatus',
                event.currentTarget.checked ? 'maintenance' : 'available',
              )
            }
          />
        </>
      )}
      onConfirm={async (values) => {
        await release.mutateAsync(values);
        notifications.show({
          color: 'orange',
          title: `${props.reference} released`,
          message:
            values.equipmentStatus === 'maintenance'
              ? `Back in the queue; ${equipment} is in maintenance.`
              : 'Back in the queue.',
        });
      }}
    />
  );
}
