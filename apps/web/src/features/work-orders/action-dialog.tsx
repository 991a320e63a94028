import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type UseFormReturnType, schemaResolver, useForm } from '@mantine/form';
import { type ReactNode, useState } from 'react';
import { apiErrorInfo } from '../../api/errors';

export interface TActionDialogProps<TValues extends Record<string, unknown>> {
  opened: boolean;
  onClose: () => void;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  confirmColor?: string;
  initialValues: TValues;
  /** The shared zod schema of the procedure's input: the same checks as the server. */
  schema: Parameters<typeof schemaResolver>[0];
  fields: (form: UseFormReturnType<TValues>) => ReactNode;
  onConfirm: (values: TValues) => Promise<unknown>;
}

/**
 * A confirmation with a small form (a reason, a note): validated with the procedure's schema,
 * showing the server's message and field errors, and staying open until the change succeeds.
 */
export function ActionDialog<TValues extends Record<string, unknown>>(
  props: TActionDialogProps<TValues>,
) {
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<TValues>({
    mode: 'controlled',
    initialValues: props.initialValues,
    validate: schemaResolver(props.schema, { sync: true }),
  });

  function close() {
    form.reset();
    setProblem(null);
    props.onClose();
  }

  const submit = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await props.onConfirm(values);
      close();
    } catch (error) {
      const info = apiErrorInfo(error);
      const fieldErrors = Object.entries(info.fieldErrors ?? {}).flatMap(([field, messages]) =>
        messages?.[0] ? [[field, messages[0]] as const] : [],
      );
      if (fieldErrors.length) form.setErrors(Object.fromEntries(fieldErrors));
      setProblem(info.message);
    }
  });

  return (
    <Modal opened={props.opened} onClose={close} title={props.title}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {problem && (
            <Alert color="red" role="alert" title="Not done">
              {problem}
            </Alert>
          )}
          <Text size="sm">{props.description}</Text>
          {props.fields(form)}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Back
            </Button>
            <Button type="submit" color={props.confirmColor} loading={form.submitting}>
              {props.confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
