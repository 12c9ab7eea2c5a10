/**
 * 对比报告.html: the comparison as one self-contained page in the summary page's style (its CSS,
 * badges and escaping template; no scripts, no external resources, a CSP that forbids them).
 */
import type { CompareReport } from '../../../shared/compare.js';
import { formatDateTime } from '../../../shared/i18n/format.js';
import { translator, type Locale } from '../../../shared/i18n/translate.js';
import { STANDARD_NAMES } from '../../../shared/naming.js';
import { html, standalonePage, type SafeHtml } from '../report/html.js';
import { presentCompare, type PresentedSection, type RowLevel } from './present.js';

/** The report's file name in the archive language (对比报告.html / compare-report.html). */
export const COMPARE_REPORT_NAME: Record<Locale, string> = { 'zh-CN': '对比报告.html', en: 'compare-report.html' };

const ICON: Record<RowLevel, string> = { pass: '✓', warn: '!', fail: '✕', skipped: '–' };

function section(s: PresentedSection, lang: Locale): SafeHtml {
  const tr = translator(lang);
  const id = `s-${s.id}`;
  const body = s.rows.length
    ? html`<table class="checks">
<thead><tr><th scope="col" class="c-status">${tr.t('compare.col.change')}</th><th scope="col" class="c-check">${tr.t('compare.col.item')}</th><th scope="col">${tr.t('compare.before')}</th><th scope="col">${tr.t('compare.after')}</th></tr></thead>
<tbody>${s.rows.map(
        (r) => html`<tr class="row-${r.level}"><td><span class="badge ${r.level}"><span class="icon" aria-hidden="true">${ICON[r.level]}</span>${r.change}</span></td><th scope="row">${r.item}</th><td>${r.before ?? ''}</td><td>${r.after ?? ''}</td></tr>`,
      )}</tbody>
</table>`
    : html`<p class="muted">${tr.t('compare.noChanges')}</p>`;
  return html`<section class="card" aria-labelledby="${id}">
<h2 id="${id}">${s.title}</h2>
${body}
${s.notes.map((n) => html`<p class="muted">${n}</p>`)}
</section>`;
}

export function renderCompareHtml(report: CompareReport, lang: Locale): string {
  const tr = translator(lang);
  const p = presentCompare(report, lang);
  const ticket = report.after.ticket ?? report.before.ticket ?? '';
  const when = (iso?: string) => (iso ? formatDateTime(iso, lang) : '');
  const after = report.after.name === 'live' ? tr.t('compare.live') : report.after.name;
  const body = html`<header class="masthead">
<div class="wrap">
<p class="eyebrow">${tr.t('compare.eyebrow')}</p>
<h1>【技术支持】${ticket}</h1>
<p class="meta"><span>${tr.t('compare.before')}: ${report.before.name} · ${when(report.before.collectedAt)}</span><span>${tr.t('compare.after')}: ${after} · ${when(report.after.collectedAt)}</span></p>
</div>
</header>
<main class="wrap">
<section class="verdict v-${p.verdictLevel}" aria-labelledby="verdict-title">
<h2 id="verdict-title">${p.verdict}</h2>
${p.remarks.length ? html`<ul class="issues">${p.remarks.map((r) => html`<li>${r}</li>`)}</ul>` : ''}
</section>
${p.sections.map((s) => section(s, lang))}
</main>
<footer class="wrap foot"><p>${tr.t('compare.footer')}</p><p>diagcollect ${report.after.toolVersion ?? report.before.toolVersion ?? ''} · ${STANDARD_NAMES.manifest[lang]}</p></footer>`;
  return standalonePage({ lang, title: `${tr.t('compare.title')} · ${ticket}`, css: '', body, imgSrc: 'data:' });
}
