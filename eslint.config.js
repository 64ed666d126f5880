import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// House rules from DESIGN.md: imports run one way
// (contract <- lib/components/config <- features <- app), server and sandbox
// import only contract and themselves, no feature imports another feature,
// and only src/server/env.ts reads process.env.
const features = ['auth', 'monitors', 'maintenance', 'incidents', 'teams', 'integrations', 'service-checks', 'admin'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { import: importPlugin, 'react-hooks': reactHooks },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
      'import/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'import/no-cycle': 'error',
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/contract', from: './src', except: ['./contract'], message: 'contract imports nothing but itself' },
            { target: ['./src/lib', './src/components', './src/config'], from: ['./src/features', './src/app', './src/server', './src/sandbox'] },
            { target: './src/features', from: ['./src/app', './src/server', './src/sandbox'] },
            { target: './src/server', from: ['./src/app', './src/features', './src/components', './src/lib', './src/config'] },
            // Only the BFF entry (and tests) may load the local Datadog, and the entry does so dynamically.
            { target: './src/server/!(index|*.test).ts', from: './src/sandbox' },
            { target: './src/server/*/**/!(*.test).ts', from: './src/sandbox' },
            { target: './src/sandbox', from: ['./src/app', './src/features', './src/components', './src/lib', './src/config', './src/server'] },
            ...features.map((f) => ({
              target: `./src/features/${f}`,
              from: './src/features',
              except: [`./${f}`],
              message: 'no feature imports another feature; compose them in app/routes',
            })),
          ],
        },
      ],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'read configuration through src/server/env.ts' }],
    },
  },
  {
    files: ['src/server/env.ts', 'playwright.config.ts', 'scripts/**', 'e2e/**', 'src/sandbox/env.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // Playwright fixtures call use(), which is not a React hook.
    files: ['e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
);
