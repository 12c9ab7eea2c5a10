/**
 * The 运行缓慢 resource sample on the summary page: four small inline-SVG charts (CPU, memory,
 * disk, network: one line per second, two lines where there are two directions) and the top
 * consumers — no scripts (the page's CSP allows none), every label through the catalogue, each
 * chart described in words (role="img" with its lowest, highest and average) for screen readers.
 */
import { formatDuration, formatSize } from '../../../shared/i18n/format.js';
import { translator } from '../../../shared/i18n/translate.js';
import type { ArchiveLanguage } from '../../../shared/naming.js';
import type { ResourceSample } from '../collectors/support/resource-sample-data.js';
import { html, type SafeHtml } from './html.js';

const W = 280;
const H = 64;

/** A polyline's points for values scaled into the chart (max at the top). */
export function polylinePoints(values: readonly number[], max: number): string {
  if (values.length === 0) return '';
  const step = values.length > 1 ? W / (values.length - 1) : 0;
  return values.map((v, i) => `${(i * step).toFixed(1)},${(H - (max > 0 ? Math.min(v, max) / max : 0) * (H - 4) - 2).toFixed(1)}`).join(' ');
}

interface Series {
  values: number[];
  cls: string;
}

function chart(id: string, title: string, series: Series[], max: number, fmt: (n: number) => string, lang: ArchiveLanguage): SafeHtml {
  const tr = translator(lang);
  const all = series.flatMap((s) => s.values);
  const avg = all.length ? all.reduce((a, b) => a + b, 0) / all.length : 0;
  const desc = tr.t('sample.range', { metric: title, min: fmt(Math.min(...all)), max: fmt(Math.max(...all)), avg: fmt(avg) });
  return html`<figure class="sample-chart">
<figcaption id="${id}-t">${title} <span class="sub-inline">${fmt(Math.max(...all))}</span></figcaption>
<svg role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${W} ${H}" preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg"><desc id="${id}-d">${desc}</desc><line class="grid" x1="0" y1="${H - 1}" x2="${W}" y2="${H - 1}"/>${series.map((s) => html`<polyline class="${s.cls}" points="${polylinePoints(s.values, max)}"/>`)}</svg>
</figure>`;
}

/** The sample section, or '' when there is no sample. */
export function renderSampleSection(sample: ResourceSample | undefined, lang: ArchiveLanguage): SafeHtml | '' {
  if (!sample || sample.points.length === 0) return '';
  const tr = translator(lang);
  const p = sample.points;
  const pct = (n: number) => `${Math.round(n)}%`;
  const rate = (n: number) => tr.t('sample.perSecond', { size: formatSize(Math.round(n), lang) });
  const peak = (xs: number[]) => Math.max(1, ...xs);
  const disk = [p.map((x) => x.diskReadBps), p.map((x) => x.diskWriteBps)];
  const net = [p.map((x) => x.netRxBps), p.map((x) => x.netTxBps)];
  const top = sample.processes.topCpu.slice(0, 5);
  return html`<section class="card" aria-labelledby="sample-title">
<h2 id="sample-title">${tr.t('sample.title')} <span class="tally">${tr.t('sample.caption', { duration: formatDuration(p.length * sample.intervalMs, lang), count: p.length })}</span></h2>
<div class="sample-grid">
${chart('s-cpu', tr.t('sample.cpu'), [{ values: p.map((x) => x.cpuPercent), cls: 'a' }], 100, pct, lang)}
${chart('s-mem', tr.t('sample.memory'), [{ values: p.map((x) => x.memUsedPercent), cls: 'a' }], 100, pct, lang)}
${chart('s-disk', tr.t('sample.disk'), [{ values: disk[0]!, cls: 'a' }, { values: disk[1]!, cls: 'b' }], peak([...disk[0]!, ...disk[1]!]), rate, lang)}
${chart('s-net', tr.t('sample.network'), [{ values: net[0]!, cls: 'a' }, { values: net[1]!, cls: 'b' }], peak([...net[0]!, ...net[1]!]), rate, lang)}
</div>
${top.length
    ? html`<table class="sample-top"><caption>${tr.t('sample.topCpu')}</caption><thead><tr><th scope="col">${tr.t('sample.process')}</th><th scope="col" class="num">${tr.t('sample.average')}</th><th scope="col" class="num">${tr.t('sample.peak')}</th></tr></thead><tbody>${top.map((x) => html`<tr><th scope="row" class="mono">${x.name}${x.pid ? ` [${x.pid}]` : ''}</th><td class="num">${pct(x.avgCpuPercent)}</td><td class="num">${pct(x.peakCpuPercent)}</td></tr>`)}</tbody></table>`
    : ''}
</section>`;
}

export const SAMPLE_CSS = `
.sample-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(220px,1fr));gap:12px;margin:8px 0}
.sample-chart{margin:0}
.sample-chart figcaption{font-size:13px;margin-bottom:4px}
.sample-chart svg{display:block;width:100%;height:64px;background:#f6f8fa;border-radius:4px}
.sample-chart polyline{fill:none;stroke-width:1.5;vector-effect:non-scaling-stroke}
.sample-chart .a{stroke:#0969da}.sample-chart .b{stroke:#bc4c00}
.sample-chart .grid{stroke:#d0d7de;stroke-width:1}
.sample-top caption{text-align:left;font-weight:600;margin:8px 0 4px}
@media (forced-colors:active){.sample-chart .a,.sample-chart .b{stroke:CanvasText}.sample-chart svg{background:Canvas}}
`;
