/**
 * What 复制详情 / Copy details copies: a plain-text summary for a chat with support, in the UI
 * language, with every fact the Done screen shows — rendered from the engine's result (the same
 * shared formatters as the screen and the CLI), never recomputed here.
 */
import type { CollectionResult, UiLocale, UploadStatus } from '../../../shared/api.js';
import { formatDateTime } from '../../../shared/i18n/format.js';
import { existingFilesText, intakeCleanedText, mendedText, notTakenText, pick, policyText, reasonText, redactedText, ticketTitleText, uploadProblemText, type Dictionary } from '../i18n.js';
import { notTakenLineText } from '../../../shared/i18n/collect-facts.js';
import { formatBytes } from './format.js';
import type { ProgressRow } from './progress.js';

export function detailsText(t: Dictionary, locale: UiLocale, r: CollectionResult | undefined, rows: readonly ProgressRow[], upload: UploadStatus): string {
  if (!r) return '';
  const d = t.details;
  const problem = upload.error && upload.state !== 'done' ? ` (${uploadProblemText(upload.error, upload.targetName, r.ticket, locale)}; ${upload.error.message})` : '';
  const lines = [
    r.emailSubject,
    `${d.ticket}: ${r.ticket}`,
    ...(r.ticketCheck ? [`${d.ticketTitle}: ${ticketTitleText(r.ticket, r.ticketCheck, locale)}`] : []),
    `${d.archive}: ${r.archiveName} (${formatBytes(r.bytes)})`,
    `${d.sha256}: ${r.sha256}`,
    `${d.location}: ${r.archivePath}`,
    `${d.collected}: ${formatDateTime(r.startedAt, locale)}`,
    `${d.upload}: ${t.uploadStateWord[upload.state]}${problem}`,
  ];
  const label = (text: string) => text.trim().replace(/[:：]$/, '');
  const list = (title: string, items: readonly string[]) => (items.length > 0 ? [`${title}:`, ...items.map((i) => `  - ${i}`)] : []);
  if (r.redaction) lines.push(`${label(t.done.redactedLabel)}: ${redactedText(r.redaction, locale)}`);
  if (r.mended && r.mended.length > 0) {
    const mended = mendedText(r.mended, locale);
    lines.push(`${label(mended.label)}: ${mended.text}`);
  }
  if (r.intakeCleaned && r.intakeCleaned.length > 0) lines.push(`${label(t.done.cleanedLabel)}: ${intakeCleanedText(r.intakeCleaned, locale)}`);
  if (r.leakCheck) {
    const leak = r.leakCheck;
    lines.push(`${d.leaks}: ${leak.state === 'incomplete' ? t.done.leaksIncomplete : t.done.leaksFound({ count: leak.leaks.length })}`);
    lines.push(...leak.leaks.slice(0, 10).map((l) => `  - ${t.upload.leakAt({ entry: l.entry, line: l.line, masked: l.masked })}`));
    if (leak.notMended) lines.push(`  ${t.done.notMended({ code: leak.notMended.code, entry: leak.notMended.entry ?? '' })}${leak.notMended.error ? ` (${leak.notMended.error})` : ''}`);
  }
  for (const p of r.afterPublish ?? []) {
    lines.push(`${d.afterPublish}: ${t.done.afterPublish({ step: p.step, target: p.target, cause: p.cause })}`);
    lines.push(`  ${t.done.afterPublishFiles({ existing: existingFilesText(p.existing, locale) })}`);
  }
  const titles = new Map(rows.map((row) => [row.id, pick(row.title, locale)]));
  const failed = rows.filter((row) => row.status === 'error' || row.status === 'timeout');
  lines.push(...list(t.notCompleted, failed.map((row) => `${pick(row.title, locale)} — ${t.rowStatus[row.status]}${row.detail || row.detailCode ? `: ${reasonText({ detail: row.detail, detailCode: row.detailCode }, locale)}` : ''}`)));
  if (r.notTaken) lines.push(...list(d.notTaken, notTakenText(r.notTaken, (id) => titles.get(id) ?? id, locale).map(notTakenLineText)));
  lines.push(...list(d.policy, (r.policyProblems ?? []).map((p) => policyText(p, locale))));
  return lines.join('\n');
}
