/**
 * Renders the checklist's codes (shared/check-messages.ts) through the one catalogue, for every
 * surface: the CLI, the summary page, the e-mail draft, the ticket note, the app, and the English
 * rendering kept in checks.json for scripts. Arguments are formatted here, by locale: durations,
 * sizes and moments with format.ts.
 */
import type { CheckArg, CheckCode, CheckMessage } from '../check-messages.js';
import type { CheckResult } from '../types.js';
import { formatDateTime, formatLatency, formatSize } from './format.js';
import type { MessageKey } from './messages.js';
import { translator, type Translator } from './translate.js';

// Every code has its message: a code without one is a compile error here.
type Missing = Exclude<`check.${CheckCode}`, MessageKey>;
const everyCodeHasAMessage: [Missing] extends [never] ? true : Missing = true;
void everyCodeHasAMessage;

function argText(tr: Translator, arg: CheckArg): string | number {
  if (typeof arg === 'string' || typeof arg === 'number') return arg;
  if ('ms' in arg) return formatLatency(arg.ms, tr.locale);
  if ('bytes' in arg) return formatSize(arg.bytes, tr.locale);
  if ('at' in arg) return formatDateTime(arg.at, tr.locale);
  if ('msg' in arg) return checkText(tr, arg.msg);
  if ('problem' in arg) {
    // The same words as the CLI's and the app's refusal; English as the engine wrote it when the
    // catalogue does not know the code (an archive from a newer engine).
    const key = `input.${arg.problem.code}`;
    return tr.has(key) ? tr.t(key, arg.problem.params) : arg.en;
  }
  return arg.list.map((m) => checkText(tr, m)).join(tr.t(`check.sep.${arg.sep ?? 'semicolon'}`));
}

/** One message in the translator's language. */
export function checkText(tr: Translator, message: CheckMessage): string {
  const values = Object.fromEntries(Object.entries(message.args ?? {}).map(([name, arg]) => [name, argText(tr, arg)]));
  return tr.t(`check.${message.code}`, values);
}

/** Several clauses as one text (`a；b` / `a; b`). */
export function checkClauses(tr: Translator, messages: readonly CheckMessage[]): string {
  return messages.map((m) => checkText(tr, m)).join(tr.t('check.sep.semicolon'));
}

/** A result's texts for the agent: title, detail (technical), advice steps. */
export interface CheckView {
  title: string;
  detail: string;
  advice: string[];
}

export function checkView(tr: Translator, result: Pick<CheckResult, 'title' | 'detail' | 'advice'>): CheckView {
  return { title: checkText(tr, result.title), detail: checkClauses(tr, result.detail), advice: result.advice.map((a) => checkText(tr, a)) };
}

/** The English rendering checks.json keeps beside the codes, for scripts. */
export function englishCheck(result: Pick<CheckResult, 'title' | 'detail' | 'advice' | 'user'>): CheckResult['en'] {
  const en = translator('en');
  const { action } = result.user;
  return { ...checkView(en, result), sentence: checkText(en, result.user.sentence), ...(action ? { action: checkText(en, action) } : {}) };
}
