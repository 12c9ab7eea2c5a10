/**
 * Pieces of what `diagcollect collect` prints, in the user's language: aligned label columns,
 * reasons (codes through the catalogue), rule names, and the leak check's findings.
 */
import { notTakenLines, notTakenLineText, runReasonText, type NotTakenFacts } from '../../shared/i18n/collect-facts.js';
import type { Translator } from '../../shared/i18n/translate.js';
import type { LeakFinding } from '../../shared/reasons.js';
import type { CollectorRun } from '../../shared/types.js';

/** Labels padded to one column (CJK counts two), so the values line up in both languages. */
export function labelled(rows: Array<[string, string]>): string {
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const column = Math.max(...rows.filter(([l]) => l).map(([l]) => width(l))) + 2;
  return rows.map(([label, value]) => `${label}${' '.repeat(Math.max(1, column - width(label)))}${value}\n`).join('');
}

/** A collector run's reason in the user's language (the English `error` only in English, for codes it lacks). */
export function runReason(run: Pick<CollectorRun, 'status' | 'error' | 'reason'>, tr: Translator): string {
  return runReasonText(tr, run);
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

/**
 * How many skipped sources the summary lists; the rest are counted on one line that points to
 * manifest.json (a policy naming many missing paths would otherwise push the archive's name
 * off the screen).
 */
export const MAX_SKIPPED_SOURCE_LINES = 10;

/**
 * The summary's rows about what was not taken, from the engine's one account (report/not-collected.ts,
 * the app's Done screen renders the same lines, shared/i18n/collect-facts.ts): skipped collectors and
 * entries cut short one line each with their reason, then the sources skipped, one line each with
 * their reason, up to {@link MAX_SKIPPED_SOURCE_LINES} (the others counted, manifest.json has them
 * all). Collectors by `collectorName` (their title in the user's language; the id without one).
 */
export function notTakenRows(facts: NotTakenFacts, tr: Translator, collectorName?: (id: string) => string): Array<[string, string]> {
  const lines = notTakenLines(tr, facts, collectorName);
  const rows: Array<[string, string]> = lines.filter((l) => l.kind !== 'source').map((line, i) => [i === 0 ? tr.t('cli.collect.notTaken') : '', notTakenLineText(line)]);
  const sources = lines.filter((l) => l.kind === 'source');
  // "… and 1 more" would take the line the source itself needs.
  const shown = sources.length > MAX_SKIPPED_SOURCE_LINES + 1 ? sources.slice(0, MAX_SKIPPED_SOURCE_LINES) : sources;
  shown.forEach((line, i) => rows.push([i === 0 ? tr.t('cli.collect.skipped') : '', notTakenLineText(line)]));
  if (shown.length < sources.length) rows.push(['', tr.t('cli.collect.skippedMore', { count: sources.length - shown.length })]);
  return rows;
}
