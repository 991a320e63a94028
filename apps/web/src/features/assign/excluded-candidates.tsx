import { List, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import type { RouterOutputs } from '../../api/trpc';
import { driverExclusionText, equipmentExclusionText } from './exclusion-text';

type TCandidates = RouterOutputs['dispatch']['candidates'];

function Column(props: { title: string; items: { id: string; text: string }[]; testId: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {props.title}
      </Text>
      {props.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          None
        </Text>
      ) : (
        <ScrollArea.Autosize mah={180} type="auto">
          <List size="sm" spacing={2} data-testid={props.testId}>
            {props.items.map((item) => (
              <List.Item key={item.id}>{item.text}</List.Item>
            ))}
          </List>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

/** Who cannot take the order and why, so a dispatcher is never left guessing. */
export function ExcludedCandidates({ candidates }: { candidates: TCandidates }) {
  const equipment = candidates.equipment.excluded.map((e) => ({
    id: e.id,
    text: `${e.code} — ${equipmentExclusionText(e.reason, e.heldBy)}`,
  }));
  const drivers = candidates.drivers.excluded.map((d) => ({
    id: d.id,
    text: `${d.name} — ${driverExclusionText(d.reason, d.heldBy)}`,
  }));
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
      <Column title="Equipment not available" items={equipment} testId="excluded-equipment" />
      <Column title="Drivers not available" items={drivers} testId="excluded-drivers" />
    </SimpleGrid>
  );
}
