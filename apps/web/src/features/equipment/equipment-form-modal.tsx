import { Modal } from '@mantine/core';
import { useState } from 'react';
import { trpc } from '../../api/trpc';
import { EquipmentForm, type TEquipmentFormResult } from './equipment-form';
import type { TEquipmentItem, TEquipmentType } from './equipment-types';
import { notifySuccess } from '../../components/notify';
import { useServerErrorState } from '../../components/server-errors';

const REASON_FIELDS = {
  EQUIPMENT_CODE_TAKEN: 'code',
  EQUIPMENT_TYPE_NOT_FOUND: 'typeId',
  EQUIPMENT_ASSIGNED: 'typeId',
};

/** Add or edit one unit; mounted only while open, so every opening starts fresh. */
export function EquipmentFormModal(props: {
  item: TEquipmentItem | null;
  types: readonly TEquipmentType[];
  onClose: () => void;
}) {
  // One key per opening: a retried "Add" after a lost answer cannot create the unit twice.
  const [idempotencyKey] = useState(() => `equipment-${crypto.randomUUID()}`);
  const create = trpc.equipment.create.useMutation();
  const update = trpc.equipment.update.useMutation();
  const active = props.item ? update : create;
  const errors = useServerErrorState(active.error, REASON_FIELDS);

  const submit = (values: TEquipmentFormResult) => {
    const done = (message: string) => () => {
      notifySuccess(message);
      props.onClose();
    };
    if (props.item) {
      update.mutate({ id: props.item.id, ...values }, { onSuccess: done(`${values.code} saved.`) });
    } else {
      create.mutate({ ...values, idempotencyKey }, { onSuccess: done(`${values.code} added.`) });
    }
  };

  return (
    <Modal
      opened
      onClose={props.onClose}
      title={props.item ? `Edit ${props.item.code}` : 'Add equipment'}
    >
      <EquipmentForm
        types={props.types}
        initial={props.item ?? undefined}
        onSubmit={submit}
        serverErrors={errors.fieldErrors}
        serverMessage={errors.message}
        submitting={active.isPending}
        onCancel={props.onClose}
      />
    </Modal>
  );
}
