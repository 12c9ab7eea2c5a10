/**
 * The summary page in Debian's real Chromium (playwright-core, /usr/bin/chromium): rendered from
 * a real session's archive and the real checklist against local servers; opened offline from a
 * file; screenshots at desktop size and as A4 print (PNG under test-results/summary/ for people
 * to look at); zero axe-core violations; valid HTML; no request leaves the page.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HtmlValidate } from 'html-validate';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArchiveLanguage } from '../../../shared/naming.js';
import { renderSummaryHtml } from '../../../electron/engine/report/summary-html.js';
import { buildSummaryFixture } from '../../helpers/summary-fixture.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const OUT = join(ROOT, 'test-results', 'summary');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const LANGS: ArchiveLanguage[] = ['zh-CN', 'en'];

let browser: Browser;
const pages = new Map<ArchiveLanguage, { file: string; html: string }>();

/** A made-up application window with an error dialog: the "screenshot of the problem". */
async function appScreenshot(lang: ArchiveLanguage): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 1024, height: 640 } });
  const zh = lang === 'zh-CN';
  await page.setContent(`<!doctype html><html><body style="margin:0;font:14px sans-serif;background:#dfe7ef">
<div style="background:#2b5797;color:#fff;padding:8px 14px">${zh ? 'XX财务软件 企业版 2.3.1' : 'XX Finance Enterprise 2.3.1'}</div>
<div style="display:flex"><div style="width:180px;background:#f3f3f3;height:600px;padding:10px;line-height:2">${zh ? '首页<br>凭证<br><b>报表</b><br>设置' : 'Home<br>Vouchers<br><b>Reports</b><br>Settings'}</div>
<div style="flex:1;position:relative"><div style="position:absolute;left:230px;top:180px;width:380px;background:#fff;border:1px solid #999;box-shadow:0 4px 16px #0004">
<div style="background:#c0392b;color:#fff;padding:6px 10px">${zh ? '错误' : 'Error'}</div>
<div style="padding:16px">${zh ? '错误代码 E1023：无法连接到服务器。<br><br>请检查网络连接后重试。' : 'Error E1023: cannot connect to the server.<br><br>Check the network connection and try again.'}</div>
<div style="text-align:right;padding:8px"><button>${zh ? '确定' : 'OK'}</button></div></div></div></div></body></html>`);
  const png = await page.screenshot();
  await page.close();
  return png;
}

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `Debian's chromium is needed at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`).toBe(true);
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  for (const lang of LANGS) {
    const [fixture, png] = await Promise.all([buildSummaryFixture(lang), appScreenshot(lang)]);
    const html = renderSummaryHtml({ ...fixture, screenshotPng: png, lang });
    const file = join(OUT, `summary-${lang}.html`);
    writeFileSync(file, html);
    pages.set(lang, { file, html });
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe.each(LANGS)('summary page in Chromium (%s)', (lang) => {
  it('opens offline from the file: no request besides the file itself, no console error, the screenshot shows (CSP allows data: only)', async () => {
    const { file } = pages.get(lang)!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url().slice(0, 60)));
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'))).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    expect(await page.evaluate(() => (document.querySelector('figure.shot img') as HTMLImageElement | null)?.naturalWidth ?? 0)).toBe(1024);
    await context.close();
  });

  it('desktop 1280×900: the verdict and the problem are on the first screen, nothing overflows sideways', async () => {
    const { file } = pages.get(lang)!;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(file).href);
    await page.screenshot({ path: join(OUT, `summary-${lang}-desktop.png`) });
    await page.screenshot({ path: join(OUT, `summary-${lang}-full.png`), fullPage: true });
    const top = async (sel: string) => (await page.locator(sel).boundingBox())!.y;
    expect(await top('#verdict-title')).toBeLessThan(200);
    expect(await top('#problem-title')).toBeLessThan(900);
    expect(await top('#checklist-title')).toBeGreaterThan(await top('#problem-title'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    // A narrow window (a side panel next to the ticket) stacks the columns instead of overflowing.
    await page.setViewportSize({ width: 820, height: 900 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(820);
    await page.close();
  });

  it('prints on A4: the print style applies, the PDF has a few pages, page images are saved', async () => {
    const { file } = pages.get(lang)!;
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    await page.goto(pathToFileURL(file).href);
    await page.emulateMedia({ media: 'print' });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('.masthead')!).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: join(OUT, `summary-${lang}-print.png`), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    const pdfFile = join(OUT, `summary-${lang}.pdf`);
    writeFileSync(pdfFile, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pageCount = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pageCount).toBeGreaterThanOrEqual(2);
    expect(pageCount).toBeLessThanOrEqual(8);
    // Page images as a person would see the printout (poppler's pdftoppm, installed by .ci/run).
    if (spawnSync('pdftoppm', ['-v']).error === undefined) {
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', pdfFile, join(OUT, `summary-${lang}-a4`)]);
      expect(existsSync(join(OUT, `summary-${lang}-a4-1.png`))).toBe(true);
    }
    await page.close();
  });

  it('has zero accessibility violations (axe-core, all rules)', async () => {
    const { file } = pages.get(lang)!;
    // axe must run as a script: only this context bypasses the page's CSP to inject it.
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.addScriptTag({ content: readFileSync(AXE, 'utf8') });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document);
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await context.close();
  });

  it('is valid HTML with real data, and holds no script and no http(s) resource', async () => {
    const { html } = pages.get(lang)!;
    const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:|\/\/)/i);
  });
});
