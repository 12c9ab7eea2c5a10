/**
 * What a user does, step by step, on any page that has `window.diagnostics` — a Chromium page
 * with the test bridge, or the real Electron window (tests/e2e/electron). Elements are found
 * the way a user finds them: by their labels and roles, in the UI language.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { UiLocale } from '../../../shared/api.js';
import { DICTIONARIES, LANGUAGE_NAMES, type Dictionary } from '../../../renderer/src/i18n.js';
import { englishSentences } from '../../helpers/english-scan.js';
import { REPO_ROOT } from './build.js';

export const SCREENS_DIR = path.join(REPO_ROOT, 'test-results', 'screens');
const AXE_SOURCE: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

export const words = (locale: UiLocale): Dictionary => DICTIONARIES[locale];

/** The header's language switch, as a user finds it on a screen in `from`. */
export function languageSwitch(page: Page, from: UiLocale) {
  return page.getByRole('button', { name: LANGUAGE_NAMES[from === 'en' ? 'zh-CN' : 'en'].switchTo });
}

/**
 * On a zh-CN screen no English sentence may show: the visible text and what assistive
 * technology reads (aria-label, title, alt, placeholder) are scanned (tests/helpers/english-scan.ts).
 * The "What it reads" lists (collectors' commands and paths) and code-styled text are data.
 */
export async function expectNoEnglishOnScreen(page: Page, locale: UiLocale, label: string): Promise<void> {
  if (locale !== 'zh-CN') return;
  const text = await page.evaluate(() => {
    const root = document.body.cloneNode(true) as HTMLElement;
    for (const el of Array.from(root.querySelectorAll('details.reads ul, code, .mono, script, style'))) el.remove();
    const attributes = Array.from(document.querySelectorAll('[aria-label],[title],[alt],[placeholder]')).flatMap((el) =>
      ['aria-label', 'title', 'alt', 'placeholder'].map((a) => el.getAttribute(a) ?? ''),
    );
    return [root.innerText || root.textContent || '', ...attributes].join('\n');
  });
  // The language switch names its target language in that language, as language menus do.
  expect(englishSentences(text, ['Switch to English']), `English sentences on the zh-CN ${label} screen:\n${text}`).toEqual([]);
}

export const INTAKE: Record<UiLocale, { name: string; contact: string; department: string; problem: string; steps: string; tried: string }> = {
  'zh-CN': {
    name: '张伟',
    contact: 'zhang.wei@example.com',
    department: '财务部',
    problem: '打开月度报表时提示“错误代码 E1023：无法连接到服务器”，重试后仍然失败。',
    steps: '1. 打开 XX 财务软件\n2. 点击“报表”\n3. 选择“月度报表”',
    tried: '重启了软件和电脑，问题依旧。',
  },
  en: {
    name: 'Alex Chen',
    contact: '+86 138 0013 8000',
    department: 'Finance',
    problem: 'Opening the monthly report shows "Error E1023: cannot connect to the server", also after retrying.',
    steps: '1. Open the finance app\n2. Click Reports\n3. Choose Monthly report',
    tried: 'Restarted the app and the computer; no change.',
  },
};

/**
 * Saves what the window shows as `<name>.png`; when the screen scrolls, also `<name>-end.png`
 * scrolled to the bottom (the scrolling happens inside the screen, so a full-page shot would not).
 */
