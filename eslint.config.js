// ESLint flat config: the recommended JavaScript and typescript-eslint rules over src, tests and scripts.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.artifacts/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `typeof import('x')` names a lazily loaded module's type without loading it.
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      eqeqeq: ['error', 'smart'],
      // The sanitisers match control characters on purpose: that is what they remove.
      'no-control-regex': 'off',
      'no-console': 'off'
    }
  },
  {
    // The artifact contracts (zod) are for the build: npm run schemas turns them into schemas/, and
    // run-time code checks data against those through the one precompiled validator
    // (src/package/schemas.ts). Importing a contract as a value would load zod at start.
    files: ['src/**/*.ts'],
    ignores: ['src/artifacts/**', 'src/schemas/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/artifacts/contracts/*', '**/artifacts/contract.js'],
              allowTypeImports: true,
              message:
                'Artifact contracts are build-time only: import their types with `import type`, validate with validateAgainst (src/package/schemas.ts).'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['__tests__/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    // Tests edit loosely typed JSON fixtures in place.
    rules: { '@typescript-eslint/no-non-null-assertion': 'off', '@typescript-eslint/no-explicit-any': 'off' }
  }
)
