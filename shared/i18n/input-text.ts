/**
 * A refusal (bad input, a coded problem) in the reader's language, for every front end: the CLI's
 * error line and the app's banners render it here, from the one catalogue (`input.<code>`), so
 * the words are the same wherever it is shown. In English the engine's own message is the most
 * specific (it names the exact rule broken), so it is shown as it is; so is a message without a
 * code, and a code the catalogue does not know (a newer engine than this window).
 */
import type { CodedProblem, PolicyLine } from '../input-errors.js';
import type { Translator } from './translate.js';

/** One bad policy key: where (source, file, key) and what to do, without the outcome. */
export function policyLineText(tr: Translator, line: PolicyLine): string {
  const { issue } = line;
  // A named rule's values (the upload target, the section) stand beside its name in the message.
  let values: Record<string, string>;
  if (issue.code === 'must') {
    const { values: ruleValues, ...rest } = issue;
    values = { ...ruleValues, ...rest };
  } else values = { ...issue };
  return tr.t('policy.line', { source: tr.t(`policy.source.${line.source}`), location: line.location, key: line.key || 'none', issue: tr.t(`policy.issue.${issue.code}`, values) });
}

/** The text of a refusal: `english` is the engine's message (logs, `--json`, `--lang en`). */
export function problemText(tr: Translator, problem: CodedProblem | undefined, english: string): string {
  if (!problem || tr.locale === 'en') return english;
  const key = `input.${problem.code}`;
  if (!tr.has(key)) return english;
  const params: Record<string, string> = { ...problem.params };
  // The bad keys of a policy refusal, one line each, in the user's language.
  if (problem.lines) params.problems = `\n${problem.lines.map((line) => `  - ${policyLineText(tr, line)}`).join('\n')}`;
  return tr.t(key, params);
}
