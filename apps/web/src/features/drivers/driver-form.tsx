import { ZCreateDriverSchema, ZUpdateDriverSchema } from '@dispatch/domain';
import { Alert, Button, Group, MultiSelect, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { type TServerFieldErrors, useServerFieldErrors } from '../../components/server-errors';

export interface TDriverFormValues {
  name: string;
  phone: string;
  email: string;
  /** Empty means "no login linked". */
  subject: string;
  qualificationTypeIds: string[];
}

/** Validated and trimmed by the shared schema; `subject` is null when no login is linked. */
export interface TDriverFormResult {
  name: string;
  phone: string;
  email: string;
  subject: string | null;
  qualificationTypeIds: string[];
}

export interface TDriverFormProps {
  types: readonly { id: string; name: string }[];
  /** The driver being edited; without it the form creates a new one. */
  initial?: {
    id: string;
    name: string;
    phone: string;
    email: string;
    subject: string | null;
    qualificationTypeIds: string[];
  };
  onSubmit: (values: TDriverFormResult) => void;
  serverErrors?: TServerFieldErrors;
  serverMessage?: string | null;
  submitting?: boolean;
  onCancel?: () => void;
}

const resolveCreate = schemaResolver(ZCreateDriverSchema, { sync: true });
const resolveUpdate = schemaResolver(ZUpdateDriverSchema, { sync: true });

/** The schema's input: an empty login is "none" (left out on create, cleared on edit). */
const createInput = (values: TDriverFormValues) => ({
  ...values,
  subject: values.subject.trim() || undefined,
});
const updateInput = (id: string, values: TDriverFormValues) => ({
  id,
  ...values,
  subject: values.subject.trim() || null,
});

function normalise(values: TDriverFormValues): TDriverFormResult | null {
  const parsed = ZCreateDriverSchema.safeParse(createInput(values));
  if (!parsed.success) return null;
  const { name, phone, email, subject, qualificationTypeIds } = parsed.data;
  return { name, phone, email, subject: subject ?? null, qualificationTypeIds };
}

export function DriverForm(props: TDriverFormProps) {
  const editId = props.initial?.id;
  const form = useForm<TDriverFormValues>({
    initialValues: {
      name: props.initial?.name ?? '',
      phone: props.initial?.phone ?? '',
      email: props.initial?.email ?? '',
      subject: props.initial?.subject ?? '',
      qualificationTypeIds: props.initial?.qualificationTypeIds ?? [],
    },
    validate: (values) =>
      editId ? resolveUpdate(updateInput(editId, values)) : resolveCreate(createInput(values)),
  });
  useServerFieldErrors(form.setErrors, props.serverErrors);

  const submit = form.onSubmit((values) => {
    const result = normalise(values);
    if (result) props.onSubmit(result);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Name"
          withAsterisk
          maxLength={120}
          autoComplete="off"
          {...form.getInputProps('name')}
        />
        <TextInput
          label="Phone"
          withAsterisk
          type="tel"
          description="e.g. +44 20 7946 0958"
          {...form.getInputProps('phone')}
        />
        <TextInput
          label="Email"
          withAsterisk
          type="email"
          maxLength={254}
          {...form.getInputProps('email')}
        />
        <TextInput
          label="Login subject"
          description="Optional: the driver's login id, which lets them use the driver app"
          maxLength={255}
          autoComplete="off"
          {...form.getInputProps('subject')}
        />
        <MultiSelect
          label="Qualifications"
          description="Equipment types this driver may operate"
          placeholder={props.types.length ? 'Choose types' : 'No equipment types yet'}
          data={props.types.map((type) => ({ value: type.id, label: type.name }))}
          searchable
          clearable
          {...form.getInputProps('qualificationTypeIds')}
        />
        {props.serverMessage && (
          <Alert color="red" role="alert" title="Not saved">
            {props.serverMessage}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          {props.onCancel && (
            <Button variant="default" mih={44} onClick={props.onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" mih={44} loading={props.submitting}>
            {editId ? 'Save changes' : 'Add driver'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
