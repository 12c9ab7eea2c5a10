// Layering is a lint rule, failing closed (STYLE.md §1): every source file belongs to one layer.
// Two tools enforce it, both in `npm run lint`: this file (imports by name, and the escape hatches
// a dependency graph cannot see: createRequire, require(), computed import(), process.binding,
// eval / new Function) and dependency-cruiser (.dependency-cruiser.cjs: per-layer allow-lists on
// the resolved graph, dynamic imports included). Node's globals in shared/ and renderer/ are
// type errors (shared/tsconfig.json, renderer/tsconfig.json). Probes: tests/unit/ci/layering-probes.test.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'stream', 'stream/*', 'crypto', 'zlib', 'worker_threads', 'url', 'util', 'events', 'net', 'http', 'https', 'tls', 'dns', 'readline', 'module', 'vm', 'v8', 'process', 'buffer'];
const pattern = (group, message) => ({ group, message });

const noElectron = pattern(['electron', 'electron/*'], 'The engine, shared/ and renderer/ never import electron (ARCHITECTURE.md).');
const noNode = pattern(NODE_BUILTINS, 'shared/ and renderer/ never import Node modules.');
const noEngine = pattern(['**/electron/engine/**', '**/engine/**'], 'The renderer never imports the engine; talk to it through window.diagnostics.');
const noMainOrCli = pattern(['**/electron/main/**', '**/electron/cli/**', '**/electron/preload/**', '**/main/**', '**/cli/**', '**/preload/**'], 'The engine is imported by main and cli, never the other way round.');
const noRenderer = pattern(['**/renderer/**'], 'Only the renderer imports the renderer (it is a web page, bundled by Vite).');

const layer = (files, patterns) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns }] } });

/** Where each layer's files are, by extension too: an engine `.tsx` file is in no layer. */
const LAYERS = {
  shared: ['shared/**/*.ts'],
  engine: ['electron/engine/**/*.ts'],
  main: ['electron/main/**/*.ts'],
  preload: ['electron/preload/**/*.ts'],
  cli: ['electron/cli/**/*.{ts,mjs}'],
  renderer: ['renderer/src/**/*.{ts,tsx}'],
  tests: ['tests/**'],
  build: ['build/**/*.{mjs,ts}'],
  config: ['eslint.config.js', 'vite.config.ts', 'vitest.config.ts', 'vitest.electron.config.ts', '.dependency-cruiser.cjs'],
};
const LAYERED = [...LAYERS.shared, ...LAYERS.engine, ...LAYERS.main, ...LAYERS.preload, ...LAYERS.cli, ...LAYERS.renderer];

/** Ways to load code that neither an import rule nor the dependency graph can see. */
const HIDDEN_LOADS = [
  { selector: "CallExpression[callee.name='createRequire'], MemberExpression[property.name='createRequire'], ImportSpecifier[imported.name='createRequire']", message: 'createRequire hides what is loaded from the layering check: use import (a JSON file: readFile).' },
  { selector: "CallExpression[callee.name='require'], MemberExpression[object.name='module'][property.name='require']", message: 'require() in layered code: use import, which the layering check follows.' },
  { selector: "ImportExpression[source.type!='Literal']", message: 'import() of a computed name hides what is loaded from the layering check: import a literal path.' },
  { selector: "MemberExpression[object.name='process'][property.name=/^(binding|_linkedBinding|dlopen|getBuiltinModule)$/]", message: 'process.binding/_linkedBinding/dlopen/getBuiltinModule load code around the layering check: use import.' },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'renderer/dist/**', 'out/**', 'tests/fixtures/**', 'coverage/**', '.ticket-servers/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  { files: ['.dependency-cruiser.cjs'], languageOptions: { sourceType: 'commonjs' } },
  // shared/ declares the one global it may use (WHATWG URL) the way lib.dom does.
  { files: ['shared/globals.d.ts'], rules: { 'no-var': 'off' } },
  {
    files: LAYERED,
    rules: {
      'no-restricted-syntax': ['error', ...HIDDEN_LOADS],
      'no-eval': 'error',
      'no-new-func': 'error',
      '@typescript-eslint/no-require-imports': 'error',
    },
  },
  // The bin loads the built CLI by its computed path (dist/ is not a layer; it IS the CLI, bundled).
  { files: ['electron/cli/diagcollect.mjs'], rules: { 'no-restricted-syntax': ['error', ...HIDDEN_LOADS.filter((r) => !r.selector.startsWith('ImportExpression'))] } },
  layer(LAYERS.shared, [noElectron, noNode, { regex: '^(?!zod(/|$)|intl-messageformat(/|$)|\\.\\.?/)', message: 'shared/ imports nothing but zod, intl-messageformat (the message catalogue) and its own files (no React, no systeminformation, no Node).' }]),
  layer(LAYERS.engine, [noElectron, noMainOrCli, noRenderer]),
  layer(LAYERS.cli, [noElectron, noRenderer, pattern(['**/main/**', '**/preload/**'], 'The CLI uses the engine, not the Electron main process.')]),
  layer(LAYERS.preload, [noEngine, noRenderer, pattern(['**/main/**'], 'The preload is a thin forwarder.')]),
  layer(LAYERS.main, [noRenderer]),
  {
    files: LAYERS.renderer,
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron, noNode, noEngine] }] },
  },
  // Fail closed: a source file outside every known layer is an error.
  {
    files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
    ignores: Object.values(LAYERS).flat(),
    rules: { 'no-restricted-syntax': ['error', { selector: 'Program', message: 'This file belongs to no layer (STYLE.md §1): move it under shared/, electron/{engine,main,preload,cli}/, renderer/src/, tests/ or build/ (the engine, main, preload and shared/ are .ts, never .tsx).' }] },
  },
);
