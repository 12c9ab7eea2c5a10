/**
 * `npm run test:electron`: the same user flows as tests/e2e/app.test.ts, in the real Electron
 * app (out/main/main.js + preload + renderer/dist, built first) through Playwright's `_electron`
 * launcher — so Electron's own IPC, contextBridge, sandbox, app:// protocol and desktopCapturer
 * are exercised too. Skipped, with a message saying why, where no Electron binary is installed
 * (ELECTRON_SKIP_BINARY_DOWNLOAD=1, as on this project's CI machines).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManifestSchema } from '../../../shared/types.js';
import { readZip } from '../../helpers/zip.js';
import { REPO_ROOT } from '../support/build.js';
import { expectAccessible, fillStart, field, goToReview, saveScreen, startCollecting, waitForDone, waitForStart, words, languageSwitch } from '../support/flows.js';

/** The Electron executable, resolved the way the `electron` package does; undefined when absent. */
function electronBinary(): string | undefined {
  try {
    const exe = createRequire(import.meta.url)('electron') as unknown;
    return typeof exe === 'string' && existsSync(exe) ? exe : undefined;
  } catch {
    return undefined;
  }
}

const BINARY = electronBinary();
if (!BINARY) {
  console.warn(
    '\ntest:electron: SKIPPED — no Electron binary is installed (node_modules/electron has no dist/; ' +
      'it was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1). Where Electron can be downloaded, run ' +
      '`node node_modules/electron/install.js` (or `npm ci` without that variable) and run this again. ' +
      'The same flows run in Chromium against the real engine in `npm test` (tests/e2e/app.test.ts).\n',
  );
}

let xvfb: ChildProcess | undefined;
let display = process.env.DISPLAY;
let work: string;

async function startXvfb(): Promise<string> {
  xvfb = spawn('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'pipe', 'ignore'] });
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('Xvfb did not start within 10 s')), 10_000);
    xvfb!.stdout!.once('data', (d: Buffer) => {
      clearTimeout(timer);
      resolve(`:${d.toString().trim()}`);
    });
    xvfb!.once('error', reject);
  });
}

async function launch(args: string[], env: Record<string, string> = {}): Promise<{ app: ElectronApplication; page: Page; dataDir: string }> {
  const dataDir = mkdtempSync(path.join(work, 'data-'));
  const app = await electron.launch({
    executablePath: BINARY!,
    args: [REPO_ROOT, ...args],
    env: { ...(process.env as Record<string, string>), DISPLAY: display ?? '', DIAGCOLLECT_DATA_DIR: dataDir, DIAGCOLLECT_POLICY: path.join(work, 'empty-policy.json'), ...env },
  });
  const page = await app.firstWindow();
  return { app, page, dataDir };
}

describe.skipIf(!BINARY)('the desktop app in a real Electron window', () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'diagcollect-electron-'));
    writeFileSync(path.join(work, 'empty-policy.json'), '{}\n');
    const build = spawnSync('npm', ['run', '-s', 'build:app'], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'production' } });
    if (build.status !== 0) throw new Error(`npm run build:app failed:\n${build.stdout}\n${build.stderr}`);
    if (!display && process.platform === 'linux') display = await startXvfb();
  }, 180_000);

  afterAll(() => {
    xvfb?.kill();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('runs hardened: isolated, sandboxed, no Node in the page, no navigation, no new windows', async () => {
    const { app, page } = await launch([]);
    try {
      await page.locator('h1').first().waitFor();
      // The preload's world is not the page's: only the named methods cross over, no ipcRenderer.
      expect(await page.evaluate(() => ['ipcRenderer' in window, 'electron' in window, typeof window.diagnostics?.startCollection])).toEqual([false, false, 'function']);
      expect(page.url()).toBe('app://diagcollect/index.html');
      expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
      expect(await page.evaluate(() => Object.keys(window.diagnostics!).sort())).toEqual(
        ['cancelCollection', 'captureScreenshot', 'getChecks', 'getDefaults', 'getUploadState', 'onDeepLink', 'onProgress', 'onUploadState', 'openFolder', 'preview', 'retryUpload', 'startCollection'].sort(),
      );
      expect(await page.evaluate(() => window.open('https://example.com/'))).toBeNull();
      await page.evaluate(() => {
        location.href = 'https://example.com/';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe('app://diagcollect/index.html');
      expect(app.windows()).toHaveLength(1);
    } finally {
      await app.close();
    }
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`collects a named archive from a deep link, end to end (${locale})`, async () => {
      const { app, page, dataDir } = await launch(['diagcollect://collect?ticket=12345'], { LANG: locale === 'zh-CN' ? 'zh_CN.UTF-8' : 'en_US.UTF-8', LANGUAGE: locale === 'zh-CN' ? 'zh_CN' : 'en_US' });
      try {
        const shown = await page.evaluate(() => document.documentElement.lang);
        if (shown !== locale) await languageSwitch(page, shown === 'en' ? 'en' : 'zh-CN').click();
        await waitForStart(page, locale);
        await expect.poll(() => field(page, words(locale).ticket).inputValue()).toBe('12345');
        await expectAccessible(page, `electron start (${locale})`);
        await saveScreen(page, `electron-1-start-${locale}`);
        await fillStart(page, locale);
        // desktopCapturer under Xvfb: a picture, or a reason on the screen; either way Review works.
        await goToReview(page, locale, { screenshot: false });
        await page.locator('.shot img, .shot-empty').first().waitFor({ timeout: 20_000 });
        await saveScreen(page, `electron-2-review-${locale}`);
        await startCollecting(page, locale);
        const name = await waitForDone(page, locale);
        await saveScreen(page, `electron-4-done-${locale}`);
        const folder = path.join(dataDir, 'outbox', '12345');
        expect(readdirSync(folder)).toContain(name);
        const entries = await readZip(path.join(folder, name));
        expect(ManifestSchema.parse(JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8'))).ticket).toBe('12345');
      } finally {
        await app.close();
      }
    });
  }
});
