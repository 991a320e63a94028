import base from '@dispatch/eslint-config/base';
import { boundaries, configModule } from '@dispatch/eslint-config/boundaries';

export default [
  ...base,
  // The smoke tests' settings come from deploy/ci/stack.sh through the environment.
  configModule('src/config.ts', 'test-stack/stack-settings.ts'),
  boundaries({
    files: ['src/**/*.ts'],
    forbidden: ['@dispatch/web', '@dispatch/web/*', '@dispatch/api/bench'],
    why: 'the server serves the built web app as files, and the benchmark exports are for pnpm bench.',
  }),
];
