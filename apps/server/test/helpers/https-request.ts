import { request } from 'node:https';

export interface THttpsResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An HTTPS request that trusts exactly the given CA (or the system store when `ca` is omitted). */
export function httpsRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    ca?: string | Buffer;
    /** Connect to this address whatever the URL's host resolves to (the name is still verified). */
    connectTo?: string;
  } = {},
): Promise<THttpsResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        ca: options.ca,
        timeout: 10_000,
        ...(options.connectTo && {
          lookup: (_host, _lookupOptions, done) =>
            done(null, [{ address: options.connectTo ?? '', family: 4 }]),
        }),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${url}: no answer within 10 s`)));
    req.on('error', reject);
    req.end(options.body);
  });
}
