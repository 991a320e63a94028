import base from '@dispatch/eslint-config/base';
import { boundaries } from '@dispatch/eslint-config/boundaries';

export default [
  ...base,
  boundaries({
    files: ['src/**/*.ts'],
    forbidden: ['@dispatch/server', '@dispatch/server/*', '@dispatch/web', '@dispatch/client'],
    why: 'the API is used by the apps, never the other way round.',
  }),
];
