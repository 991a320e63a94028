import { Button, Text } from '@mantine/core';
import { trpc } from '../../api/trpc';
import { notifyFailure, notifySuccess } from '../../components/notify';
import type { TDriverItem } from './driver-types';

/** On or off duty; a driver on a job is not offered either (the job must end first). */
export function DriverAvailabilityAction({ driver }: { driver: TDriverItem }) {
  const setAvailability = trpc.drivers.setAvailability.useMutation();
  if (driver.status === 'assigned') {
    return (
      <Text size="xs" c="dimmed">
        On a job
      </Text>
    );
  }
  const to = driver.status === 'available' ? 'off_duty' : 'available';
  return (
    <Button
      size="xs"
      mih={44}
      variant="light"
      color={to === 'available' ? 'green' : 'gray'}
      loading={setAvailability.isPending}
      aria-label={
        to === 'available' ? `Set ${driver.name} available` : `Set ${driver.name} off duty`
      }
      onClick={() =>
        setAvailability.mutate(
          { id: driver.id, status: to },
          {
            onSuccess: () =>
              notifySuccess(`${driver.name} is ${to === 'available' ? 'available' : 'off duty'}.`),
            onError: notifyFailure,
          },
        )
      }
    >
      {to === 'available' ? 'Set available' : 'Set off duty'}
    </Button>
  );
}
