import base from '@dispatch/eslint-config/base';
import { boundaries } from '@dispatch/eslint-config/boundaries';

export default [
  ...base,
  { ignores: ['dist/**', 'postcss.config.cjs', 'scripts/**'] },
  boundaries({
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    typesOnly: ['@dispatch/api'],
    forbidden: [
      '@dispatch/api/*',
      '@dispatch/db',
      '@dispatch/db/*',
      '@dispatch/server',
      '@dispatch/server/*',
      '@dispatch/client',
    ],
    why: "the browser talks to the server over tRPC; only the API's types cross, never server code.",
  }),
];
