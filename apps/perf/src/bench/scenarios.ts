import type { TAutocannonRequest } from 'autocannon';
import type { TTriple } from './baseline-queries';
import { runLoad, warmAndRun, type TLoadResult } from './load';
import { mutationBody, queryPath } from './trpc-paths';

/** Cycles through `paths`, one per request. */
function cycling(paths: string[], base: TAutocannonRequest): TAutocannonRequest[] {
  let i = 0;
  return [{ ...base, setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }];
}

export const bare = (url: string, seconds: number) =>
  warmAndRun({ url: `${url}/bare`, duration: seconds });

/** One GET path, repeated (the real server's own /healthz, or a tRPC query without input). */
export const plainGet = (
  url: string,
  path: string,
  headers: Record<string, string>,
  seconds: number,
) => warmAndRun({ url, duration: seconds, requests: [{ method: 'GET', path, headers }] });

export const equipmentSql = (url: string, ids: string[], seconds: number) =>
  warmAndRun({
    url,
    duration: seconds,
    requests: cycling(
      ids.map((id) => `/equipment?id=${id}`),
      { method: 'GET' },
    ),
  });

export const equipmentTrpc = (url: string, token: string, ids: string[], seconds: number) =>
  warmAndRun({
    url,
    duration: seconds,
    requests: cycling(
      ids.map((id) => queryPath('equipment.get', { id })),
      { method: 'GET', headers: { authorization: `Bearer ${token}` } },
    ),
  });

export const dashboardSummary = (url: string, token: string, seconds: number) =>
  warmAndRun({
    url,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        path: '/trpc/dashboard.summary',
        headers: { authorization: `Bearer ${token}` },
      },
    ],
  });

/**
 * Assignments: each request takes the next prepared triple. A short warm-up uses the first
 * `warm` triples, then the measured run; `exhausted` tells whether the pool ran out (later
 * requests then repeat the last triple and fail, which shows as errors).
 */
export async function assignments(options: {
  url: string;
  path: string;
  headers: Record<string, string>;
  triples: TTriple[];
  body: (triple: TTriple) => string;
  seconds: number;
  warm: number;
}): Promise<TLoadResult & { exhausted: boolean }> {
  let i = 0;
  const requests = (): TAutocannonRequest[] => [
    {
      method: 'POST',
      path: options.path,
      headers: { 'content-type': 'application/json', ...options.headers },
      setupRequest: (req) => {
        const triple = options.triples[Math.min(i++, options.triples.length - 1)] as TTriple;
        return { ...req, body: options.body(triple) };
      },
    },
  ];
  await runLoad({ url: options.url, amount: options.warm, requests: requests() });
  const result = await runLoad({
    url: options.url,
    duration: options.seconds,
    requests: requests(),
  });
  return { ...result, exhausted: i >= options.triples.length };
}

export const rawAssignBody = (triple: TTriple) => JSON.stringify(triple);
export const trpcAssignBody = (triple: TTriple) => mutationBody(triple);
