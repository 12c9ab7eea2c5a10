/**
 * A cheap necessary condition of the digits scan's confirm (rule-set.ts): the union of the
 * personal-number rules' triggers (cn-id, payment-card, phone, passport, travel-permit), tested on
 * every line the digits scan hits. On an access log every line hits (`200 1234`, status and size)
 * and the union, tried at every position of the line, was about half of the line engine's time
 * there; one walk over the line's characters rules most of those lines out.
 *
 * Every match of every alternative of those triggers holds one of:
 * - a run of 6 ASCII digits (`\d{17}`, `3[47]\d{2}[ -]\d{6}`, `\d{7,8}` of a permit, `[eg]\d{8}`,
 *   `e[a-z]\d{7}` and the labelled `\d{6,9}` of a passport (after `number of travel document:` and in
 *   `passport (No. …)` too), `0\d{2,3}\)?-\d{7}`, `1[3-9]\d\d{8}`);
 * - 10 ASCII digits in groups joined by one space or dash, every group before a separator at least
 *   3 digits long (the grouped card `\d{4}[ -]?…[ -]?\d`, mobile `1[3-9]\d[ -]\d{4}[ -]\d{4}`, resident
 *   id, `\d{3}-\d{3}-\d{4}`, `0\d{2,3}-\d{3,4}[ -]\d{4}`): a date and hour, `2024-03-15 08`, is none;
 * - `\d{3}\.\d{3}\.\d{4}` (a dotted North American number), `\d{3}\.\d{3}\.\d{3}-\d{2}` (a CPF, num25);
 * - `+` and a digit 1–9, `(` and a digit;
 * - `permit` in any case;
 * - a character outside ASCII (full-width digits, `账号`, `护照`, `签证`, `通行证` …);
 * - (intlphone23, session 22) one of phone's ASCII phone words (national-phone.ts NATIONAL_PHONE_ASCII_WORDS) as a whole
 *   run of letters (`Tel.`, `phone_number`, `Handy:`): the national alternative starts with such a word, no letter
 *   before or after it (its non-ASCII words answer through the rule above).
 * A line with none of them cannot match the union, so the confirm need not run: the output is the
 * same byte for byte.
 *
 * The condition was read off those triggers' sources: it is used only when every trigger of the
 * scan is one of DIGIT_SHAPE_TRIGGERS (a scan of some of them only needs less). Session 17 (name18): passport's
 * `护照 TZ8836412` alternative needs a run of six digits, which the check already answers true for. Session 19 (name20):
 * passport's key, cell and 护照 forms (`"passportNo":"533918274"`, `护照<TAB>758412096`, `护照 C4XJ7R2M9`): every ASCII one
 * holds a run of six digits, the one without (letters inside) stands after 护照, a character outside ASCII. A changed trigger
 * turns it off, and digit-shape.test.ts fails until the condition is read again from the new one.
 */

import { NATIONAL_PHONE_ASCII_WORDS, NATIONAL_PHONE_TRIGGER } from './national-phone.js';
import { NATIONAL_SHAPE_TRIGGER } from './national-shapes.js'; // num25 (session 23)

/** The trigger sources and flags the condition was read from. */
export const DIGIT_SHAPE_TRIGGERS: ReadonlySet<string> = new Set([
  String.raw`\d{17}|\d{6}[ -]\d{8}[ -]\d{3}|[０-９]{17}/`,
  String.raw`\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d|3[47]\d{2}[ -]\d{6}[ -]\d{5}|(?:个人|公积金|社保|医保|缴存人?)账号/`,
  // intlphone23 (session 22): phone's trigger also reads a national number after a phone word (national-phone.ts).
  String.raw`1[3-9]\d(?:\d{8}|[ -]\d{4}[ -]\d{4})|\+[1-9]\d{0,2}[ .-]?\(?\d|\(\d{3}\)\s?\d{3}[-.]\d{4}|\d{3}-\d{3}-\d{4}|\d{3}\.\d{3}\.\d{4}|0\d{2,3}\)?-\d{7}|0\d{2,3}-\d{3,4}[ -]\d{4}|\(0\d{2,3}\) ?\d{3,4}[- ]?\d{4}|[０-９]|${NATIONAL_PHONE_TRIGGER}/im`,
  String.raw`(?<![a-z0-9])(?:[eg]\d{8}|e[a-z]\d{7})(?![a-z0-9])|(?:passport|travel document|visa|护照|签证)[^\r\n:：=]{0,30}?(?:no\.?|number|#|号码?|编号)[ \t]*[:：=][ \t]*(?:[a-z]{1,2}\d{6,9}|\d{8,9})(?![a-z0-9])|(?:number|no\.?) of (?:the |your )?(?:passport|travel document)[ \t]*[:：=][ \t]*[a-z]{0,2}\d{6,9}(?![a-z0-9])|(?:passport|护照)[ \t]*[(（][ \t]*(?:no\.?|#|号码?)[ \t:：]*[a-z]{0,2}\d{6,9}(?![a-z0-9])|(?:passport|护照)[ \t]*(?:[:：][ \t]*)?[a-z]{1,2}\d{6,9}(?![a-z0-9])|passport[_-]?(?:no|number|num|nr)["']?[ \t]*[:：=][ \t]*["']?(?:[a-z]{1,2}\d{6,9}|\d{8,9})(?![a-z0-9])|护照号码?[ \t]*(?:[:：=][ \t]*)?(?:[a-z]{1,2}\d{6,9}|\d{8,9}|[a-z][a-z0-9]{8})(?![a-z0-9])|(?:passport|护照)(?:\t|[ \t]*[:：,|][ \t]*)\d{8,9}(?![\d.,:/-])|护照[ \t]*(?:[:：][ \t]*)?[a-z][a-z0-9]{8}(?![a-z0-9])/i`,
  String.raw`permit|通行[证證]|回[乡鄉][证證]|台胞[证證]|\b[CWHMTL][A-Z]?\d{7,8}\b/i`,
  // num25 (session 23): national-number-alone (national-shapes.ts): a CPF's skeleton (cpfAt); the rest hold a run of six
  // digits, ten joined digits (a Thai id's 4 + 5 + 1, a UK mobile's 5 + 3 + 3), or `(` and a digit.
  `${NATIONAL_SHAPE_TRIGGER}/i`,
]);

