/**
 * Session 22 (idnum23): national identity, tax and social-security numbers of other countries (issue #14) — the
 * `national-id` rule. cn-id knows the PRC resident id; this file knows the rest as one table of formats: the country,
 * the names people print beside the number (the key words and labels, in the local language and in English), the
 * number's shape with the separators people print (spaces, dashes, dots), and its check (check digit or letter, a
 * date inside, a range).
 *
 * When a number is taken:
 * - beside one of its names: `key=value`, `Name: value`, a JSON / XML / SQL field (`"rrn":"…"`, `Rfc="…"`,
 *   `` `nif` = … ``), a printed form (`Steuer-ID 48 173 629 051`, `（個人番号） 4821 3907 5516`), prose (`su CURP es …`,
 *   `số CCCD của em là …`, for formats with a check) — and its shape and check hold;
 * - never standing alone: a bare run of 9–12 digits is a byte count, an order number or an id as often as not, and a
 *   shape self-evident enough (a CURP, a codice fiscale, a SNILS `ddd-ddd-ddd dd`, a CPF `ddd.ddd.ddd-dd` with their
 *   checks) costs every line a wake the scan cannot afford (NATIONAL_ID_MARKS) — left for a later session.
 * - Beside a name that means nothing else (`CURP`, `Steuer-ID`, `주민등록번호`, `codice fiscale`, `Iqama`), the shape
 *   decides (a date, a range, a region code inside; SHAPES) and a failing check digit does not save the number: a typo'd,
 *   misread or test number under its own label is still that person's number, personal data all the same. Beside a name
 *   that also means other things (`PAN`, `NIK`, `RUT`, `CNP`, `PNR`, `NISS`; AMBIGUOUS_NAME), the full check decides.
 *   Formats with no check at all (the Vietnamese CCCD/CMND, a Korean RRN issued since October 2020, an Argentine/Peruvian
 *   DNI) are taken beside their name on their shape and the date or code inside.
 * - A company's tax number is not personal data (README): a Mexican company RFC (12 characters) and a Brazilian CNPJ
 *   stay; an Indian PAN is taken only for a person (its fourth letter `P`).
 *
 * Passports of other countries under their own words (`Reisepass`, `pasaporte`, `passeport`, `паспорт` серия/номер,
 * `여권번호`, `旅券番号`, `document_no` on a line about a passport) are taken here too, as PASSPORT: the passport rule
 * knows the English and Chinese words.
 */

/** A format of the table: where its names stand, what its value looks like, and its check. */
interface NationalIdFormat {
  /** Group marker (`f_<key>`) and the key of `CHECKS`. */
  readonly key: string;
  readonly country: string;
  /** Names as regex sources (matched case-insensitively), at a word start. */
  readonly names: readonly string[];
  /** The value's shape (regex source, case-insensitive), with the separators people print. */
  readonly value: string;
  /** May a few words stand between the name and the value (`CURP es`, `CCCD của em là`)? */
  readonly prose?: boolean;
  /** Placeholder kind (default the rule's, IDNUM). */
  readonly kind?: string;
}

/**
 * A passport's number: 6–9 capitals and digits, at most three letters before the first digit, three digits at least
 * (passport's check): `533918274`, `M12345678`, `XDA123456` (Spain), `C01X00T47` (Germany), `18AV03291` (France).
 */
const DOCUMENT_VALUE = String.raw`(?=[A-Z0-9]{6,9}(?![A-Za-z0-9]))(?=[A-Z]{0,3}\d)[A-Z0-9]{6,9}`;
/**
 * num25 (session 23): what must follow `pan` for it to name an Indian PAN (a panel, a camera's pan, `pan and zoom` stay): a
 * `:`/`=` after at most 16 blanks (an aligned label), or a number word and then one.
 */
const PAN_AFTER = String.raw`(?=[ \t]{0,16}[:=]|[ _.-]?(?:no|number|num|nr)\.?["']?[ \t]{0,4}[:=])`;
/**
 * num25 (session 23): keys that name a national, tax or identity number in general (snake, camel and spaced forms, any case).
 * `id`, `number`, `no` alone name anything and are not here.
 */
const ANY_ID_NAMES = String.raw`id[ _-]?(?:number|no|nr|num)|national[ _-]?(?:id(?:entifier)?|identity|number)|tax[ _-]?(?:id|code|number|no)|taxpayer[ _-]?(?:id|number)|personal[ _-]?(?:id|code|number)[ _-]?(?:number|no)?|citizen[ _-]?(?:id|number)|identity[ _-]?(?:number|no|card[ _-]?(?:number|no)?)|id[ _-]?card[ _-]?(?:number|no)?`;
// ids26 (session 24): the formats and names held-out-25 showed missing (national-ids26.ts).
import { IDS26_AMBIGUOUS, IDS26_ANY_ID_KEYS, IDS26_COMPANY_GAP, IDS26_CHECKS, IDS26_FORMATS, IDS26_MARKS, IDS26_SHAPES, IDS26_SHORT_WORDS, IDS26_WORDS } from './national-ids26.js';
import { luhnValid } from './validators.js';
/** One optional separator people print inside a number. */
const S = String.raw`[ .-]?`;

