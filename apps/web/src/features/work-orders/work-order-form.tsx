import {
  PRIORITIES,
  type TCreateWorkOrder,
  type TCreateWorkOrderInput,
  type TPriority,
  ZCreateWorkOrderSchema,
} from '@dispatch/domain';
import {
  Alert,
  Button,
  Group,
  Input,
  SegmentedControl,
  Select,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { schemaResolver, useForm } from '@mantine/form';
import dayjs from 'dayjs';
import { useState } from 'react';
import { apiErrorInfo } from '../../api/errors';
import { humanize } from '../../components/status-badges';

export interface TWorkOrderFormValues {
  title: string;
  description: string;
  siteAddress: string;
  equipmentTypeId: string | null;
  priority: TPriority;
  /** As the date picker gives it: "YYYY-MM-DD HH:mm:ss", local time. */
  dueBy: string | null;
}

export interface TWorkOrderFormProps {
  equipmentTypes: { id: string; name: string }[];
  /** Receives the values as the shared schema parsed them; a rejection shows its errors. */
  onSubmit: (values: TCreateWorkOrder) => Promise<unknown>;
  onCancel?: () => void;
  submitLabel?: string;
}

const EMPTY: TWorkOrderFormValues = {
  title: '',
  description: '',
  siteAddress: '',
  equipmentTypeId: null,
  priority: 'standard',
  dueBy: null,
};

/** The form's values in the shape the shared schema (and so the server) expects. */
export function toCreateInput(values: TWorkOrderFormValues): TCreateWorkOrderInput {
  return {
    title: values.title,
    description: values.description,
    siteAddress: values.siteAddress,
    equipmentTypeId: values.equipmentTypeId ?? '',
    priority: values.priority,
    dueBy: values.dueBy ? dayjs(values.dueBy).toDate() : undefined,
  };
}

const resolve = schemaResolver(ZCreateWorkOrderSchema, { sync: true });

/** First message per field, from the server's `fieldErrors`. */
function firstErrors(fieldErrors: Record<string, string[] | undefined>) {
  return Object.fromEntries(
    Object.entries(fieldErrors).flatMap(([field, messages]) =>
      messages?.[0] ? [[field, messages[0]]] : [],
    ),
  );
}

/** A new work order, checked with the same zod schema the server uses. */
export function WorkOrderForm(props: TWorkOrderFormProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TWorkOrderFormValues>({
    mode: 'controlled',
    initialValues: EMPTY,
    validate: (values) => resolve(toCreateInput(values)),
  });

  const submit = form.onSubmit(async (values) => {
    setFormError(null);
    const parsed = ZCreateWorkOrderSchema.parse(toCreateInput(values));
    try {
      await props.onSubmit(parsed);
    } catch (error) {
      const info = apiErrorInfo(error);
      if (info.fieldErrors) form.setErrors(firstErrors(info.fieldErrors));
      setFormError(
        info.network
          ? `${info.message} Your entries are kept: submit again to retry.`
          : info.message,
      );
    }
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Work order">
      <Stack gap="md" maw={640}>
        {formError && (
          <Alert color="red" role="alert" title="Not saved">
            {formError}
          </Alert>
        )}
        <TextInput label="Title" withAsterisk maxLength={200} {...form.getInputProps('title')} />
        <Textarea
          label="Description"
          rows={4}
          maxLength={5000}
          {...form.getInputProps('description')}
        />
        <TextInput
          label="Site address"
          withAsterisk
          maxLength={300}
          {...form.getInputProps('siteAddress')}
        />
        <Select
          label="Equipment type"
          withAsterisk
          placeholder="Pick the equipment the job needs"
          data={props.equipmentTypes.map((type) => ({ value: type.id, label: type.name }))}
          searchable
          nothingFoundMessage="No such type"
          {...form.getInputProps('equipmentTypeId')}
        />
        <Input.Wrapper label="Priority" id="work-order-priority" labelElement="div">
          <SegmentedControl
            aria-labelledby="work-order-priority-label"
            fullWidth
            data={PRIORITIES.map((p) => ({ value: p, label: humanize(p) }))}
            {...form.getInputProps('priority')}
          />
        </Input.Wrapper>
        <DateTimePicker
          label="Due by"
          placeholder="Optional"
          clearable
          valueFormat="D MMM YYYY HH:mm"
          {...form.getInputProps('dueBy')}
        />
        <Group justify="flex-end">
          {props.onCancel && (
            <Button variant="default" onClick={props.onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={form.submitting}>
            {props.submitLabel ?? 'Create work order'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