export async function saveScreen(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  const file = path.join(SCREENS_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  const scrolled = await page.evaluate(() => {
    const body = document.querySelector('.screen-body');
    if (!body || body.scrollHeight <= body.clientHeight) return false;
    body.scrollTop = body.scrollHeight;
    return true;
  });
  if (scrolled) {
    await page.screenshot({ path: path.join(SCREENS_DIR, `${name}-end.png`) });
    await page.evaluate(() => document.querySelector('.screen-body')?.scrollTo(0, 0));
  }
  return file;
}

/** axe-core on the current screen: no violations at all (WCAG 2.x A/AA and best practices). */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // page.evaluate runs outside the page's CSP, so axe can be injected without weakening it.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/** A text field by its accessible name (the label without the required marker). */
export function field(page: Page, name: string) {
  return page.getByRole('textbox', { name, exact: true });
}

/** The Start screen is showing (defaults arrived). */
export async function waitForStart(page: Page, locale: UiLocale): Promise<void> {
  await page.getByRole('heading', { level: 1, name: words(locale).startTitle }).waitFor();
}

/**
 * Fills the Start screen: the problem, who reports (unless `person: false`, when the app
 * prefilled it from last time), and with `more` the time, priority and steps under 更多信息.
 */
export async function fillStart(page: Page, locale: UiLocale, options: { ticket?: string; more?: boolean; person?: boolean } = {}): Promise<void> {
  const t = words(locale);
  const v = INTAKE[locale];
  if (options.ticket !== undefined) await field(page, t.ticket).fill(options.ticket);
  await field(page, t.problemDescription).fill(v.problem);
  if (options.person !== false) {
    await field(page, t.name).fill(v.name);
    await field(page, t.contact).fill(v.contact);
    await field(page, `${t.department}${t.optional}`).fill(v.department);
  }
  if (options.more) {
    await page.getByRole('radio', { name: t.problemTypes.connection }).check();
    await page.getByText(t.sectionMore, { exact: true }).click();
    await page.getByRole('radio', { name: new RegExp(`^${t.priorities['高']}`) }).check();
    await field(page, `${t.stepsToReproduce}${t.optional}`).fill(v.steps);
    await field(page, `${t.solutionsTried}${t.optional}`).fill(v.tried);
  }
}

/** Start → Review, and waits until every category is shown (and the screenshot, when one was taken). */
export async function goToReview(page: Page, locale: UiLocale, options: { screenshot?: boolean } = {}): Promise<void> {
  const t = words(locale);
  await page.getByRole('button', { name: t.next }).click();
  await page.getByRole('heading', { level: 1, name: t.reviewTitle }).waitFor();
  // The preview measures the files and dry-runs redaction: slow on a loaded machine (a guard, not a budget).
  await page.locator('[data-category]').first().waitFor();
  if (options.screenshot === true) await page.locator('.shot img').waitFor();
}

/** The launch offer: capture the screen before filling in the form; waits for the picture. */
export async function captureAtLaunch(page: Page, locale: UiLocale): Promise<void> {
  const t = words(locale);
  await page.getByRole('button', { name: t.shotOffer.take }).click();
  // The window says it will hide before it does.
  await page.getByText(t.shotHiding).waitFor();
  await page.getByText(t.shotOffer.taken).waitFor();
}

/** What crossed the bridge, as the page saw it (page-shim.ts keeps the trail): for a failing wait's message. */
export async function bridgeTrail(page: Page): Promise<string> {
  const trail = await page.evaluate(() => (window as unknown as { __diagnosticsTrail?: string[] }).__diagnosticsTrail ?? []).catch(() => [] as string[]);
  return trail.slice(-40).join('\n');
}

/**
 * Review → Progress; resolves once the first progress row is visible (or Done, for a run so short
 * it ended before its start was answered). A refusal shown on Review fails at once with its text;
 * a wait that runs out says what the screen and the bridge showed.
 */
export async function startCollecting(page: Page, locale: UiLocale): Promise<void> {
  const start = page.getByRole('button', { name: words(locale).startCollecting });
  const rows = page.locator('[data-collector]').or(page.locator('[data-done-state]')).first();
  const refusal = page.locator('.banner.error[role=alert]').first();
  // A banner already on Review (an earlier run failed) is not this click's answer: wait for the rows only.
  const watch = (await refusal.count()) > 0 ? rows : rows.or(refusal);
  await start.click();
  const outcome = await watch.waitFor().then(
    async () => ((await rows.isVisible()) ? 'rows' : 'refused'),
    (err: unknown) => err,
  );
  if (outcome === 'rows') return;
  const button = await page.locator('footer.actionbar button.primary').evaluate((b) => `${b.textContent?.trim()} (disabled: ${(b as HTMLButtonElement).disabled})`).catch(() => 'no button');
  const banner = await refusal.textContent({ timeout: 1_000 }).catch(() => 'none');
  const heading = await page.locator('h1').first().textContent({ timeout: 1_000 }).catch(() => 'none');
  throw new Error(
    `Start collecting did not reach the Progress screen (${outcome === 'refused' ? 'refused' : String(outcome)}).\n` +
      `screen: ${heading}; button: ${button}; banner: ${banner}\nbridge trail (last 40):\n${await bridgeTrail(page)}`,
  );
}

/** Waits for the Done screen; returns the archive name it shows. */
export async function waitForDone(page: Page, _locale: UiLocale, timeout = 180_000): Promise<string> {
  await page.locator('[data-done-state] h1').waitFor({ timeout });
  return (await page.getByTestId('archive-name').textContent())!.trim();
}

/** The Done screen's state (sent, manual, retrying, failed, uploading, blocked) and its title, read together. */
export async function doneState(page: Page): Promise<{ state: string | null; title: string }> {
  return page.locator('[data-done-state]').evaluate((hero) => ({ state: hero.getAttribute('data-done-state'), title: (hero.querySelector('h1')?.textContent ?? '').trim() }));
}

/** Waits until the checklist has results (or says there are none). */
export async function waitForChecks(page: Page, timeout = 120_000): Promise<void> {
  await page.locator('section.checks:not([aria-busy])').waitFor({ timeout });
}

export function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** No horizontal scrolling at the current viewport (the UI is laid out for 800×600). */
export async function expectNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${label}`).toBeLessThanOrEqual(0);
}

/** The whole way from a shown Start to Done: fill in, review, collect; returns the archive name. */
export async function collectFromStart(page: Page, locale: UiLocale, options: { person?: boolean; timeout?: number } = {}): Promise<string> {
  await waitForStart(page, locale);
  await fillStart(page, locale, { person: options.person ?? true });
  await goToReview(page, locale);
  await startCollecting(page, locale);
  return waitForDone(page, locale, options.timeout);
}
