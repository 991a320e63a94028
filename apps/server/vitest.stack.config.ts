import { defineConfig } from 'vitest/config';

/**
 * The smoke tests of the production stack (deploy/ci/stack.sh starts it, then runs these): no
 * global database setup, one file, in order, long timeouts for restarts.
 */
export default defineConfig({
  test: {
    include: ['test-stack/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    reporters: ['default'],
  },
});
