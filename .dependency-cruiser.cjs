/**
 * Layering, failing closed (STYLE.md §1), checked on the resolved dependency graph: static and
 * dynamic `import`, `require`, `export … from` and type-only imports all count, so
 * `await import('electron')` in the engine is refused like a static import. ESLint
 * (eslint.config.js) bans what a graph cannot see (createRequire, process.binding, eval,
 * computed `import()`), and the per-layer tsconfigs keep Node's globals out of shared/ and
 * renderer/. Run by `npm run lint`; probes in tests/unit/ci/layering-probes.test.ts.
 *
 * Every file belongs to exactly one layer, and each layer lists what it MAY depend on; anything
 * else is an error ("not-in-allowed"). "npm" means a package in package.json `dependencies`
 * (what ships); devDependencies are only for tests and the build, except the two the app
 * process and the bundled renderer name explicitly (electron, react).
 */
const LAYERS = {
  shared: '^shared/.+\\.ts$',
  engine: '^electron/engine/.+\\.ts$',
  main: '^electron/main/.+\\.ts$',
  preload: '^electron/preload/.+\\.ts$',
  cli: '^electron/cli/.+\\.(ts|mjs)$',
  renderer: '^renderer/src/.+\\.(ts|tsx)$',
  tests: '^tests/',
  build: '^build/.+\\.(mjs|ts)$',
  config: '^(eslint\\.config\\.js|vite\\.config\\.ts|vitest(\\.electron)?\\.config\\.ts|\\.dependency-cruiser\\.cjs)$',
};
const ANY_LAYER = Object.values(LAYERS).map((r) => `(${r})`).join('|');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  allowedSeverity: 'error',
  allowed: [
    // shared/: plain TypeScript and zod, nothing else (no Node, no React, no systeminformation).
    { from: { path: LAYERS.shared }, to: { path: ['^shared/', '^node_modules/zod/', '^node_modules/intl-messageformat/', '^node_modules/@formatjs/', '^node_modules/tslib/'] } },
    // The engine: itself, shared/, Node, and the runtime dependencies except electron.
    { from: { path: LAYERS.engine }, to: { path: ['^electron/engine/', '^shared/'] } },
    { from: { path: LAYERS.engine }, to: { dependencyTypes: ['core'] } },
    { from: { path: LAYERS.engine }, to: { dependencyTypes: ['npm'], pathNot: '^node_modules/electron/' } },
    // The CLI: the engine's world plus itself; never main, preload or the renderer.
    { from: { path: LAYERS.cli }, to: { path: ['^electron/cli/', '^electron/engine/', '^shared/'] } },
    { from: { path: LAYERS.cli }, to: { dependencyTypes: ['core'] } },
    { from: { path: LAYERS.cli }, to: { dependencyTypes: ['npm'], pathNot: '^node_modules/electron/' } },
    // Electron main: the engine, the CLI (for `--cli` mode), Electron itself; never the renderer.
    { from: { path: LAYERS.main }, to: { path: ['^electron/main/', '^electron/engine/', '^electron/cli/', '^shared/', '^node_modules/electron/'] } },
    { from: { path: LAYERS.main }, to: { dependencyTypes: ['core', 'npm'] } },
    // The preload is sandboxed: electron's contextBridge/ipcRenderer and the shared contract only.
    { from: { path: LAYERS.preload }, to: { path: ['^electron/preload/', '^shared/', '^node_modules/electron/'] } },
    // The renderer: itself, shared/ and browser libraries bundled by Vite.
    { from: { path: LAYERS.renderer }, to: { path: ['^renderer/src/', '^shared/', '^node_modules/(react|react-dom|scheduler|zod|intl-messageformat|@formatjs|tslib)/'] } },
    // Tests, build scripts and tool configs may use anything (they are not shipped).
    { from: { path: [LAYERS.tests, LAYERS.build, LAYERS.config] }, to: {} },
  ],
  forbidden: [
    {
      name: 'no-layer',
      severity: 'error',
      comment: 'This file belongs to no layer (STYLE.md §1): move it under shared/, electron/{engine,main,preload,cli}/, renderer/src/, tests/ or build/ (and check its extension: the engine is .ts, never .tsx).',
      from: { pathNot: ANY_LAYER },
      to: {},
    },
    {
      name: 'no-layer-orphan',
      severity: 'error',
      comment: 'This file belongs to no layer (STYLE.md §1), and imports nothing.',
      from: { orphan: true, pathNot: ANY_LAYER },
      to: {},
    },
    {
      name: 'no-electron-outside-main',
      severity: 'error',
      comment: 'Only electron/main and electron/preload import electron (ARCHITECTURE.md): the engine, the CLI, shared/ and the renderer run without it.',
      from: { path: [LAYERS.shared, LAYERS.engine, LAYERS.cli, LAYERS.renderer] },
      to: { path: '^node_modules/electron/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that cannot be resolved cannot be checked: fix the path or install the package.',
      from: { pathNot: LAYERS.tests },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|out|coverage|renderer/dist|tests/fixtures|\\.ticket-servers|test-results)/' },
    // Type-only imports are dependencies too: the renderer may not even name an engine type.
    tsPreCompilationDeps: true,
    moduleSystems: ['es6', 'cjs'],
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: false,
    // Keep node_modules/… paths even when node_modules is a symlink (the probes' temp copy).
    preserveSymlinks: true,
  },
};
