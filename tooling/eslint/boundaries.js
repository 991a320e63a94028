/**
 * Package boundaries as lint rules, so "web imports only types from the API" and "the domain
 * imports nothing of ours" are checked, not hoped for. Each package's eslint.config.js uses these.
 */

/** `process.env` is allowed in these files only: the package's one config module. */
export function configModule(...files) {
  return { files, rules: { 'no-restricted-properties': 'off' } };
}

/**
 * Imports a package's code may not make. `typesOnly` lists packages it may import types from
 * (erased at build time) but never values; `forbidden` lists import patterns it may not use at all.
 */
export function boundaries({ files, ignores = [], typesOnly = [], forbidden = [], why }) {
  return {
    files,
    ignores,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: typesOnly.map((name) => ({
            name,
            allowTypeImports: true,
            message: `Only types may be imported from ${name} here: ${why}`,
          })),
          patterns: forbidden.length ? [{ group: forbidden, message: why }] : [],
        },
      ],
    },
  };
}
