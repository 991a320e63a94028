import { AppShell, Badge, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense } from 'react';
import { NavLink as RouterLink, Navigate, Outlet, useLocation } from 'react-router';
import { ConnectionBanner } from '../components/connection-banner';
import { QueryState } from '../components/query-state';
import { signOut } from '../features/auth/sign-out';
import { useMe } from '../features/auth/use-me';

const NAV = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/work-orders', label: 'Work orders' },
  { to: '/queue', label: 'Queue' },
  { to: '/equipment', label: 'Equipment' },
  { to: '/drivers', label: 'Drivers' },
  { to: '/reports', label: 'Reports' },
  { to: '/settings', label: 'Settings' },
  { to: '/import', label: 'Import', admin: true },
  { to: '/operations', label: 'Operations', admin: true },
];

/** The desktop layout for dispatchers, admins and viewers; drivers are sent to their phone view. */
export function AppLayout() {
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const nav = NAV.filter((item) => !item.admin || me.data?.capabilities.includes('administer'));
  if (me.data && !me.data.capabilities.includes('read')) {
    return (
      <Navigate to={me.data.capabilities.includes('drive') ? '/driver' : '/no-access'} replace />
    );
  }
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
            <Title order={3}>Dispatch</Title>
          </Group>
          {me.data && (
            <Group gap="sm" wrap="nowrap">
              <Text size="sm" visibleFrom="xs">
                {me.data.name}
              </Text>
              {me.data.roles.map((role) => (
                <Badge key={role} variant="outline">
                  {role}
                </Badge>
              ))}
              <Button variant="subtle" size="compact-sm" onClick={() => void signOut()}>
                Sign out
              </Button>
            </Group>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={2}>
          {nav.map((item) => (
            <NavLink
              key={item.to}
              component={RouterLink}
              to={item.to}
              end={item.end}
              label={item.label}
              active={
                item.end ? location.pathname === item.to : location.pathname.startsWith(item.to)
              }
              onClick={close}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        <ConnectionBanner />
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
      </AppShell.Main>
    </AppShell>
  );
}
