import { Paper, Stack, Text, Title } from '@mantine/core';
import { OUTCOME_WORDS, formatTime, type TJob } from './job';

const wrap = { overflowWrap: 'anywhere' } as const;

/** The driver's last few finished jobs: a list, not a table, so nothing scrolls sideways. */
export function RecentJobs({ jobs }: { jobs: readonly TJob[] }) {
  return (
    <section aria-labelledby="recent-jobs-title">
      <Title order={3} id="recent-jobs-title" mb="xs">
        Recent jobs
      </Title>
      {jobs.length === 0 ? (
        <Text c="dimmed">No finished jobs yet.</Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {jobs.map((job) => (
            <Paper component="li" key={job.dispatchId} withBorder p="sm" radius="md">
              <Text fw={600} style={wrap}>
                {job.reference} · {job.title}
              </Text>
              <Text size="sm" c="dimmed" style={wrap}>
                {job.outcome ? OUTCOME_WORDS[job.outcome] : 'Ended'} {formatTime(job.endedAt)}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </section>
  );
}