export const NATIONAL_ID_FORMATS: readonly NationalIdFormat[] = [
  // Mexico: CURP (18) and a person's RFC (13; a company's has 12 and stays).
  { key: 'curp', country: 'MX', names: ['curp'], value: String.raw`[A-Z][AEIOUX][A-Z]{2}\d{6}[HMX][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[A-Z0-9]\d`, prose: true },
  { key: 'rfc', country: 'MX', names: ['rfc'], value: String.raw`[A-ZÑ&]{4}\d{6}[A-Z0-9]{3}`, prose: true },
  // France: NIR / numéro de sécurité sociale (13 digits and a key of 2; Corsica 2A / 2B).
  {
    key: 'nir',
    country: 'FR',
    names: ['nir', 'n[°º]\\.? ?insee', 'numéro insee'],
    value: String.raw`[12]${S}\d{2}${S}(?:0[1-9]|1[0-2]|[2-9]\d)${S}(?:\d{2}|2[AB])${S}\d{3}${S}\d{3}(?:${S}\d{2})`,
    prose: true,
  },
  // Saudi Arabia: national id (1…) and Iqama (2…), 10 digits, Luhn.
  { key: 'sa', country: 'SA', names: ['iqama(?:[ _-]?(?:no|number|id))?', 'رقم الإقامة', 'رقم الاقامة', 'رقم الهوية(?: الوطنية)?', 'الإقامة', 'الهوية الوطنية'], value: String.raw`[12]\d{9}`, prose: true },
  // Korea: 주민등록번호 (RRN), 6 digits of birth date, a sex/century digit, 6 more (a check digit before October 2020).
  { key: 'rrn', country: 'KR', names: ['주민등록번호', '주민번호', '주민등록 ?번호', 'rrn'], value: String.raw`\d{6}[ -]?[1-8]\d{6}`, prose: true },
  // Russia: СНИЛС (11 digits, ddd-ddd-ddd dd), ИНН of a person (12) or an organisation (10).
  { key: 'snils', country: 'RU', names: ['снилс', 'snils', 'страховой номер'], value: String.raw`\d{3}-?\d{3}-?\d{3}[ -]?\d{2}`, prose: true },
  { key: 'inn', country: 'RU', names: ['инн'], value: String.raw`\d{12}|\d{10}`, prose: true },
  // Italy: codice fiscale (16, omocodia letters for digits).
  { key: 'cf', country: 'IT', names: ['codice fiscale', 'cod\\.? ?fisc(?:ale)?\\.?', 'codicefiscale', 'codice_fiscale'], value: String.raw`[A-Z]{6}[0-9LMNP-V]{2}[A-EHLMPR-T][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z]`, prose: true },
  // Brazil: CPF (11 digits, ddd.ddd.ddd-dd, two check digits). A CNPJ (a company's) is not taken.
  { key: 'cpf', country: 'BR', names: ['cpf'], value: String.raw`\d{3}\.?\d{3}\.?\d{3}[-.]?\d{2}`, prose: true },
  // Spain: DNI (8 digits and a letter mod 23), NIE (X/Y/Z, 7 digits, a letter); a person's NIF is one of them.
  { key: 'dni', country: 'ES', names: ['dni', 'nie', 'nif'], value: String.raw`[XYZ]?${S}\d{7,8}${S}[A-Z]`, prose: true },
  // Argentina / Peru / Chile: a DNI without a letter (7–8 digits, dotted or not), a CUIL/CUIT (mod 11), a RUT/RUN (mod 11).
  { key: 'dnidigits', country: 'AR/PE', names: ['dni'], value: String.raw`\d{1,2}\.\d{3}\.\d{3}|\d{7,8}` },
  { key: 'cuil', country: 'AR', names: ['cuil', 'cuit'], value: String.raw`(?:20|23|24|27)-?\d{8}-?\d` },
  { key: 'rut', country: 'CL', names: ['rut'], value: String.raw`\d{1,2}\.?\d{3}\.?\d{3}-[\dK]` },
  // Portugal: NIF (9 digits, mod 11; a person's starts with 1, 2 or 3), NISS (11, its own check).
  { key: 'nifpt', country: 'PT', names: ['nif', 'nif/nipc'], value: String.raw`[123]\d{2}${S}\d{3}${S}\d{3}`, prose: true },
  { key: 'nisspt', country: 'PT', names: ['niss'], value: String.raw`[12]\d{10}`, prose: true },
  // Belgium: numéro national / rijksregisternummer (yy.mm.dd-nnn.cc, mod 97).
  { key: 'nnbe', country: 'BE', names: ['niss'], value: String.raw`\d{2}\.?\d{2}\.?\d{2}[-.]?\d{3}\.?\d{2}`, prose: true },
  // Germany: Steuer-ID (11 digits, ISO 7064 MOD 11,10), SV-/Rentenversicherungsnummer (12: area, birth date, a letter, serial, check).
  {
    key: 'steuerid',
    country: 'DE',
    names: ['steuer-?id(?:nr)?\\.?', 'steuer-identifikationsnummer', 'steueridentifikationsnummer', 'steuerliche identifikationsnummer', 'idnr\\.?', 'steuer-idnr\\.?'],
    value: String.raw`[1-9]\d(?: ?\d{3}){3}`,
    prose: true,
  },
  {
    key: 'svnr',
    country: 'DE',
    names: ['sv-nummer', 'sv-nr\\.?', 'svnr', 'vsnr'],
    value: String.raw`\d{2} ?\d{6} ?[A-Z] ?\d{3}`,
    prose: true,
  },
  // Japan: 個人番号 / マイナンバー (12 digits, check digit).
  { key: 'mynumber', country: 'JP', names: ['個人番号', 'マイナンバー'], value: String.raw`\d{4}[ -]?\d{4}[ -]?\d{4}`, prose: true },
  // Vietnam: CCCD (12 digits: a province code, a century/sex digit, a year) and the old CMND (9 digits): no check.
  { key: 'cccd', country: 'VN', names: ['cccd', 'cmnd', 'căn cước(?: công dân)?', 'chứng minh (?:nhân dân|thư)', 'số định danh(?: cá nhân)?'], value: String.raw`0[0-9]\d[0-9]\d{8}|\d{9}`, prose: true },
  // India: Aadhaar (12 digits, Verhoeff), a person's PAN (fourth letter P).
  { key: 'aadhaar', country: 'IN', names: ['aadhaar', 'aadhar', 'आधार'], value: String.raw`[2-9]\d{3}[ -]?\d{4}[ -]?\d{4}`, prose: true },
  // num25 (session 23): `PAN           : …` (a payslip's aligned label) and `pan_number=`, `panNo:` as well as `PAN:`.
  { key: 'pan', country: 'IN', names: [`pan${PAN_AFTER}`], value: String.raw`[A-Z]{3}P[A-Z]\d{4}[A-Z]`, prose: true },
  // num25 (session 23): India's UAN (Universal Account Number of the provident fund, EPFO), 12 digits from 10…, on payslips.
  { key: 'uan', country: 'IN', names: ['uan'], value: String.raw`10\d{10}` },
  // United States: SSN (area not 000/666/9xx, group not 00, serial not 0000).
  { key: 'ssn', country: 'US', names: ['ssn'], value: String.raw`\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4}|\d{9}`, prose: true },
  // United Kingdom: National Insurance number.
  { key: 'nino', country: 'UK', names: ['nino'], value: String.raw`[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]`, prose: true },
  // Netherlands: BSN (9 digits, 11-test).
  { key: 'bsn', country: 'NL', names: ['bsn'], value: String.raw`\d{9}|\d{4}\.\d{2}\.\d{3}`, prose: true },
  // Poland: PESEL (11 digits, birth date, check).
  { key: 'pesel', country: 'PL', names: ['pesel'], value: String.raw`\d{11}`, prose: true },
  // Turkey: T.C. Kimlik No (11 digits, two checks).
  { key: 'tckn', country: 'TR', names: ['t\\.?c\\.? kimlik(?: no| numarası)?', 'kimlik no', 'kimlik numarası', 'tckn', 'tc_?kimlik(?:_?no)?'], value: String.raw`[1-9]\d{10}`, prose: true },
  // Singapore: NRIC / FIN.
  { key: 'nric', country: 'SG', names: ['nric', 'nric/fin', 'nric no\\.?'], value: String.raw`[STFG]\d{7}[A-Z]`, prose: true },
  // Hong Kong: HKID (one or two letters, six digits, a check character, often in brackets).
  { key: 'hkid', country: 'HK', names: ['hkid', '香港身份證(?:號碼)?', '身份證號碼'], value: String.raw`[A-Z]{1,2}\d{6}\(?[0-9A]\)?`, prose: true },
  // Taiwan: 身分證字號 (a letter, 1 or 2, 8 digits, check).
  { key: 'twid', country: 'TW', names: ['身分證(?:字號|號碼|統一編號)', '國民身分證(?:字號|號碼|統一編號)?'], value: String.raw`[A-Z][12]\d{8}`, prose: true },
  // Indonesia: NIK (16 digits, a birth date inside, +40 for women).
  { key: 'nik', country: 'ID', names: ['nik', 'no\\.? ?ktp', 'nomor ktp'], value: String.raw`\d{16}`, prose: true },
  // Thailand: เลขประจำตัวประชาชน (13 digits, mod 11).
  { key: 'thid', country: 'TH', names: ['เลขประจำตัวประชาชน', 'เลขบัตรประชาชน', 'บัตรประชาชน'], value: String.raw`\d[ -]?\d{4}[ -]?\d{5}[ -]?\d{2}[ -]?\d`, prose: true },
  // Sweden: personnummer (Luhn over the 10 digits); Denmark: CPR-nummer (a date); Norway: fødselsnummer (two checks), each under `personnummer`.
  { key: 'pnr', country: 'SE', names: ['personnummer', 'personnr\\.?', 'pnr'], value: String.raw`(?:19|20)?\d{6}[-+]?\d{4}`, prose: true },
  { key: 'cpr', country: 'DK', names: ['personnummer'], value: String.raw`\d{6}-?\d{4}`, prose: true },
  { key: 'fnr', country: 'NO', names: ['personnummer'], value: String.raw`\d{6} ?\d{5}`, prose: true },
  // Romania: CNP (13 digits, check with 279146358279).
  { key: 'cnp', country: 'RO', names: ['cnp'], value: String.raw`[1-8]\d{12}`, prose: true },
  // num25 (session 23): a key that names some national number without saying which (`idnumber=` of Moodle's user upload,
  // `tax_id`, `national_id`, `taxpayerId`, `id_no`): the value must be one of ANY_ID_KEYS' formats, its full check holding.
  { key: 'anyid', country: '*', names: [ANY_ID_NAMES], value: String.raw`[A-Z0-9](?:[A-Z0-9]|[./-](?=[A-Z0-9])){8,21}` },
  // Passports of other countries, under their own words.
  {
    key: 'passport',
    country: '*',
    names: ['reisepass(?:-?nr\\.?|nummer)?', 'pasaporte', 'pasaport(?: no)?', 'passeport', 'паспорт(?:а)?(?: рф)?(?: серия и номер| серия| номер)?', '여권(?: ?번호)?', '旅券番号', 'hộ chiếu', 'جواز السفر'],
    value: String.raw`\d{4} ?\d{6}|${DOCUMENT_VALUE}`,
    prose: true,
    kind: 'PASSPORT',
  },
  // ids26 (session 24): national-ids26.ts's formats and new names of formats above.
  ...IDS26_FORMATS,
];

