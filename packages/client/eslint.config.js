import base from '@dispatch/eslint-config/base';
import { boundaries, configModule } from '@dispatch/eslint-config/boundaries';

export default [
  ...base,
  configModule('examples/config.ts'),
  boundaries({
    files: ['src/**/*.ts', 'examples/**/*.ts'],
    typesOnly: ['@dispatch/api'],
    forbidden: [
      '@dispatch/api/*',
      '@dispatch/db',
      '@dispatch/db/*',
      '@dispatch/server',
      '@dispatch/server/*',
    ],
    why: "scripts talk to the server over HTTP; the API's types describe it, its code stays on the server.",
  }),
];
