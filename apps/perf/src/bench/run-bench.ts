import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@dispatch/db/free-port';
import postgres from 'postgres';
import { signInDriver } from '../chaos/driver-sign-in';
import { AUDIENCE, startChaosIdentity } from '../chaos/identity-provider';
import { serverProcess } from '../chaos/run-server-process';
import { makeSelfSignedCert } from '../chaos/tls-cert';
import { prepareAssignPool } from './assign-pool';
import { startBaselineProcess } from './baseline-process';
import { datasetCounts, generateDataset } from './dataset';
import { explainSummary, type TExplained } from './explain';
import { prepareCrews, runMixed } from './mixed';
import { peakRssMb, resetPeakRss } from './process-memory';
import type { TRow } from './report';
import * as scenario from './scenarios';
import type { TScenarioName } from './config';

/** The pool size the real server is started with (DATABASE_POOL_MAX), used for the baselines too. */
const POOL_MAX = 20;
const MIXED_DRIVERS = 20;

export interface TBenchResult {
  rows: TRow[];
  explained: TExplained[];
  dataset: Record<string, number>;
  /** The server's peak resident memory over the whole run. */
  peakRssMb: number;
  /** Its peak during the mixed run alone (the target's measure), or null when it did not run. */
  mixedPeakRssMb: number | null;
  poolMax: number;
  seconds: number;
}

/**
 * The whole benchmark: the production server as a child process (bearer tokens from the local
 * OpenID provider over HTTPS), a baseline server as another, the large dataset, then each scenario
 * right after the baseline it is compared with.
 */
