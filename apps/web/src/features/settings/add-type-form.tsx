import { ZCreateEquipmentTypeSchema } from '@dispatch/domain';
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { trpc } from '../../api/trpc';
import { notifySuccess } from '../../components/notify';
import { useServerErrorState, useServerFieldErrors } from '../../components/server-errors';

const REASON_FIELDS = { EQUIPMENT_TYPE_NAME_TAKEN: 'name' };

/** Admins add an equipment type; the name is normalised to lower case by the shared schema. */
export function AddTypeForm() {
  const create = trpc.equipmentTypes.create.useMutation();
  const errors = useServerErrorState(create.error, REASON_FIELDS);
  const form = useForm({
    initialValues: { name: '' },
    validate: schemaResolver(ZCreateEquipmentTypeSchema, { sync: true }),
  });
  useServerFieldErrors(form.setErrors, errors.fieldErrors);

  const submit = form.onSubmit((values) => {
    const parsed = ZCreateEquipmentTypeSchema.safeParse(values);
    if (!parsed.success) return;
    create.mutate(parsed.data, {
      onSuccess: (type) => {
        notifySuccess(`Type ${type.name} added.`);
        form.reset();
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        <TextInput
          label="New equipment type"
          description="Lowercase letters, digits and dashes, e.g. crane-50t"
          maxLength={40}
          autoComplete="off"
          maw={360}
          {...form.getInputProps('name')}
        />
        <Group>
          <Button type="submit" mih={44} loading={create.isPending}>
            Add type
          </Button>
        </Group>
        {errors.message && (
          <Alert color="red" role="alert" title="Not added">
            {errors.message}
          </Alert>
        )}
      </Stack>
    </form>
  );
}