/** A trigger as DIGIT_SHAPE_TRIGGERS names it: its source, `/`, its flags. */
export const triggerKey = (re: RegExp): string => `${re.source}/${re.flags}`;

const isDigit = (c: number) => c >= 48 && c <= 57;

// The phone words as hashes of their lower-case letters (a collision only answers true more often: never wrong).
const wordHash = (w: string) => [...w].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) | 0, 0);
const PHONE_WORD_HASHES = new Set(NATIONAL_PHONE_ASCII_WORDS.map(wordHash));
const LONGEST_PHONE_WORD = Math.max(...NATIONAL_PHONE_ASCII_WORDS.map((w) => w.length));

/** Whether `\d{3}\.\d{3}\.\d{4}` matches with its first dot at `dot` (three digits known before it). */
function dottedAt(text: string, dot: number, end: number): boolean {
  if (dot + 8 >= end || text.charCodeAt(dot + 4) !== 46) return false;
  for (const i of [1, 2, 3, 5, 6, 7, 8]) if (!isDigit(text.charCodeAt(dot + i))) return false;
  return true;
}

/** num25 (session 23): whether a CPF's `\d{3}\.\d{3}-\d{2}` follows its first dot at `dot` (three digits known before it). */
function cpfAt(text: string, dot: number, end: number): boolean {
  if (dot + 10 >= end || text.charCodeAt(dot + 4) !== 46 || text.charCodeAt(dot + 8) !== 45) return false;
  for (const i of [1, 2, 3, 5, 6, 7, 9, 10]) if (!isDigit(text.charCodeAt(dot + i))) return false;
  return true;
}

/** `permit` at `i` in any case (ASCII: a non-ASCII character has already answered). */
function permitAt(text: string, i: number, end: number): boolean {
  return i + 6 <= end && text.slice(i, i + 6).toLowerCase() === 'permit';
}

/**
 * Whether [start, end) of `text` holds one of the shapes above: false proves the union of
 * DIGIT_SHAPE_TRIGGERS does not match there.
 */
export function digitShapeMayMatch(text: string, start: number, end: number): boolean {
  // The current run of digits, and the digits since the last character that is neither a digit
  // nor a single space or dash between a run of 3 or more digits and a digit.
  let run = 0;
  let joined = 0;
  // The run of ASCII letters read so far: its length and hash (a phone word, read whole).
  let letters = 0;
  let hash = 0;
  for (let i = start; i < end; i += 1) {
    const c = text.charCodeAt(i);
    const lower = c | 32;
    if (lower >= 97 && lower <= 122) {
      letters += 1;
      hash = (Math.imul(hash, 31) + lower) | 0;
    } else {
      if (letters > 1 && letters <= LONGEST_PHONE_WORD && PHONE_WORD_HASHES.has(hash)) return true;
      letters = 0;
      hash = 0;
    }
    if (isDigit(c)) {
      run += 1;
      joined += 1;
      if (run >= 6 || joined >= 10) return true;
      continue;
    }
    if (c >= 0x80) return true;
    if ((c === 32 || c === 45) && run >= 3 && i + 1 < end && isDigit(text.charCodeAt(i + 1))) {
      run = 0;
      continue;
    }
    if (c === 46 && run >= 3 && (dottedAt(text, i, end) || cpfAt(text, i, end))) return true;
    run = 0;
    joined = 0;
    if (c === 43 /* + */) {
      const d = text.charCodeAt(i + 1);
      if (i + 1 < end && d >= 49 && d <= 57) return true;
    } else if (c === 40 /* ( */) {
      if (i + 1 < end && isDigit(text.charCodeAt(i + 1))) return true;
    } else if ((c === 112 || c === 80) /* p P */ && permitAt(text, i, end)) return true;
  }
  return false;
}
