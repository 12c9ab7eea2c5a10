/** Sizes and durations as people read them: the shared Intl formatters (shared/i18n/format.ts), one for every surface. */
import type { UiLocale } from '../../../shared/api.js';
import { formatDuration as formatSpan, formatTimeOfDay } from '../../../shared/i18n/format.js';

// One size formatter for every layer (shared/figures.ts).
export { formatBytes } from '../../../shared/figures.js';

/** `m:ss`, or `h:mm:ss` from an hour on: a running clock, the same in every language. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** The time of day of a moment, `09:30:05`. */
export function formatTime(iso: string, locale: UiLocale): string {
  return formatTimeOfDay(iso, locale);
}

/** A duration by locale: `0.4 sec`, `2 min 5 sec` (zh-CN: `0.4秒`, `2分钟5秒`). */
export function formatDuration(ms: number, locale: UiLocale): string {
  return formatSpan(ms, locale);
}