export async function runBench(options: {
  databaseUrl: string;
  seconds: number;
  mixedSeconds: number;
  only: ReadonlySet<TScenarioName>;
  cpuProfileDir?: string | undefined;
  progress: (line: string) => void;
}): Promise<TBenchResult> {
  const { seconds, progress, only } = options;
  const workDir = await mkdtemp(join(tmpdir(), 'dispatch-bench-'));
  const admin = postgres(options.databaseUrl, { max: 2, onnotice: () => undefined });
  const cert = makeSelfSignedCert(workDir);
  const port = await findFreePort();
  const appUrl = `http://localhost:${port}`;
  const identity = await startChaosIdentity({ appUrl, cert, driverCount: MIXED_DRIVERS });
  const server = serverProcess({
    port,
    databaseUrl: options.databaseUrl,
    issuer: identity.provider.issuer,
    webClient: identity.webClient,
    audience: AUDIENCE,
    caFile: cert.certFile,
    ...(options.cpuProfileDir
      ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] }
      : {}),
  });
  let baseline: Awaited<ReturnType<typeof startBaselineProcess>> | undefined;
  const rows: TRow[] = [];
  try {
    await server.start();
    progress(`server up at ${appUrl} (production mode, bearer tokens)`);
    const t0 = Date.now();
    await generateDataset(admin);
    const dataset = await datasetCounts(admin);
    progress(`dataset in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${JSON.stringify(dataset)}`);
    baseline = await startBaselineProcess({
      port: await findFreePort(),
      databaseUrl: options.databaseUrl,
      poolMax: POOL_MAX,
    });
    const token = await identity.serviceToken();

    progress('1. bare Fastify route');
    const bare = await scenario.bare(baseline.url, seconds);
    rows.push({ scenario: 'baseline: bare Fastify route', load: bare, target: '-' });
    // Diagnostics: the real server's plugin stack alone, then with bearer auth and tRPC.
    const healthz = await scenario.plainGet(appUrl, '/healthz', {}, seconds);
    rows.push({
      scenario: 'diag: server /healthz',
      load: healthz,
      baseline: 'bare',
      ratio: healthz.rps / bare.rps,
      target: '-',
    });
    const me = await scenario.plainGet(
      appUrl,
      '/trpc/me.get',
      { authorization: `Bearer ${token}` },
      seconds,
    );
    rows.push({
      scenario: 'diag: me.get (auth, 1 query)',
      load: me,
      baseline: 'bare',
      ratio: me.rps / bare.rps,
      target: '-',
    });

    if (only.has('equipment')) {
      const ids = (
        await admin<{ id: string }[]>`select id from equipment where code like 'BE-%'
        order by code desc limit 100`
      ).map((r) => r.id);
      progress('2. equipment.get: plain SQL route, then tRPC');
      const eqSql = await scenario.equipmentSql(baseline.url, ids, seconds);
      rows.push({
        scenario: 'baseline: equipment SQL route',
        load: eqSql,
        baseline: 'bare',
        ratio: eqSql.rps / bare.rps,
        target: '-',
      });
      const eqTrpc = await scenario.equipmentTrpc(appUrl, token, ids, seconds);
      rows.push({
        scenario: 'equipment.get (tRPC)',
        load: eqTrpc,
        baseline: 'SQL route',
        ratio: eqTrpc.rps / eqSql.rps,
        target: 'ratio >= 0.6',
        met: eqTrpc.rps / eqSql.rps >= 0.6 && eqTrpc.errors === 0,
      });
    }

    let explained: TExplained[] = [];
    if (only.has('summary')) {
      progress('3. dashboard.summary on the large dataset');
      const bare2 = await scenario.bare(baseline.url, seconds);
      const summary = await scenario.dashboardSummary(
        appUrl,
        await identity.serviceToken(),
        seconds,
      );
      rows.push({
        scenario: 'dashboard.summary (100k orders)',
        load: summary,
        baseline: 'bare',
        ratio: summary.rps / bare2.rps,
        target: 'p99 <= 20 ms, >= 2,000 req/s',
        met: summary.p99 <= 20 && summary.rps >= 2000 && summary.errors === 0,
      });
      explained = await explainSummary(admin);
    }

    let mixedPeak: number | null = null;
    let wholePeak: number | null = null;
    if (only.has('mixed') && options.mixedSeconds > 0) {
      progress(`5. mixed run for ${options.mixedSeconds} s`);
      const crews = await prepareCrews(admin, identity.drivers, (user) =>
        signInDriver({ appUrl, ca: cert.cert, username: user.username, password: user.password }),
      );
      // The whole-run peak is printed too; the target is about the mixed run, so it gets its own.
      // It runs before the assignment scenario, whose thousands of prepared triples stay assigned
      // and would otherwise swell the dashboard it polls.
      const wholeRunPeak = peakRssMb(server.pid() ?? 0);
      resetPeakRss(server.pid() ?? 0);
      const mixed = await runMixed({
        appUrl,
        bearer: identity.serviceToken,
        crews,
        seconds: options.mixedSeconds,
        summaryRate: 33,
        operationsRate: 50,
      });
      const rss = peakRssMb(server.pid() ?? 0);
      mixedPeak = rss;
      wholePeak = Math.max(wholeRunPeak, rss);
      rows.push({
        scenario: 'mixed: dashboard polling',
        load: mixed.summary,
        baseline: 'offered 33/s',
        ratio: mixed.summary.rps / 33,
        target: 'errors 0',
        met: mixed.summary.errors === 0,
      });
      rows.push({
        scenario: 'mixed: dispatch operations',
        load: mixed.operations,
        baseline: 'offered 50/s',
        ratio: mixed.operations.rps / 50,
        target: `errors 0, peak RSS <= 250 MB (${rss.toFixed(0)} MB)`,
        met: mixed.operations.errors === 0 && rss <= 250,
        note: mixed.skipped > 0 ? `${mixed.skipped} chains skipped (no free crew)` : undefined,
      });
    }

    if (only.has('assign')) {
      const bare3 = await scenario.bare(baseline.url, seconds);
      progress('4. dispatch.assign: raw SQL transaction, then tRPC');
      const poolSize = seconds * 1500 + 500;
      const baseTriples = await prepareAssignPool(admin, 'base', poolSize);
      const trpcTriples = await prepareAssignPool(admin, 'trpc', poolSize);
      const rawAssign = await scenario.assignments({
        url: baseline.url,
        path: '/assign',
        headers: {},
        triples: baseTriples,
        body: scenario.rawAssignBody,
        seconds,
        warm: 300,
      });
      rows.push({
        scenario: 'baseline: raw assignment tx',
        load: rawAssign,
        baseline: 'bare',
        ratio: rawAssign.rps / bare3.rps,
        target: '-',
        note: rawAssign.exhausted ? 'triple pool exhausted' : undefined,
      });
      const trpcAssign = await scenario.assignments({
        url: appUrl,
        path: '/trpc/dispatch.assign',
        headers: { authorization: `Bearer ${await identity.serviceToken()}` },
        triples: trpcTriples,
        body: scenario.trpcAssignBody,
        seconds,
        warm: 300,
      });
      rows.push({
        scenario: 'dispatch.assign (tRPC)',
        load: trpcAssign,
        baseline: 'raw tx',
        ratio: trpcAssign.rps / rawAssign.rps,
        target: 'ratio >= 0.6',
        met: trpcAssign.rps / rawAssign.rps >= 0.6 && trpcAssign.errors === 0,
        note: trpcAssign.exhausted ? 'triple pool exhausted' : undefined,
      });
    }

    return {
      rows,
      explained,
      dataset,
      peakRssMb: wholePeak ?? peakRssMb(server.pid() ?? 0),
      mixedPeakRssMb: mixedPeak,
      poolMax: POOL_MAX,
      seconds,
    };
  } finally {
    await baseline?.stop();
    await server.stop();
    await identity.provider.close();
    await admin.end({ timeout: 5 });
    await rm(workDir, { recursive: true, force: true });
  }
}
