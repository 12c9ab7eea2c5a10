/**
 * ids26 (session 24): the national numbers held-out-25 showed missing (issue #14) — formats national-ids.ts lacked and
 * names it did not know, each with its check digit and the names people and apps print beside it (the local language's
 * label, the English one, snake/camel JSON keys, CSV headers). national-ids.ts joins these into its table (NATIONAL_ID_FORMATS,
 * CHECKS, SHAPES, the wake words), so every rule there applies: a number is taken only beside one of its names, on its
 * shape under a name that means nothing else, on its full check under a name that means other things too (IDS26_AMBIGUOUS).
 *
 * New formats: Malaysia MyKad (a date and a state code) and an individual's LHDN TIN (`IG…`); Vietnam MST (mod 11) and BHXH;
 * Canada SIN (Luhn); Australia TFN (weights, mod 11); New Zealand IRD (two weight sets, mod 11); Ukraine РНОКПП/ІПН (weights,
 * mod 11); Czech/Slovak rodné číslo (a date, women's month + 50, mod 11); Finland henkilötunnus (check character); Greece
 * ΑΦΜ (powers of two, mod 11) and ΑΜΚΑ (a date, Luhn); the UAE Emirates ID (784, Luhn); Israel's ת.ז. (Luhn); Taiwan's
 * residence permit 居留證 (old and new forms, the 身分證 check); Hungary TAJ (CDV 3/7); Ireland PPSN (mod 23 letter);
 * South Africa's id (a date, Luhn); the Philippines TIN and SSS (their printed groups); Iran's کد ملی (mod 11).
 * New names of formats already there: Singapore `uinfin`/`FIN`, the UK `NI`/`National Insurance`, Swedish
 * `PersonalIdentityNumber`/`samordningsnummer`, Norwegian `fødselsnummer`, Danish `CPR`, Taiwanese `身分證號`/`身分證`, and a
 * document's type naming the number of a neighbouring key (`"identification":{"type":"CUIL","number":"…"}`).
 * Left out: an Australian ABN (a business's number: a company's tax number is not personal data, README), numbers alone
 * (no name beside them; national-shapes.ts decides what a shape alone may take).
 */
import { luhnValid } from './validators.js';

/** A format of the table (national-ids.ts NationalIdFormat). */
export interface Ids26Format {
  readonly key: string;
  readonly country: string;
  readonly names: readonly string[];
  readonly value: string;
  readonly prose?: boolean;
}

/** A document's type naming the number of the key beside it: `"type":"CUIL","number":"…"`, `tipo: DNI, numero: …`. */
const typed = (names: string) => String.raw`(?:${names})["']?[ \t]{0,4}[,;][ \t]{0,4}["']?(?:number|numero|número|value|valor|nro)`;

