/**
 * Renders the catalogue (messages.ts) with intl-messageformat: ICU plurals and selects, one
 * compiled formatter per message and locale, cached. `t` is what every surface uses; `reason`
 * and `uploadProblem` render the engine's codes (shared/reasons.ts).
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { NetworkCause, Reason, UploadErrorKind } from '../reasons.js';
import { formatDuration, formatSize, type Locale } from './format.js';
import { CATALOGUES, type MessageKey } from './messages.js';

export type { Locale } from './format.js';
export type MessageValues = Record<string, string | number>;

export interface Translator {
  readonly locale: Locale;
  t(key: MessageKey, values?: MessageValues): string;
  /** True when the catalogue has this key (ids from data, such as redaction rule ids). */
  has(key: string): key is MessageKey;
  /** A skip or failure reason, in this language. */
  reason(reason: Reason): string;
  /** An upload problem: its kind, and the socket cause when known. */
  uploadProblem(problem: { kind: UploadErrorKind; cause?: NetworkCause | undefined }, context?: { target?: string; ticket?: string }): string;
  /** Items joined as the language joins a list in running text. */
  list(items: readonly string[]): string;
}

// intl-messageformat asks ICU which locales it supports (Intl.NumberFormat.supportedLocalesOf)
// for every message it compiles; the first ask loads ICU's locale tables, ~25 ms of every
// command's start-up (issue 13, item 8). Our two locales are always supported (Node and Electron
// ship full ICU, and so do browsers), so the answer is the locale itself.
IntlMessageFormat.resolveLocale = (locales) => new Intl.Locale(Array.isArray(locales) ? locales[0]! : locales);

const cache = new Map<string, IntlMessageFormat>();

function compiled(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let format = cache.get(id);
  if (!format) {
    format = new IntlMessageFormat(CATALOGUES[locale][key], locale, undefined, { ignoreTag: true });
    cache.set(id, format);
  }
  return format;
}

/** The parameters a reason's message takes, formatted for the locale. */
function reasonValues(reason: Reason, locale: Locale): MessageValues {
  switch (reason.code) {
    case 'platform':
      return { platform: reason.platform };
    case 'not-configured':
      return { policyKey: reason.policyKey };
    case 'command-missing':
      return { command: reason.command };
    case 'file-too-large':
      return { size: formatSize(reason.bytes, locale), cap: formatSize(reason.capBytes, locale) };
    case 'timeout':
    case 'deadline':
    case 'not-started':
      return { duration: formatDuration(reason.seconds * 1000, locale) };
    case 'problem-type': {
      const tr = translator(locale);
      const type = (t: string) => (t === 'none' ? tr.t('priority.none') : tr.t(`problemType.${t as 'other'}`));
      return { types: tr.list(reason.types.map(type)), actual: type(reason.actual) };
    }
    case 'needs-elevation':
      return { path: reason.path ?? 'none' };
    case 'cut-newest':
      return { kept: formatSize(reason.keptBytes, locale), size: formatSize(reason.fileBytes, locale), cap: formatSize(reason.capBytes, locale) };
    case 'cut-grew':
      return { seen: formatSize(reason.seenBytes, locale), now: formatSize(reason.nowBytes, locale) };
    case 'cut-deadline':
    case 'cut-stopped':
      return { kept: formatSize(reason.keptBytes, locale) };
    default:
      return {};
  }
}

export function createTranslator(locale: Locale): Translator {
  const t = (key: MessageKey, values: MessageValues = {}): string => String(compiled(locale, key).format(values));
  return {
    locale,
    t,
    has: (key): key is MessageKey => Object.hasOwn(CATALOGUES[locale], key),
    reason: (reason) => t(`reason.${reason.code}`, reasonValues(reason, locale)),
    uploadProblem: (problem, context = {}) => {
      const text = t(`upload.kind.${problem.kind}`, { target: context.target ?? '', ticket: context.ticket ?? '' });
      return problem.cause ? t('upload.withCause', { problem: text, cause: t(`upload.cause.${problem.cause}`) }) : text;
    },
    list: (items) => items.join(t('list.separator')),
  };
}

const translators: Partial<Record<Locale, Translator>> = {};

/** The shared translator of a locale. */
export function translator(locale: Locale): Translator {
  return (translators[locale] ??= createTranslator(locale));
}

/** The English text of a reason: what manifest.json and the logs keep for support staff. */
export function englishReason(reason: Reason): string {
  return translator('en').reason(reason);
}

/**
 * A reason in the translator's language: its code when there is one; the engine's English text
 * only in English (there it is the most specific); otherwise the generic "could not be read".
 */
export function reasonFor(tr: Translator, code: Reason | undefined, english: string | undefined, fallback = ''): string {
  if (code && !(code.code === 'failed' && tr.locale === 'en' && english)) return tr.reason(code);
  if (english) return tr.locale === 'en' ? english : tr.reason({ code: 'failed' });
  return fallback;
}
