/** A real CheckContext for one check under test: real exec bound to the signal, a parsed policy. */
import { PolicySchema, type PolicyInput } from '../../../../shared/policy.js';
import { checkClauses, checkText } from '../../../../shared/i18n/check-text.js';
import { translator, type Translator } from '../../../../shared/i18n/translate.js';
import type { LocalizedText, Platform } from '../../../../shared/types.js';
import type { CheckContext, CheckOutcome } from '../../../../electron/engine/checks/types.js';
import { exec } from '../../../../electron/engine/platform/exec.js';

export function createCheckContext(options: { policy?: PolicyInput; env?: NodeJS.ProcessEnv; platform?: Platform; signal?: AbortSignal } = {}): CheckContext {
  const signal = options.signal ?? new AbortController().signal;
  return {
    signal,
    policy: PolicySchema.parse(options.policy ?? {}),
    platform: options.platform ?? 'linux',
    env: options.env ?? {},
    now: () => new Date(),
    exec: (command, args, execOptions = {}) => exec(command, args, { ...execOptions, signal }),
  };
}

/** An outcome with its codes rendered in both languages, as every surface shows them. */
export type RenderedOutcome = Omit<CheckOutcome, 'title' | 'detail' | 'advice'> & { title?: LocalizedText; detail: LocalizedText; advice?: LocalizedText[]; codes: CheckOutcome };

const both = (render: (tr: Translator) => string): LocalizedText => ({ 'zh-CN': render(translator('zh-CN')), en: render(translator('en')) });

export function rendered(o: CheckOutcome): RenderedOutcome {
  const { title, detail, advice, ...rest } = o;
  const clauses = Array.isArray(detail) ? detail : [detail];
  return {
    ...rest,
    ...(title ? { title: both((tr) => checkText(tr, title)) } : {}),
    detail: both((tr) => checkClauses(tr, clauses)),
    ...(advice ? { advice: advice.map((a) => both((tr) => checkText(tr, a))) } : {}),
    codes: o,
  };
}

/** The outcomes of a check as a list, rendered (the codes stay in `codes`). */
export function list(outcome: CheckOutcome | CheckOutcome[]): RenderedOutcome[] {
  return (Array.isArray(outcome) ? outcome : [outcome]).map(rendered);
}
