import { expect, it } from 'vitest';

/**
 * The test gate's probe. Every package with tests has one file calling this, so the probe takes
 * the same path as the package's real tests (its vitest config and global setup, turbo, the summary
 * script). It passes in a normal run; with DISPATCH_GATE_PROBE=fail it fails, and `.ci/run` first
 * runs only the probes that way and requires `pnpm test` to exit non-zero with one failure per
 * package. So a change that lets a failing test exit 0 (a process exit hook, a reporter, the
 * summary script) stops CI before anything else runs.
 */
export function gateProbe(): void {
  it('gate probe: fails when DISPATCH_GATE_PROBE=fail', () => {
    // eslint-disable-next-line no-restricted-properties -- the probe's switch is this one variable
    expect(process.env.DISPATCH_GATE_PROBE ?? 'pass').toBe('pass');
  });
}
