import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@dispatch/domain';

/**
 * Downloads one of the server's /export/*.csv files. A bare link would not do: the server, like
 * /trpc, accepts the session cookie only with our CSRF header, so the file is fetched with it and
 * handed to the browser as a download under the name the server chose.
 */
export async function downloadCsv(path: string): Promise<void> {
  const response = await fetch(path, {
    headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(await failureMessage(response));
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'export.csv';
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download; the object URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function failureMessage(response: Response): Promise<string> {
  if (response.status === 401) return 'Your session has ended; sign in again to download.';
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  return body?.message ?? `The download failed (HTTP ${response.status}).`;
}
