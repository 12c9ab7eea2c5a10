/**
 * Issue 13/14, "one truth": what the CLI summary says after a collection, the desktop app's Done
 * screen says too — from the same engine data, in the shared catalogue's words (zh-CN and en),
 * in Chromium against the real engine (test bridge → AppService), with a screenshot of each state
 * under test-results/screens/:
 *   - 已脱敏 / Redacted: the engine's counts per rule and a placeholder the archive holds;
 *   - 已清理 / Cleaned: hidden direction or control characters the engine removed from the intake
 *     (the manifest's `intakeCleaned`);
 *   - 发送前请检查 / Please check before sending: a value the leak check still found that the mend
 *     step could not remove (a binary entry), when the user sends the archive by hand; and the
 *     same reason under a held-back upload;
 *   - a step after the archive was published that failed (the redaction map; the upload job
 *     record, which fails after the Done screen appeared): what, where, why, what to do, and
 *     which files exist.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { UiLocale } from '../../shared/api.js';
import { translator } from '../../shared/i18n/translate.js';
import { ruleName } from '../../electron/cli/collect-output.js';
import { readZip } from '../helpers/zip.js';
import { appSuite } from './support/app-harness.js';
import { doneState, expectAccessible, expectNoEnglishOnScreen, field, fillStart, goToReview, saveScreen, startCollecting, waitForDone, waitForStart, words } from './support/flows.js';

const LOCALES: UiLocale[] = ['zh-CN', 'en'];
/** Only the app's logs (and the cheap facts): these tests are about what Done says. */
const ONLY_LOGS = {
  disabledCollectors: ['software', 'processes', 'system-logs', 'network', 'network-path', 'wifi', 'firewall', 'disk-latency', 'resource-sample', 'pending-updates', 'startup-items', 'crash-reports', 'security-logs', 'permissions', 'config', 'config-defaults'],
};
/** A ticket system that is down (port 9, discard): the upload is queued, or held back by the leak check. */
const DOWN = { upload: { target: 'redmine' as const, redmine: { url: 'http://127.0.0.1:9' } } };
const KEY = { DIAGCOLLECT_REDMINE_API_KEY: '0123456789abcdef0123456789abcdef01234567' };

const suite = appSuite('done-facts');

/** A log naming a person bare before the lines that say it is a name, and a binary log holding the name: not mendable. */
function logsWithBinaryName(): string {
  const logs = mkdtempSync(path.join(suite.work, 'logs-'));
  writeFileSync(path.join(logs, 'a-chat.log'), '09:12:44 IT 服务台 ↔ 龚雅婷\n09:13:02 upload cert\\luoxiaotong.p12\n09:14:10 姓名：龚雅婷\n09:14:11 UserName=luoxiaotong\n');
  writeFileSync(path.join(logs, 'c-dump.log'), Buffer.concat([Buffer.alloc(64), Buffer.from('龚雅婷', 'utf8'), Buffer.alloc(64)]));
  return logs;
}

/** A log with values redaction hides, so the redaction map has something to hold. */
function plainLogs(): string {
  const logs = mkdtempSync(path.join(suite.work, 'logs-'));
  writeFileSync(path.join(logs, 'app.log'), Array.from({ length: 5 }, (_, i) => `user${i}@example.com signed in from 10.1.2.${i}\n`).join(''));
  return logs;
}

const shot = (page: Page, name: string, locale: UiLocale) => saveScreen(page, `s10-done-${name}-${locale}`);

async function collect(page: Page, locale: UiLocale, description?: string): Promise<string> {
  await waitForStart(page, locale);
  await fillStart(page, locale);
  if (description !== undefined) await field(page, words(locale).problemDescription).fill(description);
  await goToReview(page, locale);
  await startCollecting(page, locale);
  return waitForDone(page, locale);
}

