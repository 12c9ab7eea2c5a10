/**
 * One running app for a test: a real AppService (temp data folder, the given policy) behind the
 * test bridge, in a fresh Chromium context on the built renderer. Console errors (a CSP refusal
 * shows up as one) and page errors are collected so every test can assert there were none.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { UiLocale } from '../../../shared/api.js';
import { PolicySchema, type PolicyInput } from '../../../shared/policy.js';
import { AppService, type AppServiceOptions } from '../../../electron/engine/app-service.js';
import { KeychainSecrets } from '../../../electron/engine/upload/keychain-secrets.js';
import { aesCipher } from '../../helpers/aes-cipher.js';
import { attachBridge, type Bridge } from './bridge.js';
import { launchChromium } from './browser.js';
import { buildPageShim, buildRenderer } from './build.js';
import { serveDirectory, type StaticServer } from './static-server.js';

export interface HarnessShared {
  browser: Browser;
  server: StaticServer;
  shim: string;
  /** What the screenshot hook returns: a picture of a desktop with an error dialog. */
  desktopPng: Buffer;
}

export interface AppUnderTest {
  page: Page;
  context: BrowserContext;
  service: AppService;
  bridge: Bridge;
  dataDir: string;
  /** Paths the app asked the OS to show in the file manager. */
  opened: string[];
  /** Files the app asked the OS to open with their program (the e-mail draft), and mailto: URLs. */
  launched: string[];
  /** How often the app asked to quit (完成). */
  quits: number;
  /** Console errors and page errors seen so far. */
  problems: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  locale: UiLocale;
  policy?: PolicyInput;
  deepLink?: string;
  env?: Record<string, string>;
  viewport?: { width: number; height: number };
  outbox?: AppServiceOptions['outbox'];
  runChecks?: boolean;
  /** Reuse a data folder: the same computer, started again. */
  dataDir?: string;
  colorScheme?: 'light' | 'dark';
  /** What the OS answers when the .eml is opened: '' (opened) or why not. */
  openPathResult?: string;
  /** An OS keychain for upload secrets (real AES under a key the test holds); `unavailable`: it cannot encrypt. */
  keychain?: 'available' | 'unavailable';
  /** What the policy loaded at start changed or refused (as Electron main passes loadAppPolicy's lines). */
  policyProblems?: AppServiceOptions['policyProblems'];
  /** Holds a file item's read until the test releases it (AppServiceOptions.holdRead). */
  holdRead?: AppServiceOptions['holdRead'];
}

export async function openApp(shared: HarnessShared, options: OpenOptions): Promise<AppUnderTest> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'diagcollect-e2e-')));
  const opened: string[] = [];
  const launched: string[] = [];
  let quits = 0;
  const service = new AppService({
    policy: PolicySchema.parse(options.policy ?? {}),
    env: { ...process.env, DIAGCOLLECT_DATA_DIR: dataDir, ...options.env },
    locale: options.locale,
    dataDir,
    ...(options.deepLink ? { deepLink: options.deepLink } : {}),
    ...(options.outbox ? { outbox: options.outbox } : {}),
    runChecks: options.runChecks ?? true,
    ...(options.policyProblems ? { policyProblems: options.policyProblems } : {}),
    ...(options.holdRead ? { holdRead: options.holdRead } : {}),
    ...(options.keychain ? { keychain: new KeychainSecrets(dataDir, aesCipher(undefined, options.keychain === 'available')) } : {}),
    hooks: {
      // Stands in for Electron's desktopCapturer (which needs Electron): a real PNG from Chromium.
      captureScreen: async () => shared.desktopPng,
      showInFolder: (file) => void opened.push(file),
      // Stand in for shell.openPath / shell.openExternal / app.quit (Electron only).
      openPath: async (file) => {
        launched.push(file);
        return options.openPathResult ?? '';
      },
      openExternal: async (url) => void launched.push(url),
      quit: () => void (quits += 1),
    },
  });
  // As Electron main does at start: archives an earlier start left queued are sent now.
  void service.resumeQueuedUploads();
  const context = await shared.browser.newContext({ viewport: options.viewport ?? { width: 960, height: 720 }, locale: options.locale, deviceScaleFactor: 1, colorScheme: options.colorScheme ?? 'light' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: shared.server.origin });
  const page = await context.newPage();
  // Playwright's 30 s default is a guard against a hang; on a busy CI machine a real collection
  // behind a wait can take longer. A wait is never a budget here.
  page.setDefaultTimeout(120_000);
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  const bridge = await attachBridge(page, service, { origin: shared.server.origin, shim: shared.shim });
  await page.goto(shared.server.url);
  return {
    page,
    context,
    service,
    bridge,
    dataDir,
    opened,
    launched,
    get quits() {
      return quits;
    },
    problems,
    async close() {
      bridge.detach();
      await context.close();
      await service.dispose();
    },
  };
}

