/**
 * Session 22 (intlkey23): passwords and door codes under other languages' words, with no English key beside the value.
 *
 * - A password word of ~20 languages as a key (`contraseña=Pac#Mx2026*`, `Kennwort: x`, `mot de passe : x`, `пароль=x`,
 *   `パスワード：x`, `비밀번호: x`, `كلمة المرور: x`), as a prose label with its copula (`la contraseña del wifi es x`, `das
 *   Passwort ist x`, `le mot de passe est x`, `a senha é x`, `het wachtwoord is x`, `hasło to x`, `пароль — x`, `パスワードはx`,
 *   `비밀번호는 x`) or straight before the value (`contraseña murcia.2026.navarro`, `Kennwort Scan2Folder!26`).
 * - A door, gate or intercom code with its code word (`la clave del portal es 4417B`, `código del portal 4417B`, `Türcode
 *   4417`, `домофон 214К5831`, `код домофона 4417`): never a bare number.
 *
 * The word alone decides nothing: after `:` or blanks the value must have a password's shape (password-shape.ts: letters
 * with digits or a symbol), so `Passwort ändern`, `contraseña incorrecta`, `mot de passe oublié`, `пароль изменён`,
 * `Kennwort abgelaufen`, `Das Kennwort muss 8 Zeichen haben` stay; after `=` (a key) any value but a stand-in or a status word.
 *
 * secret-assignment takes the patterns, the wake words, the marks and the trigger from here; its gate asks isIntlSecretLine.
 * What counts as "not a value" is key-names.ts's notAValue and password-shape.ts's passwordShape.
 */
import { notAValue } from './key-names.js';
import { passwordShape } from './password-shape.js';

/** Not a letter of the Latin, Greek or Cyrillic scripts, a digit or `_` before the word. */
const NOT_WORD_BEFORE = String.raw`(?<![A-Za-z0-9_\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff])`;
/** …nor after it (`Passwortänderung`, `Kennwortrichtlinie` are other words). */
const NOT_WORD_AFTER = String.raw`(?![A-Za-z0-9_\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff])`;

/** Password words of scripts with blanks between words (case-insensitive). */
const PW_WORD = String.raw`(?:contrase(?:ñ|n|Ñ)as?|kennwort|passwort|zugangskennwort|mots?[ \t]de[ \t]passe|mdp|senha|parola[ \t]d'ordine|wachtwoord|has(?:ł|l)o|heslo|(?:ş|s)ifre(?:niz|si)?|l(?:ö|o)senord(?:et)?|parola|κωδικός(?:[ \t]πρόσβασης)?|пароль|пароля|mật[ \t]khẩu|รหัสผ่าน|पासवर्ड|كلمة[ \t](?:المرور|السر)|clave(?:[ \t]de[ \t]acceso)?|ה?סיסמ(?:ה|א)|رمز[ \t](?:الوصول|الدخول|المرور)|الرمز[ \t]السري|kata[ \t]laluan)`; // script26 (session 24): Hebrew, Arabic access codes, Malay
/** Password words of scripts written without blanks (the value may follow a particle: `パスワードは`, `비밀번호는`). */
const PW_WORD_CJK = String.raw`(?:パスワード|暗証番号|비밀번호|암호(?!화))`;
/** What a password is for, between the word and the value (`contraseña del wifi`, `Passwort für das WLAN`, `mot de passe du compte`). */
const PW_FOR = String.raw`(?:[ \t](?:del|de[ \t]la|de|des|du|de[ \t]l'|d'|für|fürs|für[ \t]das|für[ \t]den|zum|zur|der|do|da|della|dello|del|per|van|voor|het|dla|do|pro|för|till|til|for|için|для|от)[ \t]{1,3}[^\s:=：,;"'“”]{1,30})?`;
/** The copula of a prose label (`es`, `ist`, `est`, `é`, `is`, `to`, `je`, `är`, `er`, `on`, `là`, `adalah`, `—`). */
const COPULA = String.raw`(?:es|era|será|ist|lautet|war|est|était|é|è|is|to|jest|je|är|er|on|olarak|là|adalah|ialah|είναι|—|–)`;
/** A value: no blank, quote or bracket, not ending with sentence punctuation. */
const VALUE = String.raw`[^\s"'“”‘’<>()[\]{},;]{0,127}[^\s"'“”‘’<>()[\]{},;.:]`;
/** A value after a CJK word: printable ASCII. */
const VALUE_ASCII = String.raw`[\x21-\x7e]{4,64}(?![\x21-\x7e])`;