export const IDS26_FORMATS: readonly Ids26Format[] = [
  // Singapore: NRIC/FIN under MyInfo's `uinfin` and a bare `FIN` (the check letter decides: `fin` means other things too).
  { key: 'nric', country: 'SG', names: ['uinfin', 'fin'], value: String.raw`[STFG]\d{7}[A-Z]`, prose: true },
  // Malaysia: MyKad `YYMMDD-PB-###G` (a date, a state or country code), an individual's LHDN TIN (`IG` and 9–11 digits).
  { key: 'mykad', country: 'MY', names: ['mykad', 'no\\.? ?k/p(?: baru)?', 'kad pengenalan', 'nric'], value: String.raw`\d{6}-?\d{2}-?\d{4}`, prose: true },
  { key: 'mytin', country: 'MY', names: ['tin', 'no\\.? cukai(?: pendapatan)?', 'nombor cukai(?: pendapatan)?'], value: String.raw`IG\d{9,11}`, prose: true },
  // Vietnam: MST (mã số thuế, 10 digits with a mod-11 check, a branch `-ddd`), BHXH (số sổ / mã số BHXH, 10 digits).
  { key: 'mst', country: 'VN', names: ['mst', 'mã số thuế', 'ma so thue', 'mã số thuế cá nhân'], value: String.raw`\d{10}(?:-\d{3})?`, prose: true },
  { key: 'bhxh', country: 'VN', names: ['bhxh', 'bảo hiểm xã hội'], value: String.raw`\d{10}`, prose: true },
  // Canada: SIN / NAS (9 digits, Luhn; never 0 or 8 first).
  {
    key: 'sin',
    country: 'CA',
    names: ['sin', 'nas', 'social insurance', 'social_insurance', 'socialinsurance', "num[ée]ro d'assurance sociale"],
    // No prose gap: `sin` and `nas` are Spanish and Portuguese words (`sin cargo`, `nas lojas`).
    value: String.raw`[1-79]\d{2}[ -]?\d{3}[ -]?\d{3}`,
  },
  // Australia: TFN (8 or 9 digits, weights 1 4 3 7 5 8 6 9 10, mod 11), also under Magento's `taxvat` (any country's tax or
  // VAT number: the full check decides there). New Zealand: IRD number (8 or 9 digits, mod 11).
  { key: 'tfn', country: 'AU', names: ['tfn', 'tax file number', 'tax_file_number', 'taxfilenumber', 'taxvat'], value: String.raw`\d{3}[ -]?\d{3}[ -]?\d{2,3}`, prose: true },
  { key: 'ird', country: 'NZ', names: ['ird', 'inland revenue number'], value: String.raw`\d{2,3}[ -]?\d{3}[ -]?\d{3}`, prose: true },
  // Ukraine: РНОКПП / ІПН (10 digits, weights −1 5 7 9 4 6 10 5 7, mod 11 mod 10).
  {
    key: 'rnokpp',
    country: 'UA',
    names: ['рнокпп', 'іпн', 'ідентифікаційний (?:код|номер)', 'податковий номер', 'rnokpp'],
    value: String.raw`\d{10}`,
    prose: true,
  },
  // Czech Republic / Slovakia: rodné číslo `YYMMDD/XXXX` (women's month + 50; since 1954 the ten digits are divisible by 11).
  {
    key: 'rc',
    country: 'CZ/SK',
    names: ['rodné číslo', 'rodne cislo', 'rodné č\\.', 'rodne_cislo', 'rodnecislo', 'birth number', 'birth_number', 'birthnumber'],
    value: String.raw`\d{6}/?\d{3,4}`,
    prose: true,
  },
  // Sweden: personnummer under Fortnox's / the API's names and samordningsnummer (day + 60); the check is national-ids.ts's.
  {
    key: 'pnr',
    country: 'SE',
    names: ['personalidentitynumber', 'personal_identity_number', 'personal identity number', 'samordningsnummer', 'samordningsnr'],
    value: String.raw`(?:19|20)?\d{6}[-+]?\d{4}`,
    prose: true,
  },
  // Norway: fødselsnummer (two mod-11 digits). Denmark: CPR-nummer (a date).
  { key: 'fnr', country: 'NO', names: ['fødselsnummer', 'fodselsnummer', 'fnr'], value: String.raw`\d{6} ?\d{5}`, prose: true },
  { key: 'cpr', country: 'DK', names: ['cpr', 'cpr-nr\\.?', 'cpr-nummer', 'cprnr'], value: String.raw`\d{6}-?\d{4}`, prose: true },
  // Finland: henkilötunnus `DDMMYYCNNNT` (century sign, check character mod 31).
  { key: 'hetu', country: 'FI', names: ['henkilötunnus', 'henkilotunnus', 'hetu', 'personbeteckning'], value: String.raw`\d{6}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y]`, prose: true },
  // Argentina (and its neighbours' APIs): the type names the number of the key beside it (Mercado Pago's `identification`).
  { key: 'cuil', country: 'AR', names: [typed('cuil|cuit')], value: String.raw`(?:20|23|24|27)-?\d{8}-?\d` },
  { key: 'dnidigits', country: 'AR/PE', names: [typed('dni')], value: String.raw`\d{1,2}\.\d{3}\.\d{3}|\d{7,8}` },
  { key: 'cpf', country: 'BR', names: [typed('cpf')], value: String.raw`\d{3}\.?\d{3}\.?\d{3}[-.]?\d{2}` },
  { key: 'rut', country: 'CL', names: [typed('rut')], value: String.raw`\d{1,2}\.?\d{3}\.?\d{3}-[\dK]` },
  // Greece: ΑΦΜ (9 digits, powers of two mod 11) and ΑΜΚΑ (11 digits: a birth date DDMMYY, Luhn).
  { key: 'afm', country: 'GR', names: ['αφμ', 'α\\.φ\\.μ\\.?', 'afm'], value: String.raw`\d{9}`, prose: true },
  { key: 'amka', country: 'GR', names: ['αμκα', 'α\\.μ\\.κ\\.α\\.?', 'amka'], value: String.raw`\d{11}`, prose: true },
  // United Arab Emirates: Emirates ID `784-YYYY-NNNNNNN-C` (Luhn over the 15 digits).
  {
    key: 'eid',
    country: 'AE',
    names: ['emirates[ _-]?id', 'رقم الهوية الإماراتية', 'الهوية الإماراتية', 'رقم الهوية', 'بطاقة الهوية'],
    value: String.raw`784-?\d{4}-?\d{7}-?\d`,
    prose: true,
  },
  // Israel: מספר זהות / ת.ז. (9 digits, a leading zero often dropped; Luhn-like weights 1 2).
  { key: 'ilid', country: 'IL', names: ['מספר זהות', 'מס[\'׳]? ?זהות', 'ת\\.ז\\.?', 'ת["״]ז', 'תעודת זהות', 'teudat zehut'], value: String.raw`\d{8,9}`, prose: true },
  // United Kingdom: the NI number under `NI`, `ni_number`, `National Insurance` (its shape: valid prefixes and suffix).
  {
    key: 'nino',
    country: 'UK',
    names: ['ni', 'national insurance', 'national_insurance', 'nationalinsurance'],
    value: String.raw`[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]`,
    prose: true,
  },
  // Taiwan: 身分證號 / 身分證 alone, 居留證 (a residence permit: new `A800000000` form, old two-letter form), same check.
  { key: 'twid', country: 'TW', names: ['身分證號?', '統一證號'], value: String.raw`[A-Z][12]\d{8}`, prose: true },
  { key: 'arc', country: 'TW', names: ['居留證(?:號碼?|統一編號)?', '統一證號', '身分證號?'], value: String.raw`[A-Z][89A-D]\d{8}`, prose: true },
  // Hungary: TAJ szám (9 digits, CDV: weights 3 7, mod 10).
  { key: 'taj', country: 'HU', names: ['taj', 'taj[ -]?szám', 'tajszám', 'társadalombiztosítási azonosító jel'], value: String.raw`\d{3}[ -]?\d{3}[ -]?\d{3}`, prose: true },
  // Ireland: PPS number (7 digits, a check letter mod 23, an optional second letter).
  { key: 'ppsn', country: 'IE', names: ['ppsn', 'pps', 'personal public service number'], value: String.raw`\d{7}[A-W][ABWTX]?`, prose: true },
  // South Africa: identity number (YYMMDD SSSS C A Z, Luhn).
  { key: 'zaid', country: 'ZA', names: ['sa id', 'rsa id', 'south african id'], value: String.raw`\d{6} ?\d{4} ?[01][89]\d`, prose: true },
  // Philippines: TIN `ddd-ddd-ddd(-ddd)` and SSS `dd-ddddddd-d` in their printed groups.
  { key: 'phtin', country: 'PH', names: ['tin'], value: String.raw`\d{3}-\d{3}-\d{3}(?:-\d{3,5})?` },
  { key: 'sss', country: 'PH', names: ['sss'], value: String.raw`\d{2}-\d{7}-\d` },
  // Iran: کد ملی (10 digits, weights 10…2, mod 11).
  { key: 'irnid', country: 'IR', names: ['کد ?ملی', 'کد ?ملي', 'شماره ملی', 'code melli'], value: String.raw`\d{3}-?\d{6}-?\d`, prose: true },
];

