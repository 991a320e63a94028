import { Alert, Button, Divider, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { apiErrorInfo } from '../../api/errors';
import { type RouterOutputs, trpc } from '../../api/trpc';
import { QueryState } from '../../components/query-state';
import { useIdempotencyKey } from '../../lib/use-idempotency-key';
import { ExcludedCandidates } from './excluded-candidates';

type TWorkOrderSummary = RouterOutputs['dispatch']['assign'];

/** The person's pick while it is still eligible, else the suggested best, else the first eligible. */
function pick(choice: string | null, eligible: { id: string }[] | undefined, best?: string) {
  if (choice && eligible?.some((item) => item.id === choice)) return choice;
  return best ?? eligible?.[0]?.id ?? null;
}

export interface TAssignDialogProps {
  workOrderId: string;
  opened: boolean;
  onClose: () => void;
  onAssigned?: (workOrder: TWorkOrderSummary) => void;
}

/**
 * Assign equipment and a driver to one order: the eligible ones best first (idle longest) with the
 * best pair preselected, the excluded ones with their reason. If someone else takes a unit or a
 * driver first, the server's message is shown and the choices start again from the new best pair.
 */
export function AssignDialog({ workOrderId, opened, onClose, onAssigned }: TAssignDialogProps) {
  const candidates = trpc.dispatch.candidates.useQuery({ workOrderId }, { enabled: opened });
  const assign = trpc.dispatch.assign.useMutation();
  const idempotency = useIdempotencyKey();
  const [equipmentChoice, setEquipmentChoice] = useState<string | null>(null);
  const [driverChoice, setDriverChoice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const data = candidates.data;
  const equipmentId = pick(equipmentChoice, data?.equipment.eligible, data?.best?.equipmentId);
  const driverId = pick(driverChoice, data?.drivers.eligible, data?.best?.driverId);

  function close() {
    setEquipmentChoice(null);
    setDriverChoice(null);
    setProblem(null);
    assign.reset();
    onClose();
  }

  async function confirm() {
    if (!equipmentId || !driverId) return;
    setProblem(null);
    try {
      const result = await assign.mutateAsync({
        workOrderId,
        equipmentId,
        driverId,
        idempotencyKey: idempotency.keyFor(`${workOrderId}:${equipmentId}:${driverId}`),
      });
      idempotency.reset();
      notifications.show({
        color: 'green',
        title: `${result.reference} dispatched`,
        message: result.dispatch
          ? `${result.dispatch.equipmentCode} with ${result.dispatch.driverName}.`
          : 'Assigned.',
      });
      onAssigned?.(result);
      close();
    } catch (error) {
      const info = apiErrorInfo(error);
      setProblem(info.message);
      if (info.code === 'CONFLICT' || info.code === 'NOT_FOUND') {
        // Someone else was quicker: start again from the best pair that is free now.
        setEquipmentChoice(null);
        setDriverChoice(null);
        await candidates.refetch();
      }
    }
  }

  const typeName = data?.workOrder.equipmentTypeName ?? 'equipment';
  return (
    <Modal
      opened={opened}
      onClose={close}
      size="lg"
      title={data ? `Assign ${data.workOrder.reference}` : 'Assign work order'}
    >
      <QueryState loading={candidates.isLoading} error={candidates.error}>
        {data && (
          <Stack gap="md">
            {problem && (
              <Alert color="red" role="alert" title="Not assigned">
                {problem}
              </Alert>
            )}
            <Text size="sm" c="dimmed">
              Needs equipment of type {typeName}. Listed best first: the equipment and driver idle
              longest are suggested.
            </Text>
            <Select
              label="Equipment"
              placeholder={data.equipment.eligible.length ? 'Pick equipment' : 'None free'}
              data={data.equipment.eligible.map((e) => ({
                value: e.id,
                label: `${e.code} — ${e.name}`,
              }))}
              value={equipmentId}
              onChange={setEquipmentChoice}
              allowDeselect={false}
              searchable
              nothingFoundMessage="No match"
              error={data.equipment.eligible.length ? undefined : `No ${typeName} is free now.`}
            />
            <Select
              label="Driver"
              placeholder={data.drivers.eligible.length ? 'Pick a driver' : 'None free'}
              data={data.drivers.eligible.map((d) => ({ value: d.id, label: d.name }))}
              value={driverId}
              onChange={setDriverChoice}
              allowDeselect={false}
              searchable
              nothingFoundMessage="No match"
              error={
                data.drivers.eligible.length
                  ? undefined
                  : `No driver qualified for ${typeName} is free now.`
              }
            />
            <Divider label="Not available" labelPosition="left" />
            <ExcludedCandidates candidates={data} />
          </Stack>
        )}
      </QueryState>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={close}>
          Close
        </Button>
        <Button
          onClick={() => void confirm()}
          loading={assign.isPending}
          disabled={!equipmentId || !driverId}
        >
          Assign
        </Button>
      </Group>
    </Modal>
  );
}
