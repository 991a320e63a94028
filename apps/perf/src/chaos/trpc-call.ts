import { CSRF_HEADER, CSRF_HEADER_VALUE } from '@dispatch/domain';
import superjson from 'superjson';
import { httpRequest } from './http';

/** How a caller proves who it is: a service-account bearer token or a driver's session cookie. */
export type TCredentials = { bearer: () => Promise<string> } | { cookie: string };

/**
 * What a call came back with. `ok`: a 2xx answer (acknowledged). `refused`: a definite 4xx answer,
 * so the server did not act. `unknown`: no answer or a 5xx, so the write may or may not have
 * happened and must be re-sent with the same key.
 */
export type TCallOutcome =
  | { kind: 'ok'; data: unknown }
  | { kind: 'refused'; status: number; reason: string }
  | { kind: 'unknown'; error: string };

async function authHeaders(credentials: TCredentials): Promise<Record<string, string>> {
  if ('cookie' in credentials) {
    return { cookie: credentials.cookie, [CSRF_HEADER]: CSRF_HEADER_VALUE };
  }
  return { authorization: `Bearer ${await credentials.bearer()}` };
}

/** Calls one tRPC procedure over HTTP the way our clients do (superjson, JSON body). */
export async function callProcedure(
  baseUrl: string,
  credentials: TCredentials,
  path: string,
  input: unknown,
  type: 'query' | 'mutation',
): Promise<TCallOutcome> {
  try {
    const encoded = JSON.stringify(superjson.serialize(input));
    const headers = { ...(await authHeaders(credentials)), 'content-type': 'application/json' };
    const response =
      type === 'query'
        ? await httpRequest(`${baseUrl}/trpc/${path}?input=${encodeURIComponent(encoded)}`, {
            headers,
          })
        : await httpRequest(`${baseUrl}/trpc/${path}`, { method: 'POST', headers, body: encoded });
    let body: {
      result?: { data?: unknown };
      error?: { json?: { data?: { reason?: string; code?: string } } };
    } = {};
    try {
      body = JSON.parse(response.body) as typeof body;
    } catch {
      // Not JSON (a proxy error page, a cut-off body): handled by the status below.
    }
    if (response.status >= 200 && response.status < 300 && body.result) {
      const data = body.result.data as Parameters<typeof superjson.deserialize>[0];
      return { kind: 'ok', data: superjson.deserialize(data) };
    }
    // 401 and 429 say "not now", not "no": the request is sent again like an unanswered one.
    const definite = response.status !== 401 && response.status !== 429;
    if (definite && response.status >= 400 && response.status < 500) {
      const reason =
        body.error?.json?.data?.reason ?? body.error?.json?.data?.code ?? `HTTP ${response.status}`;
      return { kind: 'refused', status: response.status, reason };
    }
    return { kind: 'unknown', error: `HTTP ${response.status}` };
  } catch (error) {
    return { kind: 'unknown', error: error instanceof Error ? error.message : String(error) };
  }
}
