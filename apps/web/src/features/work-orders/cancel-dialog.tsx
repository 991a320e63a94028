import { ZCancelWorkOrderSchema } from '@dispatch/domain';
import { Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { trpc } from '../../api/trpc';
import { ActionDialog } from './action-dialog';
import type { TDialogProps } from './release-dialog';

/** Cancels an open order; one that is dispatched frees its equipment and driver. */
export function CancelDialog(props: TDialogProps & { dispatched: boolean }) {
  const cancel = trpc.workOrders.cancel.useMutation();
  return (
    <ActionDialog
      opened={props.opened}
      onClose={props.onClose}
      title={`Cancel ${props.reference}`}
      description={
        props.dispatched
          ? 'The job is called off and its equipment and driver are freed. This cannot be undone.'
          : 'The job is called off and leaves the queue. This cannot be undone.'
      }
      confirmLabel="Cancel work order"
      confirmColor="red"
      initialValues={{ id: props.workOrderId, reason: '' }}
      schema={ZCancelWorkOrderSchema}
      fields={(form) => (
        <Textarea
          label="Reason"
          withAsterisk
          rows={3}
          maxLength={500}
          {...form.getInputProps('reason')}
        />
      )}
      onConfirm={async (values) => {
        await cancel.mutateAsync(values);
        notifications.show({
          color: 'gray',
          title: `${props.reference} cancelled`,
          message: values.reason,
        });
      }}
    />
  );
}
