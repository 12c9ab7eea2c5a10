/**
 * Timestamps at the start of a log line, per format, with their zone: a stamp with a zone
 * (`Z`, `+08:00`, journald's epoch microseconds) is exact; a stamp without one is read in this
 * computer's local time (the logs were written here), and a stamp without a year (RFC 3164
 * syslog, Chromium) gets the year that puts it at or before the collection.
 *
 * Hot path: 500 MB of logs go through here, so the common formats are read with charCode
 * arithmetic, not regular expressions, and local minutes are converted once and cached.
 */

export type Level = 'error' | 'warning' | 'info';

export type FormatId =
  | 'iso8601'
  | 'rfc5424'
  | 'rfc3164'
  | 'chromium'
  | 'journald-json'
  | 'macos-ndjson'
  | 'windows-event'
  | 'dotnet'
  | 'java-util-logging'
  | 'ctime'
  | 'clf';

export type Zone = 'utc' | 'offset' | 'local';

export interface Stamp {
  /** UTC milliseconds since the epoch. */
  ms: number;
  format: FormatId;
  zone: Zone;
  /** The level the format itself states (syslog priority, Chromium's level …), if any. */
  level?: Level;
  /** Where the text after the stamp starts (for level words and the event's text). */
  end: number;
}

/**
 * The one result object every parser fills and returns (500 MB of lines must not allocate one
 * each): read it before the next call.
 */
const R: Stamp = { ms: 0, format: 'iso8601', zone: 'local', end: 0 };

function out(ms: number, format: FormatId, zone: Zone, end: number, level?: Level): Stamp {
  R.ms = ms;
  R.format = format;
  R.zone = zone;
  R.end = end;
  R.level = level;
  return R;
}

const MONTHS: Record<string, number> = { Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12 };

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Two digits at i, or -1. */
function d2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function d4(s: string, i: number): number {
  const a = d2(s, i);
  const b = d2(s, i + 2);
  return a < 0 || b < 0 ? -1 : a * 100 + b;
}

const localCache = new Map<number, number>();
const utcCache = new Map<number, number>();

/** UTC minute → ms (Date.UTC once per minute seen). */
let lastUtcKey = -1;
let lastUtcMs = 0;

function utcMinuteMs(y: number, mo: number, d: number, h: number, mi: number): number {
  const key = (((y * 13 + mo) * 32 + d) * 24 + h) * 60 + mi;
  if (key === lastUtcKey) return lastUtcMs;
  lastUtcKey = key;
  let ms = utcCache.get(key);
  if (ms === undefined) {
    if (utcCache.size > 8192) utcCache.clear();
    ms = Date.UTC(y, mo - 1, d, h, mi);
    utcCache.set(key, ms);
  }
  lastUtcMs = ms;
  return ms;
}

/** Forget converted local minutes (only needed when the process's time zone changes: tests). */
export function clearLocalTimeCache(): void {
  localCache.clear();
  utcCache.clear();
  lastLocalKey = -1;
  lastUtcKey = -1;
  yearOf = { reference: Number.NaN, year: 0 };
}

/** Local wall-clock minute → UTC ms, through this computer's zone rules (DST included). */
let lastLocalKey = -1;
let lastLocalMs = 0;

export function localMinuteMs(y: number, mo: number, d: number, h: number, mi: number): number {
  const key = (((y * 13 + mo) * 32 + d) * 24 + h) * 60 + mi;
  // Logs run in time order: most lines fall in the minute of the line before.
  if (key === lastLocalKey) return lastLocalMs;
  lastLocalKey = key;
  let ms = localCache.get(key);
  if (ms === undefined) {
    if (localCache.size > 8192) localCache.clear();
    ms = new Date(y, mo - 1, d, h, mi).getTime();
    localCache.set(key, ms);
  }
  lastLocalMs = ms;
  return ms;
}

function valid(mo: number, d: number, h: number, mi: number, sec: number): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 60;
}

let zoneOffset = 0;
let zoneEnd = 0;

