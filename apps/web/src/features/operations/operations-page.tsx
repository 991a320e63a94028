import '@mantine/charts/styles.css';
import { Alert, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { trpc } from '../../api/trpc';
import { LiveStatus } from '../../components/live-status';
import { PageHeader } from '../../components/page-header';
import { QueryState } from '../../components/query-state';
import { Section } from '../dashboard/section';
import { useCan } from '../auth/use-me';
import { ErrorsTable } from './errors-table';
import { formatCount, plural } from '../../lib/format';
import { PeakUsersChart } from './peak-users-chart';
import { ProcedureUsageTable } from './procedure-usage-table';
import { ThresholdCards } from './threshold-cards';

const PERIODS = ['4', '8', '12', '26', '52'];

/**
 * The operations report for admins: how the product is used (per procedure and week), what fails,
 * how fast it answers, how many people use it at once, and whether the team has outgrown its
 * deployment.
 */
export default function OperationsPage() {
  const canAdminister = useCan('administer');
  const [weeks, setWeeks] = useState('8');
  const report = trpc.operations.report.useQuery(
    { weeks: Number(weeks) },
    { enabled: canAdminister },
  );
  const data = report.data;
  if (!canAdminister) {
    return (
      <>
        <PageHeader title="Operations" />
        <Text c="dimmed">Only admins can see the operations report.</Text>
      </>
    );
  }
  return (
    <>
      <PageHeader title="Operations">
        <Select
          aria-label="Weeks to report"
          data={PERIODS.map((value) => ({ value, label: `Last ${value} weeks` }))}
          value={weeks}
          onChange={(value) => setWeeks(value ?? '8')}
          allowDeselect={false}
          w={160}
        />
        <LiveStatus
          updatedAt={report.dataUpdatedAt}
          fetching={report.isFetching}
          onRefresh={() => void report.refetch()}
        />
      </PageHeader>
      <QueryState loading={report.isLoading} error={report.error}>
        {data && (
          <Stack gap="md">
            {!data.upToDate && (
              <Alert color="yellow" title="Figures may lag">
                This server could not write its latest counts to the database; they are kept and
                will appear with the next successful write.
              </Alert>
            )}
            <Section id="thresholds" title="When to move to a bigger deployment">
              <ThresholdCards thresholds={data.thresholds} />
            </Section>
            <Section id="usage" title="Use per procedure">
              <Text size="sm" c="dimmed" mb="sm">
                {plural(data.totals.calls, 'call', 'calls')} by{' '}
                {plural(data.totals.distinctUsers, 'person', 'people')},{' '}
                {formatCount(data.totals.errors)} failed. A call counts when its answer is sent;
                this page's own request shows from the next refresh.
              </Text>
              <ProcedureUsageTable procedures={data.procedures} weeks={data.weeks} />
            </Section>
            <Section id="errors" title="Errors">
              <QueryState
                loading={false}
                error={null}
                empty={data.errors.length === 0}
                emptyText="No failed calls in this period."
              >
                <ErrorsTable errors={data.errors} />
              </QueryState>
            </Section>
            <Section id="peak-users" title="Peak concurrent users">
              <PeakUsersChart concurrentUsers={data.concurrentUsers} />
            </Section>
          </Stack>
        )}
      </QueryState>
    </>
  );
}
