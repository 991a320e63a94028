import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { apiErrorInfo } from '../../api/errors';
import { trpc } from '../../api/trpc';
import { plural } from '../../lib/format';

/** The manual-control "dispatch all": fills the queue now and says what it dispatched. */
export function FillQueueButton() {
  const fill = trpc.queue.fill.useMutation({
    onSuccess: ({ filled }) => {
      const count = filled.length;
      notifications.show({
        color: count ? 'green' : 'gray',
        title: count
          ? `Dispatched ${plural(count, 'work order', 'work orders')}`
          : 'Nothing could be dispatched',
        message: count
          ? filled.map((f) => `${f.reference}: ${f.equipmentCode} with ${f.driverName}`).join('; ')
          : 'No waiting order has free equipment and a free qualified driver.',
      });
    },
    onError: (error) => {
      notifications.show({
        color: 'red',
        title: 'Could not fill the queue',
        message: apiErrorInfo(error).message,
      });
    },
  });
  return (
    <Button onClick={() => fill.mutate()} loading={fill.isPending}>
      Fill queue now
    </Button>
  );
}
