import { Alert } from '@mantine/core';
import { onlineManager, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { apiErrorInfo } from '../api/errors';

/** Says plainly when the app is offline or cannot reach the server; data shown may be stale. */
export function ConnectionBanner() {
  const online = useSyncExternalStore(onlineManager.subscribe.bind(onlineManager), () =>
    onlineManager.isOnline(),
  );
  const queryClient = useQueryClient();
  const [serverDown, setServerDown] = useState(false);
  useEffect(
    () =>
      queryClient.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated') return;
        const { status, error } = event.query.state;
        if (status === 'error' && apiErrorInfo(error).network) setServerDown(true);
        if (status === 'success') setServerDown(false);
      }),
    [queryClient],
  );
  if (online && !serverDown) return null;
  return (
    <Alert
      color="red"
      variant="filled"
      radius={0}
      role="alert"
      title={online ? 'Cannot reach the server' : 'You are offline'}
    >
      What you see may be out of date. Dispatch keeps trying and updates the screen when the
      connection is back.
    </Alert>
  );
}