/** Names that mean other things too (`SIN` a sine, `FIN` an end, `TIN` a metal, `NI` Nicaragua, `TAJ` a hotel): the full check. */
export const IDS26_AMBIGUOUS = ['sin', 'nas', 'fin', 'tin', 'ni', 'ird', 'taj', 'pps', 'afm', 'fnr', 'mst', 'sss', 'taxvat'];

/** ASCII wake words (the words scan; substrings, lower case). */
export const IDS26_WORDS: readonly string[] = [
  'uinfin', 'mykad', 'k/p', 'pengenalan', 'cukai', 'bhxh', 'ma so thue', 'social insurance', 'social_insurance', 'socialinsurance', 'assurance sociale',
  'tax file', 'tax_file', 'taxfile', 'taxvat', 'inland revenue', 'rnokpp', 'rodn', 'birth number', 'birth_number', 'birthnumber', 'personalidentity', 'personal_identity',
  'personal identity', 'samordningsn', 'selsnummer', 'henkil', 'hetu', 'personbeteckning', 'cuil', 'cuit', 'emirates', 'teudat', 'national insurance',
  'national_insurance', 'nationalinsurance', 'ni number', 'ni_number', 'ni no', 'ni:', 'ni=', 'ni"', 'tajsz', 'ppsn', 'public service number', 'sa id', 'rsa id',
  'south african id', 'code melli',
];

