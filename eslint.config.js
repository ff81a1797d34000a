// ESLint flat config: typed rules everywhere, the renderer linted as browser code.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'module',
  'net',
  'os',
  'path',
  'process',
  'readline',
  'stream',
  'tls',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'docs/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    files: ['electron/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'tests/**/*.ts', '*.config.ts'],
    languageOptions: { globals: globals.node },
  },
  {
    // Small files with one job, small functions (issue 11): kept true by the linter.
    files: ['electron/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  {
    files: ['electron/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80 }] },
  },
  {
    // Core is plain Node: the Electron shell adapts it, core never reaches for electron.
    files: ['electron/web/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'core and browser mode run without Electron.' }] },
      ],
    },
  },
  {
    // Core is what the shells adapt: it imports none of them.
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'core and browser mode run without Electron.' },
            {
              // Its import costs half a second of start-up (issue 11): types only, the module through loadClientNode().
              name: '@kubernetes/client-node',
              allowTypeImports: true,
              message: 'import its types only; load the module with loadClientNode() from cluster/client-node.ts.',
            },
            {
              // Loaded whole it costs ~100 ms of every start (issue 11): types only, the module through loadDockerode().
              name: 'dockerode',
              allowTypeImports: true,
              message: 'import its types only; load the module with loadDockerode() from engine/dockerode-lean.ts.',
            },
          ],
          patterns: [
            { group: ['**/main/*', '**/preload/*', '**/web/*', '**/cli/*'], message: 'core imports nothing from the shells.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@contract',
              allowTypeImports: true,
              message:
                "Take values from '@contract/wire' or '@contract/protocol': the contract's index carries core's params schemas (zod).",
            },
            { name: 'electron', message: 'The renderer talks to core only through renderer/src/api.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'No Node in the renderer: ask core through the contract.' })),
          ],
          patterns: [{ group: ['node:*'], message: 'No Node in the renderer: ask core through the contract.' }],
        },
      ],
    },
  },
);