/**
 * A zone designator at i: `Z`, `UTC`, `+08:00`, `+0800`, `+08` (optionally after one space).
 * Sets zoneOffset (minutes) and zoneEnd; undefined when there is none.
 */
function zoneAt(s: string, i: number): Zone | undefined {
  let j = i;
  if (s.charCodeAt(j) === 32) j += 1;
  const c = s.charCodeAt(j);
  zoneOffset = 0;
  if (c === 90 /* Z */) {
    zoneEnd = j + 1;
    return 'utc';
  }
  if (c === 85 /* U */ && s.startsWith('UTC', j) && !isLetter(s.charCodeAt(j + 3))) {
    zoneEnd = j + 3;
    return 'utc';
  }
  if (c === 43 || c === 45) {
    const hh = d2(s, j + 1);
    if (hh < 0 || hh > 14) return undefined;
    let k = j + 3;
    let mm = 0;
    if (s.charCodeAt(k) === 58) {
      mm = d2(s, k + 1);
      if (mm < 0) return undefined;
      k += 3;
    } else if (isDigit(s.charCodeAt(k))) {
      mm = d2(s, k);
      if (mm < 0) return undefined;
      k += 2;
    }
    if (isDigit(s.charCodeAt(k))) return undefined;
    const off = hh * 60 + mm;
    zoneOffset = c === 45 ? -off : off;
    zoneEnd = k;
    return off === 0 ? 'utc' : 'offset';
  }
  return undefined;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * ISO 8601 / RFC 3339 and its log variants at i: `2024-01-15T09:38:52.117+08:00`,
 * `2024-01-15 09:38:52,117` (log4j, Python), `2026-12-05T04:34:36+0000` (journalctl short-iso),
 * `2024-01-15 09:38:52.117 +08:00` (Serilog), `2025-06-24  14:36:25` (apt), 7 fraction digits
 * (Windows). Without a zone: local time.
 */
export function isoAt(s: string, i: number): Stamp | undefined {
  const y = d4(s, i);
  if (y < 1970 || s.charCodeAt(i + 4) !== 45 || s.charCodeAt(i + 7) !== 45) return undefined;
  const mo = d2(s, i + 5);
  const d = d2(s, i + 8);
  let j = i + 10;
  const sep = s.charCodeAt(j);
  if (sep !== 84 && sep !== 32) return undefined;
  j += 1;
  if (sep === 32 && s.charCodeAt(j) === 32) j += 1;
  const h = d2(s, j);
  if (s.charCodeAt(j + 2) !== 58 || s.charCodeAt(j + 5) !== 58) return undefined;
  const mi = d2(s, j + 3);
  const sec = d2(s, j + 6);
  if (!valid(mo, d, h, mi, sec)) return undefined;
  j += 8;
  let ms = 0;
  const f = s.charCodeAt(j);
  if (f === 46 || f === 44) {
    j += 1;
    let n = 0;
    while (isDigit(s.charCodeAt(j))) {
      if (n < 3) ms = ms * 10 + (s.charCodeAt(j) - 48);
      n += 1;
      j += 1;
    }
    for (; n < 3; n += 1) ms *= 10;
  }
  const z = zoneAt(s, j);
  if (z) return out(utcMinuteMs(y, mo, d, h, mi) - zoneOffset * 60_000 + sec * 1000 + ms, 'iso8601', z, zoneEnd);
  return out(localMinuteMs(y, mo, d, h, mi) + sec * 1000 + ms, 'iso8601', 'local', j);
}

/** Syslog severity (PRI % 8) → level: 0–3 emerg…err, 4 warning, 5–7 notice…debug. */
export function severityLevel(severity: number): Level {
  return severity <= 3 ? 'error' : severity === 4 ? 'warning' : 'info';
}

/** `<PRI>` at 0: severity * 8 + index after it (≤ 5), or -1. */
function priAt(s: string): number {
  if (s.charCodeAt(0) !== 60) return -1;
  let j = 1;
  let pri = 0;
  while (isDigit(s.charCodeAt(j)) && j < 4) {
    pri = pri * 10 + (s.charCodeAt(j) - 48);
    j += 1;
  }
  if (j === 1 || s.charCodeAt(j) !== 62 || pri > 191) return -1;
  return (pri % 8) * 8 + j + 1;
}

/**
 * The year for a stamp that has none: the collection's year, or the year before when that
 * would put the stamp more than two days after the collection (December lines read in January).
 */
let yearOf = { reference: Number.NaN, year: 0 };

function withYear(reference: number, mo: number, d: number, h: number, mi: number): number {
  if (yearOf.reference !== reference) yearOf = { reference, year: new Date(reference).getFullYear() };
  const ms = localMinuteMs(yearOf.year, mo, d, h, mi);
  return ms > reference + 2 * 86_400_000 ? localMinuteMs(yearOf.year - 1, mo, d, h, mi) : ms;
}

/** `Jan`…`Dec` at i → 1…12, or 0. */
function monthAt(s: string, i: number): number {
  const a = s.charCodeAt(i);
  const b = s.charCodeAt(i + 1);
  const c = s.charCodeAt(i + 2);
  switch (a) {
    case 74: // J
      return b === 97 ? (c === 110 ? 1 : 0) : b === 117 ? (c === 110 ? 6 : c === 108 ? 7 : 0) : 0;
    case 70: // F
      return b === 101 && c === 98 ? 2 : 0;
    case 77: // M
      return b === 97 ? (c === 114 ? 3 : c === 121 ? 5 : 0) : 0;
    case 65: // A
      return b === 112 && c === 114 ? 4 : b === 117 && c === 103 ? 8 : 0;
    case 83: // S
      return b === 101 && c === 112 ? 9 : 0;
    case 79: // O
      return b === 99 && c === 116 ? 10 : 0;
    case 78: // N
      return b === 111 && c === 118 ? 11 : 0;
    case 68: // D
      return b === 101 && c === 99 ? 12 : 0;
    default:
      return 0;
  }
}

/** Up to `max` fraction digits at i (after the dot) as milliseconds; sets fracEnd. -1 when there are none or more than `max`. */
let fracEnd = 0;
function fractionAt(s: string, i: number, max: number): number {
  let n = 0;
  let ms = 0;
  let j = i;
  while (isDigit(s.charCodeAt(j))) {
    if (n < 3) ms = ms * 10 + (s.charCodeAt(j) - 48);
    n += 1;
    j += 1;
  }
  if (n === 0 || n > max) return -1;
  for (; n < 3; n += 1) ms *= 10;
  fracEnd = j;
  return ms;
}

/**
 * RFC 3164's `Oct 11 22:14:15` (day space-padded), optionally `.123456`, then a space: sets
 * the month … second fields below and returns where the stamp ends, or -1.
 */
let fMo = 0;
let fD = 0;
let fH = 0;
let fMi = 0;
let fSec = 0;
let fMs = 0;
function bsdStampAt(s: string, i: number): number {
  const mo = monthAt(s, i);
  if (mo === 0 || s.charCodeAt(i + 3) !== 32) return -1;
  const d1 = s.charCodeAt(i + 4);
  const d0 = s.charCodeAt(i + 5) - 48;
  if (d0 < 0 || d0 > 9) return -1;
  let d: number;
  if (d1 === 32) d = d0;
  else if (isDigit(d1)) d = (d1 - 48) * 10 + d0;
  else return -1;
  if (s.charCodeAt(i + 6) !== 32 || s.charCodeAt(i + 9) !== 58 || s.charCodeAt(i + 12) !== 58) return -1;
  const h = d2(s, i + 7);
  const mi = d2(s, i + 10);
  const sec = d2(s, i + 13);
  let j = i + 15;
  let ms = 0;
  if (s.charCodeAt(j) === 46) {
    ms = fractionAt(s, j + 1, 6);
    if (ms < 0) return -1;
    j = fracEnd;
  }
  if (s.charCodeAt(j) !== 32 || !valid(mo, d, h, mi, sec)) return -1;
  fMo = mo;
  fD = d;
  fH = h;
  fMi = mi;
  fSec = sec;
  fMs = ms;
  return j;
}

/** `<PRI>1 2003-10-11T22:14:15.003Z host app …` (RFC 5424) or `<PRI>Oct 11 22:14:15 host …` / `Oct 11 22:14:15 host …` (RFC 3164, local). */
export function syslogAt(s: string, reference: number): Stamp | undefined {
  const pri = priAt(s);
  let i = 0;
  if (pri >= 0) {
    i = pri % 8;
    if (s.charCodeAt(i) === 49 && s.charCodeAt(i + 1) === 32) {
      const iso = isoAt(s, i + 2);
      if (!iso) return undefined;
      iso.format = 'rfc5424';
      iso.level = severityLevel(pri >> 3);
      return iso;
    }
  }
  const end = bsdStampAt(s, i);
  if (end < 0) return undefined;
  return out(withYear(reference, fMo, fD, fH, fMi) + fSec * 1000 + fMs, 'rfc3164', 'local', end, pri >= 0 ? severityLevel(pri >> 3) : undefined);
}

/** A run of digits at i: its value (capped), and digitsEnd; -1 when none. */
let digitsEnd = 0;
function digitsAt(s: string, i: number): number {
  let j = i;
  let v = 0;
  while (isDigit(s.charCodeAt(j))) {
    if (j - i < 15) v = v * 10 + (s.charCodeAt(j) - 48);
    j += 1;
  }
  digitsEnd = j;
  return j === i ? -1 : v;
}

/** Chromium / Electron `[pid:tid:MMDD/HHMMSS.uuuuuu:LEVEL:file.cc(123)]` (or `[pid:MMDD/…`, or `…:file.cc:123]`): local time, no year. */
export function chromiumAt(s: string, reference: number): Stamp | undefined {
  if (s.charCodeAt(0) !== 91) return undefined;
  // `pid:tid:` or `pid:` (Electron and Chromium on Windows write the process id only) or nothing.
  let j = 1;
  if (digitsAt(s, 1) >= 0 && s.charCodeAt(digitsEnd) === 58) {
    const k = digitsEnd + 1;
    j = k;
    if (digitsAt(s, k) >= 0 && s.charCodeAt(digitsEnd) === 58) j = digitsEnd + 1;
  }
  if (s.charCodeAt(j + 4) !== 47) return undefined;
  const mo = d2(s, j);
  const d = d2(s, j + 2);
  const h = d2(s, j + 5);
  const mi = d2(s, j + 7);
  const sec = d2(s, j + 9);
  if (!valid(mo, d, h, mi, sec)) return undefined;
  j += 11;
  let frac = 0;
  if (s.charCodeAt(j) === 46) {
    frac = fractionAt(s, j + 1, 6);
    if (frac < 0) return undefined;
    j = fracEnd;
  }
  if (s.charCodeAt(j) !== 58) return undefined;
  const lv = j + 1;
  j = lv;
  while (s.charCodeAt(j) >= 65 && s.charCodeAt(j) <= 90) j += 1;
  if (j === lv) return undefined;
  while (isDigit(s.charCodeAt(j))) j += 1;
  if (s.charCodeAt(j) !== 58) return undefined;
  const close = s.indexOf(']', j + 1);
  if (close < 0) return undefined;
  // ERROR, FATAL, WARNING; anything else (INFO, VERBOSE1) is information.
  const first = s.charCodeAt(lv);
  const len = j - lv;
  const level: Level = (first === 69 && len === 5 && s.startsWith('ERROR', lv)) || (first === 70 && len === 5 && s.startsWith('FATAL', lv)) ? 'error' : first === 87 && len === 7 && s.startsWith('WARNING', lv) ? 'warning' : 'info';
  return out(withYear(reference, mo, d, h, mi) + sec * 1000 + frac, 'chromium', 'local', close + 1, level);
}

/** A string field's value in one line of JSON (without parsing the whole line). */
export function jsonField(s: string, key: string): string | undefined {
  const k = s.indexOf(`"${key}":`);
  if (k < 0) return undefined;
  let i = k + key.length + 3;
  while (s.charCodeAt(i) === 32) i += 1;
  if (s.charCodeAt(i) !== 34) return undefined;
  let j = i + 1;
  for (; j < s.length; j += 1) {
    const c = s.charCodeAt(j);
    if (c === 92) j += 1;
    else if (c === 34) break;
  }
  const raw = s.slice(i + 1, j);
  if (raw.indexOf('\\') < 0) return raw;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

/** A journald JSON line (`journalctl -o json`): `__REALTIME_TIMESTAMP` is UTC microseconds; `PRIORITY` the syslog severity. */
export function journaldAt(s: string): Stamp | undefined {
  const k = s.indexOf('"__REALTIME_TIMESTAMP":');
  if (k < 0) return undefined;
  let i = k + 23;
  while (s.charCodeAt(i) === 32) i += 1;
  if (s.charCodeAt(i) !== 34) return undefined;
  i += 1;
  // 10–17 digits of µs; the milliseconds are all but the last three (exact below 2^53).
  let j = i;
  let ms = 0;
  while (isDigit(s.charCodeAt(j))) j += 1;
  const n = j - i;
  if (n < 10 || n > 17 || s.charCodeAt(j) !== 34) return undefined;
  for (let x = i; x < j - 3; x += 1) ms = ms * 10 + (s.charCodeAt(x) - 48);
  let level: Level | undefined;
  const p = s.indexOf('"PRIORITY":');
  if (p >= 0) {
    let q = p + 11;
    while (s.charCodeAt(q) === 32) q += 1;
    const v = s.charCodeAt(q + 1) - 48;
    if (s.charCodeAt(q) === 34 && v >= 0 && v <= 7 && s.charCodeAt(q + 2) === 34) level = severityLevel(v);
  }
  return out(ms, 'journald-json', 'utc', 0, level);
}

/** A macOS unified log line (`log show --style ndjson`): `timestamp` "2024-01-15 09:38:52.117245+0800", `messageType` Error/Fault. */
export function macosAt(s: string): Stamp | undefined {
  const ts = jsonField(s, 'timestamp');
  if (!ts) return undefined;
  const iso = isoAt(ts, 0);
  if (!iso) return undefined;
  const type = jsonField(s, 'messageType');
  return out(iso.ms, 'macos-ndjson', iso.zone, 0, type === 'Error' || type === 'Fault' ? 'error' : 'info');
}

const SLASH_YMD = /(\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{1,2}):(\d\d):(\d\d)(?:[.,](\d{1,7}))?/y;
const SLASH_MDY = /(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d\d):(\d\d)(?:[.,](\d{1,7}))?(?: ([AP]M))?/y;

function local(y: number, mo: number, d: number, h: number, mi: number, sec: number, frac: string | undefined): number | undefined {
  if (!valid(mo, d, h, mi, sec)) return undefined;
  return localMinuteMs(y, mo, d, h, mi) + sec * 1000 + (frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0);
}

/** .NET `DateTime.ToString()` in zh-CN `2024/1/15 9:38:52` (also nginx's error log) and en-US `1/15/2024 9:38:52 AM`: local. */
export function dotnetAt(s: string, i: number): Stamp | undefined {
  SLASH_YMD.lastIndex = i;
  let m = SLASH_YMD.exec(s);
  if (m) {
    const ms = local(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), m[7]);
    return ms === undefined ? undefined : out(ms, 'dotnet', 'local', SLASH_YMD.lastIndex);
  }
  SLASH_MDY.lastIndex = i;
  m = SLASH_MDY.exec(s);
  if (!m) return undefined;
  let h = Number(m[4]);
  if (m[8] === 'PM' && h < 12) h += 12;
  if (m[8] === 'AM' && h === 12) h = 0;
  const ms = local(Number(m[3]), Number(m[1]), Number(m[2]), h, Number(m[5]), Number(m[6]), m[7]);
  return ms === undefined ? undefined : out(ms, 'dotnet', 'local', SLASH_MDY.lastIndex);
}

const JUL = /(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) (\d\d), (\d{4}) (\d{1,2}):(\d\d):(\d\d) ([AP]M) /y;

/** java.util.logging's SimpleFormatter: `Dec 05, 2026 4:35:17 AM Main main`, the level on the next line. */
export function julAt(s: string): Stamp | undefined {
  JUL.lastIndex = 0;
  const m = JUL.exec(s);
  if (!m) return undefined;
  let h = Number(m[4]);
  if (m[7] === 'PM' && h < 12) h += 12;
  if (m[7] === 'AM' && h === 12) h = 0;
  const ms = local(Number(m[3]), MONTHS[m[1]!]!, Number(m[2]), h, Number(m[5]), Number(m[6]), undefined);
  return ms === undefined ? undefined : out(ms, 'java-util-logging', 'local', JUL.lastIndex);
}

const CTIME = /(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ \d]\d) (\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))? (\d{4})/y;

