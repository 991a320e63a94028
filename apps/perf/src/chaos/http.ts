import { request as plainRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface THttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface THttpOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Trust exactly this CA for https:// (the throwaway provider certificate). */
  ca?: string;
  timeoutMs?: number;
}

/**
 * One HTTP(S) request without connection reuse, so a killed server never leaves a stale socket
 * behind. Rejects on any transport failure (refused, reset, timeout): the caller cannot know
 * whether the server acted on the request.
 */
export function httpRequest(url: string, options: THttpOptions = {}): Promise<THttpResponse> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : plainRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: options.method ?? 'GET',
        headers: { connection: 'close', ...options.headers },
        agent: false,
        ...(options.ca ? { ca: options.ca } : {}),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? 15_000, () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(options.body);
  });
}
