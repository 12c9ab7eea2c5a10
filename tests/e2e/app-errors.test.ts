/**
 * A refusal in the window, in Chromium against the real engine (test bridge → AppService) and a
 * real Redmine (tests/servers): a collection for a ticket Redmine does not have is refused before
 * anything is collected, and Review says so in the window's language — the catalogue's words for
 * the engine's code (`ticket-refused`), the same the CLI prints — never the engine's English under
 * zh-CN. Screenshots under test-results/screens/.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UiLocale } from '../../shared/api.js';
import { translator } from '../../shared/i18n/translate.js';
import { ensureRedmine } from '../servers/servers.js';
import { appSuite } from './support/app-harness.js';
import { expectAccessible, expectNoEnglishOnScreen, fillStart, goToReview, saveScreen, waitForStart, words } from './support/flows.js';

const QUICK = { disabledCollectors: ['software', 'processes', 'system-logs'] };
const suite = appSuite('errors');
const shot = (page: Page, name: string, locale: UiLocale) => saveScreen(page, `errors-${name}-${locale}`);

describe('a refusal in the window speaks its language', () => {
  let redmine: Awaited<ReturnType<typeof ensureRedmine>>;
  beforeAll(async () => {
    redmine = await ensureRedmine();
  }, 600_000);

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`a ticket Redmine does not have: Review says which, on which system, and what to do (${locale})`, async () => {
      const t = words(locale);
      const ticket = '987654321';
      const a = await suite.open({
        locale,
        policy: { ...QUICK, upload: { target: 'redmine', redmine: { url: redmine.REDMINE_URL } } },
        env: { DIAGCOLLECT_REDMINE_API_KEY: redmine.REDMINE_API_KEY },
        runChecks: false,
      });
      await waitForStart(a.page, locale);
      await fillStart(a.page, locale, { ticket });
      await goToReview(a.page, locale);
      await a.page.getByRole('button', { name: t.startCollecting }).click();
      const alert = a.page.getByRole('alert').filter({ hasText: ticket });
      await alert.waitFor({ timeout: 120_000 });
      const text = (await alert.textContent())!;
      if (locale === 'zh-CN') {
        const refusal = translator('zh-CN').t('input.ticket-refused', { ticket, target: 'Redmine', why: 'missing' });
        expect(text).toContain(t.failedNotice({ message: refusal }));
        await expectNoEnglishOnScreen(a.page, locale, 'review, ticket refused');
      } else {
        // The English window shows the engine's own words, the most specific.
        expect(text).toContain(`ticket ${ticket} was not found on Redmine`);
        expect(text).toContain('nothing was collected');
      }
      await expectAccessible(a.page, `review, ticket refused (${locale})`);
      await shot(a.page, 'ticket-refused', locale);
      // Nothing was collected: no archive in the outbox.
      expect(a.service.waitingUploads()).toBe(0);
      await suite.close(a);
    }, 180_000);
  }
});
