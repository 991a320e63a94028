// Chart styles belong to this lazy chunk, so pages without charts never load them.
import '@mantine/charts/styles.css';
import { Grid, SimpleGrid, Stack, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { trpc } from '../../api/trpc';
import { LiveStatus } from '../../components/live-status';
import { PageHeader } from '../../components/page-header';
import { CompletionChart } from './completion-chart';
import { browserTimeZone, presetRange, windowOf } from './date-presets';
import { DispatchTimeChart } from './dispatch-time-chart';
import { PriorityTable } from './priority-table';
import { ReportFilters, type TReportFilters } from './report-filters';
import { ReportSection } from './report-section';
import { UtilisationSection } from './utilisation-section';
import { DriverWorkloadTable, TypeUtilisationTable } from './utilisation-tables';

/** Completions, response times and utilisation for a range of local days, with CSV downloads. */
export default function ReportsPage() {
  const [filters, setFilters] = useState<TReportFilters>(() => ({
    range: presetRange('last30'),
    groupBy: 'day',
  }));
  const timeZone = useMemo(browserTimeZone, []);
  const span = useMemo(() => windowOf(filters.range), [filters.range]);
  const completion = trpc.reports.completion.useQuery(
    { ...span, groupBy: filters.groupBy, timeZone },
    { placeholderData: keepPreviousData },
  );
  const utilisation = trpc.reports.utilization.useQuery(span, {
    placeholderData: keepPreviousData,
  });
  const fetching =
    (completion.isFetching || utilisation.isFetching) &&
    !(completion.isLoading || utilisation.isLoading);

  return (
    <Stack gap="md">
      <PageHeader title="Reports">
        <LiveStatus
          updatedAt={Math.min(completion.dataUpdatedAt, utilisation.dataUpdatedAt)}
          fetching={fetching}
          onRefresh={() => {
            void completion.refetch();
            void utilisation.refetch();
          }}
        />
      </PageHeader>
      <ReportFilters value={filters} timeZone={timeZone} onChange={setFilters} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ReportSection
          title="Completions over time"
          note={`Orders per ${filters.groupBy}, all priorities`}
          loading={completion.isLoading}
          error={completion.error}
          testId="section-completions"
        >
          {completion.data && <CompletionChart report={completion.data} />}
        </ReportSection>
        <ReportSection
          title="Time to dispatch by priority"
          note="From creation to the first dispatch, in minutes"
          loading={completion.isLoading}
          error={completion.error}
          testId="section-dispatch-time"
        >
          {completion.data && <DispatchTimeChart report={completion.data} />}
        </ReportSection>
      </SimpleGrid>
      <ReportSection
        title="By priority"
        loading={completion.isLoading}
        error={completion.error}
        testId="section-priorities"
      >
        {completion.data && <PriorityTable totals={completion.data.totals} />}
      </ReportSection>
      <UtilisationSection query={utilisation} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <ReportSection
            title="Utilisation by type"
            loading={utilisation.isLoading}
            error={utilisation.error}
          >
            {utilisation.data &&
              (utilisation.data.types.length ? (
                <TypeUtilisationTable types={utilisation.data.types} />
              ) : (
                <Text c="dimmed">No equipment existed on these days.</Text>
              ))}
          </ReportSection>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <ReportSection
            title="Driver workload"
            note="Dispatches overlapping these days and their hours inside them"
            loading={utilisation.isLoading}
            error={utilisation.error}
          >
            {utilisation.data &&
              (utilisation.data.drivers.length ? (
                <DriverWorkloadTable drivers={utilisation.data.drivers} />
              ) : (
                <Text c="dimmed">No drivers on these days.</Text>
              ))}
          </ReportSection>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
