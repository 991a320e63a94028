import { Alert, Skeleton, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { apiErrorInfo } from '../api/errors';

/** Loading skeleton, error or empty state, or the content: the same everywhere. */
export function QueryState(props: {
  loading: boolean;
  error: unknown;
  empty?: boolean;
  emptyText?: string;
  children: ReactNode;
}) {
  if (props.loading) {
    return (
      <Stack gap="xs" aria-busy="true" aria-label="Loading">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} height={36} radius="sm" />
        ))}
      </Stack>
    );
  }
  if (props.error) {
    return (
      <Alert color="red" title="Could not load this" role="alert">
        {apiErrorInfo(props.error).message}
      </Alert>
    );
  }
  if (props.empty) {
    return (
      <Text c="dimmed" ta="center" py="xl">
        {props.emptyText ?? 'Nothing here yet.'}
      </Text>
    );
  }
  return <>{props.children}</>;
}
