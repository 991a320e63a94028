#!/usr/bin/env node
// Runs every package's tests through Turborepo, then prints one plain summary line for CI
// ("N passed, N failed"), summed from each package's vitest JSON report.
//
// The exit code is this script's own verdict, not turbo's alone: non-zero when turbo failed, when
// any report counts a failed test or test file, or when a package that has a `test` script wrote
// no report (a crash before the reporter ran must not read as "nothing failed"). Turbo runs with
// --continue so one failing package does not hide the others' results.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** Every workspace package under apps/ and packages/ with a `test` script. */
const packagesWithTests = ['packages', 'apps']
  .filter((dir) => existsSync(join(root, dir)))
  .flatMap((dir) => readdirSync(join(root, dir)).map((name) => join(root, dir, name)))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter(({ manifest }) => typeof manifest.scripts?.test === 'string')
  .map(({ dir, manifest }) => ({
    name: manifest.name,
    report: join(dir, 'test-results', 'vitest.json'),
  }));

for (const { report } of packagesWithTests) rmSync(report, { force: true });

// `--filter=...` arguments narrow the run to some packages; only those must write a report.
const args = process.argv.slice(2);
const filters = args
  .filter((arg) => arg.startsWith('--filter='))
  .map((arg) => arg.slice('--filter='.length));
const expected = filters.length
  ? packagesWithTests.filter(({ name }) => filters.includes(name))
  : packagesWithTests;

/** Test files that failed without a failed test of their own (an import or a hook that threw). */
function brokenFiles(result) {
  return (result.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' &&
      !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
}

const started = Date.now();
const turbo = spawnSync(
  'pnpm',
  ['exec', 'turbo', 'run', 'test', '--concurrency=1', '--continue', ...args],
  { cwd: root, stdio: 'inherit' },
);

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const { name, report } of expected) {
  if (!existsSync(report)) {
    missing.push(name);
    continue;
  }
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed += result.numPassedTests ?? 0;
  failed += (result.numFailedTests ?? 0) + brokenFiles(result);
  skipped += (result.numPendingTests ?? 0) + (result.numTodoTests ?? 0);
}
// A package that wrote no report counts as one failure, so the line never reads "0 failed".
failed += missing.length;
if (turbo.status !== 0 && failed === 0) failed = 1;

console.log(`\nTests finished in ${Math.round((Date.now() - started) / 1000)} s`);
if (missing.length > 0) console.log(`No test report from: ${missing.join(', ')}`);
if (turbo.status !== 0) console.log(`turbo exited with ${turbo.status ?? turbo.signal}`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || turbo.status !== 0 ? 1 : 0);
