/**
 * Session 4's app states, in Chromium against the real engine (test bridge → AppService), in
 * zh-CN and en and dark, with screenshots under test-results/screens/:
 *   - 上传设置: the upload secret goes into the OS keychain (real AES under a key only the test
 *     holds, standing in for safeStorage); the screen says whether it is stored, never shows it,
 *     keeps nothing typed after saving, replaces and removes it, and says what to do when the
 *     keychain cannot encrypt. With the key saved there, a collection is sent to a real Redmine.
 *   - 这次修复有效吗？: two real collections of one ticket, with a server the checklist needs down
 *     for the first and up for the second; Done offers the comparison, shows the engine's verdict
 *     ("1 项由失败变为通过…"), and opens 对比报告.html.
 */
import { appendFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { verdictText } from '../../electron/engine/compare/present.js';
import { runCompare } from '../../electron/engine/compare/run-compare.js';
import type { UiLocale } from '../../shared/api.js';
import { PolicySchema } from '../../shared/policy.js';
import { freePort } from '../integration/helpers/fault-proxy.js';
import { RedmineApi } from '../integration/helpers/ticket-apis.js';
import { ensureRedmine } from '../servers/servers.js';
import { appSuite } from './support/app-harness.js';
import { collectFromStart, doneState, expectAccessible, expectNoEnglishOnScreen, expectNoHorizontalOverflow, saveScreen, waitForChecks, waitForStart, words } from './support/flows.js';

const LOCALES: UiLocale[] = ['zh-CN', 'en'];
const QUICK = { disabledCollectors: ['software', 'processes', 'system-logs'] };
const suite = appSuite('s4');
const shot = (page: Page, name: string, locale: UiLocale, dark = false) => saveScreen(page, `s4-${name}-${locale}${dark ? '-dark' : ''}`);

/** 上传设置 from the header, on any screen. */
async function openSettings(page: Page, locale: UiLocale): Promise<void> {
  const t = words(locale);
  await page.getByRole('button', { name: t.secrets.open }).click();
  await page.getByRole('heading', { level: 1, name: t.secrets.title }).waitFor();
}

describe('上传设置: the upload secret in the OS keychain', () => {
  let redmine: Awaited<ReturnType<typeof ensureRedmine>>;
  beforeAll(async () => {
    redmine = await ensureRedmine();
  }, 600_000);

  for (const locale of LOCALES) {
    for (const dark of locale === 'zh-CN' ? [false, true] : [false]) {
      it(`stores, shows as stored, replaces and removes the key; never shows or keeps it; the upload uses it (${locale}${dark ? ', dark' : ''})`, async () => {
        const t = words(locale);
        const api = new RedmineApi(redmine);
        const issue: string = await api.createIssue();
        const a = await suite.open({
          locale,
          keychain: 'available',
          colorScheme: dark ? 'dark' : 'light',
          deepLink: `diagcollect://collect?ticket=${issue}`,
          policy: { ...QUICK, upload: { target: 'redmine', redmine: { url: redmine.REDMINE_URL } } },
          // No key in the environment: only the keychain can give it.
          env: { DIAGCOLLECT_REDMINE_API_KEY: '' },
          runChecks: false,
        });
        const { page } = a;
        await waitForStart(page, locale);
        await openSettings(page, locale);
        const card = page.locator('[data-secret=apiKey]');
        await expect.poll(() => card.getByTestId('secret-state').textContent()).toContain(t.secrets.missing);
        await expectAccessible(page, `settings, nothing stored (${locale})`);
        await expectNoEnglishOnScreen(page, locale, 'settings');
        await expectNoHorizontalOverflow(page, 'settings');
        await shot(page, 'settings-empty', locale, dark);

        const input = card.getByLabel(t.secrets.newValue);
        expect(await input.getAttribute('type')).toBe('password');
        await input.fill(redmine.REDMINE_API_KEY);
        await card.getByRole('button', { name: t.secrets.save }).click();
        await card.getByRole('status').filter({ hasText: t.secrets.saved }).waitFor();
        await expect.poll(() => card.getByTestId('secret-state').textContent()).toContain(t.secrets.stored);
        // Nothing typed is kept: the field is empty, and the key is nowhere in the page.
        expect(await input.inputValue()).toBe('');
        expect(await page.content()).not.toContain(redmine.REDMINE_API_KEY);
        // Only ciphertext on disk; the keychain gives the key back.
        const file = readFileSync(path.join(a.dataDir, 'secrets.json'), 'utf8');
        expect(file).not.toContain(redmine.REDMINE_API_KEY);
        expect(existsSync(path.join(a.dataDir, 'credentials.json'))).toBe(false);
        await expectAccessible(page, `settings, stored (${locale})`);
        await shot(page, 'settings-stored', locale, dark);

        // Replace with a wrong key, then remove it: the state follows.
        await input.fill('wrong-key');
        await card.getByRole('button', { name: t.secrets.replace }).click();
        await card.getByRole('status').filter({ hasText: t.secrets.saved }).waitFor();
        await card.getByRole('button', { name: t.secrets.remove }).click();
        await card.getByRole('status').filter({ hasText: t.secrets.removed }).waitFor();
        await expect.poll(() => card.getByTestId('secret-state').textContent()).toContain(t.secrets.missing);
        expect(existsSync(path.join(a.dataDir, 'secrets.json'))).toBe(false);

        // The real key again; back to Start; the collection is sent to the real Redmine with it.
        await input.fill(redmine.REDMINE_API_KEY);
        await card.getByRole('button', { name: t.secrets.save }).click();
        await expect.poll(() => card.getByTestId('secret-state').textContent()).toContain(t.secrets.stored);
        await page.getByRole('button', { name: t.secrets.back }).click();
        const archiveName = await collectFromStart(page, locale);
        await expect.poll(() => doneState(page), { timeout: 120_000 }).toEqual({ state: 'sent', title: t.done.sent({ ticket: issue }) });
        expect((await api.attachments(issue)).filter((x) => x.filename === archiveName)).toHaveLength(1);
        await suite.close(a);
      }, 240_000);
    }

    it(`says the keychain cannot encrypt, and what to do, with nothing to type into (${locale})`, async () => {
      const t = words(locale);
      const a = await suite.open({ locale, keychain: 'unavailable', viewport: { width: 800, height: 600 }, policy: { ...QUICK, upload: { target: 'rt', rt: { url: 'http://127.0.0.1:9' } } }, runChecks: false });
      const { page } = a;
      await waitForStart(page, locale);
      // At the smallest window the header keeps 上传设置 (its icon, named for assistive technology).
      await expectNoHorizontalOverflow(page, `start with 上传设置, 800×600 (${locale})`);
      await openSettings(page, locale);
      await page.getByRole('alert').filter({ hasText: t.secrets.unavailable({ envName: 'DIAGCOLLECT_RT_TOKEN' }) }).waitFor();
      const card = page.locator('[data-secret=token]');
      expect(await card.getByLabel(t.secrets.newValue).isDisabled()).toBe(true);
      await expectAccessible(page, `settings, keychain unavailable (${locale})`);
      await expectNoEnglishOnScreen(page, locale, 'settings, keychain unavailable');
      await shot(page, 'settings-unavailable', locale);
      expect(readdirSync(a.dataDir).filter((n) => n.startsWith('secrets'))).toEqual([]);
      await suite.close(a);
    }, 120_000);
  }
});

describe('这次修复有效吗？ on Done (two real collections of one ticket)', () => {
  for (const locale of LOCALES) {
    for (const dark of locale === 'zh-CN' ? [false, true] : [false]) {
      it(`compares with the earlier archive and shows the engine's verdict and report (${locale}${dark ? ', dark' : ''})`, async () => {
        const t = words(locale);
        const port = await freePort();
        // The hosts file the network collector reads (policy networkFiles): the fix adds an entry.
        const hosts = path.join(suite.work, `hosts-${locale}-${dark ? 'dark' : 'light'}`);
        writeFileSync(hosts, '127.0.0.1 localhost\n');
        const a = await suite.open({
          locale,
          colorScheme: dark ? 'dark' : 'light',
          deepLink: 'diagcollect://collect?ticket=31337',
          policy: { ...QUICK, networkFiles: { hosts }, checks: { endpoints: [{ name: locale === 'zh-CN' ? '报表服务器' : 'Report server', url: `http://127.0.0.1:${port}/` }] } },
          runChecks: true,
        });
        const { page } = a;
        // 1. The report server is down.
        const before = await collectFromStart(page, locale, { timeout: 120_000 });
        await waitForChecks(page, 120_000);
        // Nothing earlier to compare with yet.
        expect(await page.getByRole('heading', { name: t.compare.title }).count()).toBe(0);

        // 2. The "fix": a hosts entry, and the server is up. The user collects again for the same ticket.
        appendFileSync(hosts, '10.20.30.40 report.corp.example\n');
        const server: Server = createServer((_req, res) => res.end('ok'));
        await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
        try {
          await page.getByRole('button', { name: t.newCollection }).click();
          const after = await collectFromStart(page, locale, { person: false, timeout: 120_000 });
          await waitForChecks(page, 120_000);
          expect(after).not.toBe(before);

          const card = page.locator('section.compare-card');
          await card.getByRole('heading', { name: t.compare.title }).waitFor();
          await card.getByRole('button', { name: t.compare.run }).click();
          const verdict = card.getByTestId('compare-verdict');
          await verdict.waitFor({ timeout: 120_000 });

          // The words are the engine's, for these two archives (one truth).
          const dir = path.join(a.dataDir, 'outbox', '31337');
          const engine = await runCompare({ before: path.join(dir, before), after: path.join(dir, after), policy: PolicySchema.parse({}), env: {}, dataDir: a.dataDir, outDir: suite.work });
          // The hosts entry always; the report server's check too, when its probe got through in time on a loaded machine.
          expect(engine.report.network.hosts.added.join('\n')).toContain('report.corp.example');
          expect(engine.report.verdict.otherChanges).toBeGreaterThanOrEqual(1);
          expect(await verdict.textContent()).toContain(verdictText(engine.report.verdict, locale));
          expect(await verdict.getAttribute('data-level')).toBe(engine.report.verdict.regressed > 0 ? 'fail' : engine.report.verdict.stillFailing > 0 ? 'warn' : 'pass');
          await expectAccessible(page, `done, compared (${locale})`);
          await expectNoEnglishOnScreen(page, locale, 'done, compared');
          await card.scrollIntoViewIfNeeded();
          await shot(page, 'done-compare', locale, dark);

          await card.getByRole('button', { name: t.compare.openReport }).click();
          await expect.poll(() => a.launched).toContain(path.join(dir, '对比报告.html'));
          expect(readFileSync(path.join(dir, '对比报告.html'), 'utf8')).toContain(verdictText(engine.report.verdict, 'zh-CN'));
        } finally {
          await new Promise((resolve) => server.close(resolve));
        }
        await suite.close(a);
      }, 400_000);
    }
  }
});
