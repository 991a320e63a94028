import { Paper, Stack, Text, Title } from '@mantine/core';
import type { TDriverStatus } from '@dispatch/domain';

/** The friendly empty state between jobs. */
export function NoJob({ driverStatus }: { driverStatus: TDriverStatus }) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid="no-job">
      <Stack gap="xs" align="center" ta="center">
        <Title order={3}>No job right now — dispatch will send you the next one</Title>
        <Text c="dimmed">
          {driverStatus === 'off_duty'
            ? 'You are off duty. Ask your dispatcher to set you available when you are ready.'
            : 'This screen checks for new jobs by itself. Keep it open.'}
        </Text>
      </Stack>
    </Paper>
  );
}
