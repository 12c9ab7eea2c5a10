/**
 * electron/main/main.ts as built (esbuild, as build:electron), with the stand-in electron module
 * (fake-electron.ts) and a temporary app folder, started on plain Node. `setup` may add to the
 * build (e.g. note each module as it is evaluated).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type PluginBuild } from 'esbuild';

const ROOT = path.resolve(import.meta.dirname, '../../../..');

/** Builds and imports main.ts; returns the app folder (renderer/dist/index.html, policy.json, data/). */
export async function startMain(name: string, setup?: (b: PluginBuild) => void): Promise<string> {
  const appRoot = mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  mkdirSync(path.join(appRoot, 'renderer', 'dist'), { recursive: true });
  writeFileSync(path.join(appRoot, 'renderer', 'dist', 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(path.join(appRoot, 'policy.json'), '{}');
  process.env.FAKE_APP_PATH = appRoot;
  process.env.DIAGCOLLECT_DATA_DIR = path.join(appRoot, 'data');
  process.env.DIAGCOLLECT_POLICY = path.join(appRoot, 'policy.json');
  const outfile = path.join(ROOT, 'node_modules', '.cache', `diagcollect-${name}`, `main-${process.pid}.mjs`);
  await build({
    entryPoints: [path.join(ROOT, 'electron/main/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'error',
    plugins: [
      {
        name: 'fake-electron',
        setup(b) {
          b.onResolve({ filter: /^electron$/ }, () => ({ path: path.join(ROOT, 'tests/unit/main/support/fake-electron.ts') }));
          b.onResolve({ filter: /^electron-log\/main(\.js)?$/ }, () => ({ path: path.join(ROOT, 'tests/unit/main/support/fake-electron-log.ts') }));
          setup?.(b);
        },
      },
    ],
  });
  await import(pathToFileURL(outfile).href);
  return appRoot;
}