/**
 * A document number on a line that says the document is a passport: Telegram Passport's `Passport: … document_no=…`, a
 * passport reader's MRZ (`PassportReader … documentNumber=C01X00T47`).
 */
const PASSPORT_LINE = String.raw`passport`;
const DOCUMENT_KEY = String.raw`(?:document|doc)[_ -]?(?:no|number|num|nr)`;
// The key first, then the look-behind for the passport word (read only where a key stands, not at every position).
const DOCUMENT_KEY_ON_PASSPORT_LINE = String.raw`(?<![A-Za-z])(?:${DOCUMENT_KEY})(?<=${PASSPORT_LINE}[^\r\n]{0,180})["']?[ \t]*(?:[:：=][ \t]*)?["']?(?<f_docno>)(?<docno>${DOCUMENT_VALUE})(?![A-Za-z0-9])`;

/**
 * Between a name and its value: a `No.`/`Nummer`/`번호` word, a closing quote or bracket (JSON, SQL, a form's `（個人番号）`),
 * one `:`/`=`/`|`, an opening quote; or, for formats with a check, up to 24 characters of prose without a digit.
 * Every blank run is bounded or follows a character, so no two unbounded runs meet (adversarial-lines).
 */
const NUMBER_WORD = String.raw`(?:[ _.-]?(?:no|nr|number|num|nummer|n[úu]mero|numero|numarası|n[°º]|#|번호|номер|số)\.?)?`;
// num25 (session 23): a quote may be escaped, JSON inside a JSON string (Envoy's `x_debug_body`: `{\"nik\":\"3174…\"}`).
const SEP = String.raw`(?:\\?["'\`]|[）)\]>])?[ \t\u3000]*(?:[:：=|][ \t\u3000]*)?(?:(?:\\?["']|[(（\[])[ \t]*)?`;
const PROSE_GAP = String.raw`(?:[^\d\r\n"'=:<>{}]{1,24}?[ \t])?`;

