// Layering is a lint rule, failing closed (STYLE.md §1): every source file belongs to one layer.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'stream', 'stream/*', 'crypto', 'zlib', 'worker_threads', 'url', 'util', 'events', 'net', 'http', 'https', 'tls', 'dns', 'readline'];
const pattern = (group, message) => ({ group, message });

const noElectron = pattern(['electron', 'electron/*'], 'The engine, shared/ and renderer/ never import electron (ARCHITECTURE.md).');
const noNode = pattern(NODE_BUILTINS, 'shared/ and renderer/ never import Node modules.');
const noEngine = pattern(['**/electron/engine/**', '**/engine/**'], 'The renderer never imports the engine; talk to it through window.diagnostics.');
const noMainOrCli = pattern(['**/electron/main/**', '**/electron/cli/**', '**/electron/preload/**', '**/main/**', '**/cli/**', '**/preload/**'], 'The engine is imported by main and cli, never the other way round.');

const layer = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'renderer/dist/**', 'out/**', 'tests/fixtures/**', 'coverage/**', '.ticket-servers/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  layer(['shared/**/*.{ts,tsx}'], [noElectron, noNode, pattern(['**/electron/**', '**/renderer/**', '!zod'], 'shared/ imports nothing but zod.')]),
  layer(['electron/engine/**/*.{ts,mts,mjs,js}'], [noElectron, noMainOrCli]),
  layer(['electron/cli/**/*.{ts,mts,mjs,js}'], [noElectron, pattern(['**/main/**', '**/preload/**'], 'The CLI uses the engine, not the Electron main process.')]),
  layer(['electron/preload/**/*.{ts,js}'], [noEngine, pattern(['**/main/**'], 'The preload is a thin forwarder.')]),
  layer(['electron/main/**/*.{ts,js}'], [pattern(['**/renderer/**'], 'main does not import the renderer.')]),
  {
    files: ['renderer/**/*.{ts,tsx,js,jsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noNode, noEngine] }] },
  },
  // Fail closed: a source file outside every known layer is an error.
  {
    files: ['**/*.{ts,tsx,mts,js,mjs}'],
    ignores: ['shared/**', 'electron/engine/**', 'electron/cli/**', 'electron/main/**', 'electron/preload/**', 'renderer/**', 'tests/**', 'build/**', '*.config.{ts,js,mjs}', '.ci/**'],
    rules: { 'no-restricted-syntax': ['error', { selector: 'Program', message: 'This file belongs to no layer (STYLE.md §1): move it under shared/, electron/{engine,main,preload,cli}/, renderer/, tests/ or build/.' }] },
  },
);