/** C `ctime()`: `Sat Dec  5 04:30:03 2026` (Apache's error log, Request Tracker, Xorg's header): local. */
export function ctimeAt(s: string, i: number): Stamp | undefined {
  CTIME.lastIndex = i;
  const m = CTIME.exec(s);
  if (!m) return undefined;
  const ms = local(Number(m[7]), MONTHS[m[1]!]!, Number(m[2]!.trim()), Number(m[3]), Number(m[4]), Number(m[5]), m[6]);
  return ms === undefined ? undefined : out(ms, 'ctime', 'local', CTIME.lastIndex);
}

const CLF = /\[(\d\d)\/(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\/(\d{4}):(\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d)\]/g;

/** Common/combined log format (web servers' access logs): `[15/Jan/2024:09:38:52 +0800]`, anywhere in the first 80 characters. */
export function clfIn(s: string): Stamp | undefined {
  CLF.lastIndex = 0;
  const m = CLF.exec(s.length > 120 ? s.slice(0, 120) : s);
  if (!m || m.index > 80) return undefined;
  const mo = MONTHS[m[2]!]!;
  const [d, h, mi, sec] = [Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6])];
  if (!valid(mo, d, h, mi, sec)) return undefined;
  const off = (Number(m[8]) * 60 + Number(m[9])) * (m[7] === '-' ? -1 : 1);
  return out(Date.UTC(Number(m[3]), mo - 1, d, h, mi, sec) - off * 60_000, 'clf', off === 0 ? 'utc' : 'offset', m.index + m[0].length);
}

