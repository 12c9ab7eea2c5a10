/** Sizes and durations as people read them. */
import type { UiLocale } from '../../../shared/api.js';

// One size formatter for every layer (shared/figures.ts).
export { formatBytes } from '../../../shared/figures.js';

/** `m:ss`, or `h:mm:ss` from an hour on. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export function formatTime(iso: string, locale: UiLocale): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleTimeString(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** A short duration: `0.4 s`, `12 s`, `2:05` (zh-CN: `0.4 秒`, `12 秒`). */
export function formatDuration(ms: number, locale: UiLocale): string {
  if (ms >= 60_000) return formatElapsed(ms);
  const s = ms / 1000;
  const n = s < 10 ? s.toFixed(1) : String(Math.round(s));
  return locale === 'zh-CN' ? `${n} 秒` : `${n} s`;
}
