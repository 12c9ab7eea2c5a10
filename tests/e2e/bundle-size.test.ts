/**
 * The size of the desktop UI's bundle: the built renderer's JavaScript under 200 KB gzipped (the
 * same bytes on every machine, so a test). Paint and reaction times depend on the machine's load:
 * they are measured in `npm run bench -- ui` as ratios to a baseline page. Figures go to
 * test-results/bundle-size.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, buildRenderer } from './support/build.js';

let work: string;
let rendererDir: string;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'diagcollect-bundle-'));
  rendererDir = await buildRenderer(path.join(work, 'renderer'));
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  const out = path.join(REPO_ROOT, 'test-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'bundle-size.json'), `${JSON.stringify(figures, null, 2)}\n`);
});

describe('desktop UI bundle size', () => {
  it('ships a renderer bundle under 200 KB of gzipped JavaScript', () => {
    const assets = path.join(rendererDir, 'assets');
    const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
    const raw = js.reduce((sum, f) => sum + readFileSync(path.join(assets, f)).length, 0);
    const gzip = js.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(assets, f)), { level: 9 }).length, 0);
    const css = readdirSync(assets)
      .filter((f) => f.endsWith('.css'))
      .reduce((sum, f) => sum + gzipSync(readFileSync(path.join(assets, f)), { level: 9 }).length, 0);
    const files = Object.fromEntries(js.map((f) => [f, { bytes: readFileSync(path.join(assets, f)).length, gzipBytes: gzipSync(readFileSync(path.join(assets, f)), { level: 9 }).length }]));
    figures.bundle = { jsFiles: files, jsBytes: raw, jsGzipBytes: gzip, cssGzipBytes: css };
    expect(gzip).toBeLessThan(200 * 1024);
  });
});