/** How far into a line a stamp may start after a prefix (`I, [`, `update-alternatives `, `ERROR `). */
const SEARCH_SPAN = 48;

/**
 * The stamp of one line, trying the formats from the likeliest (`hint`, the format the source's
 * previous line had) on. Undefined: the line has no date we can read.
 */
export function stampOf(s: string, reference: number, hint?: FormatId): Stamp | undefined {
  if (hint) {
    const quick = tryFormat(s, reference, hint);
    if (quick) return quick;
  }
  const c = s.charCodeAt(0);
  if (isDigit(c)) return isoAt(s, 0) ?? dotnetAt(s, 0) ?? search(s);
  if (c === 60) return syslogAt(s, reference) ?? search(s);
  if (c === 123) return journaldAt(s) ?? macosAt(s);
  if (c === 91) return chromiumAt(s, reference) ?? (s.charCodeAt(1) !== 32 ? isoAt(s, 1) ?? ctimeAt(s, 1) : undefined) ?? search(s);
  if (c === 32 || c === 9 || s.length < 10) return undefined;
  return syslogAt(s, reference) ?? julAt(s) ?? ctimeAt(s, 0) ?? search(s);
}

function tryFormat(s: string, reference: number, format: FormatId): Stamp | undefined {
  switch (format) {
    case 'iso8601':
      return isoAt(s, 0);
    case 'rfc5424':
    case 'rfc3164':
      return syslogAt(s, reference);
    case 'chromium':
      return chromiumAt(s, reference);
    case 'journald-json':
      return s.charCodeAt(0) === 123 ? journaldAt(s) : undefined;
    case 'macos-ndjson':
      return s.charCodeAt(0) === 123 ? macosAt(s) : undefined;
    default:
      return undefined;
  }
}

