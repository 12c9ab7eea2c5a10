/**
 * The incident timeline from a real collection: a real session on this machine (its system logs,
 * and as app logs Debian's Chromium's own log — `--enable-logging=stderr` of a real headless run —
 * plus a log a script writes around the reported time, with a password in it), written to a real
 * archive; 事件时间线.html / timeline.html and timeline.json read back from the zip and the pages
 * rendered in Debian's Chromium (playwright-core): screenshots under test-results/timeline/ for
 * people to look at, zero axe-core violations, valid HTML, no script, no request leaving the page.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { HtmlValidate } from 'html-validate';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standardName, type ArchiveLanguage } from '../../../shared/naming.js';
import { PolicySchema } from '../../../shared/policy.js';
import { runSession } from '../../../electron/engine/session.js';
import type { TimelineDocument } from '../../../electron/engine/timeline/document.js';
import { readZip } from '../../helpers/zip.js';

// A zone other than the machine's UTC, so the offsets shown are really read and converted: the
// session, Chromium (a child process) and the app log below all write in it.
process.env.TZ = 'Asia/Shanghai';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const OUT = join(ROOT, 'test-results', 'timeline');
const SCREENS = join(ROOT, 'test-results', 'screens');
const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const LANGS: ArchiveLanguage[] = ['zh-CN', 'en'];
const SECRET = 'Tr0ub4dor-timeline-9431';

let browser: Browser;
const archives = new Map<ArchiveLanguage, { doc: TimelineDocument; timelineFile: string; summaryFile: string; timelineHtml: string; names: string[] }>();

const p2 = (n: number) => String(n).padStart(2, '0');
const localMinute = (d: Date) => `${d.getFullYear()}-${p2(d.getMonth() + 1)}-${p2(d.getDate())} ${p2(d.getHours())}:${p2(d.getMinutes())}`;
const localStamp = (d: Date) => `${localMinute(d)}:${p2(d.getSeconds())},${String(d.getMilliseconds()).padStart(3, '0')}`;

/** A log as an application writes it: every 20 s for the last 40 minutes, errors clustering ~8 minutes ago. */
function writeAppLog(path: string, now: number): void {
  const lines: string[] = [];
  for (let t = now - 40 * 60_000; t <= now - 5_000; t += 20_000) {
    const ago = (now - t) / 60_000;
    const level = ago > 7 && ago < 10 ? (Math.round(t / 20_000) % 2 ? 'ERROR' : 'WARN') : 'INFO';
    lines.push(`${localStamp(new Date(t))} ${level} [sync-1] com.example.xxsoftware.Sync - ${level === 'INFO' ? 'heartbeat ok' : `connect to crm.corp.example.com:443 failed (login password=${SECRET})`}`);
    if (level === 'ERROR') lines.push('java.net.SocketTimeoutException: connect timed out', '\tat com.example.xxsoftware.Sync.run(Sync.java:88)');
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

beforeAll(async () => {
  expect(existsSync(CHROMIUM), `Debian's chromium is needed at ${CHROMIUM} (apt-get install chromium; .ci/run installs it)`).toBe(true);
  mkdirSync(OUT, { recursive: true });
  const dir = mkdtempSync(join(os.tmpdir(), 'timeline-it-'));
  // Chromium's own log: a real headless run with logging to stderr.
  const chromiumLog = join(dir, 'chromium.log');
  const run = await promisify(execFile)(CHROMIUM, ['--headless', ...ARGS, '--enable-logging=stderr', `--user-data-dir=${join(dir, 'profile')}`, '--dump-dom', 'data:text/html,<p>x</p>'], { timeout: 60_000 }).catch((e: { stderr?: string }) => ({ stderr: e.stderr ?? '' }));
  writeFileSync(chromiumLog, run.stderr);
  const appLog = join(dir, 'xxsoftware.log');
  writeAppLog(appLog, Date.now());
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const occurredAt = localMinute(new Date(Date.now() - 8 * 60_000));
  for (const lang of LANGS) {
    const outDir = mkdtempSync(join(dir, `out-${lang}-`));
    const result = await runSession({
      ticket: '12345',
      intake: { occurredAt, problemDescription: 'sync fails' },
      policy: PolicySchema.parse({ appLogPaths: [appLog, chromiumLog] }),
      outDir,
      only: ['system-logs', 'app-logs'],
      checks: [],
      lang,
    });
    const entries = await readZip(result.archivePath);
    const get = (name: string) => entries.find((e) => e.name === name)?.data;
    const doc = JSON.parse(get(standardName('timelineJson', lang))!.toString('utf8')) as TimelineDocument;
    const timelineHtml = get(standardName('timeline', lang))!.toString('utf8');
    const timelineFile = join(OUT, standardName('timeline', lang));
    const summaryFile = join(OUT, standardName('summary', lang));
    writeFileSync(timelineFile, timelineHtml);
    writeFileSync(summaryFile, get(standardName('summary', lang))!);
    archives.set(lang, { doc, timelineFile, summaryFile, timelineHtml, names: entries.map((e) => e.name) });
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
});

describe.each(LANGS)('incident timeline of a real collection (%s)', (lang) => {
  it('the archive holds the page and timeline.json; events from ≥ 2 sources; the reported time is marked; redaction came first', () => {
    const { doc, names, timelineHtml } = archives.get(lang)!;
    expect(names).toEqual(expect.arrayContaining([standardName('timeline', lang), 'timeline.json', 'manifest.json']));
    const withEvents = doc.sources.filter((s) => s.kind !== 'session' && s.events > 0);
    expect(withEvents.length).toBeGreaterThanOrEqual(2);
    expect(doc.focus.basis).toBe('reported');
    expect(doc.reported?.asEntered).toBeDefined();
    expect(doc.events.some((e) => e.marker === 'reported')).toBe(true);
    const app = doc.sources.find((s) => s.name.endsWith('xxsoftware.log'))!;
    expect(app.undated).toBe(0);
    expect(app.errors).toBeGreaterThan(0);
    expect(doc.sources.find((s) => s.name.endsWith('chromium.log'))!.formats.chromium).toBeGreaterThan(0);
    // The window's events include the app's errors, shown with the local offset.
    const err = doc.events.find((e) => e.level === 'error' && doc.sources[e.source]!.name.endsWith('xxsoftware.log'))!;
    expect(err.local).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \+08:00$/);
    expect(doc.clock).toMatchObject({ timeZone: 'Asia/Shanghai', utcOffset: '+08:00' });
    // The reported minute (entered in local time) is 8 minutes before the run, in UTC too.
    expect(Math.abs(Date.parse(doc.reported!.utc) - (Date.now() - 8 * 60_000))).toBeLessThan(15 * 60_000);
    expect(err.text).not.toContain(SECRET);
    expect(JSON.stringify(doc)).not.toContain(SECRET);
    expect(timelineHtml).not.toContain(SECRET);
    expect(err.text).toMatch(/password=<[A-Z-]+\d*>/);
  });

  it('renders offline in Chromium: the chart is first, it has a title and description, no request leaves the page; screenshots are saved', async () => {
    const { timelineFile, summaryFile } = archives.get(lang)!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url().slice(0, 60)));
    page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
    await page.goto(pathToFileURL(timelineFile).href, { waitUntil: 'load' });
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
    expect(problems).toEqual([]);
    expect(await page.evaluate(() => document.scripts.length)).toBe(0);
    const svg = page.locator('svg.strip').first();
    expect((await svg.boundingBox())!.y).toBeLessThan(400);
    expect(await svg.locator('title').first().textContent()).toBeTruthy();
    expect(await svg.locator('desc').first().textContent()).toMatch(/\d/);
    expect(await svg.locator('rect.b-error').count()).toBeGreaterThan(0);
    expect(await svg.locator('line.focus').count()).toBe(1);
    // Below it, the day before the collection per hour.
    expect(await page.locator('svg.strip').count()).toBe(2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: join(OUT, `timeline-${lang}-desktop.png`) });
    await page.screenshot({ path: join(OUT, `timeline-${lang}-full.png`), fullPage: true });
    // The summary page: the strip chart right after the verdict, above the problem, with a link to the page.
    await page.goto(pathToFileURL(summaryFile).href, { waitUntil: 'load' });
    const top = async (sel: string) => (await page.locator(sel).first().boundingBox())!.y;
    expect(await top('#timeline-title')).toBeLessThan(await top('#problem-title'));
    expect(await top('#timeline-title')).toBeLessThan(400);
    expect(await page.locator(`a[href="${standardName('timeline', lang)}"]`).count()).toBe(1);
    await page.screenshot({ path: join(OUT, `summary-${lang}-desktop.png`) });
    // The summary page's strip chart alone, kept as a CI artefact (test-results/screens/).
    mkdirSync(SCREENS, { recursive: true });
    await page.locator('svg.strip').first().screenshot({ path: join(SCREENS, `summary-strip-chart-${lang}.png`) });
    await context.close();
  });

  it('has zero accessibility violations (axe-core, all rules), on the page and on the summary', async () => {
    const { timelineFile, summaryFile } = archives.get(lang)!;
    for (const file of [timelineFile, summaryFile]) {
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(pathToFileURL(file).href);
      await page.addScriptTag({ content: readFileSync(AXE, 'utf8') });
      const violations = await page.evaluate(async () => {
        const result = await (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document);
        return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(violations, file).toEqual([]);
      await context.close();
    }
  });

  it('is valid HTML and holds no script and no http(s) resource', async () => {
    const { timelineHtml, summaryFile } = archives.get(lang)!;
    for (const page of [timelineHtml, readFileSync(summaryFile, 'utf8')]) {
      const report = await new HtmlValidate({ extends: ['html-validate:recommended'] }).validateString(page);
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
      expect(page).not.toMatch(/<script/i);
      expect(page).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:|\/\/)/i);
    }
  });
});