/** Acronyms woken only as a word of their own (`SIN:`, `"tfn":`, not `single`, `tinted`). */
export const IDS26_SHORT_WORDS: readonly string[] = ['fin', 'tin', 'mst', 'sin', 'nas', 'tfn', 'ird', 'fnr', 'cpr', 'afm', 'amka', 'taj', 'pps', 'sss'];

/** Names outside Latin-1 (the marks scan, case-sensitive): Vietnamese, Ukrainian, Greek, Arabic, Hebrew, Chinese, Persian. */
export const IDS26_MARKS: readonly string[] = [
  '[ốỐ] [Tt][Hh][Uu][ếẾ]', '[ảẢ][Oo] [Hh][Ii][ểỂ][Mm] [Xx][ãÃ]',
  'РНОКПП', 'рнокпп', 'Рнокпп', 'ІПН', 'іпн', 'Іпн', 'Ідентифікаційн', 'ідентифікаційн', 'ІДЕНТИФІКАЦІЙН', 'одатковий номер', 'ОДАТКОВИЙ НОМЕР',
  // Not `fødselsnummer`, `henkilötunnus`, `tajszám` from their accented letter: a mark led by a Latin-1 letter slows the
  // non-ASCII half on one-byte text (national-ids.ts); their ASCII parts wake them (`selsnummer`, `henkil`, `tajsz`).
  '[Čč][Íí][Ss][Ll][Oo]',
  'ΑΦΜ', 'αφμ', 'Αφμ', 'Α.Φ.Μ', 'α.φ.μ', 'ΑΜΚΑ', 'αμκα', 'Αμκα', 'Α.Μ.Κ.Α', 'α.μ.κ.α',
  'الهوية', 'זהות', 'ת.ז', 'ת"ז', 'ת״ז', '居留證', '身分證', '統一證號', 'کد ملی', 'کدملی', 'کد ملي', 'شماره ملی',
];

/**
 * Words between a name and its number that say the number is an organisation's (`mã số thuế đơn vị 0100…`, `ΑΦΜ επιχείρησης
 * 801…`, `tax number of the company`): a company's tax number is not personal data (README), the number stays.
 */
export const IDS26_COMPANY_GAP = /đơn vị|doanh nghiệp|công ty|tổ chức|επιχείρησ|εταιρ|(?<![a-z])(?:company|business|employer|firm|firmy|empresa|société|societe|företag|organi[sz]ation)|společnost|підприємств|компані|організаці|شركة|חברה|公司|法人/i;

// ---- checks ----

const digitsOf = (v: string) => v.replace(/[^0-9A-Za-z]/g, '');
const allSame = (v: string) => /^(.)\1*$/.test(v);
const num = (s: string, from: number, len: number) => Number(s.slice(from, from + len));
const weightedSum = (s: string, weights: readonly number[]) => weights.reduce((sum, w, i) => sum + w * (s.charCodeAt(i) - 48), 0);

function isDate(yy: number, mm: number, dd: number, fullYear?: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const year = fullYear ?? (yy < 30 ? 2000 + yy : 1900 + yy);
  return dd <= new Date(Date.UTC(year, mm, 0)).getUTCDate();
}

/** MyKad: a birth date and a place-of-birth code (a state 01–16, 21–59; a foreign region 60–68, 71–72, 74–79, 82–93, 98–99). */
function mykad(v: string): boolean {
  const s = digitsOf(v);
  if (s.length !== 12 || !isDate(num(s, 0, 2), num(s, 2, 2), num(s, 4, 2))) return false;
  const pb = num(s, 6, 2);
  return (pb >= 1 && pb <= 16) || (pb >= 21 && pb <= 59) || (pb >= 60 && pb <= 68) || pb === 71 || pb === 72 || (pb >= 74 && pb <= 79) || (pb >= 82 && pb <= 93) || pb >= 98;
}

const myTin = (v: string) => /^IG\d{9,11}$/i.test(v) && !allSame(v.slice(2));