const before = String.raw`(?<![A-Za-z0-9])`;
const after = String.raw`(?![A-Za-z0-9])`;

function formatRegex(f: NationalIdFormat): RegExp {
  const names = f.names.join('|');
  const gap = f.prose ? PROSE_GAP : '';
  return new RegExp(String.raw`${before}(?<name>${names})(?![a-z])${NUMBER_WORD}${SEP}${gap}(?<![A-Za-z0-9])(?<f_${f.key}>)(?<id>${f.value})${after}`, 'i');
}

export interface NationalIdPattern {
  readonly regex: RegExp;
  readonly group: string;
  readonly kind?: string;
}

export const NATIONAL_ID_PATTERNS: readonly NationalIdPattern[] = [
  ...NATIONAL_ID_FORMATS.map((f) => ({ regex: formatRegex(f), group: 'id', ...(f.kind ? { kind: f.kind } : {}) })),
  { regex: new RegExp(DOCUMENT_KEY_ON_PASSPORT_LINE, 'i'), group: 'docno', kind: 'PASSPORT' },
];

// ---- wake words and trigger ----

/**
 * Names whose ASCII spelling is distinctive: the words scan. Few and short: the words scan's automaton (word-scan.ts) holds
 * at most 8 057 states with the 63 character classes of the default rule set, and main had 7 915 at session 22's start;
 * one more state past the cap and the scan falls back to the regex alone (an access log redacted 40 % slower). These words
 * add about 90 states; the long names (`Social Security Number`, `National Insurance`, `Sozialversicherungsnummer`,
 * `burgerservicenummer`, `permanent account number`) wait for a larger automaton: their acronyms wake the rule.
 */
export const NATIONAL_ID_WORDS: readonly string[] = [
  'passport', 'insee', 'iqama', 'curp', 'snils', 'fisc', 'steuer', 'idnr', 'sv-n', 'svnr', 'vsnr', 'cccd', 'cmnd', 'aadha', 'pan:', 'pan=',
  'nino', 'pesel', 'kimlik', 'tckn', 'nric', 'hkid', 'ktp', 'personn', 'reisepass', 'pasaport', 'passeport',
  // num25 (session 23): the general keys (ANY_ID_NAMES) by a distinctive part of each.
  'idnumber', 'id_number', 'id-number', 'id number', 'id_no', 'idno', 'national_id', 'nationalid', 'national id', 'national_num', 'nationalnum', 'tax_id', 'taxid',
  'tax id', 'tax_code', 'taxcode', 'tax code', 'tax_n', 'taxn', 'taxpayer', 'personal_id', 'personalid', 'personal_code', 'personalcode', 'personal_n', 'personaln', 'citizen', 'identity_n',
  'identityn', 'identity n', 'identity_card', 'identitycard', 'idcard', 'id_card', 'id card',
  // ids26 (session 24)
  ...IDS26_WORDS,
];

/** Short names (acronyms) that wake the rule only as a word of their own: `NIF:`, `"cpf":`, not `manifest`, `significant`. */
// num25 (session 23): `uan` (India's provident-fund number) and `pan` (`PAN     :`, `pan_number`; PAN_AFTER decides).
export const NATIONAL_ID_SHORT_WORDS = ['rfc', 'nir', 'rrn', 'cpf', 'dni', 'nie', 'nif', 'cuil', 'cuit', 'rut', 'niss', 'ssn', 'bsn', 'nik', 'pnr', 'cnp', 'uan', 'pan', ...IDS26_SHORT_WORDS]; // ids26 (session 24): IDS26_SHORT_WORDS
export const NATIONAL_ID_SHORT_AT = new RegExp(String.raw`(?<![A-Za-z0-9])(?:${NATIONAL_ID_SHORT_WORDS.map((w) => w.replace(/\./g, '\\.')).join('|')})(?![A-Za-z])`, 'i');

/**
 * Names in scripts beyond Latin-1 (case-sensitive scan, its non-ASCII half: scan-split.ts), cut so that none starts inside
 * another rule's mark and runs past it (scan-shape.test.ts: `身份證` would hide passport's `證件` in `身份證件`, `旅券` secret-
 * assignment's `券码`): `香港身份`, `身份證號`, `券番号`. (`证件号码` on a 护照 line: every wake tried, `护照`, `证件号`, starts inside another rule's
 * mark and runs past it — left for the passport rule.) Latin names with an accent
 * (`n° sécu`, `numéro national`, `número de contribuinte`, `fødselsnummer`, `henkilötunnus`) have no wake yet: a mark led by
 * a Latin-1 character keeps the non-ASCII half from failing at once on one-byte text (an access log 10 % slower), and a word
 * with an accent wakes the words scan at every occurrence of its ASCII prefix (`s` of `sécu`: word-scan.ts).
 * A number alone (a CURP, a codice fiscale, a SNILS, a CPF
 * by its shape and check) would need a digit- or capital-led wake: each one tried made the access-log marks scan 25 %–3×
 * slower, so a number is taken beside its name only.
 */
export const NATIONAL_ID_MARKS = [
  '주민등록', '주민번호', '여권', 'СНИЛС', 'Снилс', 'снилс', 'ИНН', 'Инн', 'инн', '個人番号', 'マイナンバー', '券番号', '身分證字', '身分證號', '身分證統', '國民身分', '身份證號', '香港身份', 'आधार',
  'เลขประจำตัวประชาชน', 'เลขบัตรประชาชน', 'บัตรประชาชน', 'الإقامة', 'الاقامة', 'الهوية', 'جواز', 'Паспорт', 'паспорт', 'ПАСПОРТ', 'Страховой номер', 'страховой номер',
  '[ăĂ][Nn] [Cc][ưƯ][ớỚ][Cc]', '[ứỨ][Nn][Gg] [Mm][Ii][Nn][Hh]', '[ốỐ] [đĐ][ịỊ][Nn][Hh] [Dd][Aa][Nn][Hh]', '[ộỘ] [Cc][Hh][Ii][ếẾ][Uu]',
  ...IDS26_MARKS, // ids26 (session 24)
].join('|');