/** Door, gate and intercom nouns after a code word (`del portal`, `de la puerta`, `du portail`, `der Haustür`, `домофона`). */
const DOOR_NOUN = String.raw`(?:portal|puerta|portón|porton|portería|edificio|garaje|portail|porte|immeuble|bâtiment|garage|tür|tuer|haustür|haustuer|eingang|portone|cancello|citofono|portão|portao|prédio|deur|poort|drzwi|bramy|domofonu|dveří|brány|kapı|dörr|porten|домофона|двери|подъезда|калитки|ворот)`;
/** Words that are a door code by themselves (`Türcode`, `digicode`, `домофон`). */
const DOOR_WORD = String.raw`(?:türcode|haustürcode|домофон)`;
/** A code word before a door noun (`código del portal`, `code de la porte`, `Code der Haustür`, `код домофона`). */
const CODE_WORD = String.raw`(?:código|codigo|clave|код)`;
/** A door code: letters, digits, `#`/`*` (checked for digits by the validator). */
const DOOR_VALUE = String.raw`[0-9A-Za-zА-Яа-яЁё#*]{3,12}(?![\w\u0400-\u04ff])`;
const DOOR_SEP = String.raw`(?:[ \t]*[:：=][ \t]*|[ \t]+(?:${COPULA}[ \t]+)?)`;

export const INTL_SECRET_PATTERNS: readonly { readonly regex: RegExp; readonly groups: readonly string[] }[] = [
  {
    // A key (`contraseña=x`, `"senha": "x"`, `Kennwort: x`), a prose label with its copula, the value straight after the word.
    regex: new RegExp(
      String.raw`${NOT_WORD_BEFORE}(?<pwWord>${PW_WORD})${NOT_WORD_AFTER}${PW_FOR}(?:["']?[ \t]*=[ \t]*["'“]?(?<intlEq>${VALUE})|["']?[ \t]*[:：][ \t]*["'“]?(?<intlColon>${VALUE})|[ \t]+${COPULA}[ \t]+["'“]?(?<intlProse>${VALUE})|[ \t]+["'“]?(?<intlBare>${VALUE}))`,
      'i',
    ),
    groups: ['intlEq', 'intlColon', 'intlProse', 'intlBare'],
  },
  {
    // Japanese, Korean: `パスワード：x`, `パスワードは x`, `비밀번호: x`, `비밀번호는 x`, `암호=x`.
    regex: new RegExp(String.raw`${PW_WORD_CJK}(?:[ \t]*[:：=][ \t]*|[ \t]*(?:は|는|은|が)[ \t]*|[ \t]+)["'“「]?(?<intlCjk>${VALUE_ASCII})`),
    groups: ['intlCjk'],
  },
  {
    // Door codes: a code word and a door noun, or a door-code word.
    regex: new RegExp(
      String.raw`${NOT_WORD_BEFORE}(?:${CODE_WORD}[ \t]+(?:(?:del|de[ \t]la|de|du|de[ \t]l'|der|des|zur|dell'|della|del|do|da|van|de[ \t]la)[ \t]+)?${DOOR_NOUN}|${DOOR_WORD})${NOT_WORD_AFTER}${DOOR_SEP}["'“]?(?<door>${DOOR_VALUE})`,
      'i',
    ),
    groups: ['door'],
  },
];

// Words that say what happened to a password, not what it is (`contraseña=incorrecta`, `Kennwort=abgelaufen`).
const STATUS_WORD = /^(?:falsch|ungültig|abgelaufen|geändert|gesperrt|erforderlich|leer|incorrect[ao]?|inválid[ao]|invalid[ao]?|errónea|erronea|expirad[ao]|caducad[ao]|cambiad[ao]|olvidad[ao]|vací[ao]|vacio|requerid[ao]|obligatori[ao]|incorrecte?|expirée?|oublié|modifié|vide|requis|errad[ao]|alterad[ao]|vazi[ao]|onjuist|verlopen|gewijzigd|leeg|błędne|nieprawidłowe|неверный|неправильный|изменён|изменен|истёк|истек|пустой|yanlış|hatalı|fel|väärä|forkert|hibás|greșită|λάθος)$/i;
// A hash or cipher's name (`mot de passe SHA256`, `Kennwort AES256 verschlüsselt`), a version: what protects it, not what it is.
const SCHEME_NAME = /^(?:sha|md|aes|rsa|des|bcrypt|pbkdf|argon|ntlm|utf|v|rc|ssha|crc)[-_]?\d/i;
// A date (`Kennwort: 2026-12-05`), a time, a number with a unit.
const DATE_OR_NUMBER = /^(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2}(?::\d{2})?|\d+(?:[.,]\d+)?(?:%|ms|s|min|h|days?|tage?|días?|jours?)?)$/i;