/** MST: weights 31 29 23 19 17 13 7 5 3 over the first nine digits, the tenth is 10 − (sum mod 11). */
function mst(v: string): boolean {
  const s = digitsOf(v).slice(0, 10);
  if (s.length !== 10 || allSame(s)) return false;
  return 10 - (weightedSum(s, [31, 29, 23, 19, 17, 13, 7, 5, 3]) % 11) === num(s, 9, 1);
}

const bhxh = (v: string) => /^\d{10}$/.test(v) && !allSame(v);

function sin(v: string): boolean {
  const s = digitsOf(v);
  return s.length === 9 && s[0] !== '0' && s[0] !== '8' && !allSame(s) && luhnValid(s);
}

function tfn(v: string): boolean {
  const s = digitsOf(v);
  if ((s.length !== 8 && s.length !== 9) || allSame(s)) return false;
  const weights = s.length === 9 ? [1, 4, 3, 7, 5, 8, 6, 9, 10] : [10, 7, 8, 4, 6, 3, 5, 1];
  return weightedSum(s, weights) % 11 === 0;
}

function ird(v: string): boolean {
  let s = digitsOf(v);
  if (s.length === 8) s = `0${s}`;
  if (s.length !== 9) return false;
  const n = Number(s);
  if (n < 10000000 || n > 150000000) return false;
  const base = s.slice(0, 8);
  const check = (w: number[]) => {
    const r = weightedSum(base, w) % 11;
    return r === 0 ? 0 : 11 - r;
  };
  let c = check([3, 2, 7, 6, 5, 4, 3, 2]);
  if (c === 10) c = check([7, 4, 3, 2, 5, 2, 7, 6]);
  return c !== 10 && c === num(s, 8, 1);
}

function rnokpp(v: string): boolean {
  const s = digitsOf(v);
  if (s.length !== 10 || allSame(s)) return false;
  return (((weightedSum(s, [-1, 5, 7, 9, 4, 6, 10, 5, 7]) % 11) + 11) % 11) % 10 === num(s, 9, 1);
}

/** Rodné číslo: the birth date (month + 50 for women, + 20 / + 70 since 2004); ten digits divisible by 11 (or mod 11 = 10, check 0). */
function rcDate(s: string): boolean {
  const yy = num(s, 0, 2);
  let mm = num(s, 2, 2);
  if (mm > 70) mm -= 70;
  else if (mm > 50) mm -= 50;
  else if (mm > 20) mm -= 20;
  const year = s.length === 9 ? 1900 + yy : yy < 54 ? 2000 + yy : 1900 + yy;
  return isDate(0, mm, num(s, 4, 2), year);
}
const rcShape = (v: string) => {
  const s = digitsOf(v);
  return (s.length === 10 || (s.length === 9 && num(s, 0, 2) < 54)) && rcDate(s);
};
function rc(v: string): boolean {
  const s = digitsOf(v);
  if (!rcShape(v)) return false;
  if (s.length === 9) return true;
  const r = Number(s.slice(0, 9)) % 11;
  return (r === 10 ? 0 : r) === num(s, 9, 1);
}

const HETU_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
function hetuShape(v: string): boolean {
  const s = v.toUpperCase();
  const c = s[6]!;
  const century = c === '+' ? 1800 : c === '-' || 'UVWXY'.includes(c) ? 1900 : 2000;
  return isDate(0, num(s, 2, 2), num(s, 0, 2), century + num(s, 4, 2));
}
function hetu(v: string): boolean {
  const s = v.toUpperCase();
  return hetuShape(s) && HETU_CHARS[Number(s.slice(0, 6) + s.slice(7, 10)) % 31] === s[10];
}

