/**
 * Generated entries (the checklist results, the summary page) are rendered from facts, never
 * redacted as text: their markup would be damaged. So the facts themselves go through the
 * Redactor, one string value at a time, before anything is rendered from them.
 */
import type { Redactor } from './redactor.js';

/**
 * A deep copy of `value` with every string redacted as plain text (keys and numbers kept).
 * `code` values stay: they are catalogue codes (`dns.ok`) that surfaces render, never data.
 */
export function redactFacts<T>(value: T, redactor: Redactor, after: (text: string) => string = (text) => text): T {
  return mapFactStrings(value, (text) => after(redactor.redactText(text).text));
}

/** A deep copy of `value` with each string that redactFacts redacts replaced by `replace(it)`, in document order. */
function mapFactStrings<T>(value: T, replace: (text: string) => string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.length === 0 ? v : replace(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'code' && typeof x === 'string' && /^[a-z][a-zA-Z0-9.-]*$/.test(x) ? x : walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/**
 * sos20 (session 22): as redactFacts, with the strings redacted together by `redactTexts` (the
 * redaction worker's redactText of each, in order: the same text and numbering as redactFacts).
 */
export async function redactFactsWith<T>(value: T, redactTexts: (texts: string[]) => Promise<string[]>): Promise<T> {
  const texts: string[] = [];
  mapFactStrings(value, (text) => {
    texts.push(text);
    return text;
  });
  if (texts.length === 0) return value;
  const redacted = await redactTexts(texts);
  if (redacted.length !== texts.length) throw new Error(`redacted ${redacted.length} of ${texts.length} texts`);
  let next = 0;
  return mapFactStrings(value, () => redacted[next++]!);
}

/** A generated entry's bytes: rendered from its facts once redacted (as they are without a redactor). */
export function renderFromFacts(render: (redact: <T>(facts: T) => T) => Buffer, redactor: Redactor | undefined): Buffer {
  return render(redactor ? (facts) => redactFacts(facts, redactor) : (facts) => facts);
}
