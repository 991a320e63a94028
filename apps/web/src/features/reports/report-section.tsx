import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { QueryState } from '../../components/query-state';

/** A titled card whose content waits for its query, like every other page's lists. */
export function ReportSection(props: {
  title: string;
  note?: ReactNode;
  loading: boolean;
  error: unknown;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid={props.testId}>
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {props.title}
          </Title>
          {props.note && (
            <Text size="xs" c="dimmed">
              {props.note}
            </Text>
          )}
        </div>
        <QueryState loading={props.loading} error={props.error}>
          {props.children}
        </QueryState>
      </Stack>
    </Paper>
  );
}
