import { Anchor, Badge, Grid, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { trpc } from '../../api/trpc';
import { LiveStatus } from '../../components/live-status';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { QueueTable } from '../queue/queue-table';
import { ActiveDispatches } from './active-dispatches';
import { RecentActivity } from './recent-activity';
import { Resources } from './resources';
import { Section } from './section';
import { StatusCounts } from './status-counts';

export default function DashboardPage() {
  const summary = trpc.dashboard.summary.useQuery();
  const data = summary.data;
  return (
    <>
      <PageHeader title="Dashboard">
        <LiveStatus
          updatedAt={summary.dataUpdatedAt}
          fetching={summary.isFetching}
          onRefresh={() => void summary.refetch()}
        />
      </PageHeader>
      <QueryState loading={summary.isLoading} error={summary.error}>
        {data && (
          <Stack gap="md">
            <StatusCounts counts={data.counts} />
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <Section
                  id="queue-head"
                  title={
                    <Group gap="sm" component="span">
                      <span>Queue ({data.queue.total} waiting)</span>
                      <Badge
                        component="span"
                        variant="light"
                        color={data.autoDispatch ? 'green' : 'yellow'}
                      >
                        {data.autoDispatch ? 'Auto-dispatch on' : 'Auto-dispatch off'}
                      </Badge>
                    </Group>
                  }
                >
                  {data.queue.head.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      Nothing is waiting.
                    </Text>
                  ) : (
                    <>
                      <QueueTable entries={data.queue.head} compact />
                      {data.queue.total > data.queue.head.length && (
                        <Anchor component={Link} to="/queue" size="sm">
                          See all {data.queue.total} in the queue
                        </Anchor>
                      )}
                    </>
                  )}
                </Section>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <Section id="resources" title="Free equipment and drivers">
                  <Resources freeEquipment={data.freeEquipment} drivers={data.drivers} />
                </Section>
              </Grid.Col>
            </Grid>
            <Section id="active" title={`Active dispatches (${data.active.length})`}>
              <ActiveDispatches active={data.active} />
            </Section>
            <Section id="recent" title="Recent activity">
              <RecentActivity events={data.recent} />
            </Section>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
