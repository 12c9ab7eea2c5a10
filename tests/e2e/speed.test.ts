/**
 * Speed budgets of the desktop UI, measured on the built renderer in Chromium with the real
 * engine behind the test bridge: the JS bundle (gzip) under 200 KB, the first screen painted
 * within 300 ms (first-contentful-paint), the first progress row on screen within 100 ms of
 * pressing Start. Each timing is the best of five runs (a shared CI machine has noisy
 * neighbours; a budget the app misses every time still fails). Figures go to
 * test-results/speed.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, renderDesktop, type HarnessShared } from './support/app-harness.js';
import { launchChromium } from './support/browser.js';
import { REPO_ROOT, buildPageShim, buildRenderer } from './support/build.js';
import { fillStart, goToReview, waitForStart, words } from './support/flows.js';
import { serveDirectory } from './support/static-server.js';

const RUNS = 5;
let work: string;
let rendererDir: string;
let browser: Browser;
let shared: HarnessShared;
const figures: Record<string, unknown> = {};

beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), 'diagcollect-speed-'));
  rendererDir = await buildRenderer(path.join(work, 'renderer'));
  browser = await launchChromium();
  const server = await serveDirectory(rendererDir);
  shared = { browser, server, shim: await buildPageShim(), desktopPng: await renderDesktop(browser) };
}, 120_000);

afterAll(async () => {
  await shared?.server.close();
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
  const out = path.join(REPO_ROOT, 'test-results');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'speed.json'), `${JSON.stringify(figures, null, 2)}\n`);
});

describe('desktop UI speed budgets', () => {
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

  it('paints the first screen within 300 ms', async () => {
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const a = await openApp(shared, { locale: 'zh-CN', runChecks: false });
      await waitForStart(a.page, 'zh-CN');
      const fcp = await a.page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
      runs.push(Math.round(fcp));
      await a.close();
    }
    figures.firstContentfulPaintMs = { runs, best: Math.min(...runs) };
    expect(Math.min(...runs)).toBeLessThan(300);
  });

  it('shows the first progress row within 100 ms of pressing Start', async () => {
    const runs: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const a = await openApp(shared, { locale: 'en', runChecks: false, deepLink: 'diagcollect://collect?ticket=56789' });
      await waitForStart(a.page, 'en');
      await fillStart(a.page, 'en');
      await goToReview(a.page, 'en');
      const label = words('en').startCollecting;
      // Measured inside the page: from the click to the frame that shows the first row.
      const ms = await a.page.evaluate(
        (name) =>
          new Promise<number>((resolve) => {
            const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === name)!;
            const seen = () => document.querySelector('[data-collector]');
            const observer = new MutationObserver(() => {
              if (!seen()) return;
              observer.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - started));
            });
            observer.observe(document.body, { childList: true, subtree: true });
            const started = performance.now();
            button.click();
          }),
        label,
      );
      runs.push(Math.round(ms));
      await a.page.getByRole('heading', { level: 1, name: new RegExp(`^${words('en').doneTitle}`) }).waitFor({ timeout: 60_000 });
      await a.close();
    }
    figures.firstProgressRowMs = { runs, best: Math.min(...runs) };
    expect(Math.min(...runs)).toBeLessThan(100);
  });
});
