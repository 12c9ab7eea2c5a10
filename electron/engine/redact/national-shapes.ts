/**
 * num25 (session 23): national numbers and national phone numbers whose printed shape is distinctive enough to be taken
 * with no name beside them (issue #14) — a printed DataFrame's `cpf` column, a Thai patient id in brackets after a name,
 * a CRM sync's `(11) 98427-3615`, an e-mail's `Ring me on 07700 918 264`:
 * - a Brazilian CPF with its punctuation, `ddd.ddd.ddd-dd`, and its two check digits (a CNPJ, `dd.ddd.ddd/dddd-dd`, is a
 *   company's and stays: the README's convention);
 * - a Thai national id with its dashes, `d-dddd-ddddd-dd-d`, and its check digit;
 * - a Brazilian mobile with its area code in brackets, `(dd) 9dddd-dddd`;
 * - a UK mobile grouped as people write it, `07ddd dddddd` / `07ddd ddd ddd`;
 * - a Dutch mobile, `06-dddddddd` / `06 dddddddd`;
 * - a German mobile, `015x/016x/017x dddddddd`.
 * Left out on purpose: bare digit runs (a byte count, an id, a timestamp), French `0x xx xx xx xx` pairs (the digits scan's
 * pre-check, digit-shape.ts, could not rule a line of pairs out cheaply), Indian `ddddd ddddd` (two PIDs in a `ps` column),
 * an Aadhaar `dddd dddd dddd` alone (one Verhoeff digit: 1 in 10 of any twelve grouped digits), a CURP or codice fiscale
 * alone (letter-led: no cheap wake; both are taken beside a name or under a key or column, national-ids.ts).
 *
 * Speed: these shapes are woken by the digits scan the personal-number rules share (rules.ts PERSONAL_DIGITS), and the
 * trigger below is one of digit-shape.ts's DIGIT_SHAPE_TRIGGERS, whose cheap pre-check skips a line without running any
 * digit rule; each shape holds a run of six digits, ten digits joined by single blanks or dashes after groups of three or
 * more, a `(` before a digit, or a CPF's skeleton (digit-shape.ts cpfAt).
 */
import { luhnValid } from './validators.js';

/** The rule's trigger source (flags `i`; no capturing group: it is joined into the digits scan's confirm). */
// ids26 (session 24): an Emirates ID `784-YYYY-NNNNNNN-C` (ten joined digits and more).
export const NATIONAL_SHAPE_TRIGGER = String.raw`\d{3}\.\d{3}\.\d{3}-\d{2}|\d-\d{4}-\d{5}-\d{2}-\d|\(\d{2}\) ?9\d{4}-\d{4}|07\d{3} (?:\d{6}|\d{3} \d{3})|06[- ]\d{8}|01[5-7]\d \d{7,8}|784-\d{4}-\d{7}-\d`;

// Not the tail of a longer number (`12 07700 900123`), a version, a path or a time.
const NOT_BEFORE = String.raw`(?<![\w.,:/+-]|\d[ ])`;

/** CPF `ddd.ddd.ddd-dd` (group `cpf`); not inside a longer dotted number, a CNPJ or a version. */
export const CPF_ALONE = new RegExp(String.raw`(?<![\w.,:/-])(?<cpf>\d{3}\.\d{3}\.\d{3}-\d{2})(?![\w-]|[.,/]\d)`);
/** Thai id `d-dddd-ddddd-dd-d` (group `thid`). */
export const THAI_ID_ALONE = new RegExp(String.raw`(?<![\w.,:/-])(?<thid>[1-8]-\d{4}-\d{5}-\d{2}-\d)(?![\w-]|[.,/]\d)`);
/** National mobiles (group `mobile`): Brazil, the UK, the Netherlands, Germany. */
export const MOBILE_ALONE = new RegExp(
  `${NOT_BEFORE}(?<mobile>` +
    [String.raw`\([1-9]{2}\) ?9\d{4}-\d{4}`, String.raw`07[1-57-9]\d{2} (?:\d{6}|\d{3} \d{3})`, String.raw`06[- ][1-9]\d{7}`, String.raw`01[5-7]\d \d{7,8}`].join('|') +
    String.raw`)(?![\w-]|[.,:/]\d|[ ]\d)`,
);

const cpfDigits = (v: string) => v.replace(/\D/g, '');

/** The CPF's two check digits (mod 11), not one digit repeated. */
export function isCpf(value: string): boolean {
  const s = cpfDigits(value);
  if (s.length !== 11 || /^(\d)\1+$/.test(s)) return false;
  const sum = (len: number) => {
    let t = 0;
    for (let i = 0; i < len; i += 1) t += (s.charCodeAt(i) - 48) * (len + 1 - i);
    return ((t * 10) % 11) % 10;
  };
  return sum(9) === s.charCodeAt(9) - 48 && sum(10) === s.charCodeAt(10) - 48;
}

/** The Thai id's check digit (mod 11 over the first twelve). */
export function isThaiId(value: string): boolean {
  const s = cpfDigits(value);
  if (s.length !== 13) return false;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += (s.charCodeAt(i) - 48) * (13 - i);
  return (11 - (sum % 11)) % 10 === s.charCodeAt(12) - 48;
}

/** A national mobile: not one digit repeated after its prefix (`06-00000000`, `07700 000000`: a form's stand-in). */
export function isNationalMobile(value: string): boolean {
  const s = cpfDigits(value);
  return !/(\d)\1{6}$/.test(s);
}

// ---- ids26 (session 24): a shape distinctive enough alone ----

/**
 * An Emirates ID with its dashes, `784-YYYY-NNNNNNN-C` (784 is the UAE's ISO country code; a year of birth; Luhn over the
 * fifteen digits): group `eid`. Not inside a longer dashed run or a number.
 */
export const EMIRATES_ID_ALONE = new RegExp(String.raw`(?<![\w.,:/+-])(?<eid>784-(?:19|20)\d{2}-\d{7}-\d)(?![\w-]|[.,/]\d)`);

/** The Emirates ID's Luhn digit over its fifteen digits. */
export function isEmiratesId(value: string): boolean {
  const s = value.replace(/\D/g, '');
  return s.length === 15 && luhnValid(s) && !/^784(\d)\1+$/.test(s);
}

// ---- end ids26
