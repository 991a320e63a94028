import { Box, Button, Group, Text, Title } from '@mantine/core';
import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { ConnectionBanner } from '../components/connection-banner';
import { QueryState } from '../components/query-state';
import { signOut } from '../features/auth/sign-out';
import { useMe } from '../features/auth/use-me';

/** The phone layout: a slim header and one column, nothing wider than the screen. */
export function DriverLayout() {
  const me = useMe();
  return (
    <Box maw={480} mx="auto" style={{ overflowX: 'hidden' }}>
      <Group
        justify="space-between"
        px="md"
        py="sm"
        wrap="nowrap"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Title order={3}>Dispatch</Title>
        <Group gap="xs" wrap="nowrap">
          {me.data && (
            <Text size="sm" truncate maw={140}>
              {me.data.name}
            </Text>
          )}
          <Button variant="subtle" size="md" mih={44} onClick={() => void signOut()}>
            Sign out
          </Button>
        </Group>
      </Group>
      <ConnectionBanner />
      <Box p="md">
        <QueryState loading={me.isLoading} error={me.error}>
          <Suspense
            fallback={
              <QueryState loading error={null}>
                {null}
              </QueryState>
            }
          >
            <Outlet />
          </Suspense>
        </QueryState>
      </Box>
    </Box>
  );
}
