import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { PriorityBadge } from '../../components/status-badges';
import { formatTime, mapsUrl, stageInWords, type TJob } from './job';
import { NextStepButton } from './next-step-button';

const wrap = { overflowWrap: 'anywhere' } as const;

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text size="md" component="div" style={wrap}>
        {props.children}
      </Text>
    </div>
  );
}

function dueText(dueBy: Date | null): string {
  if (!dueBy) return 'No deadline';
  const overdue = dayjs(dueBy).isBefore(dayjs());
  return `${formatTime(dueBy)}${overdue ? ' (overdue)' : ''}`;
}

/** Everything the driver needs for the job in hand, and the one button to move it on. */
export function CurrentJobCard({ job }: { job: TJob }) {
  const map = mapsUrl(job);
  return (
    <Card withBorder radius="md" padding="md" data-testid="current-job">
      <Stack gap="md">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={700} style={wrap}>
            {job.reference}
          </Text>
          <PriorityBadge priority={job.priority} />
        </Group>
        <Title order={3} style={wrap}>
          {job.title}
        </Title>
        <Text fw={600} c="blue.8" data-testid="current-stage" style={wrap}>
          {stageInWords(job)}
        </Text>
        <Stack gap={6}>
          <Text size="sm" c="dimmed">
            Site address
          </Text>
          <Text size="xl" fw={600} style={{ ...wrap, whiteSpace: 'pre-line' }}>
            {job.siteAddress}
          </Text>
          {map && (
            <Button
              component="a"
              href={map}
              target="_blank"
              rel="noopener noreferrer"
              variant="light"
              mih={44}
              fullWidth
            >
              Open the site on a map
            </Button>
          )}
        </Stack>
        <Fact label="Equipment">
          {job.equipmentCode} · {job.equipmentName}
        </Fact>
        <Group gap="xl" wrap="wrap" align="flex-start">
          <Fact label="Assigned">{formatTime(job.assignedAt)}</Fact>
          <Fact label="Due by">{dueText(job.dueBy)}</Fact>
        </Group>
        <Fact label="Description and notes">
          <span style={{ whiteSpace: 'pre-line' }}>{job.description || 'No notes.'}</span>
        </Fact>
        <NextStepButton job={job} />
      </Stack>
    </Card>
  );
}
