/**
 * The desktop app's main process keeps V8's young generation small, like the CLI launcher: the
 * flag itself is checked by its effect on plain Node (a child that allocates steadily, with and
 * without the module), and main.ts is checked to run it before any other of its code — in the
 * source (first import) and in the bundle as built (its modules are evaluated lazily, so the order
 * is observed at run time, with the stand-in electron module of main-wiring.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { YOUNG_GENERATION_FLAG as ENGINE_FLAG } from '../../../electron/engine/platform/young-generation.js';
import { YOUNG_GENERATION_FLAG } from '../../../electron/main/young-generation.js';
import { startMain } from './support/start-main.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const MODULE = path.join(ROOT, 'electron/main/young-generation.ts');

/** Peak young-generation size (MB) of a child that keeps a window of 20 000 live objects while allocating. */
function youngPeakMB(withModule: boolean): number {
  const script = `
    ${withModule ? `await import(${JSON.stringify(pathToFileURL(MODULE).href)});` : ''}
    const { getHeapSpaceStatistics } = await import('node:v8');
    const ring = new Array(20000);
    let peak = 0;
    for (let i = 0; i < 3_000_000; i++) {
      ring[i % ring.length] = { a: i, b: 'x' + i, c: [i, i + 1] };
      if (i % 10000 === 0) peak = Math.max(peak, getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
    }
    console.log(peak / 1048576);`;
  return Number(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' }).trim());
}

describe('keepYoungGenerationSmall', () => {
  it('is the CLI launcher’s flag, and the one the redaction worker sets again', () => {
    expect(YOUNG_GENERATION_FLAG).toBe(ENGINE_FLAG);
    expect(readFileSync(path.join(ROOT, 'electron/cli/diagcollect.mjs'), 'utf8')).toContain(`setFlagsFromString('${YOUNG_GENERATION_FLAG}')`);
  });

  it('keeps the young generation at its starting size where V8 would grow it', () => {
    const without = youngPeakMB(false);
    const withFlag = youngPeakMB(true);
    // V8 starts at 1 MB per semi-space (2 MB in all) and grows to 2 × 16 MB under this load.
    expect(without).toBeGreaterThanOrEqual(8);
    expect(withFlag).toBeLessThanOrEqual(4);
  }, 120_000);

  it('is the first import of the main process entry', () => {
    const source = readFileSync(path.join(ROOT, 'electron/main/main.ts'), 'utf8');
    const imports = [...source.matchAll(/^import\s+(?:[^'"]*?\s+from\s+)?'([^']+)';/gm)].map((m) => m[1]);
    expect(imports[0]).toBe('./young-generation.js');
  });

  it('runs before any other module of the built main process', async () => {
    // Each of our modules notes when it is evaluated, as the build lays them out (as build:electron does).
    await startMain('young-generation', (b) =>
      b.onLoad({ filter: /\.ts$/ }, (args) => ({ contents: `((globalThis).__evaluated ??= []).push(${JSON.stringify(path.relative(ROOT, args.path))});\n${readFileSync(args.path, 'utf8')}`, loader: 'ts' })),
    );
    const evaluated = (globalThis as { __evaluated?: string[] }).__evaluated ?? [];
    expect(evaluated.length).toBeGreaterThan(10);
    expect(evaluated[0]).toBe('electron/main/young-generation.ts');
  }, 60_000);
});
