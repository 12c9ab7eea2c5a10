/**
 * format.ts writes out the forms it uses for en and zh-CN instead of asking Intl (whose first use
 * costs ~20 ms of start-up). Nothing printed may change: every function is compared here with the
 * Intl call it replaces, over wide ranges of numbers, sizes, durations, months, hours and time
 * zones (the runtime's own zone, switched through TZ, including daylight-saving changes and
 * half-hour offsets).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { formatDateTime, formatDuration, formatLatency, formatNumber, formatSize, formatTimeOfDay, utcOffset, type Locale } from '../../../../shared/i18n/format.js';
import { prng } from '../../../bench/prng.js';

const LOCALES: Locale[] = ['en', 'zh-CN'];
const random = prng(8);

/** Numbers of every shape the formatters meet: small, large, halves at each place, random doubles. */
function numbers(): number[] {
  const out = [0, 0.5, 1, 1.5, 2, 9.95, 9.96, 10, 99.95, 999.5, 1000, 1023.95, 1024, 12_345, 999_999.9995, 1e15, 2 ** 53, 1e20, 1.0005, 1.0015, 2.675, 1e-7, 123.456_5];
  for (let i = 0; i < 3000; i += 1) out.push(i, i / 10, i / 100, i * 1.001);
  for (let i = 0; i < 3000; i += 1) out.push(random() * 10 ** Math.floor(random() * 16), Math.round(random() * 1e6) / 1000 + 0.0005);
  return out;
}

/** Intl formatters, made once per locale and options (making them is what is slow); dropped when TZ changes. */
const made = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>();
function once<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.ListFormat>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind} ${locale} ${JSON.stringify(options)}`;
  let f = made.get(key);
  if (!f) made.set(key, (f = make()));
  return f as T;
}
const numberFormat = (locale: string, o: Intl.NumberFormatOptions) => once('n', locale, o, () => new Intl.NumberFormat(locale, o));
const dateFormat = (locale: string, o: Intl.DateTimeFormatOptions) => once('d', locale, o, () => new Intl.DateTimeFormat(locale, o));

/** The Intl calls format.ts made before it wrote the forms out (the oracle). */
const intl = {
  number: (n: number, locale: Locale, digits?: number) => numberFormat(locale, digits === undefined ? {} : { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n),
  unit: (n: number, unit: string, locale: Locale, digits = 0) => numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: digits }).format(n),
  list: (parts: string[], locale: Locale) => once('l', locale, {}, () => new Intl.ListFormat(locale, { type: 'unit', style: 'narrow' })).format(parts),
  dateTime(date: Date, locale: Locale, seconds: boolean): string {
    const day = dateFormat(locale === 'en' ? 'en-GB' : locale, { year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric' }).format(date);
    const time = dateFormat(locale, { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}), hourCycle: 'h23' }).format(date);
    const offset = intl.offset(date);
    return locale === 'zh-CN' ? `${day} ${time}（${offset}）` : `${day}, ${time} (${offset})`;
  },
  offset(date: Date): string {
    const gmt = dateFormat('en', { timeZoneName: 'longOffset' }).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    return gmt === 'GMT' ? 'UTC+00:00' : gmt.replace('GMT', 'UTC');
  },
  timeOfDay: (date: Date, locale: Locale) => dateFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(date),
};

describe('format.ts says what Intl says', () => {
  it('numbers and sizes', () => {
    for (const locale of LOCALES) {
      for (const n of numbers()) {
        expect(formatNumber(n, locale), `${n}`).toBe(intl.number(n, locale));
        expect(formatNumber(-n, locale), `${-n}`).toBe(intl.number(-n, locale));
        if (n < 1024 && Number.isInteger(n)) expect(formatSize(n, locale), `${n}`).toBe(`${intl.number(n, locale, 0)} B`);
        if (n >= 1 && n < 10) expect(formatSize(n * 1024, locale), `${n}`).toBe(`${intl.number(n, locale, 1)} KB`);
      }
    }
  });

  it('sizes, unit by unit', () => {
    for (const locale of LOCALES) {
      for (let i = 0; i < 20_000; i += 1) {
        const bytes = Math.floor(random() * 1024 ** (1 + Math.floor(random() * 4)));
        let value = bytes;
        let unit = 0;
        while (value >= 1024 && unit < 4) {
          value /= 1024;
          unit += 1;
        }
        const digits = unit === 0 || value >= 10 ? 0 : 1;
        expect(formatSize(bytes, locale), `${bytes}`).toBe(`${intl.number(value, locale, digits)} ${['B', 'KB', 'MB', 'GB', 'TB'][unit]}`);
      }
    }
  });

  it('durations and latencies', () => {
    const durations: number[] = [];
    for (let ms = 0; ms < 12_000; ms += 7) durations.push(ms);
    for (let i = 0; i < 5000; i += 1) durations.push(Math.floor(random() * 10 ** (3 + random() * 7)));
    durations.push(86_400_000, 90_000_000, 1000 * 86_400_000, 3 * 86_400_000 + 7_200_000 + 59_000, 59_999, 3_599_999);
    for (const locale of LOCALES) {
      for (const ms of durations) {
        const expected = (() => {
          if (ms < 10_000) return intl.unit(Math.round(ms / 100) / 10, 'second', locale, 1);
          const total = Math.round(ms / 1000);
          const parts: [number, string][] = [
            [Math.floor(total / 86_400), 'day'],
            [Math.floor(total / 3600) % 24, 'hour'],
            [Math.floor(total / 60) % 60, 'minute'],
            [total % 60, 'second'],
          ];
          const first = parts.findIndex(([n]) => n > 0);
          return intl.list(parts.slice(first, first + 2).filter(([n]) => n > 0).map(([n, u]) => intl.unit(n, u, locale)), locale);
        })();
        expect(formatDuration(ms, locale), `${ms}`).toBe(expected);
        expect(formatLatency(ms, locale), `${ms}`).toBe(ms < 1000 ? intl.unit(Math.round(ms), 'millisecond', locale) : expected);
      }
    }
  });

  const tz = process.env.TZ;
  afterAll(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  for (const zone of ['Asia/Shanghai', 'UTC', 'America/New_York', 'America/St_Johns', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Europe/London']) {
    it(`dates and times in the runtime's zone: ${zone}`, () => {
      process.env.TZ = zone;
      made.clear();
      const dates: Date[] = [];
      // Every 13 hours over two years (every month, every hour of the day, both DST changes), and random moments.
      for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 13 * 3_600_000 + 61_000) dates.push(new Date(t));
      for (let i = 0; i < 300; i += 1) dates.push(new Date(Date.UTC(1850, 0, 1) + random() * (Date.UTC(2200, 0, 1) - Date.UTC(1900, 0, 1))));
      for (const date of dates) {
        expect(utcOffset(date), date.toISOString()).toBe(intl.offset(date));
        for (const locale of LOCALES) {
          expect(formatDateTime(date, locale), date.toISOString()).toBe(intl.dateTime(date, locale, false));
          expect(formatDateTime(date.toISOString(), locale, { seconds: true }), date.toISOString()).toBe(intl.dateTime(date, locale, true));
          expect(formatTimeOfDay(date, locale), date.toISOString()).toBe(intl.timeOfDay(date, locale));
        }
      }
    });
  }
});
