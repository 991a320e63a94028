import type { TSettableEquipmentStatus } from '@dispatch/domain';
import { Button, Group, Stack, Text } from '@mantine/core';
import { trpc } from '../../api/trpc';
import type { TEquipmentItem } from './equipment-types';
import { notifyFailure, notifySuccess } from '../../components/notify';

const ACTIONS: { status: TSettableEquipmentStatus; label: string; done: string }[] = [
  { status: 'maintenance', label: 'Send to maintenance', done: 'is in maintenance' },
  { status: 'out_of_service', label: 'Out of service', done: 'is out of service' },
  { status: 'available', label: 'Back in service', done: 'is back in service' },
];

/** Admin status changes for one unit. A unit on a job cannot change: the reason is shown. */
export function EquipmentStatusActions({ item }: { item: TEquipmentItem }) {
  const setStatus = trpc.equipment.setStatus.useMutation();
  const assigned = item.status === 'assigned';
  const hintId = `equipment-${item.id}-status-hint`;
  const offered = ACTIONS.filter(
    (action) => action.status !== item.status && !(assigned && action.status === 'available'),
  );
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        {offered.map((action) => (
          <Button
            key={action.status}
            size="xs"
            mih={44}
            variant="light"
            color={action.status === 'available' ? 'green' : 'gray'}
            disabled={assigned || setStatus.isPending}
            aria-describedby={assigned ? hintId : undefined}
            loading={setStatus.isPending && setStatus.variables.status === action.status}
            onClick={() =>
              setStatus.mutate(
                { id: item.id, status: action.status },
                {
                  onSuccess: () => notifySuccess(`${item.code} ${action.done}.`),
                  onError: notifyFailure,
                },
              )
            }
          >
            {action.label}
          </Button>
        ))}
      </Group>
      {assigned && (
        <Text id={hintId} size="xs" c="dimmed">
          On a job: release its dispatch before changing the status.
        </Text>
      )}
    </Stack>
  );
}
