/**
 * The desktop app as a first-time user meets it, state by state, in Chromium against the real
 * engine (test bridge → AppService), in zh-CN and en and in dark mode, with a screenshot of each
 * state under test-results/screens/ (kept as CI artefacts):
 *   - a first-time user reaches "draft opened" in ≤ 6 actions; 完成 closes the app;
 *   - the Done title follows the engine's upload state (sent / one more step / failed, retried);
 *   - a failed upload survives a restart: Start says "1 个诊断包等待上传", and the next start
 *     sends it to a real Redmine (tests/servers);
 *   - the reporter is remembered; a signed link locks the ticket; a refused link says what to do;
 *   - the screenshot only after a click, the window saying first that it will hide, off until
 *     the user turns it on in Review;
 *   - Review in plain words with what reads nothing listed apart; Progress with the active item
 *     first and the counter; Cancel asks first.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { publicKeyBase64 } from '../../electron/engine/link/keys.js';
import { createSignedLink } from '../../electron/engine/link/signed-link.js';
import type { UiLocale } from '../../shared/api.js';
import { collectorAbout } from '../../shared/i18n/collector-text.js';
import { translator } from '../../shared/i18n/translate.js';
import { readZip, sha256 } from '../helpers/zip.js';
import { freePort, startFaultProxy } from '../integration/helpers/fault-proxy.js';
import { RedmineApi } from '../integration/helpers/ticket-apis.js';
import { ensureRedmine } from '../servers/servers.js';
import { appSuite } from './support/app-harness.js';
import {
  INTAKE,
  captureAtLaunch,
  collectFromStart,
  doneState,
  expectAccessible,
  expectNoEnglishOnScreen,
  field,
  fillStart,
  goToReview,
  saveScreen,
  startCollecting,
  waitForDone,
  waitForStart,
  words,
} from './support/flows.js';

const LOCALES: UiLocale[] = ['zh-CN', 'en'];
/** Collectors that are slow or vary by machine are left out where a test is about the UI only. */
const QUICK = { disabledCollectors: ['software', 'processes', 'system-logs'] };

const suite = appSuite('states');
const app = suite.open;
const closeApp = suite.close;

/** Counts what the user does: every click, fill and key press goes through here. */
function actor() {
  let actions = 0;
  return {
    get count() {
      return actions;
    },
    async click(locator: ReturnType<Page['getByRole']>) {
      actions += 1;
      await locator.click();
    },
    async fill(locator: ReturnType<Page['getByRole']>, text: string) {
      actions += 1;
      await locator.fill(text);
    },
  };
}

/** Screens in a language, light or dark: the name says which. */
const shot = (page: Page, name: string, locale: UiLocale, dark = false) => saveScreen(page, `s3-${name}-${locale}${dark ? '-dark' : ''}`);

