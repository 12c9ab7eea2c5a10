/**
 * Small named validators the rule table (rules.ts) points to: each takes a regex match, its line
 * and what surrounds the line, and says whether the match is what the rule is after.
 */
import { isMeasurementContext } from './context.js';
import type { LineSurroundings } from './rules.js';
import { cardBrand, cnIdValid, luhnValid } from './validators.js';

export type RuleValidator = (m: RegExpExecArray, line: string, around?: LineSurroundings) => boolean;

export const digitsOnly = (value: string) => value.replace(/\D+/g, '');
const before = (m: RegExpExecArray, line: string, n: number) => line.slice(Math.max(0, m.index - n), m.index);

/**
 * Digits under a size/count/time/id key, a unit or a typed number element are a measurement; digits
 * inside a longer hex string (a hash, a key id) are part of it. Neither is a phone, card or ID.
 */
export const notMeasurement: RuleValidator = (m, line, around) => !insideHex(m, line) && !isMeasurementContext(line, m.index, m[0].length, around);

const isHexChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isAlnum = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The match is glued to hex letters and the whole token is hex: `9f4532015112830366abcd`. */
const HEX_WINDOW = 256;

function insideHex(m: RegExpExecArray, line: string): boolean {
  let start = m.index;
  let end = m.index + m[0].length;
  if (!isAlnum(line.charCodeAt(start - 1)) && !isAlnum(line.charCodeAt(end))) return false;
  if (/[^0-9]/.test(m[0])) return false; // grouped numbers are not hex runs
  // Look at most HEX_WINDOW characters each way: a run of hex that long is a hex blob, and a
  // bounded look keeps a 200 MB one-line hex dump linear (each match would rescan the line).
  const lo = Math.max(0, start - HEX_WINDOW);
  const hi = Math.min(line.length, end + HEX_WINDOW);
  while (start > lo && isAlnum(line.charCodeAt(start - 1))) start -= 1;
  while (end < hi && isAlnum(line.charCodeAt(end))) end += 1;
  for (let i = start; i < end; i += 1) if (!isHexChar(line.charCodeAt(i))) return false;
  return true;
}

// Words before a UnionPay number that is not Luhn-valid that still make it a card.
const CARD_CONTEXT = /card|卡号|银行卡|储蓄卡|信用卡|借记卡|账号|帐号|开户|pan\b/i;

/**
 * 13–19 digits (one kind of separator), a known issuer prefix and length, Luhn-valid; UnionPay
 * (62) without Luhn only when grouped 4-4-4-4 or right after a card word.
 */
export const cardNumber: RuleValidator = (m, line, around) => {
  const text = m[0];
  const digits = digitsOnly(text);
  if (digits.length < 13 || digits.length > 19) return false;
  const seps = text.match(/[ -]/g);
  if (seps && new Set(seps).size > 1) return false;
  const brand = cardBrand(digits);
  if (brand === undefined || !notMeasurement(m, line, around)) return false;
  if (luhnValid(digits)) return true;
  return brand === 'unionpay' && (/^\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?$/.test(text) || CARD_CONTEXT.test(before(m, line, 24)));
};

/** Amex grouped 4-6-5, Luhn-valid. */
export const amexNumber: RuleValidator = (m, line, around) => luhnValid(digitsOnly(m[0])) && notMeasurement(m, line, around);

/** PRC resident identity number with a valid check character, not a measurement. */
export const cnIdNumber: RuleValidator = (m, line, around) => cnIdValid(m[0]) && notMeasurement(m, line, around);

/** E.164 with separators: 8–15 digits, not a version (`+1.2`), not a measurement. */
export const internationalPhone: RuleValidator = (m, line, around) => {
  const n = digitsOnly(m[0]).length;
  return n >= 8 && n <= 15 && !/^\+\d{1,3}\.\d/.test(m[0]) && notMeasurement(m, line, around);
};

const EMAIL_FILE_TLDS = /^(?:png|jpe?g|gif|svg|webp|ico|bmp|tiff?|js|mjs|cjs|ts|tsx|jsx|css|scss|less|json|map|txt|log|xml|html?|dll|exe|so|dylib|py|rb|java|class|jar|md|ya?ml|ini|conf|cfg|lock|pem|crt|cer|key|zip|gz|tgz|bak|tmp|dat|db|sqlite|vue|php|sh|ps1|bat|cmd|msi|pdf|docx?|xlsx?)$/i;

/** An address, not a file name (`icon@2x.png`) or an SSH remote (`git@github.com:org/repo`). */
export const personalEmail: RuleValidator = (m, line) =>
  !EMAIL_FILE_TLDS.test(m.groups?.tld ?? '') && !(m[0].startsWith('git@') && (line[m.index + m[0].length] === ':' || line.slice(Math.max(0, m.index - 3), m.index) === '://'));

/** The CSV header's name for the column a match sits in (`护照` above `EB1234567`), or ''. */
export function csvColumnName(m: RegExpExecArray, line: string, around: LineSurroundings | undefined): string {
  if (!around || line.indexOf(',') < 0) return '';
  const header = around.header();
  if (header === line || header.indexOf(',') < 0) return '';
  const column = line.slice(0, m.index).split(',').length - 1;
  return header.split(',')[column] ?? '';
}

/** A pattern's context words stand before the match on its line, or head its CSV column. */
export function hasContext(context: { words: RegExp; before: number }, m: RegExpExecArray, line: string, around: LineSurroundings | undefined): boolean {
  return context.words.test(before(m, line, context.before)) || context.words.test(csvColumnName(m, line, around));
}
