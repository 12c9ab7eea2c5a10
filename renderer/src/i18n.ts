/**
 * The UI's words, read from the one catalogue (shared/i18n/messages.ts, the `app.*` keys) and
 * rendered by shared/i18n/translate.ts (intl-messageformat): no text lives here. The catalogue's
 * dotted keys become a tree, `app.checkGroups.network` → `t.checkGroups.network`; a message
 * without arguments is a string, one with arguments a function of its values
 * (`t.counter({ done, total })`). Typed from the catalogue, so a missing key is a compile error.
 */
import type { UiLocale, UploadStatus } from '../../shared/api.js';
import { CATALOGUES, type SourceCatalogue } from '../../shared/i18n/messages.js';
import { notTakenLines, policyProblemText, ticketCheckText, type NotTakenFacts, type NotTakenLine } from '../../shared/i18n/collect-facts.js';
import { problemText } from '../../shared/i18n/input-text.js';
import { reasonFor, translator, type MessageValues } from '../../shared/i18n/translate.js';
import type { CodedProblem, PolicyLine } from '../../shared/input-errors.js';
import type { Reason, UploadErrorKind } from '../../shared/reasons.js';
import type { LocalizedText } from '../../shared/types.js';

const PREFIX = 'app.';

type Leaf<Text> = Text extends `${string}{${string}` ? (values: MessageValues) => string : string;
type Under<Prefix extends string> = { [K in keyof SourceCatalogue]: K extends `${Prefix}${infer Rest}` ? Rest : never }[keyof SourceCatalogue];
type Node<Prefix extends string> = {
  readonly [R in Under<Prefix> as R extends `${infer Head}.${string}` ? Head : R]: R extends `${infer Head}.${string}`
    ? Node<`${Prefix}${Head}.`>
    : Leaf<SourceCatalogue[`${Prefix}${R}` & keyof SourceCatalogue]>;
};

export type Dictionary = Node<typeof PREFIX>;

function build(locale: UiLocale): Dictionary {
  const tr = translator(locale);
  const root: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(CATALOGUES[locale])) {
    if (!key.startsWith(PREFIX)) continue;
    const path = key.slice(PREFIX.length).split('.');
    let node = root;
    for (const part of path.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    const k = key as keyof SourceCatalogue;
    node[path.at(-1)!] = text.includes('{') ? (values: MessageValues) => tr.t(k, values) : tr.t(k);
  }
  return root as Dictionary;
}

const built: Partial<Record<UiLocale, Dictionary>> = {};

/** The UI's words in one language (built once from the catalogue). */
export function dictionary(locale: UiLocale): Dictionary {
  return (built[locale] ??= build(locale));
}

export const DICTIONARIES: Readonly<Record<UiLocale, Dictionary>> = {
  get 'zh-CN'() {
    return dictionary('zh-CN');
  },
  get en() {
    return dictionary('en');
  },
};

/** Each language names itself (the language switch shows the other one this way). */
export const LANGUAGE_NAMES: Record<UiLocale, { name: string; switchTo: string }> = {
  'zh-CN': { name: '中文', switchTo: '切换到中文' },
  en: { name: 'English', switchTo: 'Switch to English' },
};

/** Picks the text of a LocalizedText for the UI language. */
export function pick(text: LocalizedText, locale: UiLocale): string {
  return text[locale];
}

export type AdviceGroup = keyof Dictionary['advice'];

/** The advice group for an upload error kind (upload-error.ts in the engine names the kinds). */
export function adviceFor(kind: UploadErrorKind): AdviceGroup {
  if (['auth', 'forbidden', 'config', 'tls'].includes(kind)) return 'settings';
  if (kind === 'not-found') return 'not-found';
  if (kind === 'too-large') return 'too-large';
  if (['network', 'timeout', 'server', 'rate-limited', 'integrity'].includes(kind)) return 'network';
  if (kind === 'archive') return 'archive';
  return 'other';
}

/**
 * Why a collector was skipped or did not finish. The engine sends a code (shared/reasons.ts),
 * rendered by the one catalogue; its English technical text (`detail`) is shown only in English,
 * so no English sentence reaches the Chinese UI.
 */
export function reasonText(row: { reason?: Reason | undefined; detailCode?: Reason | undefined; detail?: string | undefined }, locale: UiLocale): string {
  return reasonFor(translator(locale), row.reason ?? row.detailCode, row.detail);
}

