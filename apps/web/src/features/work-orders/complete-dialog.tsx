import { ZCompleteDispatchSchema } from '@dispatch/domain';
import { Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { trpc } from '../../api/trpc';
import { ActionDialog } from './action-dialog';
import type { TDialogProps } from './release-dialog';

/** A dispatcher completes an on-site job for a driver who cannot. */
export function CompleteDialog(props: TDialogProps) {
  const complete = trpc.dispatch.complete.useMutation();
  return (
    <ActionDialog
      opened={props.opened}
      onClose={props.onClose}
      title={`Complete ${props.reference}`}
      description="Mark the job done on the driver's behalf. The equipment and the driver become free."
      confirmLabel="Mark completed"
      confirmColor="green"
      initialValues={{ workOrderId: props.workOrderId, note: '' }}
      schema={ZCompleteDispatchSchema}
      fields={(form) => (
        <Textarea
          label="Completion note"
          rows={3}
          maxLength={2000}
          {...form.getInputProps('note')}
        />
      )}
      onConfirm={async (values) => {
        await complete.mutateAsync(values);
        notifications.show({
          color: 'green',
          title: `${props.reference} completed`,
          message: 'The equipment and driver are free again.',
        });
      }}
    />
  );
}