/** A desktop with an application showing an error: what the user would capture. */
export async function renderDesktop(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.setContent(`<html><body style="margin:0;font-family:'Noto Sans CJK SC',sans-serif;background:linear-gradient(135deg,#2f5d8a,#6a8fb5);height:800px">
    <div style="position:absolute;left:90px;top:70px;width:1000px;height:620px;background:#fff;border-radius:8px;box-shadow:0 10px 40px #0006;overflow:hidden">
      <div style="background:#2b5797;color:#fff;padding:10px 16px">XX财务软件 企业版 2.3.1</div>
      <div style="display:flex;height:580px"><div style="width:190px;background:#f1f3f6;padding:14px;line-height:2">首页<br>凭证<br><b>报表</b><br>设置</div>
      <div style="flex:1;position:relative;background:#fafbfc">
        <div style="position:absolute;left:220px;top:170px;width:380px;background:#fff;border:1px solid #999;box-shadow:0 6px 20px #0004">
          <div style="background:#c0392b;color:#fff;padding:8px 12px">错误</div>
          <div style="padding:18px">错误代码 E1023：无法连接到服务器。<br><br>请检查网络连接后重试。</div>
          <div style="text-align:right;padding:10px"><button>确定</button></div>
        </div></div></div></div></body></html>`);
  const png = await page.screenshot();
  await page.close();
  return png;
}

/** The apps one test file opened: `close` checks the console stayed clean; `closeAll` tidies up after a failure. */
export function appPool(shared: () => HarnessShared) {
  const open: AppUnderTest[] = [];
  return {
    async open(options: OpenOptions): Promise<AppUnderTest> {
      const a = await openApp(shared(), options);
      open.push(a);
      return a;
    },
    async close(a: AppUnderTest): Promise<void> {
      expect(a.problems, 'console errors, CSP refusals or page errors').toEqual([]);
      await a.close();
      open.splice(open.indexOf(a), 1);
    },
    async closeAll(): Promise<void> {
      for (const a of open.splice(0)) await a.close().catch(() => {});
    },
  };
}

/** A real, slow collection: a log of random text that has to be streamed and deflated. */
export async function writeBigLog(file: string, bytes: number): Promise<void> {
  const out = createWriteStream(file);
  for (let written = 0; written < bytes; written += 1 << 20) {
    const line = randomBytes(1 << 19).toString('hex');
    if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** One e2e test file's apps: the shared browser and renderer, a work folder, the pool of open apps. */
export interface AppSuite {
  readonly shared: HarnessShared;
  /** A temporary folder for the file's own files (removed after the file). */
  readonly work: string;
  open(options: OpenOptions): Promise<AppUnderTest>;
  /** Closes an app, checking first that its console stayed clean. */
  close(app: AppUnderTest): Promise<void>;
}

/**
 * Sets up an e2e test file (its beforeAll and afterAll): builds the renderer and the page shim,
 * starts Chromium and the static server, renders the desktop the screenshot hook returns; after
 * the file, closes what is still open and removes the work folder. `prepare` runs beside the
 * build (e.g. writing a big log), with the work folder.
 */
export function appSuite(name: string, options: { prepare?: (work: string) => Promise<void> } = {}): AppSuite {
  let shared: HarnessShared | undefined;
  let work: string | undefined;
  const pool = appPool(() => shared!);
  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), `diagcollect-e2e-${name}-`));
    const [rendererDir, shim] = await Promise.all([buildRenderer(path.join(work, 'renderer')), buildPageShim(), options.prepare?.(work)]);
    const browser = await launchChromium();
    const server = await serveDirectory(rendererDir);
    shared = { browser, server, shim, desktopPng: await renderDesktop(browser) };
  }, 120_000);
  afterAll(async () => {
    await pool.closeAll();
    await shared?.server.close();
    await shared?.browser.close();
    if (work) await rm(work, { recursive: true, force: true });
  });
  return {
    get shared() {
      if (!shared) throw new Error('the app suite is not set up yet (use it inside a test)');
      return shared;
    },
    get work() {
      if (!work) throw new Error('the app suite is not set up yet (use it inside a test)');
      return work;
    },
    open: (o) => pool.open(o),
    close: (a) => pool.close(a),
  };
}
