import { Alert, Group, Stack, Title } from '@mantine/core';
import { apiErrorInfo } from '../../api/errors';
import { trpc } from '../../api/trpc';
import { LiveStatus } from '../../components/live-status';
import { QueryState } from '../../components/query-state';
import { CurrentJobCard } from './current-job-card';
import classes from './driver-page.module.css';
import { NoJob } from './no-job';
import { RecentJobs } from './recent-jobs';

/** The driver's phone screen: the job in hand, one button for the next step, recent jobs. */
export default function DriverPage() {
  const jobs = trpc.driverApp.myDispatches.useQuery();
  const notLinked = jobs.error && apiErrorInfo(jobs.error).reason === 'DRIVER_NOT_LINKED';
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={2}>My job</Title>
        <div className={classes.live}>
          <LiveStatus
            updatedAt={jobs.dataUpdatedAt || jobs.errorUpdatedAt}
            fetching={jobs.isFetching}
            onRefresh={() => void jobs.refetch()}
          />
        </div>
      </Group>
      {notLinked ? (
        <Alert color="orange" role="alert" title="Not linked yet">
          Your login is not linked to a driver record; ask your dispatcher.
        </Alert>
      ) : (
        // Once loaded, a failed refresh keeps the last job on screen; the banner says why.
        <QueryState loading={jobs.isLoading} error={jobs.data ? null : jobs.error}>
          {jobs.data && (
            <>
              {jobs.data.current ? (
                <CurrentJobCard job={jobs.data.current} />
              ) : (
                <NoJob driverStatus={jobs.data.driver.status} />
              )}
              <RecentJobs jobs={jobs.data.recent} />
            </>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
