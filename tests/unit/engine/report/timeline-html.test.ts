import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cm } from '../../../../shared/check-messages.js';
import { checkResult } from '../../../helpers/check-result.js';
import { reportEntries } from '../../../../electron/engine/report/report-entries.js';
import { chartRows } from '../../../../electron/engine/report/timeline-chart.js';
import { pageEvents, renderTimelineHtml } from '../../../../electron/engine/report/timeline-html.js';
import { clearLocalTimeCache } from '../../../../electron/engine/timeline/stamps.js';
import { TimelineTap } from '../../../../electron/engine/timeline/tap.js';
import type { TimelineDocument } from '../../../../electron/engine/timeline/document.js';
import type { Manifest } from '../../../../shared/types.js';

const ORIGINAL_TZ = process.env.TZ;
// Before the documents below are built (at collection time).
process.env.TZ = 'Asia/Shanghai';
clearLocalTimeCache();
beforeAll(() => expect(process.env.TZ).toBe('Asia/Shanghai'));
afterAll(() => {
  process.env.TZ = ORIGINAL_TZ ?? 'UTC';
  clearLocalTimeCache();
});

/** 12:00 local: the collection (and the checks) two hours after the reported 09:40. */
const startedAt = new Date('2024-01-15T04:00:00Z');

async function timeline(lines: Record<string, string>, occurredAt = '2024-01-15 09:40'): Promise<TimelineDocument> {
  const tap = new TimelineTap({ collectors: [{ id: 'app-logs', category: 'app-logs' }], occurredAt, startedAt });
  for (const [name, text] of Object.entries(lines)) await tap.buffer({ name, collector: 'app-logs', kind: 'text' }, Buffer.from(text));
  return tap.finish({
    ticket: '12345',
    host: 'pc-01',
    lang: 'zh-CN',
    startedAt,
    finishedAt: new Date(startedAt.getTime() + 9000),
    checks: [checkResult({ id: 'dns', group: 'network', title: cm('title.dns'), status: 'fail', detail: cm('dns.nxdomain', { name: 'portal.corp.test' }), advice: [], durationMs: 5 })],
    checksFinishedAt: new Date(startedAt.getTime() + 5000),
  });
}

describe('timeline page', () => {
  let doc: TimelineDocument;
  beforeAll(async () => {
    doc = await timeline({
    '软件日志/app.log': '2024-01-15 09:38:52,117 ERROR sync failed <script>alert(1)</script>\n2024-01-15 09:39:10,000 WARN retry "quoted" & more\n2024-01-15 09:41:00,000 INFO ok\nno date here\n',
    '软件日志/other.log': '2024-01-15 09:10:00 INFO far before\n2024-01-15 08:00:00 ERROR long before\n',
    });
  });

  it('escapes every log line, holds no script, and names both chart title and description', () => {
    const page = renderTimelineHtml(doc, 'zh-CN');
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('retry &quot;quoted&quot; &amp; more');
    expect(page).toMatch(/<svg class="strip" role="img" aria-labelledby="strip-title strip-desc"/);
    expect(page).toMatch(/<title id="strip-title">发生时间前后 30 分钟的事件/);
    expect(page).toMatch(/<desc id="strip-desc">09:10 至 10:10（UTC\+08:00）每分钟的日志事件/);
    // The error and the warning stand out; the undated line is counted and shown as an example.
    expect(page).toMatch(/<tr class="row-fail">.*sync failed/);
    expect(page).toMatch(/<tr class="row-warn">.*retry/);
    expect(page).toContain('no date here');
    expect(page).toContain('2024-01-15 09:38:52.117 +08:00');
    // The day before the collection, per hour: the error at 08:00 shows there, outside the window.
    expect(page).toMatch(/<svg class="strip" role="img" aria-labelledby="day-chart-title day-chart-desc"/);
    expect(page).toMatch(/<rect class="b-error"[^>]*><title>08:00 · 1 事件, 1 错误<\/title>/);
  });

  it('the window holds the app log, the checks and the reported time; the error long before is listed outside it', () => {
    // 09:38:52, 09:39:10, 09:41:00, other.log's 09:10:00 (the window's first minute), the reported time.
    expect(doc.window.events).toBe(5);
    expect(doc.notableOutside.map((e) => e.text)).toEqual(['2024-01-15 08:00:00 ERROR long before', '开始收集诊断信息', 'DNS 解析: portal.corp.test：名称不存在（NXDOMAIN）', '收集完成']);
    expect(chartRows(doc, 'zh-CN').map((r) => r.label)).toEqual(['软件日志/app.log', '软件日志/other.log', '发生时间与收集']);
    expect(doc.sources.find((s) => s.name === '软件日志/app.log')).toMatchObject({ lines: 4, dated: 3, undated: 1 });
  });

  it('the page lists milestones and errors first when there are more events than it shows', async () => {
    const many = Array.from({ length: 600 }, (_, i) => `2024-01-15 09:${String(10 + Math.floor(i / 20)).padStart(2, '0')}:${String((i * 3) % 60).padStart(2, '0')} ${i === 599 ? 'ERROR last' : 'INFO n'}`).join('\n');
    const big = await timeline({ 'big.log': `${many}\n` });
    const listed = pageEvents(big, 100);
    expect(listed.length).toBe(100);
    expect(listed.some((e) => e.marker === 'reported')).toBe(true);
    expect(listed.some((e) => e.text.includes('ERROR last'))).toBe(true);
  });

  it('report entries: timeline.json and 事件时间线.html before the summary, whose chart comes right after the verdict', () => {
    const manifest = {
      format: 'diagcollect-manifest/1', tool: { name: 'diagcollect', version: '0.1.0' }, ticket: '12345', archiveLanguage: 'zh-CN', host: 'pc-01',
      os: { platform: 'linux', release: '6', arch: 'x64' }, startedAt: startedAt.toISOString(), finishedAt: startedAt.toISOString(), since: startedAt.toISOString(),
      intake: { name: '', contact: '', department: '', productName: '', productModel: '', productVersion: '', problemDescription: 'x', occurredAt: '2024-01-15 09:40', priority: '中', stepsToReproduce: '', solutionsTried: '' },
      collectors: [], items: [], skipped: [],
    } satisfies Manifest;
    const entries = reportEntries({ manifest, checks: [], checksStartedAt: startedAt, checksFinishedAt: startedAt, entries: [], lang: 'zh-CN', timeline: doc });
    expect(entries.map((e) => e.name)).toEqual(['checks.json', 'timeline.json', '事件时间线.html', '诊断摘要.html']);
    expect(JSON.parse(entries[1]!.data.toString()).format).toBe('diagcollect-timeline/1');
    const summary = entries[3]!.data.toString();
    expect(summary.indexOf('id="timeline-title"')).toBeGreaterThan(summary.indexOf('id="verdict-title"'));
    expect(summary.indexOf('id="timeline-title"')).toBeLessThan(summary.indexOf('id="problem-title"'));
    expect(summary).toContain('<a href="事件时间线.html">');
    expect(summary).not.toMatch(/<script/i);
    expect(reportEntries({ manifest, checks: [], checksStartedAt: startedAt, checksFinishedAt: startedAt, entries: [], lang: 'zh-CN' }).map((e) => e.name)).toEqual(['checks.json', '诊断摘要.html']);
  });
});

