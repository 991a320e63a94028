import { Button, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { downloadCsv } from '../lib/download-csv';

/** A button that downloads a CSV export, busy while the file streams in. */
export function DownloadCsvButton(props: ButtonProps & { path: string; label: string }) {
  const { path, label, ...buttonProps } = props;
  const [busy, setBusy] = useState(false);
  return (
    <Button
      variant="default"
      {...buttonProps}
      loading={busy}
      onClick={() => {
        setBusy(true);
        downloadCsv(path)
          .catch((error: unknown) =>
            notifications.show({
              color: 'red',
              title: 'Not downloaded',
              message: error instanceof Error ? error.message : 'The download failed.',
            }),
          )
          .finally(() => setBusy(false));
      }}
    >
      {label}
    </Button>
  );
}
