import { Modal } from '@mantine/core';
import { useState } from 'react';
import { trpc } from '../../api/trpc';
import { notifySuccess } from '../../components/notify';
import { useServerErrorState } from '../../components/server-errors';
import { DriverForm, type TDriverFormResult } from './driver-form';
import type { TDriverItem } from './driver-types';

const REASON_FIELDS = {
  DRIVER_SUBJECT_TAKEN: 'subject',
  EQUIPMENT_TYPE_NOT_FOUND: 'qualificationTypeIds',
};

/** Add or edit one driver; mounted only while open, so every opening starts fresh. */
export function DriverFormModal(props: {
  driver: TDriverItem | null;
  types: readonly { id: string; name: string }[];
  onClose: () => void;
}) {
  // One key per opening: a retried "Add" after a lost answer cannot create the driver twice.
  const [idempotencyKey] = useState(() => `driver-${crypto.randomUUID()}`);
  const create = trpc.drivers.create.useMutation();
  const update = trpc.drivers.update.useMutation();
  const active = props.driver ? update : create;
  const errors = useServerErrorState(active.error, REASON_FIELDS);
  const { driver } = props;

  const submit = (values: TDriverFormResult) => {
    const done = (message: string) => () => {
      notifySuccess(message);
      props.onClose();
    };
    if (driver) {
      update.mutate({ id: driver.id, ...values }, { onSuccess: done(`${values.name} saved.`) });
    } else {
      const { subject, ...rest } = values;
      create.mutate(
        { ...rest, ...(subject ? { subject } : {}), idempotencyKey },
        { onSuccess: done(`${values.name} added.`) },
      );
    }
  };

  return (
    <Modal opened onClose={props.onClose} title={driver ? `Edit ${driver.name}` : 'Add driver'}>
      <DriverForm
        types={props.types}
        initial={
          driver
            ? { ...driver, qualificationTypeIds: driver.qualifications.map((type) => type.id) }
            : undefined
        }
        onSubmit={submit}
        serverErrors={errors.fieldErrors}
        serverMessage={errors.message}
        submitting={active.isPending}
        onCancel={props.onClose}
      />
    </Modal>
  );
}
