import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Shared lint rules. `process.env` is banned everywhere except each app's one validated config
 * module (and test/tooling config files), so configuration has a single, checked entry point.
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
    files: [
      '**/config.ts',
      '**/env.ts',
      '**/*.config.ts',
      '**/test/**',
      '**/*.test.ts',
      'scripts/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
);
