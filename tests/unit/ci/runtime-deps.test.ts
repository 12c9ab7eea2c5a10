/**
 * Runtime dependencies are what ships (issue 12 item 8). The CLI and the app's main process are
 * bundled with every npm package left external, so each package they import at run time must be
 * in package.json `dependencies` (electron-builder packs exactly those into the app; `npm i -g`
 * installs exactly those for the CLI). Build tools, tsx and React (bundled into the renderer by
 * Vite) are devDependencies. And the `diagcollect` bin runs only the built CLI: without the
 * build it says how to make it.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string>; bin: Record<string, string> };

/** The npm packages a bundle of `entry` imports at run time (node builtins left out). */
async function externalPackages(entry: string, platform: 'node' | 'browser', external: string[] = []): Promise<string[]> {
  const result = await build({ entryPoints: [join(ROOT, entry)], bundle: true, platform, format: 'esm', write: false, metafile: true, outdir: join(os.tmpdir(), 'unused'), logLevel: 'silent', ...(platform === 'node' ? { packages: 'external' as const } : { external }) });
  const names = new Set<string>();
  for (const output of Object.values(result.metafile.outputs)) {
    for (const i of output.imports) {
      if (!i.external || i.path.startsWith('node:') || builtinModules.includes(i.path.split('/')[0]!)) continue;
      const parts = i.path.split('/');
      names.add(i.path.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!);
    }
  }
  return [...names].sort();
}

describe('runtime dependencies are what ships', () => {
  it('tsx, react and react-dom are devDependencies, not dependencies', () => {
    for (const name of ['tsx', 'react', 'react-dom', 'electron', 'esbuild', 'vite']) {
      expect(pkg.dependencies[name], name).toBeUndefined();
      expect(pkg.devDependencies[name], name).toBeDefined();
    }
  });

  it('every package the CLI imports at run time is a dependency', async () => {
    const used = await externalPackages('electron/cli/main.ts', 'node');
    expect(used.length).toBeGreaterThan(3);
    expect(used.filter((name) => !(name in pkg.dependencies))).toEqual([]);
  });

  it('every package the app main process imports is a dependency (electron comes with the app)', async () => {
    const used = await externalPackages('electron/main/main.ts', 'node');
    expect(used).toContain('electron');
    expect(used.filter((name) => name !== 'electron' && !(name in pkg.dependencies))).toEqual([]);
  });

  it('the preload needs nothing but electron at run time', async () => {
    expect(await externalPackages('electron/preload/preload.ts', 'browser', ['electron'])).toEqual(['electron']);
  });

  it('the bin without a build says to run `npm run build:cli` (exit 1), and never compiles TypeScript', async () => {
    expect(pkg.bin.diagcollect).toBe('electron/cli/diagcollect.mjs');
    const dir = await mkdtemp(join(os.tmpdir(), 'diagcollect-bin-'));
    try {
      await cp(join(ROOT, 'electron/cli/diagcollect.mjs'), join(dir, 'electron/cli/diagcollect.mjs'));
      await cp(join(ROOT, 'electron/cli/main.ts'), join(dir, 'electron/cli/main.ts'));
      const r = spawnSync(process.execPath, [join(dir, 'electron/cli/diagcollect.mjs'), '--version'], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('is not built');
      expect(r.stderr).toContain('npm run build:cli');
      expect(r.stderr).toContain(join(dir, 'dist/cli/main.mjs'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
