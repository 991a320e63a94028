#!/usr/bin/env node
// Runs every package's tests through Turborepo, then prints one plain summary line for CI
// ("N passed, N failed"), summed from each package's vitest JSON report. Exits with turbo's code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = () =>
  ['packages', 'apps']
    .filter((dir) => existsSync(join(root, dir)))
    .flatMap((dir) =>
      readdirSync(join(root, dir)).map((name) =>
        join(root, dir, name, 'test-results', 'vitest.json'),
      ),
    )
    .filter((file) => existsSync(file));

for (const file of reports()) rmSync(file);

const started = Date.now();
const turbo = spawnSync(
  'pnpm',
  ['exec', 'turbo', 'run', 'test', '--concurrency=1', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of reports()) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
// A package whose run crashed before writing its report still fails the run.
if (turbo.status !== 0 && failed === 0) failed = 1;
console.log(`\nTests finished in ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(turbo.status ?? 1);
