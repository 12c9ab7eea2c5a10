/**
 * The picture of the incident: a strip chart of events per minute per source for the ±30 minutes
 * around the reported time, as inline SVG (no scripts, no external resources). One row per source
 * (the busiest first, the rest folded into one row), a bar per minute whose height grows with the
 * count and whose colour is the worst level in it, a line at the reported time. Accessible: the
 * SVG has a title and a description that say what it shows, and a data table follows as its text
 * alternative.
 */
import { standardName, type ArchiveLanguage } from '../../../shared/naming.js';
import type { TimelineDocument, TimelineSource } from '../timeline/document.js';
import { translator } from '../../../shared/i18n/translate.js';
import { html, type SafeHtml } from './html.js';

const MAX_ROWS = 8;
/** Rows of the chart's data table: its cells are per minute and source, so as many as the sources (timeline.json has all). */
export const MAX_TABLE_ROWS = 200;
const W = 960;
const LABEL_W = 210;
const PLOT_X = LABEL_W + 8;
const PLOT_W = W - PLOT_X - 12;
const ROW_H = 28;
const TOP = 34;

export const CHART_TEXT: Record<ArchiveLanguage, Record<'title' | 'reported' | 'collectionStart' | 'focusCollection' | 'others' | 'table' | 'time' | 'source' | 'events' | 'errors' | 'warnings' | 'none' | 'legendError' | 'legendWarning' | 'legendInfo' | 'perMinute' | 'sectionTitle' | 'summaryLink' | 'stats' | 'windowEvents' | 'window' | 'undated' | 'markers' | 'checks' | 'logScale' | 'dayTitle' | 'hour' | 'dayNone' | 'perHour' | 'tableHour', string>> = {
  'zh-CN': {
    title: '发生时间前后 30 分钟的事件（每分钟、每个来源）', reported: '发生时间', collectionStart: '开始收集', focusCollection: '未填写发生时间，以开始收集的时间为中心',
    others: '其他来源', table: '图表数据（每分钟的事件数）', time: '时间', source: '来源', events: '事件', errors: '错误', warnings: '警告',
    none: '这段时间内各日志中没有事件。', legendError: '含错误', legendWarning: '含警告', legendInfo: '仅信息', perMinute: '每分钟事件数',
    sectionTitle: '事件时间线', summaryLink: '打开完整的事件时间线', stats: '行有时间', windowEvents: '个事件', window: '发生时间前后 30 分钟', undated: '无法识别时间的行', markers: '发生时间与收集', checks: '基础检查', logScale: '柱高为对数刻度',
    dayTitle: '收集前 24 小时的事件（每小时，所有来源）', hour: '小时', dayNone: '这 24 小时内没有有时间的事件。', perHour: '每小时事件数', tableHour: '图表数据（每小时的事件数）',
  },
  en: {
    title: 'Events in the 30 minutes before and after the reported time (per minute and source)', reported: 'Reported', collectionStart: 'Collection started', focusCollection: 'No time of occurrence was given: centred on the start of the collection',
    others: 'Other sources', table: 'Chart data (events per minute)', time: 'Time', source: 'Source', events: 'Events', errors: 'Errors', warnings: 'Warnings',
    none: 'No log events in this period.', legendError: 'with errors', legendWarning: 'with warnings', legendInfo: 'information only', perMinute: 'events per minute',
    sectionTitle: 'Incident timeline', summaryLink: 'Open the full incident timeline', stats: 'lines dated', windowEvents: 'events', window: '30 minutes before and after the reported time', undated: 'undated lines', markers: 'Reported time, collection', checks: 'Basic checks', logScale: 'bar height on a log scale',
    dayTitle: 'Events in the 24 hours before the collection (per hour, all sources)', hour: 'Hour', dayNone: 'No dated events in these 24 hours.', perHour: 'events per hour', tableHour: 'Chart data (events per hour)',
  },
};

interface Row {
  label: string;
  full: string;
  cells: Map<number, { events: number; errors: number; warnings: number }>;
  total: number;
}

