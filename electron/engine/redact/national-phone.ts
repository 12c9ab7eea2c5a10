/**
 * intlphone23 (session 22): phone numbers written the way people write them at home — no country code, the country's
 * own grouping — under a word that names a phone, in the languages of the countries this product's users work with:
 * `Tel. 06 48 21 93 57`, `Handy: 0151 23456789`, `teléfono 612 345 678`, `celular (11) 97531-2468`, `SĐT 0903 614 285`,
 * `الجوال 0551 407 238`, `телефон 8 (912) 345-67-89`, `電話 090-1234-5678`, `"phone": "07700 900123"`.
 *
 * Without the word, such a number is a byte count, an id, a date or money as often as a phone (`1 048 576`, `06 12 2026`):
 * it is taken only after a phone word, and only when its digits make a national number (8 to 13 of them, not a date, not
 * an address, not a version). The `+` forms, China's mobiles and landlines and North America's shapes are phone's own
 * patterns (rules.ts), taken without a word.
 */

/**
 * The ASCII words that name a phone (each a whole word: the trigger requires what follows to be no letter, and
 * digit-shape.ts's condition reads these words whole). Lower case; the patterns read them in any case.
 */
export const NATIONAL_PHONE_ASCII_WORDS: readonly string[] = [
  // English, and the short forms every language prints
  'tel', 'phone', 'telephone', 'mobile', 'mob', 'cell', 'cellphone', 'mobilephone', 'phonenumber', 'phoneno', 'mobileno', 'mobilenumber', 'cellular', 'gsm', 'whatsapp',
  // German, Dutch, Nordic
  'telefon', 'telefonnummer', 'telefonnr', 'handy', 'handynummer', 'mobil', 'mobilnummer', 'mobilnr', 'rufnummer', 'festnetz', 'telefoon', 'telefoonnummer', 'mobiel', 'tlf', 'mobiltelefon',
  // French, Spanish, Portuguese, Italian, Polish, Turkish
  'portable', 'fixe', 'telefono', 'movil', 'celular', 'telefone', 'fone', 'cellulare', 'cel', 'tfno', 'telf', 'telefonu',
  // Indonesian / Malay (`HP` alone is a printer's brand as often: `no HP`/`nohp` only)
  'telp', 'ponsel', 'nohp',
  // ids26 (session 24): glued and camelCase keys of directories, CRMs and invoicing APIs (LDAP `telephoneNumber:`,
  // `homePhone:`, `buyerPhone=`, `contactPhone`), each read as one run of letters (digit-shape.ts hashes whole runs).
  'telephonenumber', 'homephone', 'workphone', 'officephone', 'buyerphone', 'customerphone', 'contactphone', 'userphone', 'receiverphone', 'senderphone',
];

/**
 * The words outside ASCII (the marks scan wakes on them): French, Spanish, Portuguese, Polish, Turkish, Russian,
 * Japanese, Korean, Vietnamese, Arabic, Thai, Hindi. Not Chinese 电话/手机: China's own shapes are taken without a word,
 * and person-name's marks end with 手 (`骑手机`).
 */
export const NATIONAL_PHONE_OTHER_WORDS: readonly string[] = [
  'téléphone', 'tél', 'teléfono', 'móvil', 'telemóvel', 'telémovel', 'número de telefone', 'komórka',
  'телефон', 'тел', 'моб', 'мобильный', 'сотовый',
  '電話', '電話番号', '携帯', '携帯電話', '連絡先',
  '전화', '전화번호', '휴대폰', '핸드폰', '연락처', '휴대전화',
  'điện thoại', 'sđt', 'đt', 'số điện thoại',
  'هاتف', 'الهاتف', 'جوال', 'الجوال', 'رقم الجوال', 'رقم الهاتف',
  'โทร', 'โทรศัพท์', 'เบอร์', 'เบอร์โทร',
  'फ़ोन', 'फोन', 'मोबाइल',
  // ids26 (session 24): Greek, Hebrew, Traditional Chinese, more Arabic and Ukrainian.
  'τηλ', 'τηλέφωνο', 'κινητό', 'κινητό τηλέφωνο', 'σταθερό',
  'טלפון', 'נייד', 'טלפון נייד',
  'الهاتف المتحرك', 'رقم الهاتف المتحرك', 'الهاتف المحمول', 'المحمول', 'موبايل',
  '手機', '行動電話', '手機號碼',
  'мобільний', 'моб. тел',
];

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string) => b.length - a.length;
const ASCII = [...new Set(NATIONAL_PHONE_ASCII_WORDS)].sort(byLength).map(escape).join('|');
const OTHER = [...new Set(NATIONAL_PHONE_OTHER_WORDS)].sort(byLength).map(escape).join('|');