const text = async (page: Page, testId: string) => ((await page.getByTestId(testId).textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('the Done screen says what the CLI summary says (Chromium → real engine)', () => {
  for (const locale of LOCALES) {
    it(`已清理 / Cleaned: the hidden characters the engine removed from the description, per field (${locale})`, async () => {
      const t = words(locale);
      const a = await suite.open({ locale, deepLink: 'diagcollect://collect?ticket=31001', policy: { ...ONLY_LOGS, appLogPaths: [`${plainLogs()}/*.log`] }, runChecks: false });
      const { page } = a;
      // A right-to-left override and a mark: "invoice.exe" would read reversed.
      const archiveName = await collect(page, locale, `${words(locale).problemDescription}: \u202Eexe.eciovni\u202C \u200Fopens nothing`);
      const entries = await readZip(path.join(a.dataDir, 'outbox', '31001', archiveName));
      const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8'));
      expect(manifest.intakeCleaned).toEqual([{ field: 'problemDescription', removed: 3 }]);
      // The shared catalogue's words, the CLI's: from the engine's list, not recounted here.
      const tr = translator(locale);
      const line = tr.t('intake.cleaned', { count: 3, list: tr.list([tr.t('intake.fieldName', { field: 'problemDescription' })]) });
      expect(line).toMatch(locale === 'en' ? /^3 hidden text-direction or control characters were removed from problem description/ : /^已从问题描述中删除 3 个隐藏的/);
      expect(await text(page, 'intake-cleaned')).toBe(`${t.done.cleanedLabel.trim()} ${line}`);
      // 已脱敏 / Redacted: the manifest's counts per rule and example placeholder, as the CLI summary builds them.
      const totals = Object.entries(manifest.redaction.totals as Record<string, number>).filter(([, n]) => n > 0).sort((x, y) => y[1] - x[1]);
      expect(totals.length).toBeGreaterThan(0);
      expect(manifest.redaction.example).toMatch(/^</);
      const redacted = tr.t('cli.collect.redactedHint', { list: tr.list(totals.map(([rule, count]) => tr.t('cli.collect.ruleCount', { rule: ruleName(rule, tr), count }))), example: manifest.redaction.example });
      expect(await text(page, 'redacted')).toBe(`${t.done.redactedLabel.trim()} ${redacted}`);
      await expectAccessible(page, `done, intake cleaned (${locale})`);
      await expectNoEnglishOnScreen(page, locale, 'done, intake cleaned');
      await shot(page, 'intake-cleaned', locale);
      await suite.close(a);
    });

    it(`发送前请检查 / Please check before sending: a binary entry holds a value the mend step cannot remove, sent by hand (${locale})`, async () => {
      const t = words(locale);
      const a = await suite.open({ locale, deepLink: 'diagcollect://collect?ticket=31002', policy: { ...ONLY_LOGS, appLogPaths: [`${logsWithBinaryName()}/*.log`] }, runChecks: false });
      const { page } = a;
      await collect(page, locale);
      // No ticket system: the user sends it by e-mail, so the check comes before that.
      expect((await doneState(page)).state).toBe('manual');
      const card = page.getByTestId('check-before-sending');
      await card.waitFor();
      expect(await card.getByRole('heading', { level: 2 }).textContent()).toContain(t.done.checkTitle);
      expect(await card.getByTestId('leaks').locator('li').count()).toBeGreaterThan(0);
      expect(await card.getByTestId('leaks').textContent()).toContain('c-dump.log');
      const reason = await text(page, 'not-mended');
      expect(reason).toMatch(/c-dump\.log/);
      expect(reason).toMatch(locale === 'en' ? /is a binary file: the app cannot rewrite the value in it\.$/ : /是二进制文件，本应用无法改写其中的值。$/);
      expect(await card.locator('.advice').textContent()).toContain(t.done.checkAdvice({ code: 'binary' }));
      await expectAccessible(page, `done, check before sending (${locale})`);
      await expectNoEnglishOnScreen(page, locale, 'done, check before sending');
      await shot(page, 'not-mended', locale);
      await suite.close(a);
    });

    it(`a held-back upload also says why the value could not be mended (${locale})`, async () => {
      const a = await suite.open({ locale, deepLink: 'diagcollect://collect?ticket=31003', policy: { ...ONLY_LOGS, ...DOWN, appLogPaths: [`${logsWithBinaryName()}/*.log`] }, env: KEY, runChecks: false });
      const { page } = a;
      await collect(page, locale);
      expect((await doneState(page)).state).toBe('blocked');
      expect(await text(page, 'not-mended')).toMatch(locale === 'en' ? /c-dump\.log is a binary file/ : /c-dump\.log 是二进制文件/);
      // Said once: the hero lists the values, no second card.
      expect(await page.getByTestId('check-before-sending').count()).toBe(0);
      await expectNoEnglishOnScreen(page, locale, 'done, blocked, not mended');
      await shot(page, 'blocked-not-mended', locale);
      await suite.close(a);
    });

    it(`the redaction map could not be saved: what, where, why, what to do, which files exist (${locale})`, async () => {
      const t = words(locale);
      const dataDir = mkdtempSync(path.join(suite.work, 'data-'));
      // A file where the map folder should be.
      writeFileSync(path.join(dataDir, 'redaction-maps'), 'not a folder\n');
      const a = await suite.open({ locale, dataDir, deepLink: 'diagcollect://collect?ticket=31004', policy: { ...ONLY_LOGS, appLogPaths: [`${plainLogs()}/*.log`] }, runChecks: false });
      const { page } = a;
      const archiveName = await collect(page, locale);
      const card = page.getByTestId('after-publish');
      await card.waitFor();
      expect(await card.getByRole('heading', { level: 2 }).textContent()).toContain(t.done.afterPublishTitle);
      const body = ((await card.locator('[data-step="map"]').textContent()) ?? '').replace(/\s+/g, ' ');
      const target = path.join(dataDir, 'redaction-maps');
      expect(body).toContain(t.done.afterPublish({ step: 'map', target, cause: 'EEXIST' }));
      expect(body).toContain(locale === 'en' ? '(a file is in the way where the folder should be)' : '（该位置有一个同名文件，而不是文件夹）');
      expect(body).toContain(t.done.afterPublishNext({ step: 'map', queued: 'no' }));
      const tr = translator(locale);
      expect(body).toContain(tr.t('afterPublish.archive', { path: path.join(dataDir, 'outbox', '31004', archiveName) }));
      await expectAccessible(page, `done, after publish (${locale})`);
      await expectNoEnglishOnScreen(page, locale, 'done, after publish');
      await shot(page, 'after-publish-map', locale);
      await suite.close(a);
    });

    it(`the upload job record could not be written after Done appeared: said there, and the archive waits to be sent by hand (${locale})`, async () => {
      const t = words(locale);
      const dataDir = mkdtempSync(path.join(suite.work, 'data-'));
      // A file where the ticket's outbox job folder should be.
      mkdirSync(path.join(dataDir, 'outbox', '31005'), { recursive: true });
      writeFileSync(path.join(dataDir, 'outbox', '31005', 'jobs'), 'not a folder\n');
      const a = await suite.open({ locale, dataDir, deepLink: 'diagcollect://collect?ticket=31005', policy: { ...ONLY_LOGS, ...DOWN, appLogPaths: [`${plainLogs()}/*.log`] }, env: KEY, runChecks: false });
      const { page } = a;
      const archiveName = await collect(page, locale);
      const item = page.getByTestId('after-publish').locator('[data-step="job-record"]');
      await item.waitFor();
      const body = ((await item.textContent()) ?? '').replace(/\s+/g, ' ');
      expect(body).toContain(t.done.afterPublishNext({ step: 'job-record', queued: 'no' }));
      const outbox = path.join(dataDir, 'outbox', '31005');
      const tr = translator(locale);
      expect(body).toContain(tr.t('afterPublish.archive', { path: path.join(outbox, archiveName) }));
      expect(body).toContain(tr.t('afterPublish.draft', { path: path.join(outbox, archiveName.replace(/\.zip$/, '.eml')) }));
      // Nothing will send it: not "sending…" for ever, but the e-mail steps.
      await expect.poll(async () => (await doneState(page)).state).toBe('manual');
      await expectNoEnglishOnScreen(page, locale, 'done, job record');
      await shot(page, 'after-publish-job', locale);
      await suite.close(a);
    });
  }
});
