import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '@dispatch/db/free-port';
import postgres from 'postgres';
import { startBackendTerminator } from './backend-terminator';
import { checkConsistency, explainMissingAdvances } from './consistency-report';
import { signInDriver } from './driver-sign-in';
import { createFleet } from './fleet';
import { AUDIENCE, startChaosIdentity } from './identity-provider';
import { killSchedule } from './kill-schedule';
import { loadDriver } from './load-driver';
import type { TChaosReport } from './print-report';
import { RequestLog } from './request-log';
import { serverProcess } from './run-server-process';
import { ServerGate } from './server-gate';
import { makeSelfSignedCert } from './tls-cert';

export interface TChaosOptions {
  /** A migrated or empty database of its own (the server migrates it at start). */
  databaseUrl: string;
  kills: number;
  seconds: number;
  workers: number;
  drivers?: number;
  unitsPerType?: number;
  progress?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One chaos run: the production server as a child process under load, killed with SIGKILL on a
 * random schedule and restarted, its PostgreSQL backends terminated now and then; unanswered writes
 * re-sent with their keys after each restart and at the end; then the consistency checks.
 */
export async function runChaos(options: TChaosOptions): Promise<TChaosReport> {
  const progress = options.progress ?? (() => undefined);
  const workDir = await mkdtemp(join(tmpdir(), 'dispatch-chaos-'));
  const admin = postgres(options.databaseUrl, { max: 1, onnotice: () => undefined });
  const cert = makeSelfSignedCert(workDir);
  const port = await findFreePort();
  const appUrl = `http://localhost:${port}`;
  const identity = await startChaosIdentity({
    appUrl,
    cert,
    driverCount: options.drivers ?? 6,
  });
  const server = serverProcess({
    port,
    databaseUrl: options.databaseUrl,
    issuer: identity.provider.issuer,
    webClient: identity.webClient,
    audience: AUDIENCE,
    caFile: cert.certFile,
  });
  const gate = new ServerGate();
  const log = new RequestLog();
  let kills = 0;
  try {
    await server.start();
    gate.up();
    progress(`server up at ${appUrl} (production mode, issuer ${identity.provider.issuer})`);
    const adminCredentials = { bearer: identity.serviceToken };
    const fleet = await createFleet({
      appUrl,
      admin: adminCredentials,
      drivers: identity.drivers,
      unitsPerType: options.unitsPerType ?? 3,
      signIn: (user) =>
        signInDriver({ appUrl, ca: cert.cert, username: user.username, password: user.password }),
    });
    progress(`fleet ready: ${fleet.driverCookies.size} drivers signed in`);
    const load = loadDriver({ appUrl, admin: adminCredentials, fleet, log, gate });

    // A restart that nobody ordered (a crash) is handled like a kill: start again, re-send.
    const restart = async () => {
      gate.down();
      await server.start();
      gate.up();
      const resent = await load.resendPending();
      progress(`  restarted; re-sent ${resent} unanswered writes`);
    };
    // The kill loop, the crash watchdog and the final drain never restart at the same time.
    let lock: Promise<unknown> = Promise.resolve();
    const exclusive = (work: () => Promise<void>) => {
      const next = lock.then(work);
      lock = next.catch(() => undefined);
      return next;
    };
    const started = Date.now();
    const until = started + options.seconds * 1000;
    const terminator = startBackendTerminator(admin);
    const running = load.run(options.workers, until);
    let watching = true;
    const watchdog = (async () => {
      while (watching) {
        await sleep(250);
        await exclusive(async () => {
          if (!watching || server.running()) return;
          progress(`  the server exited unexpectedly:\n${server.crashes.at(-1) ?? ''}`);
          await restart();
        });
      }
    })();
    for (const at of killSchedule(options.kills, options.seconds * 1000)) {
      await sleep(Math.max(0, started + at - Date.now()));
      await exclusive(async () => {
        gate.down();
        await server.kill();
        kills += 1;
        progress(
          `kill ${kills}/${options.kills} at ${((Date.now() - started) / 1000).toFixed(1)} s`,
        );
        await restart();
      });
    }
    await running;
    await terminator.stop();
    watching = false;
    await watchdog;
    // The load is over: answer every write that is still in doubt.
    for (let round = 0; round < 5 && log.pendingRetryable().length > 0; round++) {
      await exclusive(async () => {
        if (!server.running()) await restart();
        await load.resendPending();
      });
    }
    const seconds = Math.round((Date.now() - started) / 1000);
    progress(`load done after ${seconds} s; checking consistency`);
    const { counts, details } = await checkConsistency(admin, log);
    for (const line of await explainMissingAdvances(admin, log)) progress(line);
    return {
      counts,
      details,
      kills,
      serverStarts: server.starts,
      unexpectedExits: server.crashes.length,
      backendsTerminated: terminator.terminated(),
      requests: log.requests.length,
      acknowledged: log.count('acknowledged'),
      refused: log.count('refused'),
      retries: log.retries,
      unresolved: log.pendingRetryable().length,
      unansweredReleases: log.requests.filter((r) => r.state === 'pending' && !r.retryable).length,
      seconds,
    };
  } finally {
    gate.up();
    await server.stop();
    await identity.provider.close();
    await admin.end({ timeout: 5 });
    await rm(workDir, { recursive: true, force: true });
  }
}