/** A stamp after a short prefix: ISO, ctime or the access-log form within the first characters. */
function search(s: string): Stamp | undefined {
  const span = Math.min(s.length - 10, SEARCH_SPAN);
  for (let i = 1; i < span; i += 1) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      if (s.charCodeAt(i + 4) === 45 && !isDigit(s.charCodeAt(i - 1))) {
        const iso = isoAt(s, i);
        if (iso) return iso;
      }
    } else if (c === 91 || c === 32) {
      const next = s.charCodeAt(i + 1);
      if (next >= 65 && next <= 90 && s.charCodeAt(i + 4) === 32) {
        const ct = ctimeAt(s, i + 1);
        if (ct) return ct;
      }
    }
  }
  return s.indexOf('/') >= 0 && s.indexOf(':') >= 0 ? clfIn(s) : undefined;
}

const UPPER_LEVEL = /\b(FATAL|CRITICAL|CRIT|EMERG|ALERT|SEVERE|ERROR|ERR|FTL|EROR|WARNING|WARN|WRN)\b/;
// `fail` is Microsoft.Extensions.Logging's console word for Error (`fail: Category[0]`).
const MARKED_LEVEL = /[\s[<|(]([Ff]atal|[Cc]ritical|crit|emerg|alert|[Ee]rror|err|fail|[Ww]arning|[Ww]arn)[\]>|):]/;
const HAS_CJK = /[\u4e00-\u9fff]/;
const CJK_LEVEL = /致命|严重|错误|失败|警告/;

