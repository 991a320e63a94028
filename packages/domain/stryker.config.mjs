import os from 'node:os';
import path from 'node:path';

/**
 * Mutation testing of the domain package: `pnpm mutate` at the root (or `pnpm run mutate` here).
 * Stryker changes the code one small mutation at a time and reruns the tests that cover it; a
 * mutant the tests do not notice ("survived") is a behaviour no test pins down.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: 'pnpm',
  plugins: ['@stryker-mutator/vitest-runner'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: ['src/**/*.ts', '!src/**/*.test.ts', '!src/index.ts'],
  // The sandbox lives outside the checkout: inside it, `vitest run`, eslint and prettier of this
  // package would pick up its copied (and instrumented) files while a run is going on.
  tempDirName: path.join(os.tmpdir(), 'dispatch-domain-stryker'),
  // The machine is shared: two test processes at most.
  concurrency: 2,
  // Full run by default (CI); `pnpm mutate --incremental` reuses reports/stryker-incremental.json.
  incremental: false,
  // The suite kills every mutant (two mutants are disabled where they are, each with its reason).
  // `break` leaves a small margin, about 15 of the ~590 mutants, for a line not yet fully tested;
  // raise it with the score, never lower it to make a run pass.
  thresholds: { high: 99, low: 98, break: 97 },
  reporters: ['clear-text', 'html', 'progress'],
  clearTextReporter: { allowColor: false, logTests: false },
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  incrementalFile: 'reports/stryker-incremental.json',
};