// A letter of the scripts above, so a word is read whole (`hotel`, `Intel`, `mobilisation` are no phone words).
// ids26 (session 24): Greek and Hebrew letters too.
const LETTER = String.raw`A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0e00-\u0e7f\u0900-\u097f\uac00-\ud7af\u1e00-\u1eff`;

// The word, optionally its `number`/`No.` (`phone number`, `Tel.-Nr.`, `n° de téléphone` reads the other way and is
// covered by the word alone), then the separator: `:`, `=`, a JSON or XML key's quotes, a tab, or blanks.
// The qualifier needs its separator (`phone_number`, `Tel.-Nr.`): a glued form is a word of its own in the lists
// (`phonenumber`, `telefonnr`), so every key is whole words, as digit-shape.ts's condition reads them.
const QUALIFIER = String.raw`(?:[ _.-]{1,2}(?:number|nummer|numero|número|num|nr|no)\.?)?`;
// ids26 (session 24): a key's index digit (`Phone1`, `mobile2`, Fortnox's and vCard exports' numbered fields).
const KEY = String.raw`(?<![${LETTER}])(?:${ASCII}|${OTHER})${QUALIFIER}[1-3]?(?![${LETTER}])\.?`;
const SEPARATOR = String.raw`["']?[ \t]{0,4}(?:[:：=>][ \t]{0,4}|[ \t]|-[ \t])["']?[ \t]{0,4}`;

// A national number: an optional bracketed area code, then groups of digits joined by one space, dot, dash or slash.
// Its digits are counted by the validator (8 to 13), so the shape itself stays loose and linear.
const NUMBER = String.raw`(?:\(\d{1,5}\)[ ]?|\d{1,5}[ ]?\(\d{1,5}\)[ ]?)?\d{1,13}(?:[ .\/-]\d{1,8}){0,6}`;

/** The trigger's alternative (flags `im`): a phone word, its separator, and a digit. */
export const NATIONAL_PHONE_TRIGGER = String.raw`${KEY}${SEPARATOR}[(]?\d`;

/** The pattern: the number is group `national`. */
export const NATIONAL_PHONE = new RegExp(String.raw`${KEY}${SEPARATOR}(?<national>${NUMBER})(?![\d\w]|[.:\/-]\d)`, 'i');

/**
 * The marks scan's words (case-sensitive: each also capitalised and upper-cased, `SĐT`, `Телефон`). A mark must start
 * outside ASCII (scan-shape.test.ts): a word that starts with an ASCII letter wakes through the words scan's `tel`
 * (`teléfono`, `telemóvel`), its `telefone` (`número de telefone`), or the tail of the word from its first accented letter
 * (`téléphone`/`tél.` by `él`, `móvil` by `óvil`, `komórka` by `órka`).
 */
const TAIL_MARKS = String.raw`él[ \t.:：]|ÉL[ \t.:：]|éléphone|ÉLÉPHONE|óvil|ÓVIL|órka|ÓRKA`;
export const NATIONAL_PHONE_MARKS =
  [...new Set(NATIONAL_PHONE_OTHER_WORDS.filter((w) => w.charCodeAt(0) >= 0x80).flatMap((w) => [w, w[0]!.toUpperCase() + w.slice(1), w.toUpperCase()]))]
    .sort(byLength)
    .map(escape)
    .join('|') + `|${TAIL_MARKS}`;
export const NATIONAL_PHONE_WORDS = ASCII;

const DATE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const TIME_NEAR = /^[ \t]*(?:[:h]\d|[AaPp][Mm]\b)/;
const UNIT_AFTER = /^[ \t]*(?:bytes?|[kmgt]i?b\b|ms\b|s\b|sec|min|%|€|\$|eur|usd|rub|руб|₽|円|원|đ|vnd|zł|tl\b|r\$)/i;

/**
 * Whether a keyed number is a national phone number: 8 to 13 digits, not all one digit, not a date or an IPv4 address,
 * no time, unit or currency right after it.
 */
export function isNationalPhone(value: string, after: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 13) return false;
  if (/^(\d)\1+$/.test(digits)) return false;
  if (DATE.test(value) || IPV4.test(value)) return false;
  if (TIME_NEAR.test(after) || UNIT_AFTER.test(after)) return false;
  // A group longer than 6 digits beside other groups is an id or a count, not a grouped number (`2026 12345678`), unless
  // the number is one run (`0612345678`, `081355502468`) or a trunk-0 prefix and its subscriber number.
  // `0151 23456789`, `030 12345678`: two groups, the first the area or mobile prefix, may have a long subscriber part.
  const groups = value.split(/[^\d]+/).filter((g) => g !== '');
  const long = groups.filter((g) => g.length > 6).length;
  if (groups.length > 1 && long > 0 && !(groups.length === 2 && long === 1 && groups[1]!.length <= 8 && /^\(?0/.test(value))) return false;
  return true;
}
