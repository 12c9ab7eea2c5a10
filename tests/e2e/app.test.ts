/**
 * The desktop app end to end, in Chromium (headless, no display): the built renderer (vite
 * build, served with the app's CSP), `window.diagnostics` from the same forwarder as the
 * preload, the same validated IPC wrapper as Electron main, and the real engine service writing
 * real archives, uploading to a real Redmine (tests/servers). Only Electron's IPC transport and
 * desktopCapturer are replaced (a Playwright binding; a PNG rendered by Chromium).
 * `npm run test:electron` runs the same flows in a real Electron window where one exists.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main as cliMain } from '../../electron/cli/main.js';
import * as workflow from '../../electron/engine/workflow/run-workflow.js';
import type { UiLocale } from '../../shared/api.js';
import { collectorAbout } from '../../shared/i18n/collector-text.js';
import { formatBytes } from '../../shared/figures.js';
import { ManifestSchema } from '../../shared/types.js';
import { readZip, sha256 } from '../helpers/zip.js';
import { freePort, startFaultProxy } from '../integration/helpers/fault-proxy.js';
import { RedmineApi } from '../integration/helpers/ticket-apis.js';
import { ensureRedmine } from '../servers/servers.js';
import { appSuite, writeBigLog } from './support/app-harness.js';
import {
  INTAKE,
  captureAtLaunch,
  collectFromStart,
  doneState,
  escape,
  expectAccessible,
  expectNoEnglishOnScreen,
  expectNoHorizontalOverflow,
  field,
  fillStart,
  goToReview,
  languageSwitch,
  saveScreen,
  startCollecting,
  waitForChecks,
  waitForDone,
  waitForStart,
  words,
} from './support/flows.js';

// Every caller of the workflow in this process — the app's AppService and the CLI's collect —
// goes through this spy: the leak-check test asserts both took the same function.
vi.mock('../../electron/engine/workflow/run-workflow.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../electron/engine/workflow/run-workflow.js')>();
  return { ...original, runWorkflow: vi.fn(original.runWorkflow) };
});

const LOCALES: UiLocale[] = ['zh-CN', 'en'];
const ARCHIVE_NAME = /^(\d+)_诊断信息_\d{8}-\d{4}_[A-Za-z0-9.-]+(_\d+)?\.zip$/;

let bigLog: string;
const suite = appSuite('work', {
  prepare: async (work) => {
    bigLog = path.join(work, 'xxsoftware.log');
    await writeBigLog(bigLog, 192 << 20);
  },
});
const app = suite.open;
const closeApp = suite.close;

describe('desktop app in Chromium (test bridge → real engine)', () => {
  for (const locale of LOCALES) {
    it(`collects a named archive end to end, prefilled from a deep link (${locale})`, async () => {
      const t = words(locale);
      const a = await app({ locale, deepLink: 'diagcollect://collect?ticket=12345' });
      const { page } = a;
      await waitForStart(page, locale);
      await expect.poll(() => field(page, t.ticket).inputValue()).toBe('12345');
      await expectAccessible(page, `start (${locale})`);
      await expectNoEnglishOnScreen(page, locale, 'start');
      await saveScreen(page, `1-start-${locale}`);

      await captureAtLaunch(page, locale);
      await fillStart(page, locale, { more: true });
      await goToReview(page, locale, { screenshot: true });
      // Taken at launch, attached only once the user turns it on.
      await page.getByRole('checkbox', { name: t.includeShot }).check();
      await expect.poll(() => page.locator('.shot-state').textContent()).toContain(t.screenshotIncluded);
      await expectAccessible(page, `review (${locale})`);
      await expectNoEnglishOnScreen(page, locale, 'review');
      await saveScreen(page, `2-review-${locale}`);
      // ui26: one truth per item — items of one category (network: 防火墙, 无线网络 …) each say what
      // they read, the engine's sentence; the total is the engine's and follows the switches.
      for (const id of ['network', 'firewall', 'wifi']) {
        const row = page.locator(`[data-category=${id}]`);
        if ((await row.count()) > 0) expect(await row.locator('.contains').textContent(), id).toBe(collectorAbout(id)[locale]);
      }
      const total = () => page.locator('.actionbar .total').textContent();
      type PreviewCall = { request: { exclude?: string[] }; reply: { ok: boolean; value?: { totalBytes: number } } };
      const lastPreview = () => a.bridge.calls.filter((c) => c.channel === 'diagnostics:preview').at(-1) as PreviewCall | undefined;

      // The user switches the process list off: the engine is asked again, and its total is the one shown.
      await page.locator('[data-category=processes] input').uncheck();
      await expect.poll(() => lastPreview()?.request.exclude).toContain('processes');
      const engineTotal = lastPreview()!.reply.value!.totalBytes;
      await expect.poll(total).toBe(t.total({ size: formatBytes(engineTotal) }));
      await startCollecting(page, locale);
      const archiveName = await waitForDone(page, locale);
      expect(archiveName).toMatch(ARCHIVE_NAME);
      expect(archiveName.startsWith('12345_')).toBe(true);

      // The archive is really there, whole, with a valid manifest carrying the intake.
      const archivePath = path.join(a.dataDir, 'outbox', '12345', archiveName);
      expect(existsSync(archivePath)).toBe(true);
      const entries = await readZip(archivePath);
      const manifest = ManifestSchema.parse(JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8')));
      expect(manifest.ticket).toBe('12345');
      expect(manifest.intake).toMatchObject({ name: INTAKE[locale].name, contact: INTAKE[locale].contact, priority: '高', problemType: 'connection', problemDescription: INTAKE[locale].problem });
      expect(manifest.collectors.find((c) => c.id === 'processes')?.status).toBe('skipped');
      const shot = entries.find((e) => e.name === '问题截图.png');
      expect(shot && sha256(shot.data)).toBe(sha256(suite.shared.desktopPng));
      expect(entries.some((e) => e.name === '工单信息.txt')).toBe(true);
      expect(existsSync(archivePath.replace(/\.zip$/, '.eml'))).toBe(true);

      // No ticket system configured: the archive waits in the outbox with an e-mail draft.
      await page.locator('[data-upload-state=local]').waitFor();
      expect(await doneState(page)).toEqual({ state: 'manual', title: t.done.manual });
      await expect.poll(() => page.locator('.send-steps').textContent()).toContain('【技术支持】12345');
      await waitForChecks(page);
      await expectAccessible(page, `done (${locale})`);
      await expectNoEnglishOnScreen(page, locale, 'done');
      await saveScreen(page, `4-done-${locale}`);

      await page.getByRole('button', { name: t.openFolder }).click();
      await expect.poll(() => a.opened).toEqual([archivePath]);
      await page.getByRole('button', { name: t.copyDetails }).click();
      await page.getByText(t.copied).waitFor();
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      expect(clip).toContain(archiveName);
      expect(clip).toContain('【技术支持】12345');
      await closeApp(a);
    });
  }

  for (const locale of LOCALES) {
    it(`shows validation errors inline, and main refuses a bad payload before the engine (${locale})`, async () => {
      const t = words(locale);
      const a = await app({ locale, runChecks: false });
      const { page } = a;
      await waitForStart(page, locale);
      await page.getByRole('button', { name: t.next }).click();
      await page.getByRole('alert').filter({ hasText: t.errorSummary({ n: 4 }) }).waitFor();
      // Focus moves to the first field to fix; every bad field says why, next to it.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
      for (const label of [t.ticket, t.name, t.contact, t.problemDescription]) {
        await expect.poll(() => field(page, label).getAttribute('aria-invalid')).toBe('true');
      }
      expect(await page.locator('.field .error').allTextContents()).toEqual(Array(4).fill(` ${t.errors.required}`));

      await field(page, t.ticket).fill('12 34/5');
      await field(page, t.name).fill(INTAKE[locale].name);
      await field(page, t.contact).fill('call me');
      await field(page, t.contact).blur();
      await page.getByText(t.errors.ticket).waitFor();
      await page.getByText(t.errors.contact).waitFor();
      await expectAccessible(page, `start with errors (${locale})`);
      await expectNoEnglishOnScreen(page, locale, 'start with errors');
      await saveScreen(page, `1-start-errors-${locale}`);

      // A page that skipped the form (or was tampered with) is stopped in main, not in the engine.
      const intake = { name: 'x', contact: 'x@example.com', department: '', productName: '', productModel: '', productVersion: '', problemDescription: 'x', occurredAt: '2026-11-24T09:30', priority: '中', stepsToReproduce: '', solutionsTried: '' };
      const attempt = (request: unknown) =>
        page.evaluate(
          (r) =>
            (window.diagnostics!.startCollection as (x: unknown) => Promise<unknown>)(r).then(
              () => 'accepted',
              (e: Error) => e.message,
            ),
          request,
        );
      expect(await attempt({ ticket: '../../etc', intake, exclude: [], includeScreenshot: false })).toMatch(/^startCollection: ticket: /);
      expect(await attempt({ ticket: '12345', intake: { ...intake, extra: 'field' }, exclude: [], includeScreenshot: false })).toMatch(/^startCollection: intake: .*extra/);
      expect(await attempt({ ticket: '12345', intake, exclude: ['not a collector id!'], includeScreenshot: false })).toMatch(/^startCollection: exclude\.0/);
      expect(a.bridge.calls.filter((c) => c.channel === 'diagnostics:start-collection').map((c) => (c.reply as { error?: { code: string } }).error?.code)).toEqual(['invalid-request', 'invalid-request', 'invalid-request']);
      expect(existsSync(path.join(a.dataDir, 'outbox'))).toBe(false);
      await closeApp(a);
    });
  }

  for (const locale of LOCALES) {
    it(`cancels a slow collection and leaves nothing behind (${locale})`, async () => {
      const t = words(locale);
      const a = await app({
        locale,
        deepLink: 'diagcollect://collect?ticket=23456',
        policy: { appLogPaths: [bigLog], caps: { fileBytes: 512 << 20, collectorBytes: 1 << 30, filesPerPath: 10, systemLogBytes: 1 << 20 } },
        runChecks: false,
      });
      const { page } = a;
      await waitForStart(page, locale);
      await fillStart(page, locale);
      await goToReview(page, locale);
      // The estimate for the application logs is measured from the real file.
      await expect.poll(() => page.locator('[data-category=app-logs] .size').textContent()).toBe('192 MB');
      await startCollecting(page, locale);
      await page.getByText(t.phases.archiving!).waitFor();
      await expectAccessible(page, `progress (${locale})`);
      await expectNoEnglishOnScreen(page, locale, 'progress');
      await saveScreen(page, `3-progress-${locale}`);

      await page.getByRole('button', { name: t.cancel }).click();
      await page.getByRole('button', { name: t.cancelYes }).click();
      await page.getByRole('heading', { level: 1, name: t.reviewTitle }).waitFor();
      await page.getByRole('alert').filter({ hasText: t.cancelledNotice }).waitFor();
      const folder = path.join(a.dataDir, 'outbox', '23456');
      expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
      await closeApp(a);
    });
  }

  describe('upload to a real Redmine (tests/servers)', () => {
    let redmine: Awaited<ReturnType<typeof ensureRedmine>>;
    beforeAll(async () => {
      redmine = await ensureRedmine();
    }, 600_000);

    for (const locale of LOCALES) {
      it(`shows a failed upload with what to do, retries, and attaches once the server answers (${locale})`, async () => {
        const t = words(locale);
        const api = new RedmineApi(redmine);
        const issue: string = await api.createIssue();
        // Nothing listens on this port yet: connection refused.
        const port = await freePort();
        const a = await app({
          locale,
          deepLink: `diagcollect://collect?ticket=${issue}`,
          policy: { upload: { target: 'redmine', redmine: { url: `http://127.0.0.1:${port}` } } },
          env: { DIAGCOLLECT_REDMINE_API_KEY: redmine.REDMINE_API_KEY },
          // Only the Retry button tries again during the test.
          outbox: { backoff: { baseMs: 600_000, maxMs: 600_000 } },
          runChecks: false,
        });
        const { page } = a;
        const archiveName = await collectFromStart(page, locale);

        const card = page.locator('[data-done-state]');
        await page.locator('[data-upload-state=queued]').waitFor();
        await expect.poll(() => doneState(page)).toEqual({ state: 'retrying', title: t.done.retrying });
        // The cause, as a code rendered in the UI language (the engine's English words only in English).
        await expect.poll(() => card.textContent()).toContain(locale === 'en' ? 'connection refused' : '连接被拒绝');
        await expect.poll(() => card.textContent()).toContain(t.advice.network);
        await expect.poll(() => page.getByTestId('upload-attempts').textContent()).toContain(t.upload.attempts({ n: 1 }));
        await expectAccessible(page, `done, upload queued (${locale})`);
        await expectNoEnglishOnScreen(page, locale, 'done, upload queued');
        await saveScreen(page, `5-upload-failed-${locale}`);

        await page.getByRole('button', { name: t.retry }).click();
        await expect.poll(() => page.getByTestId('upload-attempts').textContent()).toContain(t.upload.attempts({ n: 2 }));

        // The server comes back (a proxy to the real Redmine on the same port): Retry attaches it.
        const proxy = await startFaultProxy(redmine.REDMINE_URL, port);
        try {
          await page.getByRole('button', { name: t.retry }).click();
          await page.locator('[data-upload-state=done]').waitFor({ timeout: 120_000 });
          await expect.poll(() => doneState(page)).toEqual({ state: 'sent', title: t.done.sent({ ticket: issue }) });
          await saveScreen(page, `5-upload-done-${locale}`);
        } finally {
          await proxy.close();
        }
        const attached = (await api.attachments(issue)).filter((x) => x.filename === archiveName);
        expect(attached).toHaveLength(1);
        const local = readFileSync(path.join(a.dataDir, 'outbox', issue, archiveName));
        expect((await api.download(attached[0]!.id)).sha256).toBe(sha256(local));
        await closeApp(a);
      });
    }
  });

  describe('the leak check before the upload, in the app and the CLI (real Redmine)', () => {
    let redmine: Awaited<ReturnType<typeof ensureRedmine>>;
    beforeAll(async () => {
      redmine = await ensureRedmine();
    }, 600_000);

    it('blocks the upload of a planted leak, says so, and sends only when the user chooses to — the same workflow as the CLI', async () => {
      const locale: UiLocale = 'en';
      const t = words(locale);
      const api = new RedmineApi(redmine);
      const issue = await api.createIssue();
      // The planted leak: a password redaction hides in app.log stands unredacted in a binary crash dump.
      const secret = `Sw0rdfish-${randomBytes(3).toString('hex')}`;
      const logs = mkdtempSync(path.join(suite.work, 'leak-logs-'));
      writeFileSync(path.join(logs, 'app.log'), `start\nsmtp_password=${secret}\n`);
      writeFileSync(path.join(logs, 'crash.log'), Buffer.concat([Buffer.alloc(64), Buffer.from(secret), Buffer.alloc(64)]));
      const policy = { appLogPaths: [`${logs}/*.log`], disabledCollectors: ['software', 'processes', 'system-logs'], upload: { target: 'redmine' as const, redmine: { url: redmine.REDMINE_URL, project: redmine.REDMINE_PROJECT } } };
      const env = { DIAGCOLLECT_REDMINE_API_KEY: redmine.REDMINE_API_KEY };
      const runWorkflow = vi.mocked(workflow.runWorkflow);
      runWorkflow.mockClear();

      // The app.
      const a = await app({ locale, deepLink: `diagcollect://collect?ticket=${issue}`, policy, env, runChecks: false });
      const { page } = a;
      const archiveName = await collectFromStart(page, locale);
      const card = page.locator('[data-done-state]');
      await page.locator('[data-upload-state=blocked]').waitFor();
      await expect.poll(() => card.textContent()).toContain(t.upload.blocked({ target: 'Redmine' }));
      const leakLines = await page.getByTestId('leaks').locator('li').allTextContents();
      expect(leakLines).toEqual([expect.stringMatching(/crash\.log, line 1: S\*{8}[0-9a-f]$/)]);
      expect(await page.content()).not.toContain(secret);
      await expectAccessible(page, 'done, upload blocked by the leak check');
      await saveScreen(page, '8-upload-blocked-en');
      // Nothing left the machine: no job, no attachment, no note on the ticket.
      expect(await api.attachments(issue)).toEqual([]);
      const jobs = path.join(a.dataDir, 'outbox', issue, 'jobs');
      expect(existsSync(jobs) ? readdirSync(jobs) : []).toEqual([]);
      // The redaction map is kept locally (never in the archive), as the CLI keeps it.
      expect(readdirSync(path.join(a.dataDir, 'redaction-maps')).some((f) => f.startsWith(archiveName.replace(/\.zip$/, '')))).toBe(true);

      // The CLI, same policy and ticket, in this process: exit 4 and the same findings.
      const cliData = mkdtempSync(path.join(suite.work, 'leak-cli-'));
      const policyFile = path.join(cliData, 'policy.json');
      writeFileSync(policyFile, JSON.stringify(policy));
      const stdout = new PassThrough();
      let out = '';
      stdout.on('data', (c: Buffer) => (out += c.toString()));
      const code = await cliMain(['node', 'diagcollect', 'collect', '--ticket', issue, '--policy', policyFile, '--only', 'app-logs', '--no-screenshot', '--json', '--upload-wait', '0'], {
        stdout,
        stderr: new PassThrough(),
        env: { ...process.env, DISPLAY: '', DIAGCOLLECT_DATA_DIR: cliData, ...env },
        signals: new PassThrough() as unknown as Pick<NodeJS.Process, 'on' | 'off'>,
      });
      const cli = JSON.parse(out) as { upload: { state: string }; leaks: { entry: string; masked: string }[] };
      expect(code).toBe(4);
      expect(cli.upload.state).toBe('blocked');
      expect(cli.leaks.map((l) => l.masked)).toEqual(leakLines.map((l) => l.split(': ').at(-1)));
      expect(await api.attachments(issue)).toEqual([]);

      // Same code path: both runs were this one workflow function, and both ended blocked by its leak check.
      expect(runWorkflow).toHaveBeenCalledTimes(2);
      const runs = await Promise.all(runWorkflow.mock.results.map((r) => r.value as ReturnType<typeof workflow.runWorkflow>));
      expect(runs.map((r) => [r.ticket, r.target, r.leakCheck.state, r.leakCheck.blocked, r.upload])).toEqual([
        [issue, 'redmine', 'found', true, undefined],
        [issue, 'redmine', 'found', true, undefined],
      ]);

      // The user looked, and chooses to send anyway: the triage note, then the archive, once.
      await page.getByRole('button', { name: t.upload.sendAnyway }).click();
      await page.locator('[data-upload-state=done]').waitFor({ timeout: 120_000 });
      const attached = (await api.attachments(issue)).filter((x) => x.filename === archiveName);
      expect(attached).toHaveLength(1);
      expect((await api.download(attached[0]!.id)).sha256).toBe(sha256(readFileSync(path.join(a.dataDir, 'outbox', issue, archiveName))));
      const journals = await fetch(`${redmine.REDMINE_URL}/issues/${issue}.json?include=journals`, { headers: { 'X-Redmine-API-Key': redmine.REDMINE_API_KEY } }).then(
        async (r) => ((await r.json()) as { issue: { journals: { notes: string }[] } }).issue.journals,
      );
      expect(journals.map((j) => j.notes).filter(Boolean)[0]).toContain(archiveName);
      await closeApp(a);
    }, 180_000);
  });

  it('works with the keyboard only, with visible focus, at 800×600', async () => {
    const locale: UiLocale = 'zh-CN';
    const t = words(locale);
    const a = await app({ locale, deepLink: 'diagcollect://collect?ticket=34567', viewport: { width: 800, height: 600 }, runChecks: false });
    const { page } = a;
    await waitForStart(page, locale);
    await expectNoHorizontalOverflow(page, 'start 800×600');
    await saveScreen(page, `6-start-800x600-${locale}`);

    /** Presses Tab until the focused element has this accessible label (or text); fails after 40. */
    const tabTo = async (name: string | RegExp) => {
      for (let i = 0; i < 40; i += 1) {
        await page.keyboard.press('Tab');
        const label = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el) return '';
          const labelled = (el as HTMLInputElement).labels?.[0]?.textContent ?? '';
          return (labelled || el.getAttribute('aria-label') || el.textContent || '').replace(/\s*\*\s*$/, '').trim();
        });
        if (typeof name === 'string' ? label === name : name.test(label)) return;
      }
      throw new Error(`Tab never reached ${String(name)}`);
    };
    await tabTo(t.problemDescription);
    await page.keyboard.type(INTAKE[locale].problem);
    await tabTo(t.name);
    await page.keyboard.type(INTAKE[locale].name);
    await tabTo(t.contact);
    await page.keyboard.type(INTAKE[locale].contact);
    await tabTo(t.next);
    // The focused button shows a clear focus ring.
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
    });
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await saveScreen(page, `6-focus-ring-800x600-${locale}`);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: t.reviewTitle }).waitFor();
    await page.locator('[data-category]').first().waitFor();
    await expectNoHorizontalOverflow(page, 'review 800×600');
    await saveScreen(page, `6-review-800x600-${locale}`);
    // Switch a category off with the keyboard: Space on the focused switch.
    await tabTo(/^已安装软件$/);
    await page.keyboard.press('Space');
    expect(await page.locator('[data-category=software] input').isChecked()).toBe(false);
    await tabTo(t.startCollecting);
    await page.keyboard.press('Enter');
    await waitForDone(page, locale);
    await expectNoHorizontalOverflow(page, 'done 800×600');
    await saveScreen(page, `6-done-800x600-${locale}`);
    await tabTo(new RegExp(escape(t.openFolder)));
    await page.keyboard.press('Enter');
    await expect.poll(() => a.opened.length).toBe(1);
    await closeApp(a);
  });

  it('switches language in the UI, shows policy locks, honours reduced motion, and stays usable in forced colours', async () => {
    const a = await app({ locale: 'en', runChecks: false, policy: { disabledCollectors: ['processes'], screenshotAllowed: false } });
    const { page } = a;
    await waitForStart(page, 'en');
    await languageSwitch(page, 'en').click();
    await waitForStart(page, 'zh-CN');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await languageSwitch(page, 'zh-CN').click();
    await waitForStart(page, 'en');

    await fillStart(page, 'en', { ticket: '45678' });
    await page.getByRole('button', { name: words('en').next }).click();
    await page.locator('[data-category]').first().waitFor();
    // IT switched the process list off and forbids screenshots: both listed as not collected, with the reason.
    const locked = page.locator('[data-category=processes][data-not-collected]');
    expect(await locked.locator('input').count()).toBe(0);
    expect(await locked.textContent()).toContain(words('en').locks['policy-disabled']);
    await page.getByText(words('en').screenshotForbidden).waitFor();
    await expectAccessible(page, 'review with policy locks');
    await saveScreen(page, '7-review-locked-en');

    await page.emulateMedia({ reducedMotion: 'reduce', forcedColors: 'active' });
    // Spinners stop, transitions are off; switches fall back to native checkboxes.
    const styles = await page.evaluate(() => {
      const sw = document.querySelector('input.switch')!;
      const probe = document.createElement('span');
      probe.className = 'icon spin';
      document.body.append(probe);
      const s = { spin: getComputedStyle(probe).animationName, switchAppearance: getComputedStyle(sw).appearance, transition: getComputedStyle(sw).transitionDuration };
      probe.remove();
      return s;
    });
    expect(styles).toEqual({ spin: 'none', switchAppearance: 'auto', transition: '0s' });
    await expectAccessible(page, 'review in forced colours');
    await saveScreen(page, '7-review-forced-colors-en');
    await closeApp(a);
  });
});
