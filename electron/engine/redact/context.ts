/**
 * Context, not just shape: the key a value sits under decides what a run of digits can be. A
 * number in a field named like a size, count, byte total, time or id (`"free": 17179869184`,
 * `bytes=13812345678`) is a measurement, never a phone number or a card; a bare number in JSON is
 * personal only under a key that says so (`"phone": 13800138000`).
 */
import { keyWords } from './key-names.js';

/** Words of a key that make its value a measurement or a technical identifier. */
const MEASURE_WORDS = new Set([
  'size', 'sizes', 'count', 'counts', 'bytes', 'byte', 'total', 'free', 'used', 'available', 'avail', 'length', 'len',
  'time', 'times', 'timestamp', 'ts', 'date', 'id', 'ids', 'uid', 'gid', 'pid', 'ppid', 'tid', 'uuid', 'guid', 'duration',
  'elapsed', 'uptime', 'mem', 'memory', 'swap', 'capacity', 'blocks', 'block', 'offset', 'inode', 'seq', 'sequence',
  'index', 'idx', 'speed', 'freq', 'frequency', 'hz', 'ms', 'ns', 'us', 'sec', 'secs', 'seconds', 'kb', 'mb', 'gb', 'tb',
  'kib', 'mib', 'gib', 'version', 'build', 'crc', 'hash', 'checksum', 'port', 'mtu', 'quota', 'limit', 'max', 'min',
  'rate', 'packets', 'errors', 'dropped', 'rx', 'tx', 'serial', 'start', 'end', 'current', 'epoch', 'created', 'modified',
  'updated', 'expires', 'sectors', 'cylinders', 'heads', 'tracks', 'cache', 'buffers', 'buffcache', 'slab', 'active',
  'inactive', 'shared', 'dirty', 'writeback', 'rss', 'vsz', 'heap', 'cpu', 'cores', 'physical', 'logical',
  'nonce', 'crc32', 'sha', 'md5', 'build_id', 'revision', 'rev', 'generation', 'interval', 'period', 'ttl', 'timeout',
  'latency', 'avg', 'sum', 'usage', 'load', 'percent', 'pct', 'ratio', 'score', 'weight', 'priority', 'level',
  // Typed number elements (plist `<integer>`, .NET settings): a phone number would be a string.
  'integer', 'real', 'int', 'long', 'double', 'float', 'dword', 'qword',
]);

/** Words of a key that announce personal data, which win over the measurement words (`phone_number`). */
const PERSONAL_KEY = /phone|mobile|tel(?:ephone)?\b|cell|fax|contact|card|pan\b|account|acct|iban|passport|permit|idcard|id_?no|id_?num|身份证|手机|电话|号码|联系|卡号|账号|帐号|护照|通行证/i;

const UNIT_AFTER = /^[ \t]?(?:bytes?|[KMGT]i?B|[KMGT]?B\b|ms|ns|µs|us|s\b|secs?\b|seconds|字节|毫秒|微秒|纳秒|秒|个|次|条)/;
const MEASURE_BEFORE = /(?:大小|字节数?|容量|剩余|可用|已用|内存|磁盘|耗时|时长|时间戳|uptime|size|bytes|count|total|free|used|elapsed|duration|memory|offset|position|lsn)[ \t]*$/i;

/**
 * The key a value at `index` in `line` is assigned to: `"free": `, `size=`, `<bytes>`, `Total: `.
 * Undefined when the value is not right after a key and a separator.
 */