/** The rule's trigger (case-insensitive, one line): a name of the table. */
export const NATIONAL_ID_TRIGGER = new RegExp(
  [
    ...NATIONAL_ID_FORMATS.map((f) => `(?:${f.names.join('|')})`),
    `${PASSPORT_LINE}[^\\r\\n]{0,160}?(?:${DOCUMENT_KEY})`,
  ].join('|'),
  'i',
);

// ---- checks ----

const digits = (v: string) => v.replace(/[^0-9A-Za-z]/g, '');
const allSame = (v: string) => /^(.)\1*$/.test(v);

function validDate(yy: number, mm: number, dd: number, fullYear?: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  const year = fullYear ?? (yy < 30 ? 2000 + yy : 1900 + yy);
  return dd <= new Date(Date.UTC(year, mm, 0)).getUTCDate();
}

const VERHOEFF_D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VERHOEFF_P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
function verhoeff(s: string): boolean {
  let c = 0;
  for (let i = 0; i < s.length; i += 1) c = VERHOEFF_D[c]![VERHOEFF_P[i % 8]![s.charCodeAt(s.length - 1 - i) - 48]!]!;
  return c === 0;
}

const weighted = (s: string, weights: readonly number[]) => weights.reduce((sum, w, i) => sum + w * (s.charCodeAt(i) - 48), 0);
const n = (s: string, from: number, len: number) => Number(s.slice(from, from + len));

const CURP_CHARS = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
function curp(v: string): boolean {
  const s = v.toUpperCase();
  if (!validDate(n(s, 4, 2), n(s, 6, 2), n(s, 8, 2))) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += CURP_CHARS.indexOf(s[i]!) * (18 - i);
  return (10 - (sum % 10)) % 10 === Number(s[17]);
}

function rfc(v: string): boolean {
  // A person's RFC (13): four letters, a valid date, a homoclave. The homoclave's check digit is not asked: software
  // that prints RFCs also prints generic ones (`XAXX010101000`), which stay as not anyone's.
  const s = v.toUpperCase();
  if (s === 'XAXX010101000' || s === 'XEXX010101000') return false;
  return validDate(n(s, 4, 2), n(s, 6, 2), n(s, 8, 2));
}

function nir(v: string): boolean {
  const s = v.replace(/[ .-]/g, '').toUpperCase();
  if (s.length !== 15) return false;
  const body = s.slice(0, 13).replace('2A', '19').replace('2B', '18');
  if (!/^\d{13}$/.test(body)) return false;
  return 97 - Number(BigInt(body) % 97n) === n(s, 13, 2);
}

function snils(v: string): boolean {
  const s = digits(v);
  if (s.length !== 11 || Number(s.slice(0, 9)) <= 1001998) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += (s.charCodeAt(i) - 48) * (9 - i);
  let check = sum < 100 ? sum : sum === 100 || sum === 101 ? 0 : sum % 101;
  if (check === 100) check = 0;
  return check === n(s, 9, 2);
}