// Words and digits joined by dots, dashes or underscores, with a letter and a digit (`murcia.2026.navarro`, `casa-2026-verano`).
const DOTTED_PASSWORD = /^(?=[^\d]*\d)(?=[^A-Za-z]*[A-Za-z])[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+){1,5}$/;

function isIntlValue(v: string, strict: boolean): boolean {
  if (notAValue(v) || STATUS_WORD.test(v) || SCHEME_NAME.test(v) || /^https?:/i.test(v)) return false;
  // (passwordShape leaves dotted words as host names; right after a password word `murcia.2026.navarro` is a Wi-Fi password.)
  // (Sentence punctuation at the end is no password symbol: `¡no hay clave pública!`.)
  const core = v.replace(/[!?]+$/, '');
  if (strict) return (passwordShape(v, 'placed') || DOTTED_PASSWORD.test(v)) && (/\d/.test(core) || /[^\p{L}\p{N}]/u.test(core)) && !DATE_OR_NUMBER.test(v);
  return v.length >= 4 && !DATE_OR_NUMBER.test(v);
}

/** The validator of INTL_SECRET_PATTERNS: each group's value has the shape its place asks. */
export function isIntlSecret(m: RegExpExecArray): boolean {
  const g = m.groups ?? {};
  // `clave` is also a plain "key" in Spanish (`clave=ABC`): a password's shape wherever it stands.
  const clave = /^clave/i.test(g.pwWord ?? '');
  if (g.intlEq !== undefined) return isIntlValue(g.intlEq, clave);
  for (const name of ['intlColon', 'intlProse', 'intlBare', 'intlCjk']) {
    const v = g[name];
    if (v !== undefined) return isIntlValue(v, true);
  }
  const door = g.door;
  // A door code holds three digits or more (`4417B`, `214К5831`, `#2580`); not a year alone.
  if (door !== undefined) return (door.match(/\d/g)?.length ?? 0) >= 3 && !/^(?:19|20)\d{2}$/.test(door);
  return false;
}

/** Plain literals for the words scan (lower case, ASCII first letters; the others are marks). */
export const INTL_SECRET_WORDS: readonly string[] = [
  // (Few and short: the words scan's automaton has a cap (word-scan-capacity.test); accented spellings are marks below.)
  'contrase',
  'kennwort',
  'passwort',
  'de passe',
  'mdp',
  'senha',
  'parola',
  'wachtwoord',
  'haslo',
  'heslo',
  'sifre',
  'clave',
  'codigo',
  'kata laluan', // script26 (session 24): Malay
];

/** Marks (a case-sensitive regex): the words that start beyond ASCII. */
export const INTL_SECRET_MARKS = String.raw`ło(?<=[Hh]asło)|[Пп]арол|ПАРОЛ|[Кк]од[ \t]+(?:домофона|двери|подъезда|калитки|ворот)|[Дд]омофон|[Κκ]ωδικ|パスワード|暗証番号|비밀번호|암호|كلمة (?:المرور|السر)|รหัสผ่าน|पासवर्ड|[Şş]ifre|ŞİFRE|ösenord|ật khẩu|ódigo|ürcode|סיסמ|رمز (?:الوصول|الدخول|المرور)|الرمز السري`; // script26: Hebrew, Arabic

/** The trigger's alternatives (case-insensitive): a literal of each form. */
export const INTL_SECRET_TRIGGER = String.raw`contrase|kennwort|passwort|zugangscode|mots?[ \t]de[ \t]passe|mdp|senha|parola|wachtwoord|has[łl]o|heslo|[şs]ifre|l[öo]senord|salasana|adgangskode|jelsz|κωδικ|парол|kata[ \t]sandi|m[ậa]t[ \t]kh[ẩa]u|รหัสผ่าน|पासवर्ड|كلمة[ \t](?:المرور|السر)|סיסמ|رمز[ \t](?:الوصول|الدخول|المرور)|الرمز[ \t]السري|kata[ \t]laluan|clave|パスワード|暗証番号|비밀번호|암호|c[óo]digo|code|codice|kod|kód|kode|koodi|код|t[üu]ercode|torcode|eingangscode|digicode|interphone|домофон`;
const INTL_SECRET_TEST = new RegExp(INTL_SECRET_TRIGGER, 'i');

export function isIntlSecretLine(line: string): boolean {
  return INTL_SECRET_TEST.test(line) && INTL_SECRET_PATTERNS.some((p) => p.regex.test(line));
}
