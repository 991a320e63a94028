import { Alert, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { apiErrorInfo } from '../../api/errors';
import { type RouterOutputs, trpc } from '../../api/trpc';
import { notifySuccess } from '../../components/notify';

type TSettings = RouterOutputs['settings']['get'];

/** The auto-dispatch switch for admins; everyone else sees the value in words. */
export function AutoDispatchCard(props: { settings: TSettings; canAdminister: boolean }) {
  const update = trpc.settings.update.useMutation();
  const { autoDispatch } = props.settings;
  const pending = update.isPending ? update.variables.autoDispatch : null;
  const shown = pending ?? autoDispatch;
  return (
    <Paper withBorder p="md" mb="lg">
      <Stack gap="sm">
        <Title order={3}>Auto-dispatch</Title>
        <Text size="sm">
          When auto-dispatch is on, Dispatch assigns queued work orders by itself as soon as a
          suitable unit of equipment and a qualified, available driver are free: most urgent first,
          then the earliest due, then the longest waiting. It runs when an order is queued, when a
          job ends and when equipment or drivers become available again.
        </Text>
        <Text size="sm">
          When it is off, orders wait in the queue until a dispatcher assigns them by hand.
        </Text>
        {props.canAdminister ? (
          <Switch
            size="lg"
            label={`Auto-dispatch: ${shown ? 'On' : 'Off'}`}
            description="Switching it on assigns waiting orders at once."
            checked={shown}
            disabled={update.isPending}
            onChange={(event) =>
              update.mutate(
                { autoDispatch: event.currentTarget.checked },
                {
                  onSuccess: (saved) =>
                    notifySuccess(`Auto-dispatch is ${saved.autoDispatch ? 'on' : 'off'}.`),
                },
              )
            }
          />
        ) : (
          <Text fw={600} data-testid="auto-dispatch-value">
            Auto-dispatch: {autoDispatch ? 'On' : 'Off'}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          Last changed {dayjs(props.settings.updatedAt).format('D MMM YYYY HH:mm')}
          {props.canAdminister ? '' : '. Only an admin can change this.'}
        </Text>
        {update.error && (
          <Alert color="red" role="alert" title="Not changed">
            {apiErrorInfo(update.error).message}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