/**
 * The level words of text formats, in the first characters after the stamp: upper-case words
 * anywhere (`ERROR`, `[ERR]`, `|WARN|`), lower-case or capitalised ones only as a marker
 * (`[error]`, `error:`, `<warn>`, .NET console's `fail:`), and the Chinese words (`错误`, `警告`). Anything else is
 * information. It runs on every line: the Chinese words are looked for only in lines with
 * Chinese text.
 */
export function levelOfText(s: string, from: number): Level {
  // From the character before the text, so a marker right at its start (` [error]`) is seen.
  const at = from > 0 ? from - 1 : 0;
  const head = s.length - at > 96 ? s.slice(at, at + 96) : at > 0 ? s.slice(at) : ` ${s}`;
  const m = UPPER_LEVEL.exec(head);
  if (m) return m[1]!.charCodeAt(0) === 87 ? 'warning' : 'error';
  const l = MARKED_LEVEL.exec(head);
  if (l) return l[1]!.charCodeAt(0) === 87 || l[1]!.charCodeAt(0) === 119 ? 'warning' : 'error';
  if (!HAS_CJK.test(head)) return 'info';
  const c = CJK_LEVEL.exec(head);
  return c ? (c[0] === '警告' ? 'warning' : 'error') : 'info';
}

/** Ruby's Logger writes the level's initial before the stamp: `E, [2026-…]`, `W, […]`, `F, […]`. */
export function rubyLevel(s: string): Level | undefined {
  if (s.charCodeAt(1) !== 44 || s.charCodeAt(2) !== 32 || s.charCodeAt(3) !== 91) return undefined;
  const c = s[0];
  return c === 'E' || c === 'F' ? 'error' : c === 'W' ? 'warning' : c === 'I' || c === 'D' || c === 'A' ? 'info' : undefined;
}
