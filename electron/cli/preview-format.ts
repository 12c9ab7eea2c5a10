/**
 * `diagcollect collect --dry-run`: the preview as a readable table (no values, only placeholders).
 * Every figure and sample comes from the engine's preview (electron/engine/preview.ts); this only
 * renders it — redactions by localized type name (手机号, 邮箱, 密码 …) with their counts and, for
 * each sample, the entry and the redacted text around the placeholder.
 */
import { formatBytes as size } from '../../shared/figures.js';
import { translator, type Locale } from '../../shared/i18n/translate.js';
import type { CollectionPreview } from '../engine/preview.js';

export function formatPreview(p: CollectionPreview, options: { color?: boolean; columns?: number; locale?: Locale } = {}): string {
  const tr = translator(options.locale ?? 'en');
  const typeName = (rule: string) => p.redaction.types.find((t) => t.rule === rule)?.name[tr.locale] ?? rule;
  const dim = (s: string) => (options.color ? `\x1b[2m${s}\x1b[0m` : s);
  const width = Math.min(48, Math.max(4, ...p.items.map((i) => i.name.length)));
  const out = [`Dry run for ticket ${p.ticket}: nothing was written. The archive would be ${p.archiveName}`, ''];
  out.push(`${'ENTRY'.padEnd(width)}  ${'SIZE'.padStart(9)}  ${'KIND'.padEnd(6)}  ${'COLLECTOR'.padEnd(12)}  REDACTED`);
  for (const i of p.items) {
    const counts = Object.entries(i.redactions).map(([rule, n]) => `${n} ${typeName(rule)}`).join(', ');
    const kind = i.kind === 'binary' ? 'binary' : 'text';
    const flags = [i.generated ? 'generated at the end' : '', i.sensitive ? 'sensitive' : '', i.truncated ? 'truncated' : '', i.kind === 'binary' ? 'not redacted' : ''].filter(Boolean).join(', ');
    out.push(`${i.name.padEnd(width)}  ${size(i.size).padStart(9)}  ${kind.padEnd(6)}  ${i.collector.padEnd(12)}  ${counts || '-'}${flags ? ` (${flags})` : ''}`);
    out.push(dim(`${' '.repeat(2)}from ${i.source}`));
    for (const s of i.samples) out.push(dim(`${' '.repeat(2)}${typeName(s.rule)}: ${s.context}`));
  }
  out.push('', `Total: ${p.items.length} entries, ${size(p.totalBytes)} before compression`);
  if (!p.redaction.enabled) out.push(tr.t('preview.redactionOff'));
  else if (p.redaction.types.length === 0) out.push(tr.t('preview.nothingRedacted'));
  else {
    out.push(tr.t('preview.byType', { count: p.redaction.types.reduce((n, t) => n + t.count, 0) }));
    for (const t of p.redaction.types) {
      out.push(`  ${tr.t('preview.typeRow', { name: t.name[tr.locale], count: t.count })}`);
      for (const s of t.samples) out.push(dim(`    ${s.entry}: ${s.context}`));
    }
  }
  if (p.skipped.length) {
    out.push('', 'Would be skipped:');
    for (const s of p.skipped) out.push(`  ${s.collector}: ${s.source} — ${s.reason}`);
  }
  out.push('', 'Leave an entry out with --exclude-item <name>, a collector with --skip <id>.');
  return `${out.join('\n')}\n`;
}
