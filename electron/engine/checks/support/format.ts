/** Small wording helpers for checks: both languages at once, durations and sizes people read. */
import type { LocalizedText } from '../../../../shared/types.js';

/** A text in zh-CN and en. */
export const t = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });

/** 12 → "12 ms", 1234 → "1.2 s". */
export function ms(value: number): string {
  if (value < 1000) return `${Math.max(0, Math.round(value))} ms`;
  return `${(value / 1000).toFixed(value < 10_000 ? 1 : 0)} s`;
}

/** 3000 → "3 s", 300 → "0.3 s". */
export function secondsText(valueMs: number): string {
  const s = valueMs / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

/** Joins localized parts with a separator per language. */
export function joinText(parts: LocalizedText[], sep: LocalizedText = { 'zh-CN': '；', en: '; ' }): LocalizedText {
  return { 'zh-CN': parts.map((p) => p['zh-CN']).join(sep['zh-CN']), en: parts.map((p) => p.en).join(sep.en) };
}

/** A message from an unknown error, for details. */
export function errorText(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return code && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}
