import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { useEffect, useState } from 'react';
import { formatCount } from '../lib/format';

function secondsSince(time: number) {
  return Math.max(0, Math.round((Date.now() - time) / 1000));
}

/** "Updated N s ago" and a refresh button, for every live screen. */
export function LiveStatus(props: { updatedAt: number; fetching: boolean; onRefresh: () => void }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  const label = props.updatedAt
    ? `Updated ${formatCount(secondsSince(props.updatedAt))} s ago`
    : 'Loading…';
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="live-status">
        {props.fetching ? 'Refreshing…' : label}
      </Text>
      <Tooltip label="Refresh now">
        <ActionIcon
          variant="light"
          size="lg"
          aria-label="Refresh now"
          onClick={props.onRefresh}
          loading={props.fetching}
        >
          <span aria-hidden>⟳</span>
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