export function keyBefore(line: string, index: number): string | undefined {
  const head = line.slice(Math.max(0, index - 96), index);
  const m = /(?:["']?(?<key>[\p{L}\p{N}_.\- ]*[\p{L}\p{N}_])["']?\s*(?:=>|:=|[=:：])\s*["']?|<(?<tag>[\w.:-]+)(?:\s[^<>]*)?>)$/u.exec(head);
  let key = (m?.groups?.key ?? m?.groups?.tag)?.trim();
  if (key === undefined) return undefined;
  // `<add key="MaxUploadBytes" value="…"/>`: the attribute named `value` belongs to the key named before it; so does
  // the value slot of a JSON key/value object (Apifox/Postman environments `{"name": "operatorPhone", "currentValue":
  // "…"}`, `{"key": "x", "value": …}`): `currentValue` there is no electrical current.
  if (/^(?:value|data|(?:current|initial|default)[_ ]?value)$/i.test(key)) {
    const named = /(?:key|name)\s*=\s*["']([^"'<>]{1,80})["'][^<>]*$|["'](?:key|name)["']\s*:\s*["']([^"'<>{}]{1,80})["'][^{}]*$/i.exec(head);
    if (named) key = (named[1] ?? named[2])!;
  }
  // `level 3 total 12` style phrases: only the last few words are the key.
  return key.trim().split(/\s+/).slice(-3).join(' ');
}

// A machine's hardware identifiers: Dell's `Express Svc Code` (the service tag in decimal, 10–11
// digits), service and asset tags, part and model numbers (iDRAC, racadm, dmidecode, OpenManage).
const HARDWARE_ID_KEY = /express[ _-]?(?:svc|service)[ _-]?code|(?:service|svc|asset)[ _-]?tag|part[ _-]?(?:number|no)|model[ _-]?(?:number|no)|快速服务代码|服务标签|资产标签/i;

/** A key naming a measurement (and not personal data): its digits are never a phone or a card. */
export function isMeasureKey(key: string): boolean {
  if (PERSONAL_KEY.test(key)) return false;
  if (HARDWARE_ID_KEY.test(key)) return true;
  return keyWords(key).some((w) => MEASURE_WORDS.has(w));
}

/** A key that names personal data (phone, card, ID, passport …). */
export function isPersonalKey(key: string): boolean {
  return PERSONAL_KEY.test(key);
}

/**
 * An unquoted number that is a JSON (or YAML/INI) value by itself: `"free": 17179869184,`.
 * Such a number is personal only under a personal key.
 */
export function isBareNumberValue(line: string, index: number, length: number): boolean {
  const before = line.slice(Math.max(0, index - 4), index);
  const after = line.charCodeAt(index + length);
  const ends = Number.isNaN(after) || after === 44 /* , */ || after === 125 /* } */ || after === 93 /* ] */ || after === 32 || after === 13;
  return /["'][ \t]*:[ \t]*$|^[ \t]*$|\[[ \t]*$|,[ \t]*$/.test(before) && before.length > 0 && !/["']$/.test(before) && ends;
}

/**
 * Digits at `index` are a measurement by their context: under a measuring key, or a bare JSON
 * number under a key that does not name personal data.
 */
export function isMeasurementContext(line: string, index: number, length: number, around?: { previous(): string }): boolean {
  // A unit after the number (`13512345678 字节`, `13800138000 ms`) or a measuring word right
  // before it without a separator (`文件大小 13512345678`, `uptime 13800138000`).
  if (UNIT_AFTER.test(line.slice(index + length, index + length + 8))) return true;
  if (MEASURE_BEFORE.test(line.slice(Math.max(0, index - 16), index))) return true;
  const key = keyBefore(line, index);
  if (key !== undefined) {
    if (isMeasureKey(key)) return true;
    if (isPersonalKey(key)) return false;
  }
  // The key on the line before: Kubernetes `- name: CACHE_MAX_BYTES` ⏎ `value: "…"`, plist `<key>…</key>` ⏎ `<integer>…`,
  if (around && (key === undefined || /^(?:value|string|integer|real)$/i.test(key))) {
    // …and JSON name/value lists (HAR headers): `"name": "Content-Length",` ⏎ `"value": "…"`.
    const named = /^[ \t]*(?:-[ \t]+)?name:[ \t]*["']?([\w.-]+)["']?[ \t]*$|^[ \t]*<key>([^<]+)<\/key>[ \t]*$|^[ \t]*"name"[ \t]*:[ \t]*"([\w.-]+)"[ \t]*,?[ \t]*$/.exec(around.previous().replace(/\r$/, ''));
    const previousKey = named?.[1] ?? named?.[2] ?? named?.[3];
    if (previousKey !== undefined) {
      if (isMeasureKey(previousKey)) return true;
      if (isPersonalKey(previousKey)) return false;
    }
  }
  return /["'][ \t]*:[ \t]*$/.test(line.slice(Math.max(0, index - 4), index)) && isBareNumberValue(line, index, length);
}
