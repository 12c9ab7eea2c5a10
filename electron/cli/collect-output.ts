/**
 * What `diagcollect collect` prints when it is done, in the user's language: the archive, the
 * e-mail draft, what did not finish and why (reason codes through the catalogue), what was
 * redacted, and the leak check's findings.
 */
import { emailSubject } from '../../shared/naming.js';
import { reasonFor, type Translator } from '../../shared/i18n/translate.js';
import { formatSize } from '../../shared/i18n/format.js';
import type { LeakFinding } from '../../shared/reasons.js';
import type { CollectorRun, Manifest } from '../../shared/types.js';

/** Labels padded to one column (CJK counts two), so the values line up in both languages. */
function labelled(rows: Array<[string, string]>): string {
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const column = Math.max(...rows.filter(([l]) => l).map(([l]) => width(l))) + 2;
  return rows.map(([label, value]) => `${label}${' '.repeat(Math.max(1, column - width(label)))}${value}\n`).join('');
}

/** A collector run's reason in the user's language (the English `error` only in English, for codes it lacks). */
export function runReason(run: Pick<CollectorRun, 'status' | 'error' | 'reason'>, tr: Translator): string {
  return reasonFor(tr, run.reason, run.error, tr.t(`collectorStatus.${run.status}`));
}

export interface CollectSummary {
  archivePath: string;
  bytes: number;
  sha256: string;
  emailDraft: string;
  ticket: string;
  manifest: Manifest;
  /** Already formatted (upload-step), or empty. */
  upload?: string;
}

export function formatCollectSummary(s: CollectSummary, tr: Translator): string {
  const { manifest } = s;
  const rows: Array<[string, string]> = [
    [tr.t('cli.collect.archive'), tr.t('cli.collect.archiveFacts', { path: s.archivePath, size: formatSize(s.bytes, tr.locale), count: manifest.items.length })],
    [tr.t('cli.collect.sha256'), s.sha256],
    [tr.t('cli.collect.draft'), s.emailDraft],
    ['', tr.t('cli.collect.draftHint', { subject: emailSubject(s.ticket) })],
  ];
  const problems = manifest.collectors.filter((c) => c.status === 'error' || c.status === 'timeout');
  problems.forEach((p, i) => rows.push([i === 0 ? tr.t('cli.collect.incomplete') : '', `${p.id}: ${runReason(p, tr)}`]));
  const notRun = manifest.collectors.filter((c) => c.status === 'skipped');
  notRun.forEach((c, i) => rows.push([i === 0 ? tr.t('cli.collect.notTaken') : '', `${c.id} — ${runReason(c, tr)}`]));
  if (manifest.skipped.length) rows.push([tr.t('cli.collect.skipped'), tr.t('cli.collect.skippedSources', { count: manifest.skipped.length })]);
  const totals = Object.entries(manifest.redaction?.totals ?? {}).sort((a, b) => b[1] - a[1]);
  if (totals.length) rows.push([tr.t('cli.collect.redacted'), tr.t('cli.collect.redactedHint', { list: tr.list(totals.map(([rule, count]) => tr.t('cli.collect.ruleCount', { rule: ruleName(rule, tr), count }))) })]);
  const text = labelled(rows);
  // The upload line is formatted by upload-step; it goes after the draft, before the problems.
  if (!s.upload) return `\n${text}`;
  const lines = text.split('\n');
  return `\n${[...lines.slice(0, 4), s.upload.trimEnd(), ...lines.slice(4)].join('\n')}`;
}

/** A redaction rule's display name in the user's language (its id when the catalogue lacks it). */
export function ruleName(rule: string, tr: Translator): string {
  const key = `rule.${rule}`;
  return tr.has(key) ? tr.t(key) : rule;
}

/** The leak check's findings, and what happens because of them. */
export function formatLeaks(leaks: ReadonlyArray<Pick<LeakFinding, 'entry' | 'line' | 'masked'>>, outcome: 'blocked' | 'accepted' | 'check', tr: Translator): string {
  const lines = [`\ndiagcollect: ${tr.t('leak.found', { count: leaks.length })}`];
  for (const l of leaks.slice(0, 20)) lines.push(`  - ${tr.t('leak.finding', { entry: l.entry, line: l.line, masked: l.masked })}`);
  lines.push(`  ${tr.t(outcome === 'blocked' ? 'leak.blocked' : outcome === 'accepted' ? 'leak.accepted' : 'leak.checkFirst')}`);
  return `${lines.join('\n')}\n`;
}
