/**
 * What a collection tells the user afterwards, in the reader's language, for every front end: the
 * CLI's summary lines and the desktop app's Done screen (and its "Copy details") render the
 * engine's facts here, from the one catalogue, so both say the same thing in the same words.
 *   - the ticket pre-check: the ticket's title as the ticket system reported it;
 *   - what was not taken: skipped collectors and sources with their reason codes, entries cut short;
 *   - policy problems: a bad key left out, or locked to its safe value, and by which source.
 */
import type { PolicyLine } from '../input-errors.js';
import type { Reason } from '../reasons.js';
import type { CollectorStatus } from '../types.js';
import { policyLineText } from './input-text.js';
import { reasonFor, type Translator } from './translate.js';

/** The ticket pre-check's answer: "Ticket 31001 on Redmine: <title>" (or: this target does not look tickets up). */
export function ticketCheckText(tr: Translator, check: { ticket: string; targetName: string; title?: string | undefined; lookedUp?: boolean | undefined }): string {
  return check.lookedUp === false
    ? tr.t('cli.upload.notLookedUp', { ticket: check.ticket, target: check.targetName })
    : tr.t('cli.upload.ticketFound', { ticket: check.ticket, target: check.targetName, title: check.title ?? '' });
}

/**
 * A policy problem the program goes on with: in English the engine's own line (`english`, from
 * formatProblem: it names the exact rule), else the source, key, what to do and what the program
 * does instead, in the reader's language.
 */
export function policyProblemText(tr: Translator, problem: PolicyLine, english: string): string {
  if (tr.locale === 'en') return english;
  return tr.t('policy.problem', { line: policyLineText(tr, problem), outcome: policyOutcomeText(tr, problem) });
}

/**
 * What the program does instead: the whole source ignored; the key ignored, or the section that
 * needed it (`dropped`, when a required key was left out and took its parent with it); a key
 * locked to its safe value; a section taken whole from a higher source, or from the defaults.
 */
export function policyOutcomeText(tr: Translator, problem: PolicyLine): string {
  const { dropped, together } = problem;
  if (dropped === '') return tr.t('policy.outcome.source');
  if (together) {
    const section = dropped ?? problem.key;
    return together.source === '' ? tr.t('policy.outcome.defaults', { section }) : tr.t('policy.outcome.together', { section, source: tr.t(`policy.source.${together.source}`), location: together.location });
  }
  const which = { whole: dropped === undefined || dropped === problem.key ? 'yes' : 'no', dropped: dropped ?? problem.key };
  return problem.lockedKey ? tr.t('policy.outcome.locked', { ...which, key: problem.lockedKey }) : tr.t('policy.outcome.ignored', which);
}

/** A collector run's reason (the English `error` only in English, for codes it lacks). */
export function runReasonText(tr: Translator, run: { status: CollectorStatus; error?: string | undefined; reason?: Reason | undefined }): string {
  return reasonFor(tr, run.reason, run.error, tr.t(`collectorStatus.${run.status}`));
}

/** The manifest's facts about what was not taken (CollectionResult.notTaken, engine report/not-collected.ts). */
export interface NotTakenFacts {
  collectors: ReadonlyArray<{ id: string; status: CollectorStatus; error?: string | undefined; reason?: Reason | undefined }>;
  otherProblemTypes: number;
  /** Collectors `--only` did not select (absent: none, as in the app, which has no --only). */
  notSelected?: number | undefined;
  sources: ReadonlyArray<{ collector: string; source: string; reason: string; code?: Reason | undefined }>;
  cut: ReadonlyArray<{ name: string; note?: string | undefined; code?: Reason | undefined }>;
}

/** One thing not taken: what (a collector's name, a source, an entry) and why, in the reader's language. */
export interface NotTakenLine {
  kind: 'collector' | 'other-problem-types' | 'not-selected' | 'source' | 'cut';
  /** The collector, source or entry; '' for the count of collectors for other problem types. */
  what: string;
  why: string;
}

/**
 * What was not taken, one line each, in the manifest's order: skipped collectors (named by
 * `collectorName`: the CLI prints ids, the app its titles), then one line for the collectors that
 * serve only other problem types, one for those `--only` did not select, then skipped sources,
 * then entries cut short.
 */
export function notTakenLines(tr: Translator, facts: NotTakenFacts, collectorName: (id: string) => string = (id) => id): NotTakenLine[] {
  const lines: NotTakenLine[] = facts.collectors.map((c) => ({ kind: 'collector', what: collectorName(c.id), why: runReasonText(tr, c) }));
  if (facts.otherProblemTypes > 0) lines.push({ kind: 'other-problem-types', what: '', why: tr.t('cli.collect.otherProblemTypes', { count: facts.otherProblemTypes, more: facts.collectors.length > 0 ? 'yes' : 'no' }) });
  if (facts.notSelected) lines.push({ kind: 'not-selected', what: '', why: tr.t('cli.collect.notSelected', { count: facts.notSelected }) });
  for (const s of facts.sources) lines.push({ kind: 'source', what: s.source, why: reasonFor(tr, s.code, s.reason) });
  // Why an entry was cut, by its code (the cap and sizes); an entry without one (an older archive,
  // a command's output cut at its cap): the engine's English note in English, else the generic line.
  for (const c of facts.cut) lines.push({ kind: 'cut', what: c.name, why: c.code ? tr.reason(c.code) : tr.locale === 'en' && c.note ? c.note : tr.t('notTaken.cut') });
  return lines;
}

/** A not-taken line as running text: "what — why" (the count line is its reason alone). */
export function notTakenLineText(line: NotTakenLine): string {
  return line.what ? `${line.what} — ${line.why}` : line.why;
}

/** How many things were not taken (the count line counts its collectors). */
export function notTakenCount(facts: NotTakenFacts): number {
  return facts.collectors.length + facts.otherProblemTypes + (facts.notSelected ?? 0) + facts.sources.length + facts.cut.length;
}
