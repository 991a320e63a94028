import base from '@dispatch/eslint-config/base';
import { boundaries } from '@dispatch/eslint-config/boundaries';

export default [
  ...base,
  boundaries({
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    forbidden: ['@dispatch/*'],
    why: 'the domain is pure and shared by everyone; it depends on nothing of ours.',
  }),
];