function afm(v: string): boolean {
  const s = digitsOf(v);
  if (s.length !== 9 || allSame(s)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += (s.charCodeAt(i) - 48) * 2 ** (8 - i);
  return (sum % 11) % 10 === num(s, 8, 1);
}

const amkaShape = (v: string) => isDate(num(v, 4, 2), num(v, 2, 2), num(v, 0, 2)) && !allSame(v.slice(6));
const amka = (v: string) => amkaShape(v) && luhnValid(v);

const eidShape = (v: string) => {
  const year = num(digitsOf(v), 3, 4);
  return year >= 1900 && year <= 2099;
};
const eid = (v: string) => eidShape(v) && luhnValid(digitsOf(v));

function ilid(v: string): boolean {
  const s = digitsOf(v).padStart(9, '0');
  return s.length === 9 && !allSame(s) && luhnValid(s);
}

const TW_LETTERS = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';
/** A Taiwanese residence permit: new (a letter, 8 or 9, eight digits) or old (two letters, eight digits); the 身分證 weights. */
function arc(v: string): boolean {
  const s = v.toUpperCase();
  const code = TW_LETTERS.indexOf(s[0]!) + 10;
  if (code < 10) return false;
  const second = /[A-D]/.test(s[1]!) ? (TW_LETTERS.indexOf(s[1]!) + 10) % 10 : s.charCodeAt(1) - 48;
  let sum = Math.floor(code / 10) + (code % 10) * 9 + second * 8;
  for (let i = 2; i < 9; i += 1) sum += (s.charCodeAt(i) - 48) * (9 - i);
  sum += s.charCodeAt(9) - 48;
  return sum % 10 === 0;
}

function taj(v: string): boolean {
  const s = digitsOf(v);
  if (s.length !== 9 || allSame(s)) return false;
  return weightedSum(s, [3, 7, 3, 7, 3, 7, 3, 7]) % 10 === num(s, 8, 1);
}

function ppsn(v: string): boolean {
  const s = v.toUpperCase();
  const m = /^(\d{7})([A-W])([ABWTX]?)$/.exec(s);
  if (!m || allSame(m[1]!)) return false;
  let sum = weightedSum(m[1]!, [8, 7, 6, 5, 4, 3, 2]);
  if (m[3] !== '' && m[3] !== 'W') sum += (m[3]!.charCodeAt(0) - 64) * 9;
  const r = sum % 23;
  return (r === 0 ? 'W' : String.fromCharCode(64 + r)) === m[2];
}

const zaidShape = (v: string) => {
  const s = digitsOf(v);
  return s.length === 13 && isDate(num(s, 0, 2), num(s, 2, 2), num(s, 4, 2));
};
const zaid = (v: string) => zaidShape(v) && luhnValid(digitsOf(v));

const grouped = (v: string) => !allSame(digitsOf(v));

function irnid(v: string): boolean {
  const s = digitsOf(v);
  if (s.length !== 10 || allSame(s)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += (s.charCodeAt(i) - 48) * (10 - i);
  const r = sum % 11;
  return (r < 2 ? r : 11 - r) === num(s, 9, 1);
}

/** Full checks of the new formats (keys already in national-ids.ts's CHECKS — nric, pnr, fnr, cpr, cuil … — are not here). */
export const IDS26_CHECKS: Readonly<Record<string, (value: string) => boolean>> = {
  mykad,
  mytin: myTin,
  mst,
  bhxh,
  sin,
  tfn,
  ird,
  rnokpp,
  rc,
  hetu,
  afm,
  amka,
  eid,
  ilid,
  arc,
  taj,
  ppsn,
  zaid,
  phtin: grouped,
  sss: grouped,
  irnid,
};

/** Shapes beside a name that means nothing else (a date, a prefix, a range) — a typo'd check digit under its label is still the number. */
export const IDS26_SHAPES: Readonly<Record<string, (value: string) => boolean>> = {
  mykad,
  mytin: myTin,
  mst: (v) => !allSame(digitsOf(v)),
  bhxh,
  sin: (v) => !allSame(digitsOf(v)),
  tfn: (v) => !allSame(digitsOf(v)),
  rnokpp: (v) => !allSame(digitsOf(v)),
  rc: rcShape,
  hetu: hetuShape,
  afm: (v) => !allSame(digitsOf(v)),
  amka: amkaShape,
  eid: eidShape,
  ilid: (v) => !allSame(digitsOf(v)),
  arc: (v) => /^[A-Z][89A-D]\d{8}$/i.test(v),
  ppsn: (v) => /^\d{7}[A-W][ABWTX]?$/i.test(v),
  zaid: zaidShape,
  irnid: (v) => !allSame(digitsOf(v)),
};

/**
 * Formats strong enough to be read under a key that names some national number without saying which (`id_number`, `tax_id`,
 * national-ids.ts ANY_ID_KEYS): an Emirates ID (784, a year, Luhn), a South African id (a date, a citizenship digit, Luhn), a
 * ΑΜΚΑ-like date + Luhn is not (eleven digits under `id_number` are too often something else).
 */
export const IDS26_ANY_ID_KEYS: readonly string[] = ['eid', 'zaid'];
