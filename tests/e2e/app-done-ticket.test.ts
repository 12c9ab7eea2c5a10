/**
 * "One truth", continued: the Done screen also says what the CLI says about
 *   - the ticket pre-check: the ticket's title as the ticket system reported it (a real Redmine,
 *     tests/servers), so the user sees the archive goes to the right ticket;
 *   - what was not taken (未收集的内容): a source that is not there, an entry cut at the size cap,
 *     with the manifest's reasons, folded under one sentence;
 *   - what the IT policy changed or refused at start (a managed key locked to its safe value, a
 *     user setting left out), as the CLI prints it, folded;
 * and 复制详情 / Copy details copies all of it (and last session's facts) in the UI language.
 * Real engine behind the test bridge, real renderer in Chromium; screenshots under test-results/screens/.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UiLocale } from '../../shared/api.js';
import { notTakenLineText, notTakenLines, policyProblemText, ticketCheckText } from '../../shared/i18n/collect-facts.js';
import { translator } from '../../shared/i18n/translate.js';
import { collectorTitle } from '../../electron/engine/collectors/index.js';
import { notTaken, notTakenTotal } from '../../electron/engine/report/not-collected.js';
import { notTakenRows } from '../../electron/cli/collect-output.js';
import { loadAppPolicy } from '../../electron/main/app-policy.js';
import { readZip } from '../helpers/zip.js';
import { RedmineApi } from '../integration/helpers/ticket-apis.js';
import { ensureRedmine, type RedmineEnv } from '../servers/servers.js';
import { appSuite } from './support/app-harness.js';
import { collectFromStart, doneState, expectAccessible, expectNoEnglishOnScreen, saveScreen, words } from './support/flows.js';

const LOCALES: UiLocale[] = ['zh-CN', 'en'];
const ONLY_LOGS = {
  disabledCollectors: ['software', 'processes', 'system-logs', 'network', 'network-path', 'wifi', 'firewall', 'disk-latency', 'resource-sample', 'pending-updates', 'startup-items', 'crash-reports', 'security-logs', 'permissions', 'config', 'config-defaults'],
};

const suite = appSuite('done-ticket');
let redmine: RedmineEnv;
beforeAll(async () => {
  redmine = await ensureRedmine();
}, 600_000);

const squash = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('the Done screen says the ticket title, what was not taken and the policy problems (Chromium → real engine, real Redmine)', () => {
  for (const locale of LOCALES) {
    it(`工单标题、未收集的内容、策略问题、复制详情 / ticket title, not taken, policy problems, copy details (${locale})`, async () => {
      const t = words(locale);
      const tr = translator(locale);
      const api = new RedmineApi(redmine);
      const subject = `【技术支持】月度报表打不开（${randomBytes(3).toString('hex')}）`;
      const issue = await api.createIssue(subject);

      // Logs: one with addresses (redacted), one over the per-file cap (cut to its newest bytes), one that is not there.
      const logs = mkdtempSync(path.join(suite.work, 'logs-'));
      writeFileSync(path.join(logs, 'app.log'), Array.from({ length: 5 }, (_, i) => `user${i}@example.com signed in from 10.1.2.${i}\n`).join(''));
      writeFileSync(path.join(logs, 'big.log'), Array.from({ length: 200 }, (_, i) => `${String(i).padStart(4, '0')} the report service answered slowly\n`).join(''));
      const missing = path.join(logs, 'gone', 'missing.log');
      // The policy as Electron main loads it: managed (a fail-closed key IT wrote wrong), user settings (an unknown key).
      const dataDir = mkdtempSync(path.join(suite.work, 'data-'));
      writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ colour: 'blue' }));
      const managed = path.join(suite.work, `managed-${locale}.json`);
      writeFileSync(
        managed,
        JSON.stringify({ ...ONLY_LOGS, appLogPaths: [`${logs}/*.log`, missing], caps: { fileBytes: 2048 }, upload: { target: 'redmine', redmine: { url: redmine.REDMINE_URL } }, screenshotAllowed: 'yes' }),
      );
      const loaded = await loadAppPolicy({ ...process.env, DIAGCOLLECT_DATA_DIR: dataDir, DIAGCOLLECT_POLICY: '' }, { dataDir, managed: { linuxFile: managed }, platform: 'linux' });
      expect(loaded.lines.map((l) => l.line.key).sort()).toEqual(['colour', 'screenshotAllowed']);

      const a = await suite.open({
        locale,
        dataDir,
        deepLink: `diagcollect://collect?ticket=${issue}`,
        policy: loaded.policy,
        policyProblems: loaded.lines,
        env: { DIAGCOLLECT_REDMINE_API_KEY: redmine.REDMINE_API_KEY },
        runChecks: false,
      });
      const { page } = a;
      const archiveName = await collectFromStart(page, locale);
      await expect.poll(() => doneState(page), { timeout: 120_000 }).toEqual({ state: 'sent', title: t.done.sent({ ticket: issue }) });

      // 1. The title the server reported, in the CLI's words (its pre-check line).
      const ticketLine = ticketCheckText(tr, { ticket: issue, targetName: 'Redmine', title: subject });
      expect(ticketLine).toContain(subject);
      expect(squash(await page.getByTestId('ticket-title').textContent())).toBe(ticketLine);

      // 2. What was not taken: the manifest's facts, with the CLI's reasons, collectors by their titles.
      const entries = await readZip(path.join(a.dataDir, 'outbox', issue, archiveName));
      const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data.toString('utf8'));
      // The engine's one account (report/not-collected.ts): the CLI prints and counts the same.
      const facts = notTaken(manifest);
      expect(facts.cut.map((c) => c.name).join()).toMatch(/big\.log/);
      // The entry cut at the per-file cap says so by a code with the cap and sizes, not only in English.
      expect(facts.cut.find((c) => c.name.includes('big.log'))?.code).toMatchObject({ code: 'cut-newest', capBytes: 2048 });
      expect(JSON.stringify(manifest.skipped)).toContain('missing.log');
      // A skipped collector is also in `skipped` under its own id: the screen says it once.
      expect(facts.sources.length).toBeLessThan(manifest.skipped.length);
      const title = (id: string) => collectorTitle(id, locale);
      const expected = notTakenLines(tr, facts, title).map(notTakenLineText);
      const card = page.getByTestId('not-taken');
      // Folded: one sentence first, the list on demand.
      expect(await card.locator('details').getAttribute('open')).toBeNull();
      expect(squash(await card.locator('summary').textContent())).toBe(t.done.notTakenSummary({ count: notTakenTotal(facts) }));
      await card.locator('summary').click();
      const shown = (await card.locator('li').allTextContents()).map(squash);
      // The CLI's "Skipped:" lines for this manifest are the source lines shown here.
      const cliRows = notTakenRows(facts, tr, title);
      const skippedAt = cliRows.findIndex(([label]) => label === tr.t('cli.collect.skipped'));
      expect(cliRows.slice(skippedAt).map(([, v]) => squash(v))).toEqual((await card.locator('li[data-kind="source"]').allTextContents()).map(squash));
      expect(shown).toEqual(expected.map(squash));
      expect(shown.some((l) => l.includes('missing.log'))).toBe(true);
      // Each with its reason: a source that is not there, an entry cut at the per-file cap.
      expect(shown.find((l) => l.includes('missing.log'))).toContain(tr.reason({ code: 'not-found' }));
      expect(shown.find((l) => l.includes('big.log'))).toContain(tr.reason(facts.cut.find((c) => c.name.includes('big.log'))!.code!));
      if (locale === 'zh-CN') expect(shown.find((l) => l.includes('big.log'))).toMatch(/已截断：文件 .*上限 2 KB/);

      // 3. The policy problems, as the CLI prints them (locked key, left-out setting).
      const policy = page.getByTestId('policy-problems');
      expect(squash(await policy.locator('summary').textContent())).toBe(t.done.policySummary({ count: 2 }));
      await policy.locator('summary').click();
      const policyLines = loaded.lines.map((l) => policyProblemText(tr, l.line, l.english));
      expect((await policy.locator('li').allTextContents()).map(squash)).toEqual(policyLines.map(squash));
      expect(policyLines.join('\n')).toMatch(locale === 'en' ? /screenshotAllowed[\s\S]*locked|locked[\s\S]*screenshotAllowed/i : /screenshotAllowed[\s\S]*锁定/);

      await expectAccessible(page, `done, ticket title, not taken, policy (${locale})`);
      await expectNoEnglishOnScreen(page, locale, 'done, ticket title, not taken, policy');
      await page.locator('.screen-body').evaluate((body) => body.scrollTo(0, 0));
      await saveScreen(page, `s11-done-all-facts-${locale}`);

      // 4. Copy details: every fact of the screen, in the UI language.
      await page.getByRole('button', { name: t.copyDetails }).click();
      await page.getByText(t.copied).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain(`${t.details.ticketTitle}: ${ticketLine}`);
      expect(copied).toContain(`${t.details.notTaken}:`);
      for (const line of expected) expect(copied).toContain(`  - ${line}`);
      expect(copied).toContain(`${t.details.policy}:`);
      for (const line of policyLines) expect(copied).toContain(`  - ${line}`);
      expect(copied).toMatch(locale === 'en' ? /^Redacted: /m : /^已脱敏: /m);
      expect(copied).toContain(t.uploadStateWord.done);
      await suite.close(a);
    }, 300_000);
  }
});
