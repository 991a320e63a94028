import { ZAdvanceDispatchSchema } from '@dispatch/domain';
import { Alert, Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { apiErrorInfo } from '../../api/errors';
import { trpc } from '../../api/trpc';
import { useServerFieldErrors } from '../../components/server-errors';
import type { TJob, TNextStep } from './job';

/** "Are you sure?" with big answers; for completion it also asks for a note. */
export function ConfirmStepModal(props: { job: TJob; step: TNextStep; onClose: () => void }) {
  const { job, step } = props;
  const utils = trpc.useUtils();
  const advance = trpc.driverApp.advance.useMutation();
  const form = useForm({
    initialValues: { dispatchId: job.dispatchId, to: step.to, note: '' },
    validate: schemaResolver(ZAdvanceDispatchSchema, { sync: true }),
  });
  const error = advance.error ? apiErrorInfo(advance.error) : null;
  useServerFieldErrors(form.setErrors, error?.fieldErrors);

  const submit = form.onSubmit((values) => {
    const parsed = ZAdvanceDispatchSchema.safeParse(values);
    if (!parsed.success) return;
    advance.mutate(parsed.data, {
      onSuccess: () => {
        notifications.show({ color: 'green', title: step.label, message: step.done });
        props.onClose();
      },
      // The job may have changed under us (e.g. taken back by dispatch): show the latest.
      onError: () => void utils.driverApp.myDispatches.invalidate(),
    });
  });

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={`${step.label}?`}
      centered
      size="md"
      closeButtonProps={{ size: 'xl', 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="lg" style={{ overflowWrap: 'anywhere' }}>
            {step.question} ({job.reference}, {job.title})
          </Text>
          {step.askNote && (
            <Textarea
              label="Completion note"
              description="What was done, and anything dispatch should know (optional)"
              autosize
              minRows={3}
              maxRows={8}
              maxLength={2000}
              size="md"
              {...form.getInputProps('note')}
            />
          )}
          {error && !error.fieldErrors?.note && (
            <Alert color="red" role="alert" title="Not saved">
              {error.message}
            </Alert>
          )}
          <Button type="submit" size="lg" mih={56} fullWidth loading={advance.isPending}>
            {step.yes}
          </Button>
          <Button
            variant="default"
            size="lg"
            mih={56}
            fullWidth
            disabled={advance.isPending}
            onClick={props.onClose}
          >
            Not yet
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
