/**
 * Sizes, durations, dates and times as people read them, by locale (`Intl`). One formatter per
 * kind for every surface: the renderer, the CLI, the summary page, the e-mail draft and the
 * ticket comment. Pure TypeScript: no Node, no DOM.
 */
export type Locale = 'zh-CN' | 'en';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/*
 * Written-out forms for the two shipped locales. A process's first Intl.NumberFormat or
 * DateTimeFormat costs ~20 ms of CPU (ICU builds its locale tables), which was a tenth of `check`'s
 * whole start-up (issue 13, item 8) — for a number of seconds. So the forms these functions use are
 * written out below, byte for byte what Intl gives (format.test.ts compares the two over wide
 * ranges of values, months, hours and time zones); anything they do not cover (negative or huge
 * numbers, another time zone than the runtime's, offsets with seconds) still goes to Intl.
 */

/**
 * `value` with at most `digits` fraction digits, rounded half away from zero on its shortest
 * decimal form (as ICU rounds), grouped by thousands with `,` (en and zh-CN alike); undefined
 * where Intl must say (negative, −0, not finite, or too large for plain digits).
 */
function plainNumber(value: number, digits: number): string | undefined {
  if (!(value >= 0) || Object.is(value, -0) || !Number.isFinite(value)) return undefined;
  const text = String(value);
  if (text.includes('e')) return undefined;
  const dot = text.indexOf('.');
  let whole = dot < 0 ? text : text.slice(0, dot);
  let fraction = dot < 0 ? '' : text.slice(dot + 1);
  if (fraction.length > digits) {
    const up = fraction.charCodeAt(digits) >= 0x35;
    fraction = fraction.slice(0, digits);
    if (up) {
      // Add one in the last kept place, carrying through nines.
      const all = [...whole + fraction].map(Number);
      let i = all.length - 1;
      for (; i >= 0 && all[i] === 9; i -= 1) all[i] = 0;
      if (i < 0) all.unshift(1);
      else all[i]! += 1;
      const joined = all.join('');
      whole = joined.slice(0, joined.length - fraction.length);
      fraction = joined.slice(joined.length - fraction.length);
    }
  }
  fraction = fraction.replace(/0+$/, '');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

/** Whether the written-out forms speak for `locale` (the type allows no other, the renderer might). */
const shipped = (locale: string): locale is Locale => locale === 'en' || locale === 'zh-CN';

type DurationUnit = 'day' | 'hour' | 'minute' | 'second' | 'millisecond';

/** Intl's `unitDisplay: 'short'` words: [singular, plural] (en), or the one form (zh-CN). */
const UNIT_WORDS: Record<Locale, Record<DurationUnit, readonly [string, string]>> = {
  en: { day: [' day', ' days'], hour: [' hr', ' hr'], minute: [' min', ' min'], second: [' sec', ' sec'], millisecond: [' ms', ' ms'] },
  'zh-CN': { day: ['天', '天'], hour: ['小时', '小时'], minute: ['分钟', '分钟'], second: ['秒', '秒'], millisecond: ['毫秒', '毫秒'] },
};

/** `n` in `unit`, as Intl.NumberFormat's short unit style says it, with at most `digits` fraction digits. */
function formatUnit(n: number, unit: DurationUnit, locale: Locale, digits: number): string {
  const words = shipped(locale) ? UNIT_WORDS[locale][unit] : undefined;
  const number = words ? plainNumber(n, digits) : undefined;
  if (number === undefined || !words) return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits }).format(n);
  return `${number}${number === '1' ? words[0] : words[1]}`;
}

/** Intl.ListFormat's narrow unit list of two: `3 days 2 hr` / `3天2小时`. */
const UNIT_LIST_SEPARATOR: Record<Locale, string> = { en: ' ', 'zh-CN': '' };

/** en-GB's short month names (day month year), as Intl gives them. */
const MONTHS_EN_GB = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'] as const;

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The runtime's own offset at `date` in minutes (east positive), where it is whole minutes and the
 * year has four digits. From the local fields, not getTimezoneOffset(), which rounds away the
 * seconds of old local mean times (Intl says `UTC-03:30:52`; those go to Intl).
 */
function localOffsetMinutes(date: Date): number | undefined {
  const year = date.getFullYear();
  if (year < 1000 || year > 9999) return undefined;
  const local = Date.UTC(year, date.getMonth(), date.getDate(), date.getHours(), date.getMinutes(), date.getSeconds(), date.getMilliseconds());
  const offset = (local - date.getTime()) / 60_000;
  return Number.isInteger(offset) ? offset : undefined;
}

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
  const n = (shipped(locale) ? plainNumber(value, digits) : undefined) ?? new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
  return `${n} ${UNITS[unit]}`;
}

/**
 * `15 min 15 sec` / `15分钟15秒`, `3 days 2 hr` / `3天2小时`, `0.4 sec` / `0.4秒`: the two
 * largest units, by locale. Not every runtime has Intl.DurationFormat (Node 20 does not), so
 * units are formatted one by one and joined as the locale joins units.
 */
export function formatDuration(ms: number, locale: Locale): string {
  const unit = (n: number, u: DurationUnit, digits = 0) => formatUnit(n, u, locale, digits);
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
  if (shipped(locale)) return shown.map(([n, u]) => unit(n, u)).join(UNIT_LIST_SEPARATOR[locale]);
  return new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' }).format(shown.map(([n, u]) => unit(n, u)));
}

/** `UTC+08:00` for a date in the runtime's time zone (or `timeZone`). */
export function utcOffset(date: Date, timeZone?: string): string {
  const minutes = timeZone === undefined ? localOffsetMinutes(date) : undefined;
  if (minutes !== undefined) {
    const abs = Math.abs(minutes);
    return `UTC${minutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
  }
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
  const seconds = options.seconds ? `:${pad2(date.getSeconds())}` : '';
  if (!options.timeZone && localOffsetMinutes(date) !== undefined && shipped(locale)) {
    const time = `${pad2(date.getHours())}:${pad2(date.getMinutes())}${seconds}`;
    const offset = utcOffset(date);
    if (locale === 'zh-CN') return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日 ${time}（${offset}）`;
    return `${date.getDate()} ${MONTHS_EN_GB[date.getMonth()]} ${date.getFullYear()}, ${time} (${offset})`;
  }
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
  if (localOffsetMinutes(date) !== undefined && shipped(locale)) return `${pad2(date.getHours())}:${pad2(date.getMinutes())}:${pad2(date.getSeconds())}`;
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(date);
}

/** A count in the locale's digits and grouping (`12,345`). */
export function formatNumber(n: number, locale: Locale): string {
  return (shipped(locale) ? plainNumber(n, 3) : undefined) ?? new Intl.NumberFormat(locale).format(n);
}

/**
 * A measured latency or a probe timeout: `12 ms` / `12毫秒` under a second (where probes live),
 * else as formatDuration (`1.5 sec`, `2 min 5 sec`).
 */
export function formatLatency(ms: number, locale: Locale): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  if (ms < 1000) return formatUnit(Math.round(ms), 'millisecond', locale, 0);
  return formatDuration(ms, locale);
}