describe('timeline page of a folder of many small logs', () => {
  it('lists at most 200 sources (those with errors first) and 200 chart-table rows, and names how many more timeline.json holds', async () => {
    const logs: Record<string, string> = {};
    for (let i = 0; i < 1000; i += 1) logs[`软件日志/f-${i}.log`] = `2024-01-15 09:40:${String(i % 60).padStart(2, '0')} INFO worker ${i} ok\n`;
    logs['软件日志/f-999.log'] = '2024-01-15 09:41:00 ERROR worker 999 failed\n';
    const doc = await timeline(logs);
    expect(doc.sources.filter((s) => s.kind === 'app-logs')).toHaveLength(1000);
    const page = renderTimelineHtml(doc, 'zh-CN');
    const sourcesTable = page.slice(page.indexOf('<table class="sources">'), page.indexOf('</table>', page.indexOf('<table class="sources">')));
    expect(sourcesTable.match(/<tr class="row-warn">|<tr>/g)!.length - 1).toBe(200); // minus the header row
    expect(sourcesTable).toContain('软件日志/f-999.log');
    expect(sourcesTable).toContain(`…另有 ${doc.sources.length - 200} 行未列出，见 timeline.json`);
    const chartTable = page.slice(page.indexOf('<details class="chart-data">'), page.indexOf('</details>'));
    expect(chartTable.match(/<tr><td class="mono">/g)).toHaveLength(200);
    expect(chartTable).toMatch(/…另有 \d+ 行未列出，见 timeline\.json/);
    expect(renderTimelineHtml(doc, 'en')).toContain(`… and ${(doc.sources.length - 200).toLocaleString('en')} more rows, see timeline.json`);
    // The data file keeps every source.
    const [, json] = reportEntries({ manifest: { format: 'diagcollect-manifest/1', tool: { name: 'diagcollect', version: '0.1.0' }, ticket: '12345', archiveLanguage: 'zh-CN', host: 'pc-01', os: { platform: 'linux', release: '6', arch: 'x64' }, startedAt: startedAt.toISOString(), finishedAt: startedAt.toISOString(), since: startedAt.toISOString(), intake: { name: '', contact: '', department: '', productName: '', productModel: '', productVersion: '', problemDescription: '', occurredAt: '2024-01-15 09:40', priority: '中', stepsToReproduce: '', solutionsTried: '' }, collectors: [], items: [], skipped: [] }, checks: [], checksStartedAt: startedAt, checksFinishedAt: startedAt, entries: [], lang: 'zh-CN', timeline: doc });
    expect((JSON.parse(json!.data.toString()) as TimelineDocument).sources).toHaveLength(doc.sources.length);
  }, 60_000);
});