describe('the finished desktop app (Chromium → real engine)', () => {
  for (const locale of LOCALES) {
    for (const dark of [false, true]) {
      it(`a first-time user with a link reaches the opened e-mail draft in ≤ 6 actions; 完成 closes (${locale}${dark ? ', dark' : ''})`, async () => {
        const t = words(locale);
        const a = await app({ locale, deepLink: 'diagcollect://collect?ticket=12345', policy: QUICK, runChecks: false, colorScheme: dark ? 'dark' : 'light' });
        const { page } = a;
        await waitForStart(page, locale);
        if (dark) expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe('rgb(243, 245, 248)');
        // Above the fold at 960×720: the ticket and the description.
        for (const label of [t.ticket, t.problemDescription]) {
          const box = (await field(page, label).boundingBox())!;
          expect(box.y + box.height, `${label} above the fold`).toBeLessThan(720 - 64);
        }
        await expectAccessible(page, `start (${locale}${dark ? ', dark' : ''})`);
        await expectNoEnglishOnScreen(page, locale, 'start');
        await shot(page, '1-start', locale, dark);

        const user = actor();
        await user.fill(field(page, t.problemDescription), INTAKE[locale].problem);
        await user.fill(field(page, t.name), INTAKE[locale].name);
        await user.fill(field(page, t.contact), INTAKE[locale].contact);
        await user.click(page.getByRole('button', { name: t.next }));
        await page.getByRole('heading', { level: 1, name: t.reviewTitle }).waitFor();
        await page.locator('[data-category]').first().waitFor();
        await expectAccessible(page, `review (${locale}${dark ? ', dark' : ''})`);
        await expectNoEnglishOnScreen(page, locale, 'review');
        await shot(page, '2-review', locale, dark);
        await user.click(page.getByRole('button', { name: t.startCollecting }));
        await waitForDone(page, locale);

        // No ticket system configured: one more step, said so in the title, with numbered steps.
        expect(await doneState(page)).toEqual({ state: 'manual', title: t.done.manual });
        expect(await page.locator('ol.send-steps li').count()).toBe(3);
        await expectAccessible(page, `done, manual (${locale}${dark ? ', dark' : ''})`);
        await expectNoEnglishOnScreen(page, locale, 'done, manual');
        await shot(page, '4-done-manual', locale, dark);
        await user.click(page.getByRole('button', { name: t.done.openDraft }));
        await page.getByTestId('draft-result').filter({ hasText: t.done.draftOpened }).waitFor();
        expect(user.count).toBeLessThanOrEqual(6);
        const archiveName = (await page.getByTestId('archive-name').textContent())!.trim();
        const draft = path.join(a.dataDir, 'outbox', '12345', archiveName.replace(/\.zip$/, '.eml'));
        expect(a.launched).toEqual([draft]);
        expect(readFileSync(draft, 'utf8')).toMatch(/^Subject: /m);
        await shot(page, '4-done-draft-opened', locale, dark);

        await page.getByRole('button', { name: t.done.finish }).click();
        await expect.poll(() => a.quits).toBe(1);
        await closeApp(a);
      });
    }
  }

  for (const locale of LOCALES) {
    it(`the Done screen says which entries were mended (补充脱敏 / Mended), in the catalogue's words, from the engine's list (${locale})`, async () => {
      // One log naming a person bare before the lines that say it is a name: mended before publishing.
      const logs = mkdtempSync(path.join(suite.work, 'mend-'));
      writeFileSync(path.join(logs, 'a-chat.log'), '09:12:44 IT 服务台 ↔ 龚雅婷\n09:13:02 upload cert\\luoxiaotong.p12\n09:14:10 姓名：龚雅婷\n09:14:11 UserName=luoxiaotong\n');
      const a = await app({ locale, deepLink: 'diagcollect://collect?ticket=24680', policy: { ...QUICK, appLogPaths: [`${logs}/*.log`] }, runChecks: false });
      const { page } = a;
      const archiveName = await collectFromStart(page, locale);
      const entries = await readZip(path.join(a.dataDir, 'outbox', '24680', archiveName));
      const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8'));
      expect(manifest.redaction.mended).toEqual([expect.stringContaining('a-chat.log')]);
      // The shared catalogue's words (the CLI's and the e-mail draft's), for the engine's list.
      const tr = translator(locale);
      const label = tr.t('mend.label');
      const text = tr.t('mend.mended', { count: manifest.redaction.mended.length, list: tr.list(manifest.redaction.mended) });
      expect(text).toMatch(locale === 'en' ? /^1 entry was redacted again once the archive was complete/ : /^归档完成后又脱敏了 1 个条目/);
      expect((await page.getByTestId('mended').textContent())!.trim()).toBe(`${label} ${text}`);
      await closeApp(a);
    }, 180_000);
  }

  it('shows no mended line when nothing was mended', async () => {
    const a = await app({ locale: 'en', deepLink: 'diagcollect://collect?ticket=24681', policy: QUICK, runChecks: false });
    const { page } = a;
    await collectFromStart(page, 'en');
    expect(await page.getByTestId('mended').count()).toBe(0);
    await closeApp(a);
  }, 180_000);

  it('falls back to mailto: when no program opens the .eml, and says what to attach', async () => {
    const t = words('en');
    const a = await app({ locale: 'en', deepLink: 'diagcollect://collect?ticket=13579', policy: QUICK, runChecks: false, openPathResult: 'No application is associated with the specified file' });
    const { page } = a;
    await collectFromStart(page, 'en');
    await page.getByRole('button', { name: t.done.openDraft }).click();
    await page.getByTestId('draft-result').filter({ hasText: t.done.mailtoOpened }).waitFor();
    expect(a.launched).toHaveLength(2);
    expect(a.launched[1]).toMatch(/^mailto:\?subject=%E3%80%90%E6%8A%80%E6%9C%AF%E6%94%AF%E6%8C%81%E3%80%9113579&body=/);
    await closeApp(a);
  });

  for (const locale of LOCALES) {
    it(`remembers the reporter; 重新收集 keeps name and contact; a signed link locks the ticket; a refused link says what to do (${locale})`, async () => {
      const t = words(locale);
      const pair = generateKeyPairSync('ed25519');
      const policy = { ...QUICK, linkSigning: { publicKeys: [publicKeyBase64(pair.publicKey)] } };
      const signed = createSignedLink({ ticket: '24680', exp: Math.floor(Date.now() / 1000) + 3600 }, pair.privateKey, pair.publicKey);
      const first = await app({ locale, deepLink: signed, policy, runChecks: false });
      await waitForStart(first.page, locale);
      const ticket = field(first.page, t.ticket);
      expect(await ticket.inputValue()).toBe('24680');
      expect(await ticket.getAttribute('readonly')).not.toBeNull();
      await first.page.getByText(t.ticketLocked).waitFor();
      await shot(first.page, '1-start-signed-link', locale);
      await collectFromStart(first.page, locale);
      await first.page.getByRole('button', { name: t.newCollection }).click();
      await waitForStart(first.page, locale);
      expect(await field(first.page, t.name).inputValue()).toBe(INTAKE[locale].name);
      expect(await field(first.page, t.contact).inputValue()).toBe(INTAKE[locale].contact);
      expect(await field(first.page, t.problemDescription).inputValue()).toBe('');
      await closeApp(first);

      // The next start on this computer: prefilled from the user's settings; a bad link is refused with a next step.
      const again = await app({ locale, dataDir: first.dataDir, deepLink: `${signed.slice(0, -4)}AAAA`, policy, runChecks: false });
      await waitForStart(again.page, locale);
      expect(await field(again.page, t.name).inputValue()).toBe(INTAKE[locale].name);
      expect(await field(again.page, t.contact).inputValue()).toBe(INTAKE[locale].contact);
      await again.page.getByText(t.profileRemembered).waitFor();
      await again.page.getByTestId('link-error').filter({ hasText: t.linkErrorNext }).waitFor();
      expect(await field(again.page, t.ticket).getAttribute('readonly')).toBeNull();
      await expectAccessible(again.page, `start, remembered, refused link (${locale})`);
      await expectNoEnglishOnScreen(again.page, locale, 'start, refused link');
      await shot(again.page, '1-start-remembered-bad-link', locale);
      // 更多信息: the time picker speaks the app's language, whatever the OS locale.
      await again.page.getByText(t.sectionMore, { exact: true }).click();
      const day = again.page.getByRole('combobox', { name: t.occurredDay });
      expect(await day.locator('option').first().textContent()).toMatch(locale === 'zh-CN' ? /^今天（\d+月\d+日/ : /^Today \(/);
      await expectAccessible(again.page, `start, more details (${locale})`);
      await expectNoEnglishOnScreen(again.page, locale, 'start, more details');
      await again.page.getByRole('combobox', { name: t.occurredHour }).scrollIntoViewIfNeeded();
      await shot(again.page, '1-start-more-details', locale);
      await closeApp(again);
    });
  }

  for (const locale of LOCALES) {
    it(`captures the screen only on a click, after saying the window hides; attached only when turned on (${locale})`, async () => {
      const t = words(locale);
      const a = await app({ locale, deepLink: 'diagcollect://collect?ticket=11223', policy: { disabledCollectors: ['software', 'processes', 'system-logs', 'network'] }, runChecks: false });
      const { page } = a;
      await waitForStart(page, locale);
      expect(a.bridge.calls.some((c) => c.channel === 'diagnostics:capture-screenshot')).toBe(false);
      await shot(page, '1-start-capture-offer', locale);
      await captureAtLaunch(page, locale);
      await fillStart(page, locale);
      await goToReview(page, locale, { screenshot: true });
      // Off until the user turns it on.
      const include = page.getByRole('checkbox', { name: t.includeShot });
      expect(await include.isChecked()).toBe(false);
      await page.locator('.shot-state').filter({ hasText: t.screenshotExcluded }).waitFor();
      // What reads nothing is listed apart, with the reason; the rest says in one sentence what it holds.
      await page.locator('[data-category=app-logs][data-not-collected]').waitFor();
      await expect.poll(() => page.locator('[data-category=versions] .contains').textContent()).toBe(collectorAbout('versions')[locale]);
      expect(await page.locator('[data-category=versions] details.reads').getAttribute('open')).toBeNull();
      await expectAccessible(page, `review with screenshot (${locale})`);
      await expectNoEnglishOnScreen(page, locale, 'review with screenshot');
      await shot(page, '2-review-screenshot-off', locale);
      const total = () => page.locator('.actionbar .total').textContent();
      const before = await total();
      await include.check();
      await page.locator('.shot-state').filter({ hasText: t.screenshotIncluded }).waitFor();
      // ui26: the engine counts the attached screenshot in the total (the preview is asked again).
      await expect.poll(total).not.toBe(before);
      expect(a.bridge.calls.filter((c) => c.channel === 'diagnostics:preview').at(-1)?.request).toMatchObject({ includeScreenshot: true });
      await startCollecting(page, locale);
      const name = await waitForDone(page, locale);
      const entries = await readZip(path.join(a.dataDir, 'outbox', '11223', name));
      // The archive follows the support standard's names (zh-CN) whatever the UI language.
      const png = entries.find((e) => e.name === '问题截图.png');
      expect(png && sha256(png.data)).toBe(sha256(suite.shared.desktopPng));
      await closeApp(a);
    });
  }

  for (const locale of LOCALES) {
    it(`shows the item being read first while it is read, the counter and the time; Cancel asks first (${locale})`, async () => {
      const t = words(locale);
      // The log's read is held at its turn until the test lets it go (the engine's holdRead seam):
      // the item is being read for as long as the test looks, whatever the machine's load.
      const logs = mkdtempSync(path.join(suite.work, 'held-'));
      const log = path.join(logs, 'xxsoftware.log');
      writeFileSync(log, '2026-12-06 09:00:01 INFO started\n2026-12-06 09:00:02 WARN E1023 cannot connect to the server\n');
      let reached!: () => void;
      const reading = new Promise<void>((resolve) => (reached = resolve));
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const a = await app({
        locale,
        deepLink: 'diagcollect://collect?ticket=33445',
        policy: { ...QUICK, appLogPaths: [log] },
        runChecks: false,
        holdRead: (item) => {
          if (item.source !== log) return undefined;
          reached();
          return released;
        },
      });
      try {
        const { page } = a;
        await waitForStart(page, locale);
        await fillStart(page, locale);
        await goToReview(page, locale);
        await startCollecting(page, locale);
        await page.getByTestId('counter').waitFor();
        await page.getByTestId('elapsed').waitFor();
        await reading;
        // Every other collector finishes while the log is held: its row stays active, and first.
        const rows = page.locator('ol.rows li');
        const shown = () => rows.evaluateAll((els) => els.map((el) => `${el.getAttribute('data-collector')}:${el.getAttribute('data-status')}`));
        await expect.poll(async () => {
          const [first, ...rest] = await shown();
          return { first: first?.replace(/:(running|writing)$/, ':active'), othersStillGoing: rest.filter((r) => /:(running|waiting)$/.test(r)) };
        }).toEqual({ first: 'app-logs:active', othersStillGoing: [] });
        await expectAccessible(page, `progress (${locale})`);
        await expectNoEnglishOnScreen(page, locale, 'progress');
        await shot(page, '3-progress', locale);
        await page.getByRole('button', { name: t.cancel }).click();
        await page.getByRole('alertdialog').filter({ hasText: t.cancelConfirm }).waitFor();
        await shot(page, '3-progress-cancel-confirm', locale);
        await page.getByRole('button', { name: t.cancelNo }).click();
        expect(await page.getByRole('heading', { level: 1, name: t.progressTitle }).isVisible()).toBe(true);
        // Still held: the item is still the one being read.
        expect(await rows.first().getAttribute('data-collector')).toBe('app-logs');
        await page.getByRole('button', { name: t.cancel }).click();
        await page.getByRole('button', { name: t.cancelYes }).click();
        await page.getByRole('alert').filter({ hasText: t.cancelledNotice }).waitFor();
        // Cancel ended the held read: nothing was left behind.
        const folder = path.join(a.dataDir, 'outbox', '33445');
        expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
      } finally {
        release();
        await closeApp(a);
        rmSync(logs, { recursive: true, force: true });
      }
    });
  }

  describe('a failed upload survives a restart (real Redmine, tests/servers)', () => {
    let redmine: Awaited<ReturnType<typeof ensureRedmine>>;
    beforeAll(async () => {
      redmine = await ensureRedmine();
    }, 600_000);

    for (const locale of LOCALES) {
      it(`says it failed and retries; Start shows it waiting; the next start sends it (${locale})`, async () => {
        const t = words(locale);
        const api = new RedmineApi(redmine);
        const issue: string = await api.createIssue();
        const port = await freePort();
        const options = {
          locale,
          policy: { ...QUICK, upload: { target: 'redmine' as const, redmine: { url: `http://127.0.0.1:${port}` } } },
          env: { DIAGCOLLECT_REDMINE_API_KEY: redmine.REDMINE_API_KEY },
          outbox: { backoff: { baseMs: 600_000, maxMs: 600_000 } },
          runChecks: false,
        };
        // 1. Nothing listens on the port: the upload fails and is queued.
        const a = await app({ ...options, deepLink: `diagcollect://collect?ticket=${issue}` });
        const archiveName = await collectFromStart(a.page, locale);
        await expect.poll(() => doneState(a.page), { timeout: 120_000 }).toEqual({ state: 'retrying', title: t.done.retrying });
        await a.page.getByTestId('next-attempt').waitFor();
        expect(a.service.waitingUploads()).toBe(1);
        await expectAccessible(a.page, `done, upload failed (${locale})`);
        await expectNoEnglishOnScreen(a.page, locale, 'done, upload failed');
        await shot(a.page, '4-done-upload-failed', locale);
        await closeApp(a);

        // 2. Started again, still offline: Start says an archive waits.
        const b = await app({ ...options, dataDir: a.dataDir });
        await waitForStart(b.page, locale);
        await b.page.locator('[data-pending=queued]').filter({ hasText: t.pending.waiting({ count: 1 }) }).waitFor({ timeout: 120_000 });
        await expectAccessible(b.page, `start with a waiting upload (${locale})`);
        await expectNoEnglishOnScreen(b.page, locale, 'start with a waiting upload');
        await shot(b.page, '1-start-upload-waiting', locale);
        await closeApp(b);

        // 3. The server is back (a proxy to the real Redmine on that port): the next start sends it.
        const proxy = await startFaultProxy(redmine.REDMINE_URL, port);
        try {
          const c = await app({ ...options, dataDir: a.dataDir });
          await waitForStart(c.page, locale);
          await c.page.locator('[data-pending=done]').filter({ hasText: t.pending.sent({ ticket: issue }) }).waitFor({ timeout: 120_000 });
          await shot(c.page, '1-start-upload-resumed', locale);
          expect(c.service.waitingUploads()).toBe(0);
          await closeApp(c);
        } finally {
          await proxy.close();
        }
        const attached = (await api.attachments(issue)).filter((x) => x.filename === archiveName);
        expect(attached).toHaveLength(1);
        expect((await api.download(attached[0]!.id)).sha256).toBe(sha256(readFileSync(path.join(a.dataDir, 'outbox', issue, archiveName))));
      }, 180_000);

      it(`says "sent to ticket N" when the upload succeeds (${locale})`, async () => {
        const t = words(locale);
        const api = new RedmineApi(redmine);
        const issue: string = await api.createIssue();
        const a = await app({
          locale,
          deepLink: `diagcollect://collect?ticket=${issue}`,
          policy: { ...QUICK, upload: { target: 'redmine', redmine: { url: redmine.REDMINE_URL } } },
          env: { DIAGCOLLECT_REDMINE_API_KEY: redmine.REDMINE_API_KEY },
          runChecks: false,
        });
        await collectFromStart(a.page, locale);
        await expect.poll(() => doneState(a.page), { timeout: 120_000 }).toEqual({ state: 'sent', title: t.done.sent({ ticket: issue }) });
        expect(await a.page.getByRole('button', { name: t.done.openDraft }).count()).toBe(0);
        await expectAccessible(a.page, `done, sent (${locale})`);
        await expectNoEnglishOnScreen(a.page, locale, 'done, sent');
        await shot(a.page, '4-done-sent', locale);
        expect(existsSync(path.join(a.dataDir, 'outbox', issue))).toBe(true);
        expect(readdirSync(path.join(a.dataDir, 'outbox', issue)).some((f) => f.endsWith('.zip'))).toBe(true);
        await closeApp(a);
      }, 120_000);
    }
  });
});
