/** The comparison as terminal text: heading, verdict, then each section that has changes. */
import type { CompareReport } from '../../../shared/compare.js';
import type { Locale } from '../../../shared/i18n/translate.js';
import { translator } from '../../../shared/i18n/translate.js';
import { presentCompare } from './present.js';

export function renderCompareText(report: CompareReport, lang: Locale): string {
  const tr = translator(lang);
  const p = presentCompare(report, lang);
  let out = `${p.heading}\n\n${p.verdict}\n`;
  for (const r of p.remarks) out += `  · ${r}\n`;
  for (const s of p.sections) {
    out += `\n${s.title}\n`;
    if (s.rows.length === 0) out += `  ${tr.t('compare.noChanges')}\n`;
    for (const r of s.rows) {
      const values = r.before !== undefined && r.after !== undefined ? `${r.before} → ${r.after}` : (r.after ?? r.before ?? '');
      out += `  [${r.change}] ${r.item}: ${values}\n`;
    }
    for (const n of s.notes) out += `  ${n}\n`;
  }
  return out;
}
