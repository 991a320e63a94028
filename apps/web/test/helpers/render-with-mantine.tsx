import { MantineProvider } from '@mantine/core';
import { Notifications, notifications } from '@mantine/notifications';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';

/** Renders a component the way the app does, without transitions or portals, for tests. */
export function renderWithMantine(ui: ReactElement) {
  notifications.clean(); // the store is global: start each test without the last one's messages
  return render(
    <MantineProvider env="test">
      <Notifications />
      {ui}
    </MantineProvider>,
  );
}