/**
 * The mend line from the entries the engine names (CollectionResult.mended):
 * the shared catalogue's words, the same the CLI summary and the e-mail draft print.
 */
export function mendedText(entries: readonly string[], locale: UiLocale): { label: string; text: string } {
  const tr = translator(locale);
  return { label: tr.t('mend.label'), text: tr.t('mend.mended', { count: entries.length, list: tr.list([...entries]) }) };
}

/**
 * The intake-cleaned line from the engine's list (CollectionResult.intakeCleaned, the manifest's
 * `intakeCleaned`): the shared catalogue's words, the same the CLI summary prints.
 */
export function intakeCleanedText(cleaned: ReadonlyArray<{ field: string; removed: number }>, locale: UiLocale): string {
  const tr = translator(locale);
  return tr.t('intake.cleaned', { count: cleaned.reduce((n, c) => n + c.removed, 0), list: tr.list(cleaned.map((c) => tr.t('intake.fieldName', { field: c.field }))) });
}

/**
 * The redaction line from the engine's counts per rule and its example placeholder
 * (CollectionResult.redaction): the CLI summary's words, most frequent rule first.
 */
export function redactedText(redaction: { totals: Readonly<Record<string, number>>; example?: string | undefined }, locale: UiLocale): string {
  const tr = translator(locale);
  const totals = Object.entries(redaction.totals)
    .filter(([, count]) => count > 0)
    .sort((x, y) => y[1] - x[1]);
  const ruleName = (rule: string) => {
    const key = `rule.${rule}`;
    return tr.has(key) ? tr.t(key) : rule;
  };
  return tr.t('cli.collect.redactedHint', { list: tr.list(totals.map(([rule, count]) => tr.t('cli.collect.ruleCount', { rule: ruleName(rule), count }))), example: redaction.example ?? 'none' });
}

/** The files that exist after a step after publishing failed (the archive first, then the draft), as the CLI names them. */
export function existingFilesText(existing: readonly string[], locale: UiLocale): string {
  const tr = translator(locale);
  return tr.list(existing.map((path, i) => tr.t(i === 0 ? 'afterPublish.archive' : 'afterPublish.draft', { path })));
}

/** The ticket pre-check's answer (CollectionResult.ticketCheck): the ticket's title as the server reported it, in the CLI's words. */
export function ticketTitleText(ticket: string, check: { targetName: string; title: string; lookedUp?: boolean | undefined }, locale: UiLocale): string {
  return ticketCheckText(translator(locale), { ticket, ...check });
}

/** What was not taken (CollectionResult.notTaken), one line each, collectors by their titles: the CLI's reasons. */
export function notTakenText(facts: NotTakenFacts, collectorName: (id: string) => string, locale: UiLocale): NotTakenLine[] {
  return notTakenLines(translator(locale), facts, collectorName);
}

/** A policy problem (CollectionResult.policyProblems) as the CLI prints it. */
export function policyText(problem: { line: PolicyLine; english: string }, locale: UiLocale): string {
  return policyProblemText(translator(locale), problem.line, problem.english);
}

/** An upload error (kind and cause codes) in the UI language. */
export function uploadProblemText(error: NonNullable<UploadStatus['error']>, target: string, ticket: string, locale: UiLocale): string {
  return translator(locale).uploadProblem(error, { target, ticket });
}

const FAILED: CodedProblem = { code: 'failed', params: {} };

function isProblem(value: unknown): value is CodedProblem {
  const p = value as Partial<CodedProblem> | undefined;
  return typeof p === 'object' && p !== null && typeof p.code === 'string' && typeof p.params === 'object' && p.params !== null;
}

/**
 * What a `window.diagnostics` call rejected with (shared DiagnosticsApiError: plain data) or a
 * session's `failed` event, in the UI language: a refusal's code through the one catalogue, the
 * same words the CLI prints (shared/i18n/input-text.ts); anything else says to retry and where
 * the log is. The English UI shows the engine's own message, the most specific.
 */
export function apiErrorText(err: unknown, locale: UiLocale): string {
  const e = err as { message?: unknown; problem?: unknown } | null | undefined;
  const english = typeof e?.message === 'string' ? e.message : String(err);
  return problemText(translator(locale), isProblem(e?.problem) ? e.problem : FAILED, english);
}
