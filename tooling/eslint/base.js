import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Shared lint rules. `process.env` is banned everywhere except tests, tool configs and scripts;
 * each package names its one config module with `configModule` (./boundaries.js), so configuration
 * has a single, checked entry point. A file is not exempt for being called config.ts.
 */
export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'test-results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through the validated config module.',
        },
      ],
    },
  },
  {
    files: ['**/*.config.ts', '**/test/**', '**/*.test.ts', '**/*.test.tsx', 'scripts/**'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
