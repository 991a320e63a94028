import base from '@dispatch/eslint-config/base';
import { boundaries, configModule } from '@dispatch/eslint-config/boundaries';

export default [
  ...base,
  configModule('src/testing/env.ts'),
  boundaries({
    files: ['src/**/*.ts'],
    forbidden: [
      '@dispatch/api',
      '@dispatch/api/*',
      '@dispatch/server',
      '@dispatch/server/*',
      '@dispatch/web',
      '@dispatch/client',
    ],
    why: 'db sits below the API and the apps; it may use the domain only.',
  }),
];
