/**
 * Sizes, durations, dates and times as people read them, by locale (`Intl`). One formatter per
 * kind for every surface: the renderer, the CLI, the summary page, the e-mail draft and the
 * ticket comment. Pure TypeScript: no Node, no DOM.
 */
export type Locale = 'zh-CN' | 'en';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/**
 * `38 KB`, `1.2 MB`, `512 B` (binary multiples, the unit names people know). Never `0.0 MB`:
 * the unit is chosen so the number is at least 1.
 */
export function formatSize(bytes: number, locale: Locale): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
  return `${n} ${UNITS[unit]}`;
}

/**
 * `15 min 15 sec` / `15分钟15秒`, `3 days 2 hr` / `3天2小时`, `0.4 sec` / `0.4秒`: the two
 * largest units, by locale. Not every runtime has Intl.DurationFormat (Node 20 does not), so
 * units are formatted one by one and joined as the locale joins units.
 */
export function formatDuration(ms: number, locale: Locale): string {
  const unit = (n: number, u: 'day' | 'hour' | 'minute' | 'second', digits = 0) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: digits }).format(n);
  if (!Number.isFinite(ms) || ms < 0) return '?';
  if (ms < 10_000) return unit(Math.round(ms / 100) / 10, 'second', 1);
  const total = Math.round(ms / 1000);
  const parts: Array<[number, 'day' | 'hour' | 'minute' | 'second']> = [
    [Math.floor(total / 86_400), 'day'],
    [Math.floor(total / 3600) % 24, 'hour'],
    [Math.floor(total / 60) % 60, 'minute'],
    [total % 60, 'second'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  const shown = parts.slice(first, first + 2).filter(([n]) => n > 0);
  return new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }).format(shown.map(([n, u]) => unit(n, u)));
}

/** `UTC+08:00` for a date in the runtime's time zone (or `timeZone`). */
export function utcOffset(date: Date, timeZone?: string): string {
  const part = new Intl.DateTimeFormat('en', { timeZoneName: 'longOffset', ...(timeZone ? { timeZone } : {}) }).formatToParts(date).find((p) => p.type === 'timeZoneName');
  const gmt = part?.value ?? 'GMT';
  return gmt === 'GMT' ? 'UTC+00:00' : gmt.replace('GMT', 'UTC');
}

/**
 * A moment in local time with its offset, to the minute: `2026年11月24日 09:30（UTC+08:00）`,
 * `24 Nov 2026, 09:30 (UTC+08:00)`. ISO strings and Dates are accepted; anything unreadable is
 * returned as it is.
 */
export function formatDateTime(value: string | Date, locale: Locale, options: { seconds?: boolean; timeZone?: string } = {}): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const tz = options.timeZone ? { timeZone: options.timeZone } : {};
  const day = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, { year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric', ...tz }).format(date);
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', ...(options.seconds ? { second: '2-digit' } : {}), hourCycle: 'h23', ...tz }).format(date);
  const offset = utcOffset(date, options.timeZone);
  return locale === 'zh-CN' ? `${day} ${time}（${offset}）` : `${day}, ${time} (${offset})`;
}

/** The time of day only, `09:30:05`, for progress screens. */
export function formatTimeOfDay(value: string | Date, locale: Locale): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(date);
}

/** A count in the locale's digits and grouping (`12,345`). */
export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(n);
}

/**
 * A measured latency or a probe timeout: `12 ms` / `12毫秒` under a second (where probes live),
 * else as formatDuration (`1.5 sec`, `2 min 5 sec`).
 */
export function formatLatency(ms: number, locale: Locale): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  if (ms < 1000) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond', unitDisplay: 'short', maximumFractionDigits: 0 }).format(Math.round(ms));
  return formatDuration(ms, locale);
}
