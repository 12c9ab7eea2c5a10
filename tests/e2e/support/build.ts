/** Builds what the e2e tests load: the renderer (vite build, as shipped) and the page shim. */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** `vite build` with the repo's config into a fresh folder (parallel test files never share one). */
export async function buildRenderer(outDir?: string): Promise<string> {
  const { build } = await import('vite');
  const dir = outDir ?? (await mkdtemp(path.join(os.tmpdir(), 'diagcollect-renderer-')));
  // Vitest sets NODE_ENV=test, which would make Vite ship React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), root: path.join(REPO_ROOT, 'renderer'), mode: 'production', build: { outDir: dir, emptyOutDir: true }, logLevel: 'error' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return dir;
}

/** The page shim as one IIFE script. */
export async function buildPageShim(): Promise<string> {
  const esbuild = await import('esbuild');
  const out = await esbuild.build({
    entryPoints: [path.join(REPO_ROOT, 'tests/e2e/support/page-shim.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'error',
  });
  return out.outputFiles[0]!.text;
}
