import { ZCreateEquipmentSchema, ZUpdateEquipmentSchema } from '@dispatch/domain';
import { Alert, Button, Group, Select, Stack, TextInput } from '@mantine/core';
import { type FormErrors, schemaResolver, useForm } from '@mantine/form';
import { type TServerFieldErrors, useServerFieldErrors } from '../../components/server-errors';

export interface TEquipmentFormValues {
  code: string;
  name: string;
  typeId: string;
}

/** What the form submits: validated and normalised by the shared schema (code upper-cased). */
export type TEquipmentFormResult = TEquipmentFormValues;

export interface TEquipmentFormProps {
  types: readonly { id: string; name: string }[];
  /** The unit being edited; without it the form creates a new one. */
  initial?: { id: string } & TEquipmentFormValues;
  onSubmit: (values: TEquipmentFormResult) => void;
  serverErrors?: TServerFieldErrors;
  serverMessage?: string | null;
  submitting?: boolean;
  onCancel?: () => void;
}

const resolveCreate = schemaResolver(ZCreateEquipmentSchema, { sync: true });
const resolveUpdate = schemaResolver(ZUpdateEquipmentSchema, { sync: true });

function validate(values: TEquipmentFormValues, id: string | undefined): FormErrors {
  const errors = id ? resolveUpdate({ id, ...values }) : resolveCreate(values);
  // An unchosen type fails the schema as "not a valid id"; say what to do instead.
  if (!values.typeId && errors.typeId) errors.typeId = 'Choose an equipment type.';
  return errors;
}

function normalise(values: TEquipmentFormValues): TEquipmentFormResult | null {
  const parsed = ZCreateEquipmentSchema.safeParse(values);
  if (!parsed.success) return null;
  const { code, name, typeId } = parsed.data;
  return { code, name, typeId };
}

export function EquipmentForm(props: TEquipmentFormProps) {
  const editId = props.initial?.id;
  const form = useForm<TEquipmentFormValues>({
    initialValues: {
      code: props.initial?.code ?? '',
      name: props.initial?.name ?? '',
      typeId: props.initial?.typeId ?? '',
    },
    validate: (values) => validate(values, editId),
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
          label="Code"
          description="Letters, digits and dashes, e.g. T-12"
          withAsterisk
          maxLength={20}
          autoComplete="off"
          {...form.getInputProps('code')}
        />
        <TextInput label="Name" withAsterisk maxLength={120} {...form.getInputProps('name')} />
        <Select
          label="Type"
          withAsterisk
          placeholder={props.types.length ? 'Choose a type' : 'Add a type in Settings first'}
          data={props.types.map((type) => ({ value: type.id, label: type.name }))}
          {...form.getInputProps('typeId')}
          value={form.values.typeId || null}
          onChange={(value) => form.setFieldValue('typeId', value ?? '')}
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
            {editId ? 'Save changes' : 'Add equipment'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
