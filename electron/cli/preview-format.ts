/** `diagcollect collect --dry-run`: the preview as a readable table (no values, only placeholders). */
import { formatBytes as size } from '../../shared/figures.js';
import type { CollectionPreview } from '../engine/preview.js';

export function formatPreview(p: CollectionPreview, options: { color?: boolean; columns?: number } = {}): string {
  const dim = (s: string) => (options.color ? `\x1b[2m${s}\x1b[0m` : s);
  const width = Math.min(48, Math.max(4, ...p.items.map((i) => i.name.length)));
  const out = [`Dry run for ticket ${p.ticket}: nothing was written. The archive would be ${p.archiveName}`, ''];
  out.push(`${'ENTRY'.padEnd(width)}  ${'SIZE'.padStart(9)}  ${'KIND'.padEnd(6)}  ${'COLLECTOR'.padEnd(12)}  REDACTED`);
  for (const i of p.items) {
    const counts = Object.entries(i.redactions).map(([rule, n]) => `${n} ${rule}`).join(', ');
    const kind = i.kind === 'binary' ? 'binary' : 'text';
    const flags = [i.generated ? 'generated at the end' : '', i.sensitive ? 'sensitive' : '', i.truncated ? 'truncated' : '', i.kind === 'binary' ? 'not redacted' : ''].filter(Boolean).join(', ');
    out.push(`${i.name.padEnd(width)}  ${size(i.size).padStart(9)}  ${kind.padEnd(6)}  ${i.collector.padEnd(12)}  ${counts || '-'}${flags ? ` (${flags})` : ''}`);
    out.push(dim(`${' '.repeat(2)}from ${i.source}`));
    for (const s of i.samples) out.push(dim(`${' '.repeat(2)}${s.rule}: ${s.context}`));
  }
  out.push('', `Total: ${p.items.length} entries, ${size(p.totalBytes)} before compression`);
  const totals = Object.entries(p.redaction.totals).sort((a, b) => b[1] - a[1]);
  out.push(p.redaction.enabled ? `Redacted: ${totals.length ? totals.map(([rule, n]) => `${n} ${rule}`).join(', ') : 'nothing found'}` : 'Redaction is off');
  if (p.skipped.length) {
    out.push('', 'Would be skipped:');
    for (const s of p.skipped) out.push(`  ${s.collector}: ${s.source} — ${s.reason}`);
  }
  out.push('', 'Leave an entry out with --exclude-item <name>, a collector with --skip <id>.');
  return `${out.join('\n')}\n`;
}