function inn(v: string): boolean {
  const s = digits(v);
  if (allSame(s)) return false;
  const c = (w: number[]) => (weighted(s, w) % 11) % 10;
  if (s.length === 10) return c([2, 4, 10, 3, 5, 9, 4, 6, 8]) === n(s, 9, 1);
  if (s.length === 12) return c([7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === n(s, 10, 1) && c([3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]) === n(s, 11, 1);
  return false;
}

const CF_ODD: Record<string, number> = Object.fromEntries(
  [...'0123456789'].map((d, i) => [d, [1, 0, 5, 7, 9, 13, 15, 17, 19, 21][i]!] as const).concat(
    [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [c, [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23][i]!] as const),
  ),
);
function codiceFiscale(v: string): boolean {
  const s = v.toUpperCase();
  let sum = 0;
  for (let i = 0; i < 15; i += 1) {
    const c = s[i]!;
    sum += i % 2 === 0 ? CF_ODD[c]! : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 65;
  }
  return String.fromCharCode(65 + (sum % 26)) === s[15];
}

function cpf(v: string): boolean {
  const s = digits(v);
  if (s.length !== 11 || allSame(s)) return false;
  const d1 = ((weighted(s, [10, 9, 8, 7, 6, 5, 4, 3, 2]) * 10) % 11) % 10;
  const d2 = ((weighted(s, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]) * 10) % 11) % 10;
  return d1 === n(s, 9, 1) && d2 === n(s, 10, 1);
}

function dni(v: string): boolean {
  const s = v.replace(/[ .-]/g, '').toUpperCase();
  const m = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(s);
  if (!m) return false;
  if (m[1] === '' && m[2]!.length !== 8) return false;
  const num = Number(`${m[1] === '' ? '' : 'XYZ'.indexOf(m[1]!)}${m[2]}`);
  return 'TRWAGMYFPDXBNJZSQVHLCKE'[num % 23] === m[3];
}

const dniDigits = (v: string) => {
  const s = digits(v);
  return (s.length === 7 || s.length === 8) && !allSame(s);
};

function cuil(v: string): boolean {
  const s = digits(v);
  if (s.length !== 11) return false;
  const r = 11 - (weighted(s, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  return (r === 11 ? 0 : r === 10 ? 9 : r) === n(s, 10, 1);
}

function rut(v: string): boolean {
  const s = v.replace(/[.\s]/g, '').toUpperCase();
  const m = /^(\d{7,8})-([\dK])$/.exec(s);
  if (!m) return false;
  let sum = 0;
  let w = 2;
  for (let i = m[1]!.length - 1; i >= 0; i -= 1) {
    sum += (m[1]!.charCodeAt(i) - 48) * w;
    w = w === 7 ? 2 : w + 1;
  }
  const r = 11 - (sum % 11);
  return (r === 11 ? '0' : r === 10 ? 'K' : String(r)) === m[2];
}

function nifPt(v: string): boolean {
  const s = digits(v);
  if (s.length !== 9) return false;
  const r = 11 - (weighted(s, [9, 8, 7, 6, 5, 4, 3, 2]) % 11);
  return (r >= 10 ? 0 : r) === n(s, 8, 1);
}

function nissPt(v: string): boolean {
  const s = digits(v);
  return s.length === 11 && 9 - (weighted(s, [29, 23, 19, 17, 13, 11, 7, 5, 3, 2]) % 10) === n(s, 10, 1);
}

function nnBe(v: string): boolean {
  const s = digits(v);
  if (s.length !== 11) return false;
  const body = Number(s.slice(0, 9));
  const check = n(s, 9, 2);
  return 97 - (body % 97) === check || 97 - ((2000000000 + body) % 97) === check;
}

function steuerId(v: string): boolean {
  const s = digits(v);
  if (s.length !== 11 || s[0] === '0') return false;
  let product = 10;
  for (let i = 0; i < 10; i += 1) {
    let sum = (s.charCodeAt(i) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = 11 - product;
  return (check === 10 ? 0 : check) === n(s, 10, 1);
}

function svNummer(v: string): boolean {
  const s = v.replace(/ /g, '').toUpperCase();
  if (!/^\d{8}[A-Z]\d{3}$/.test(s)) return false;
  if (!validDate(n(s, 6, 2), n(s, 4, 2), n(s, 2, 2) % 50 || 1)) return false;
  const letter = String(s.charCodeAt(8) - 64).padStart(2, '0');
  const body = s.slice(0, 8) + letter + s.slice(9, 11);
  const weights = [2, 1, 2, 5, 7, 1, 2, 1, 2, 1, 2, 1];
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    const p = (body.charCodeAt(i) - 48) * weights[i]!;
    sum += Math.floor(p / 10) + (p % 10);
  }
  return sum % 10 === n(s, 11, 1);
}

function myNumber(v: string): boolean {
  const s = digits(v);
  if (s.length !== 12 || allSame(s)) return false;
  let sum = 0;
  for (let k = 1; k <= 11; k += 1) sum += (s.charCodeAt(11 - k) - 48) * (k <= 6 ? k + 1 : k - 5);
  const r = sum % 11;
  return (r <= 1 ? 0 : 11 - r) === n(s, 11, 1);
}

function rrn(v: string): boolean {
  const s = digits(v);
  if (s.length !== 13) return false;
  const sex = n(s, 6, 1);
  const century = sex <= 2 || sex === 5 || sex === 6 ? 1900 : 2000;
  return validDate(0, n(s, 2, 2), n(s, 4, 2), century + n(s, 0, 2));
  // The check digit (weights 2…9, 2…5, mod 11) held until October 2020; numbers issued since have none, so the
  // date and the sex/century digit decide beside the name.
}

function cccd(v: string): boolean {
  const s = digits(v);
  if (allSame(s)) return false;
  if (s.length === 9) return true; // CMND: nine digits beside its name
  return s.length === 12 && n(s, 0, 3) >= 1 && n(s, 0, 3) <= 96;
}

function pan(v: string): boolean {
  return /^[A-Z]{3}P[A-Z]\d{4}[A-Z]$/i.test(v) && !/^0000/.test(v.slice(5, 9));
}

function ssn(v: string): boolean {
  const s = digits(v);
  if (s.length !== 9) return false;
  const area = n(s, 0, 3);
  return area !== 0 && area !== 666 && area < 900 && n(s, 3, 2) !== 0 && n(s, 5, 4) !== 0 && s !== '123456789' && s !== '078051120';
}

function nino(v: string): boolean {
  const s = v.replace(/ /g, '').toUpperCase();
  return !/^(?:BG|GB|NK|KN|TN|NT|ZZ)/.test(s) && !/^.O/.test(s);
}

function bsn(v: string): boolean {
  const s = digits(v);
  if (s.length !== 9 || allSame(s)) return false;
  return (weighted(s, [9, 8, 7, 6, 5, 4, 3, 2]) - (s.charCodeAt(8) - 48)) % 11 === 0;
}

function pesel(v: string): boolean {
  const s = digits(v);
  if (s.length !== 11) return false;
  const month = n(s, 2, 2);
  const centuries = [1900, 2000, 2100, 2200, 1800];
  const century = centuries[Math.floor(month / 20)];
  if (century === undefined || !validDate(0, month % 20, n(s, 4, 2), century + n(s, 0, 2))) return false;
  return (10 - (weighted(s, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]) % 10)) % 10 === n(s, 10, 1);
}

function tckn(v: string): boolean {
  const s = digits(v);
  if (s.length !== 11 || s[0] === '0') return false;
  const d = [...s].map(Number);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  return (((odd * 7 - even) % 10) + 10) % 10 === d[9] && d.slice(0, 10).reduce((a, b) => a + b, 0) % 10 === d[10];
}

function nric(v: string): boolean {
  const s = v.toUpperCase();
  let sum = weighted(s.slice(1, 8), [2, 7, 6, 5, 4, 3, 2]);
  if (s[0] === 'T' || s[0] === 'G') sum += 4;
  const table = s[0] === 'S' || s[0] === 'T' ? 'JZIHGFEDCBA' : 'XWUTRQPNMLK';
  return table[sum % 11] === s[8];
}

function hkid(v: string): boolean {
  const s = v.replace(/[()]/g, '').toUpperCase();
  const m = /^([A-Z]{1,2})(\d{6})([0-9A])$/.exec(s);
  if (!m) return false;
  const letters = m[1]!.length === 1 ? ` ${m[1]}` : m[1]!;
  const val = (c: string) => (c === ' ' ? 36 : c.charCodeAt(0) - 55);
  let sum = val(letters[0]!) * 9 + val(letters[1]!) * 8;
  for (let i = 0; i < 6; i += 1) sum += (m[2]!.charCodeAt(i) - 48) * (7 - i);
  const check = (11 - (sum % 11)) % 11;
  return (check === 10 ? 'A' : String(check)) === m[3];
}

const TW_CODES = 'ABCDEFGHJKLMNPQRSTUVXYWZIO';
function twId(v: string): boolean {
  const s = v.toUpperCase();
  const code = TW_CODES.indexOf(s[0]!) + 10;
  let sum = Math.floor(code / 10) + (code % 10) * 9;
  for (let i = 1; i < 9; i += 1) sum += (s.charCodeAt(i) - 48) * (9 - i);
  sum += s.charCodeAt(9) - 48;
  return sum % 10 === 0;
}

function nik(v: string): boolean {
  const s = digits(v);
  if (s.length !== 16 || allSame(s)) return false;
  return validDate(n(s, 10, 2), n(s, 8, 2), n(s, 6, 2) > 40 ? n(s, 6, 2) - 40 : n(s, 6, 2)) && n(s, 0, 2) >= 11 && n(s, 0, 2) <= 94;
}

function thaiId(v: string): boolean {
  const s = digits(v);
  if (s.length !== 13 || s[0] === '0') return false;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += (s.charCodeAt(i) - 48) * (13 - i);
  return (11 - (sum % 11)) % 10 === n(s, 12, 1);
}

function personnummer(v: string): boolean {
  let s = digits(v);
  if (s.length === 12) s = s.slice(2);
  if (s.length !== 10) return false;
  const day = n(s, 4, 2);
  return validDate(n(s, 0, 2), n(s, 2, 2), day > 60 ? day - 60 : day) && luhnValid(s);
}

function cpr(v: string): boolean {
  const s = digits(v);
  return s.length === 10 && validDate(n(s, 4, 2), n(s, 2, 2), n(s, 0, 2));
}

function fnr(v: string): boolean {
  const s = digits(v);
  if (s.length !== 11) return false;
  const day = n(s, 0, 2);
  if (!validDate(n(s, 4, 2), n(s, 2, 2) % 40, day > 40 ? day - 40 : day)) return false;
  const k1 = 11 - (weighted(s, [3, 7, 6, 1, 8, 9, 4, 5, 2]) % 11);
  const k2 = 11 - (weighted(s, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11);
  return (k1 === 11 ? 0 : k1) === n(s, 9, 1) && (k2 === 11 ? 0 : k2) === n(s, 10, 1);
}

function cnp(v: string): boolean {
  const s = digits(v);
  if (s.length !== 13 || !validDate(n(s, 1, 2), n(s, 3, 2), n(s, 5, 2))) return false;
  const r = weighted(s, [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9]) % 11;
  return (r === 10 ? 1 : r) === n(s, 12, 1);
}

function saudi(v: string): boolean {
  const s = digits(v);
  return s.length === 10 && luhnValid(s) && !allSame(s.slice(1));
}

const passport = (v: string) => {
  const d = v.replace(/\D/g, '');
  return d.length >= 3 && !allSame(d);
};

// ---- num25 (session 23): a value under a key that names no format (ANY_ID_NAMES, a table's `National ID` column) ----

/**
 * The formats a value under such a key may be: those whose shape is rigid or whose check leaves about 1 in 100 numbers or
 * fewer (a CPF's two check digits, a codice fiscale's letters and check letter, a PESEL's date and check). Not a BSN, a
 * Steuer-ID or an Aadhaar (one check digit over a plain run: 1 in 10 of any ids would pass), nor a NIK (a date inside only);
 * a US SSN and a Thai id only in their printed groups (`523-47-8816`, `1-1015-00783-41-0`).
 */
const ANY_ID_KEYS: readonly string[] = ['cpf', 'cf', 'curp', 'pesel', 'tckn', 'nir', 'snils', 'dni', 'nric', 'hkid', 'twid', 'cnp', 'ssn', 'thid', ...IDS26_ANY_ID_KEYS]; // ids26: + IDS26_ANY_ID_KEYS
const GROUPED_ONLY: Readonly<Record<string, RegExp>> = { ssn: /^\d{3}([ -])\d{2}\1\d{4}$/, thid: /^\d([ -])\d{4}\1\d{5}\1\d{2}\1\d$/ };
const anchoredValue = new Map<string, RegExp>();
function valueIs(key: string, value: string): boolean {
  let re = anchoredValue.get(key);
  if (re === undefined) {
    const f = NATIONAL_ID_FORMATS.find((x) => x.key === key);
    re = f === undefined ? /(?!)/ : new RegExp(`^(?:${f.value})$`, 'i');
    anchoredValue.set(key, re);
  }
  return re.test(value);
}
/** The format of ANY_ID_KEYS a value is, its full check holding; undefined for none. */
export function anyNationalIdFormat(value: string): string | undefined {
  return ANY_ID_KEYS.find((k) => valueIs(k, value) && (GROUPED_ONLY[k]?.test(value) ?? true) && CHECKS[k]!(value));
}
const anyId = (v: string) => anyNationalIdFormat(v) !== undefined;

const CHECKS: Readonly<Record<string, (value: string) => boolean>> = {
  curp,
  rfc,
  nir,
  sa: saudi,
  rrn,
  snils,
  inn,
  cf: codiceFiscale,
  cpf,
  dni,
  dnidigits: dniDigits,
  cuil,
  rut,
  nifpt: nifPt,
  nisspt: nissPt,
  nnbe: nnBe,
  steuerid: steuerId,
  svnr: svNummer,
  mynumber: myNumber,
  cccd,
  aadhaar: (v) => verhoeff(digits(v)),
  pan,
  ssn,
  nino,
  bsn,
  pesel,
  tckn,
  nric,
  hkid,
  twid: twId,
  nik,
  thid: thaiId,
  pnr: personnummer,
  cpr,
  fnr,
  cnp,
  passport,
  docno: passport,
  uan: (v) => /^10\d{10}$/.test(v) && !allSame(v.slice(2)),
  anyid: (v) => anyId(v),
  ...IDS26_CHECKS, // ids26 (session 24)
};

/**
 * The shape a value must have beside a name that means nothing else (`CURP`, `Steuer-ID`, `주민등록번호`, `codice fiscale`):
 * its structure — a date inside, a range, a region code — without the check digit. A number printed under its own
 * label is that person's number even when a digit is wrong (a typo, a test record, a number an OCR misread): it is
 * personal data all the same, and the label, not the check, says what it is. Absent: the full check.
 */
const ymd = (s: string, y: number, m: number, d: number) => validDate(n(s, y, 2), n(s, m, 2), n(s, d, 2));
const SHAPES: Readonly<Record<string, (value: string) => boolean>> = {
  curp: (v) => ymd(v.toUpperCase(), 4, 6, 8),
  rfc,
  nir: (v) => /^[12]\d{2}(?:0[1-9]|1[0-2]|[2-9]\d)(?:\d{2}|2[AB])\d{8}$/i.test(v.replace(/[ .-]/g, '')),
  sa: (v) => !allSame(digits(v).slice(1)),
  rrn,
  snils: (v) => digits(v).length === 11 && !allSame(digits(v)),
  cf: (v) => {
    const s = v.toUpperCase().replace(/[LMNP-V]/g, (c) => String('LMNPQRSTUV'.indexOf(c)));
    const day = n(s, 9, 2);
    return (day >= 1 && day <= 31) || (day >= 41 && day <= 71);
  },
  cpf: (v) => !allSame(digits(v)),
  dni: (v) => /^[XYZ]?\d{7,8}[A-Z]$/i.test(v.replace(/[ .-]/g, '')) && !allSame(digits(v).replace(/\D/g, '')),
  dnidigits: dniDigits,
  cuil: (v) => digits(v).length === 11,
  nifpt: (v) => !allSame(digits(v)),
  nisspt: (v) => !allSame(digits(v)),
  nnbe: (v) => ymd(digits(v), 0, 2, 4) || n(digits(v), 2, 2) === 0,
  steuerid: (v) => !allSame(digits(v)),
  svnr: (v) => {
    const s = v.replace(/ /g, '');
    return validDate(n(s, 6, 2), n(s, 4, 2), n(s, 2, 2) % 50 || 1);
  },
  mynumber: (v) => !allSame(digits(v)),
  cccd,
  aadhaar: (v) => !allSame(digits(v)),
  pan,
  ssn,
  nino,
  bsn: (v) => !allSame(digits(v)),
  pesel: (v) => {
    const s = digits(v);
    return validDate(0, n(s, 2, 2) % 20, n(s, 4, 2), 2000);
  },
  tckn: (v) => !allSame(digits(v)),
  nric: (v) => /^[STFG]\d{7}[A-Z]$/i.test(v),
  hkid: (v) => /^[A-Z]{1,2}\d{6}\(?[0-9A]\)?$/i.test(v),
  twid: (v) => /^[A-Z][12]\d{8}$/i.test(v),
  nik,
  thid: (v) => digits(v)[0] !== '0',
  pnr: (v) => {
    const s = digits(v).slice(-10);
    const day = n(s, 4, 2);
    return validDate(n(s, 0, 2), n(s, 2, 2), day > 60 ? day - 60 : day);
  },
  cpr,
  fnr: (v) => {
    const s = digits(v);
    const day = n(s, 0, 2);
    return validDate(n(s, 4, 2), n(s, 2, 2) % 40, day > 40 ? day - 40 : day);
  },
  cnp: (v) => ymd(digits(v), 1, 3, 5),
  passport,
  docno: passport,
  ...IDS26_SHAPES, // ids26 (session 24)
};

/** Names that mean other things too (`PAN` a panel, `NIK` a nickname, `PNR` a booking, `RUT` a rut): the full check. */
const AMBIGUOUS_NAME = new RegExp(`^(?:pan|nik|rut|cnp|pnr|niss|${IDS26_AMBIGUOUS.join('|')})$`, 'i'); // ids26 (session 24): + IDS26_AMBIGUOUS

/** Which format a match of NATIONAL_ID_PATTERNS is (its `f_<key>` group is the one that took part). */
export function nationalIdFormat(m: RegExpExecArray): string | undefined {
  const g = m.groups;
  if (!g) return undefined;
  for (const name of Object.keys(g)) if (name.startsWith('f_') && g[name] !== undefined) return name.slice(2);
  return undefined;
}

/**
 * The national-id validator: the value's format, by its marker group; beside a name that means nothing else, the
 * format's shape (SHAPES); alone or beside an ambiguous name, the full check (check digit or letter).
 */
export function isNationalId(m: RegExpExecArray): boolean {
  const key = nationalIdFormat(m);
  const value = m.groups?.id ?? m.groups?.docno;
  if (key === undefined || value === undefined) return false;
  const check = CHECKS[key];
  const shape = SHAPES[key] ?? check;
  if (check === undefined || shape === undefined) return false;
  const name = m.groups?.name;
  // ids26 (session 24): words between the name and the number that make it an organisation's (IDS26_COMPANY_GAP).
  if (name !== undefined && IDS26_COMPANY_GAP.test(m[0].slice(m[0].indexOf(name) + name.length, m[0].lastIndexOf(value)))) return false;
  const labelled = name !== undefined || key === 'docno';
  return labelled && !AMBIGUOUS_NAME.test(name ?? '') ? shape(value) : shape(value) && check(value);
}

/** For tests: one format's full check by its key. */
export const nationalIdCheck = (key: string, value: string): boolean => CHECKS[key]?.(value) ?? false;

// ---- num25 (session 23): a table's column that names a national number (CSV header `Codice fiscale`, `CPF`, `tax_id`) ----

// A column name is the whole cell: a format's names without what they ask to follow them (`pan`'s `:`), then a number word.
const COLUMN_NAMES: readonly { readonly key: string; readonly name: RegExp }[] = NATIONAL_ID_FORMATS.filter((f) => f.kind === undefined).map((f) => ({
  key: f.key,
  name: new RegExp(String.raw`^(?:${f.names.map((x) => x.split(PAN_AFTER).join('')).join('|')})(?![a-z])${NUMBER_WORD}$`, 'i'),
}));

/** The formats a table column named `column` holds (`Codice fiscale` → cf; `DNI` → dni, dnidigits; `tax_id` → anyid); [] for none. */
export function nationalIdColumnFormats(column: string): readonly string[] {
  const name = column.trim();
  if (name === '' || name.length > 48) return [];
  return COLUMN_NAMES.filter((c) => c.name.test(name)).map((c) => c.key);
}

/**
 * Whether a table's cell under a column named `column` is that column's national number: its format's shape under a name
 * that means nothing else (`Codice fiscale`, `CPF`), the full check under one that means other things too (`PAN`, `NIK`) or
 * under a general key (`tax_id`).
 */
export function isNationalIdCell(column: string, value: string): boolean {
  const v = value.trim();
  return nationalIdColumnFormats(column).some((key) => {
    if (!valueIs(key, v)) return false;
    const check = CHECKS[key]!;
    const shape = SHAPES[key] ?? check;
    return AMBIGUOUS_NAME.test(column.trim()) ? shape(v) && check(v) : shape(v);
  });
}
// ---- end num25