/** `09:42` local time of the minute `index` of the window. */
function minuteLabel(doc: TimelineDocument, index: number): string {
  const d = new Date(Date.parse(doc.window.from.utc) + index * 60_000);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function shortName(s: TimelineSource, lang: ArchiveLanguage): string {
  if (s.kind === 'session') return CHART_TEXT[lang].markers;
  if (s.kind === 'checks') return CHART_TEXT[lang].checks;
  const base = s.name.split('/').pop() ?? s.name;
  const folder = s.name.includes('/') ? `${s.name.split('/')[0]}/` : '';
  const text = base.length + folder.length <= 30 ? `${folder}${base}` : base;
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}

/** The rows of the chart: sources with events in the window, busiest first, the rest folded. */
export function chartRows(doc: TimelineDocument, lang: ArchiveLanguage): Row[] {
  const bySource = new Map<number, Row>();
  for (const { minute, counts } of doc.window.perMinute) {
    for (const c of counts) {
      const s = doc.sources[c.source]!;
      let row = bySource.get(c.source);
      if (!row) bySource.set(c.source, (row = { label: shortName(s, lang), full: s.name, cells: new Map(), total: 0 }));
      row.cells.set(minute, { events: c.events, errors: c.errors, warnings: c.warnings });
      row.total += c.events;
    }
  }
  const rows = [...bySource.values()].sort((a, b) => b.total - a.total);
  if (rows.length <= MAX_ROWS) return rows;
  const kept = rows.slice(0, MAX_ROWS - 1);
  const rest = rows.slice(MAX_ROWS - 1);
  const other: Row = { label: `${CHART_TEXT[lang].others} (${rest.length})`, full: rest.map((r) => r.full).join(', '), cells: new Map(), total: 0 };
  for (const r of rest) {
    for (const [m, c] of r.cells) {
      const o = other.cells.get(m) ?? { events: 0, errors: 0, warnings: 0 };
      other.cells.set(m, { events: o.events + c.events, errors: o.errors + c.errors, warnings: o.warnings + c.warnings });
    }
    other.total += r.total;
  }
  return [...kept, other];
}

/** The chart as a figure: SVG with title and description, a legend, and the data table. */
export function renderStripChart(doc: TimelineDocument, lang: ArchiveLanguage, id: string): SafeHtml {
  const T = CHART_TEXT[lang];
  const rows = chartRows(doc, lang);
  const minutes = doc.window.minutes;
  const colW = PLOT_W / minutes;
  const height = TOP + Math.max(rows.length, 1) * ROW_H + 26;
  const max = Math.max(1, ...rows.flatMap((r) => [...r.cells.values()].map((c) => c.events)));
  const x = (m: number) => PLOT_X + m * colW;
  const focusIndex = Math.floor((Date.parse(doc.focus.utc) - Date.parse(doc.window.from.utc)) / 60_000);
  const startIndex = Math.floor((Date.parse(doc.collection.startedAt.utc) - Date.parse(doc.window.from.utc)) / 60_000);
  const errors = rows.reduce((n, r) => n + [...r.cells.values()].reduce((k, c) => k + c.errors, 0), 0);
  const warnings = rows.reduce((n, r) => n + [...r.cells.values()].reduce((k, c) => k + c.warnings, 0), 0);
  let peak = { events: 0, minute: 0, source: '' };
  for (const r of rows) for (const [m, c] of r.cells) if (c.events > peak.events) peak = { events: c.events, minute: m, source: r.full };
  const from = minuteLabel(doc, 0);
  const to = minuteLabel(doc, minutes - 1);
  const zone = `UTC${doc.clock.utcOffset}`;
  const desc =
    lang === 'zh-CN'
      ? `${from} 至 ${to}（${zone}）每分钟的日志事件，${rows.length} 个来源，共 ${doc.window.events} 个事件，其中错误 ${errors} 个、警告 ${warnings} 个。${T.reported} ${minuteLabel(doc, focusIndex)} 处有一条竖线。${peak.events ? `最多的一分钟是 ${minuteLabel(doc, peak.minute)}：${peak.source} 有 ${peak.events} 个事件。` : ''}`
      : `Log events per minute from ${from} to ${to} (${zone}) in ${rows.length} source(s): ${doc.window.events} events, ${errors} errors, ${warnings} warnings. A vertical line marks ${minuteLabel(doc, focusIndex)}. ${peak.events ? `The busiest minute is ${minuteLabel(doc, peak.minute)}: ${peak.events} events in ${peak.source}.` : ''}`;

  const ticks: SafeHtml[] = [];
  for (let m = 0; m < minutes; m += 10) {
    ticks.push(html`<line class="tick" x1="${x(m).toFixed(1)}" x2="${x(m).toFixed(1)}" y1="${TOP - 6}" y2="${TOP + rows.length * ROW_H}"/><text class="axis" x="${x(m).toFixed(1)}" y="${TOP - 10}" text-anchor="middle">${minuteLabel(doc, m)}</text>`);
  }
  const bars: SafeHtml[] = [];
  rows.forEach((r, i) => {
    const y0 = TOP + i * ROW_H;
    bars.push(html`<rect class="band${i % 2 ? ' odd' : ''}" x="${PLOT_X}" y="${y0}" width="${PLOT_W}" height="${ROW_H}"/><text class="label" x="${LABEL_W}" y="${y0 + ROW_H / 2 + 4}" text-anchor="end"><title>${r.full}</title>${r.label}</text>`);
    for (const [m, c] of r.cells) {
      // Log scale: one event still shows, a burst of hundreds does not flatten the rest.
      const h = 4 + (ROW_H - 8) * (Math.log1p(c.events) / Math.log1p(max));
      const cls = c.errors ? 'b-error' : c.warnings ? 'b-warning' : 'b-info';
      bars.push(html`<rect class="${cls}" x="${(x(m) + 1).toFixed(1)}" y="${(y0 + ROW_H - 2 - h).toFixed(1)}" width="${Math.max(1, colW - 2).toFixed(1)}" height="${h.toFixed(1)}"><title>${minuteLabel(doc, m)} · ${r.full}: ${c.events} ${T.events}${c.errors ? `, ${c.errors} ${T.errors}` : ''}${c.warnings ? `, ${c.warnings} ${T.warnings}` : ''}</title></rect>`);
    }
  });
  const bottom = TOP + Math.max(rows.length, 1) * ROW_H;
  const marker = (index: number, cls: string, label: string, anchorEnd: boolean) =>
    index >= 0 && index < minutes
      ? html`<line class="${cls}" x1="${(x(index) + colW / 2).toFixed(1)}" x2="${(x(index) + colW / 2).toFixed(1)}" y1="${TOP - 4}" y2="${bottom + 4}"/><text class="${cls}-label" x="${(x(index) + colW / 2 + (anchorEnd ? -4 : 4)).toFixed(1)}" y="${bottom + 18}" text-anchor="${anchorEnd ? 'end' : 'start'}">${label} ${minuteLabel(doc, index)}</text>`
      : '';
  const focusLabel = doc.focus.basis === 'reported' ? T.reported : T.collectionStart;
  const svg = html`<svg class="strip" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${W} ${height}" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${T.title}</title>
<desc id="${id}-desc">${desc}</desc>
${ticks}
${bars}
${rows.length === 0 ? html`<text class="axis" x="${PLOT_X + PLOT_W / 2}" y="${TOP + ROW_H / 2 + 4}" text-anchor="middle">${T.none}</text>` : ''}
${doc.focus.basis === 'reported' && startIndex !== focusIndex ? marker(startIndex, 'start', T.collectionStart, startIndex > focusIndex ? false : true) : ''}
${marker(focusIndex, 'focus', focusLabel, true)}
</svg>`;

  const tableRows: SafeHtml[] = [];
  let cells = 0;
  for (const { minute, counts } of doc.window.perMinute) {
    for (const c of counts) {
      // A minute in which thousands of small logs wrote is thousands of cells: the rest stay in timeline.json.
      if ((cells += 1) > MAX_TABLE_ROWS) continue;
      tableRows.push(html`<tr><td class="mono">${minuteLabel(doc, minute)}</td><th scope="row" class="mono">${doc.sources[c.source]!.name}</th><td class="num">${c.events}</td><td class="num">${c.errors || ''}</td><td class="num">${c.warnings || ''}</td></tr>`);
    }
  }
  return html`<figure class="timeline-chart">
${svg}
<figcaption><span class="legend"><span class="swatch b-error" aria-hidden="true"></span>${T.legendError}</span><span class="legend"><span class="swatch b-warning" aria-hidden="true"></span>${T.legendWarning}</span><span class="legend"><span class="swatch b-info" aria-hidden="true"></span>${T.legendInfo}</span><span class="legend">${T.perMinute} · ${T.logScale} · ${zone}</span>${doc.focus.basis === 'collection' ? html`<span class="legend">${T.focusCollection}</span>` : ''}</figcaption>
</figure>
${tableRows.length
    ? html`<details class="chart-data"><summary>${T.table}</summary><table><thead><tr><th scope="col">${T.time}</th><th scope="col">${T.source}</th><th scope="col" class="num">${T.events}</th><th scope="col" class="num">${T.errors}</th><th scope="col" class="num">${T.warnings}</th></tr></thead><tbody>${tableRows}${moreRowsRow(cells - tableRows.length, 5, standardName('timelineJson', lang), lang)}</tbody></table></details>`
    : ''}`;
}

/** The row that says how many rows a capped table leaves to a data file. */
export function moreRowsRow(left: number, columns: number, file: string, lang: ArchiveLanguage): SafeHtml | '' {
  return left > 0 ? html`<tr class="more"><td colspan="${columns}" class="muted">${translator(lang).t('report.moreRows', { count: left, file })}</td></tr>` : '';
}

export const percent = (share: number) => `${(Math.floor(share * 1000) / 10).toFixed(1)} %`;

/** The short section the summary page shows near the top: the chart and a link to the page. */
export function renderTimelineSection(doc: TimelineDocument, lang: ArchiveLanguage): SafeHtml {
  const T = CHART_TEXT[lang];
  const notable = doc.events.filter((e) => !e.marker && e.level !== 'info').length;
  return html`<section class="card" aria-labelledby="timeline-title">
<h2 id="timeline-title">${T.sectionTitle}: ${T.window} <span class="tally">${doc.window.events} ${T.windowEvents} · ${T.errors}/${T.warnings} ${notable}</span></h2>
${renderStripChart(doc, lang, 'summary-strip')}
<p class="tl-stats"><a href="${standardName('timeline', lang)}">${T.summaryLink} (${standardName('timeline', lang)})</a> · ${doc.totals.dated + doc.totals.continuation} / ${doc.totals.lines} ${T.stats} (${percent(doc.totals.datedShare)}) · ${T.undated}: ${doc.totals.undated}</p>
</section>`;
}

const HOURS = 24;

/** `09:00` local time of an hour. */
function hourLabel(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * The day before the collection at a glance: events per hour over all sources, the colour the
 * worst level in the hour, the reported hour marked — so errors outside the ±30 minutes show too.
 */
export function renderDayOverview(doc: TimelineDocument, lang: ArchiveLanguage, id: string): SafeHtml {
  const T = CHART_TEXT[lang];
  const end = Math.floor(Date.parse(doc.collection.finishedAt.utc) / 3_600_000) * 3_600_000;
  const start = end - (HOURS - 1) * 3_600_000;
  const cells = new Map<number, { events: number; errors: number; warnings: number }>();
  for (const row of doc.perHour) {
    const h = Date.parse(row.hour);
    if (h < start || h > end) continue;
    const index = (h - start) / 3_600_000;
    const cell = { events: 0, errors: 0, warnings: 0 };
    for (const c of row.counts) {
      if (doc.sources[c.source]?.kind === 'session') continue;
      cell.events += c.events;
      cell.errors += c.errors;
      cell.warnings += c.warnings;
    }
    if (cell.events > 0) cells.set(index, cell);
  }
  const height = 92;
  const colW = PLOT_W / HOURS;
  const max = Math.max(1, ...[...cells.values()].map((c) => c.events));
  const total = [...cells.values()].reduce((n, c) => n + c.events, 0);
  const errors = [...cells.values()].reduce((n, c) => n + c.errors, 0);
  const zone = `UTC${doc.clock.utcOffset}`;
  const desc =
    lang === 'zh-CN'
      ? `${hourLabel(start)} 至 ${hourLabel(end + 3_600_000)}（${zone}）每小时的日志事件，共 ${total} 个，其中错误 ${errors} 个。`
      : `Log events per hour from ${hourLabel(start)} to ${hourLabel(end + 3_600_000)} (${zone}): ${total} events, ${errors} errors.`;
  const bars: SafeHtml[] = [];
  for (const [i, c] of cells) {
    const h = 4 + 44 * (Math.log1p(c.events) / Math.log1p(max));
    const cls = c.errors ? 'b-error' : c.warnings ? 'b-warning' : 'b-info';
    bars.push(html`<rect class="${cls}" x="${(PLOT_X + i * colW + 2).toFixed(1)}" y="${(70 - h).toFixed(1)}" width="${(colW - 4).toFixed(1)}" height="${h.toFixed(1)}"><title>${hourLabel(start + i * 3_600_000)} · ${c.events} ${T.events}${c.errors ? `, ${c.errors} ${T.errors}` : ''}${c.warnings ? `, ${c.warnings} ${T.warnings}` : ''}</title></rect>`);
  }
  const ticks: SafeHtml[] = [];
  for (let i = 0; i < HOURS; i += 3) ticks.push(html`<text class="axis" x="${(PLOT_X + i * colW).toFixed(1)}" y="86">${hourLabel(start + i * 3_600_000)}</text>`);
  const focus = Date.parse(doc.focus.utc);
  const fi = (focus - start) / 3_600_000;
  const focusLine =
    fi >= 0 && fi < HOURS
      ? html`<line class="focus" x1="${(PLOT_X + fi * colW).toFixed(1)}" x2="${(PLOT_X + fi * colW).toFixed(1)}" y1="14" y2="72"/>`
      : '';
  const rows = [...cells.entries()].sort((a, b) => a[0] - b[0]);
  return html`<figure class="timeline-chart">
<svg class="strip" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${W} ${height}" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">
<title id="${id}-title">${T.dayTitle}</title>
<desc id="${id}-desc">${desc}</desc>
<rect class="band" x="${PLOT_X}" y="20" width="${PLOT_W}" height="52"/>
<text class="label" x="${LABEL_W}" y="50" text-anchor="end">${T.perHour}</text>
${bars}
${ticks}
${focusLine}
${cells.size === 0 ? html`<text class="axis" x="${PLOT_X + PLOT_W / 2}" y="50" text-anchor="middle">${T.dayNone}</text>` : ''}
</svg>
</figure>
${rows.length
    ? html`<details class="chart-data"><summary>${T.tableHour}</summary><table><thead><tr><th scope="col">${T.hour}</th><th scope="col" class="num">${T.events}</th><th scope="col" class="num">${T.errors}</th><th scope="col" class="num">${T.warnings}</th></tr></thead><tbody>${rows.map(([i, c]) => html`<tr><th scope="row" class="mono">${hourLabel(start + i * 3_600_000)}</th><td class="num">${c.events}</td><td class="num">${c.errors || ''}</td><td class="num">${c.warnings || ''}</td></tr>`)}</tbody></table></details>`
    : ''}`;
}

/** CSS for the chart, added to the summary page's. */
export const CHART_CSS = `
.timeline-chart{margin:0}
.strip{display:block;width:100%;height:auto;font:12px/1 -apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC","Noto Sans",sans-serif}
.strip .band{fill:#f6f8fa}.strip .band.odd{fill:#eef1f4}
.strip .label{fill:#1f2328;font-size:12px}
.strip .axis{fill:#59636e;font-size:11px}
.strip .tick{stroke:#d1d9e0;stroke-width:1}
.strip .b-error,.swatch.b-error{fill:#cf222e;background:#cf222e}
.strip .b-warning,.swatch.b-warning{fill:#d4a72c;background:#d4a72c}
.strip .b-info,.swatch.b-info{fill:#2f81f7;background:#2f81f7}
.strip .focus{stroke:#0b2545;stroke-width:2;stroke-dasharray:5 3}
.strip .focus-label{fill:#0b2545;font-weight:700;font-size:12px}
.strip .start{stroke:#8250df;stroke-width:1.5;stroke-dasharray:2 3}
.strip .start-label{fill:#8250df;font-size:11px}
.timeline-chart figcaption{display:flex;flex-wrap:wrap;gap:4px 16px}
.legend{display:inline-flex;align-items:center;gap:5px}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.chart-data{margin-top:8px}.chart-data summary{cursor:pointer;color:var(--accent)}
.chart-data table{max-width:720px}
.tl-stats{margin:8px 0 0;color:var(--muted)}
`;
