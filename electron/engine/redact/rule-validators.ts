/**
 * The small named functions the rule table (rules.ts) points to by name: validators (is this
 * match what the rule is after?), gates (is this line worth the rule's patterns?), placeholder
 * kinds, identities (what makes two values the same) and next-line openers. The table is data
 * — ids, patterns, names of these functions, context words — and policy extends it the same way:
 * an IT rule may name a validator (`luhn`, `notMeasurement` …) and context words.
 */
import { isCommonWord, isJoiningWord, isProse } from './common-words.js';
import { isMeasureKey, isMeasurementContext } from './context.js';
import { CSV_ADDRESS_COLUMN, CSV_BARE_NAME_COLUMN, CSV_NAME_COLUMN, CSV_NAME_PART_COLUMN, CSV_PERSON_COLUMN, CSV_PERSON_COLUMN_25, CSV_PERSON_COLUMN_26, CSV_PERSON_DATUM_COLUMN, CSV_ROLE_COLUMN, CSV_SECRET_COLUMN, CSV_USER_COLUMN, csvColumnKey } from './formats.js';
import { isBenignValue, isPublicAppKeyName, notAValue, isSecretKey, keyWords, PUBLIC_APP_KEY_SDKS, secretKindForKey, SIGNED_PARAMETERS, STAND_IN_PAIR_SECRET, STAND_IN_VALUE } from './key-names.js';
import { isAdminCliLine } from './admin-cli.js';
import { passwordShape, PASSWORD_CUE, passwordShapeLine } from './password-shape.js';
import { isPrintedCode, isPrintedSecretLine } from './printed-secrets.js';
import { isToolSecret, isToolSecretLine, toolPrintsSecretOnNextLine } from './tool-secrets.js';
import { isCapturedSecret, isCapturedSecretLine } from './captured-secrets.js';
import { isIntlSecret, isIntlSecretLine } from './intl-secrets.js'; // intlkey23 (session 22)
import { isLoginOfDisplayName, isRomanceLogin } from './account-tools.js'; // acct25 (session 23)
import { accountToolPrintsSecretOnNextLine, isAccountSecret, isAccountSecretLine } from './account-secrets.js'; // acct25 (session 23)
import { isDeviceSecret, isDeviceSecretLine } from './network-device.js';
import { isNationalId, isNationalIdCell } from './national-ids.js'; // idnum23 (session 22); num25 (session 23): isNationalIdCell
import { isNationalPhone } from './national-phone.js'; // intlphone23 (session 22)
import { isCpf, isEmiratesId, isNationalMobile, isThaiId } from './national-shapes.js'; // num25 (session 23); ids26: isEmiratesId
import { isPlaceholder, PLACEHOLDER_PATTERN } from './placeholders.js';
import { SALUTATION } from './person-eu.js'; // nameeu23
import { isPinyinCamelName, isPinyinLogin as isPinyinNameLogin, isPinyinSplitName, PINYIN_LOGIN_CUE } from './pinyin-name.js';
import { LOG_PROSE_STOP } from './log-prose.js';
// Session 22 (addr23).
import { isOrganisationAddress, STREET_LINE } from './street-address.js';
import type { LineSurroundings } from './rules.js';
import { PERSON_CJK_VALIDATORS } from './person-cjk.js';
import { PERSON_CN25_VALIDATORS, isDottedHanName } from './person-cn25.js'; // cjk25 (session 23)
import { CN_LOGIN25_VALIDATORS } from './cn-logins25.js'; // cjk25 (session 23)
import { ADDR25_VALIDATORS, CSV_BARE_ADDRESS_COLUMN, isStreetCell } from './street-address-keyed.js'; // addr25
import { isScript26SecretLine } from './script26.js'; // script26 (session 24)
import { DIR26_VALIDATORS, hasNonPersonWord } from './directory-layout.js'; // dir26 (session 24)
import { cardBrand, cnIdValid, isChineseName, isPublicIPv4, isPublicIPv6, looksRandom, luhnValid } from './validators.js';

export type RuleValidator = (m: RegExpExecArray, line: string, around?: LineSurroundings) => boolean;

// Full-width digits count as theirs (`１３８…` and `138…` are one phone number, one placeholder).
export const digitsOnly = (value: string) => value.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\D+/g, '');
const before = (m: RegExpExecArray, line: string, n: number) => line.slice(Math.max(0, m.index - n), m.index);
const group = (m: RegExpExecArray, name: string) => m.groups?.[name] ?? '';
/** The key of a match: `key`, or a name/value pair's JSON form's `keyj` (name-value-pair.ts). */
const pairKey = (m: RegExpExecArray): string => group(m, 'key') || group(m, 'keyj');

/**
 * high-entropy: an identifier named between the secret word and the random string (`token …,
 * traceId: …`, `session … commit 9fce…`) owns the string. OWNER_WORDS is also the line engine's
 * wake check for the rule (rule-set.ts randomRun): such a word before the string wakes nothing.
 */
export const OWNER_WORDS = /public|fingerprint|sha-?\d*|md5|hash|checksum|digest|uuid|guid|thumbprint|serial|version|commit|trace|request|correlation|span/i;
const gapNamesOwner = (gap: string) => OWNER_WORDS.test(gap) || /(?:^|[^A-Za-z])[Ii][Dd]\b|[a-z]Id\b/.test(gap);

/**
 * Digits under a size/count/time/id key, a unit or a typed number element are a measurement; digits
 * inside a longer hex string (a hash, a key id) are part of it. Neither is a phone, card or ID. A CSV
 * column is a key too: Chrome's autofill export keeps `use_date`/`date_modified` as 11-digit
 * WebKit seconds (`13387463215`), a mobile's shape, under a header that names a time.
 */
export const notMeasurement: RuleValidator = (m, line, around) =>
  // Session 20 (fp21): a mobile number whose subscriber part is all zeros is a form's stand-in (`例 张三 13800000000`,
  // `15000000000`): no one's line is numbered so.
  !/^(?:86)?1[3-9]\d0{8}$/.test(m[0].replace(/\D/g, '')) &&
  !insideHex(m, line) && !isMeasurementContext(line, m.index, m[0].length, around) && !inMeasureColumn(m, line, around);

// A header cell that names a column (`use_date`, `"Start Time"`, `工作时长(分钟)`), not data.
const HEADER_CELL = /^[ \t]*"?[A-Za-z_\u4e00-\u9fa5][\w .()/\u4e00-\u9fa5-]{0,39}"?[ \t]*$/;
/**
 * The match sits in a CSV column named like a measurement: only in a table, where the header is
 * all column names and the row has as many cells (a log whose first line has commas is no table).
 */
function inMeasureColumn(m: RegExpExecArray, line: string, around: LineSurroundings | undefined): boolean {
  const name = csvColumnName(m, line, around);
  if (name === '' || !around) return false;
  const cells = around.header().split(',');
  if (cells.length < 3 || cells.length !== line.replace(/\r$/, '').split(',').length || !cells.every((c) => HEADER_CELL.test(c))) return false;
  return isMeasureKey(name.trim().replace(/^"|"$/g, ''));
}

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
  // …or under a CSV column named for a card (a campus-card export's `银行卡`, `卡号`; session 17, name18).
  return brand === 'unionpay' && (/^\d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{1,3})?$/.test(text) || CARD_CONTEXT.test(before(m, line, 24)) || CARD_CONTEXT.test(csvColumnName(m, line, around)));
};

/** lead (session 19): each country's IBAN length (ISO 13616 registry). */
const IBAN_LENGTH: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CR: 22, CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29,
  ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30,
  KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29,
  PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/**
 * lead (session 19): an IBAN (`DE89 3704 0044 0532 0130 00`, `IE29AIBK93115212345678`): its country's length and the
 * ISO 7064 mod-97 check (a random string of that shape passes one time in 97). Its digits hold the payment-card
 * trigger's run (13 digits, grouped or not), so the rule wakes for every IBAN this takes.
 */
export const ibanNumber: RuleValidator = (m) => {
  const text = m[0];
  const iban = text.replace(/ /g, '');
  if (IBAN_LENGTH[iban.slice(0, 2)] !== iban.length || !/\d{4} ?\d{4} ?\d{4} ?\d/.test(text)) return false;
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const c of moved) {
    const v = c >= 'A' && c <= 'Z' ? c.charCodeAt(0) - 55 : Number(c);
    rest = v >= 10 ? (rest * 100 + v) % 97 : (rest * 10 + v) % 97;
  }
  return rest === 1;
};

/** Amex grouped 4-6-5, Luhn-valid. */
export const amexNumber: RuleValidator = (m, line, around) => luhnValid(digitsOnly(m[0])) && notMeasurement(m, line, around);

/** PRC resident identity number with a valid check character, not a measurement. */
export const cnIdNumber: RuleValidator = (m, line, around) => cnIdValid(m[0].replace(/[ -]/g, '')) && notMeasurement(m, line, around);

/**
 * Full-width forms (U+FF01–FF5E: digits `０`–`９`, letters, punctuation) and the ideographic space
 * as their ASCII forms. `digitsAndX` then drops everything but digits and `X`/`x` (separators,
 * for a number's digits and a resident ID's check character).
 */
export function narrow(text: string, keep: 'all' | 'digitsAndX' = 'all'): string {
  const ascii = text.replace(/[\uff01-\uff5e\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  return keep === 'all' ? ascii : ascii.replace(/[^\dXx]+/g, '');
}

/** A mobile number written with at least one full-width digit: 11 digits 1[3-9]…, or 86 and those. */
export const fullWidthPhone: RuleValidator = (m, line, around) => {
  if (!/[０-９]/.test(m[0])) return false;
  const digits = narrow(m[0], 'digitsAndX');
  return /^(?:0?0?86)?1[3-9]\d{9}$/.test(digits) && notMeasurement(m, line, around);
};

/** A resident ID written with at least one full-width digit, valid check character. */
export const fullWidthCnId: RuleValidator = (m, line, around) => /[０-９]/.test(m[0]) && cnIdValid(narrow(m[0], 'digitsAndX').toUpperCase()) && notMeasurement(m, line, around);

/** E.164 with separators: 8–15 digits, not a version (`+1.2`), not a measurement. */
/** intlphone23 (session 22): a national number after a phone word (national-phone.ts). */
export const nationalPhone: RuleValidator = (m, line, around) => {
  const value = group(m, 'national');
  const end = m.index + m[0].length; // the number ends the match
  return isNationalPhone(value, line.slice(end, end + 12)) && !insideHex(m, line) && !isMeasurementContext(line, m.index, m[0].length, around);
};

export const internationalPhone: RuleValidator = (m, line, around) => {
  const n = digitsOnly(m[0]).length;
  return n >= 8 && n <= 15 && !/^\+\d{1,3}\.\d/.test(m[0]) && !isVersionBuild(m, line) && notMeasurement(m, line, around);
};

/**
 * fp20: a `+` that joins a version to its build (Debian's `1:10~+20191229111838+6991d5728f1-1~exp1`, SemVer's
 * `2.1.0+20240101093000`): glued to a version character before it (`~`, a digit, a letter, `.`), no phone's `+`.
 */
function isVersionBuild(m: RegExpExecArray, line: string): boolean {
  return m[0].startsWith('+') && /[~\w.]$/.test(line.slice(0, m.index));
}

const LOCALE_MODIFIER_AT = /(?:^|[._-])[a-z]{2,3}(?:_[A-Z]{2})?@(?:latin|cyrillic|latn|cyrl|valencia|euro|ijekavian|ijekavianlatin|devanagari|saaho|iqtelif|abegede|shaw|arabic|hebrew|javanese|boldquot|quot)\.[A-Za-z0-9-]+$/;
const CVS_METHOD_LOGIN = /^(?:pserver|ext|extssh|ssh|gserver|kserver|server|local|fork|sspi):[^:]*$/;
const CVS_METHOD_BEFORE = /:(?:pserver|ext|extssh|ssh|gserver|kserver|server|sspi):$/;
const MESSAGE_ID_PATH = /(?:message-?id|msgid(?:-search)?)\//i;
const PLACEHOLDER_MAIL_DOMAIN = /@(?:[\w-]+\.)*(?:[\w-]+\.domain|domain\.name|[\w-]+\.invalid)$/i;
const EMAIL_FILE_TLDS = /^(?:png|jpe?g|gif|svg|webp|ico|bmp|tiff?|js|mjs|cjs|ts|tsx|jsx|css|scss|less|json|map|txt|log|xml|html?|dll|exe|so|dylib|py|rb|java|class|jar|md|ya?ml|ini|conf|cfg|lock|pem|crt|cer|key|zip|gz|tgz|bak|tmp|dat|db|sqlite|vue|php|sh|ps1|bat|cmd|msi|pdf|docx?|xlsx?|tar|xz|bz2|zst|7z|rar|deb|rpm|apk|whl|gem|nupkg|iso|img|service|socket|timer|mount|automount|target|slice|scope|path|device|swap)$/i;

/** An address, not a file name (`icon@2x.png`) or an SSH remote (`git@github.com:org/repo`). */
export const personalEmail: RuleValidator = (m, line) =>
  !EMAIL_FILE_TLDS.test(m.groups?.tld ?? '') &&
  !(m[0].startsWith('git@') && (line[m.index + m[0].length] === ':' || line.slice(Math.max(0, m.index - 3), m.index) === '://')) &&
  // Session 18 (fp19): a remote shell's role login at a machine (`ssh://hg@hg.corp.local/repo`, `sftp://`, `git+ssh://`;
  // `ssh -p 2222 deploy@staging.corp.cn`, `scp f deploy@host:`), not a mailbox; a person's (`ssh://borgbak_ljh@nas`) is still taken.
  !(SSH_REMOTE_BEFORE.test(before(m, line, 120)) && isRoleLogin(m[0].slice(0, m[0].indexOf('@')))) &&
  !isPublicNoticeAddress(m, line) &&
  // Session 20 (fp21): a URL's password and host (`http://username:passwd@proxy.example.com`, a manual's stand-in pair that
  // url-credentials leaves): `login:` before it in the URL's authority, no mailbox.
  !/[a-z][a-z0-9+.-]{1,30}:\/\/[^\s:@/?#"'<>[\]]*:$/i.test(before(m, line, 64)) &&
  !NOT_AN_ADDRESS_HEADER.test(line) &&
  // dpkg/RPM package metadata: `Maintainer: Debian QA Group <packages@qa.debian.org>` names a package's public maintainer.
  !PACKAGE_MAINTAINER_FIELD.test(line) &&
  // postfix's `message-id=<2026…@mail01…>`, 802.1X's `anonymous_identity="anonymous@corp.local"`; a JSON or CSV
  // export's `"InternetMessageId":"<SG2PR06MB…@…outlook.com>"` (Microsoft 365 audit logs).
  !/(?:message[-_]?id|msgid|in[-_]?reply[-_]?to)["']*[ \t]*[=:][ \t]*["']*<?$/i.test(before(m, line, 24)) &&
  !/^anonymous@/i.test(m[0]) &&
  // A mailer's log of a sent message's id (Rails ActionMailer `Delivered mail 6571c0f2e1a3b_6e1b@web-1.mail (31.4ms)`,
  // nodemailer `Message sent: <b658f8ca-…@example.com>`): a Message-ID, not an address.
  !/(?:\b(?:delivered|sent|queued)[ \t]{1,4}mail[ \t]{1,4}<?|\bmessage[ \t]{1,4}(?:sent|queued|accepted)[ \t]{0,4}:?[ \t]{0,4}<)$/i.test(before(m, line, 30)) &&
  // A locale's modifier in a file name (`systemd.be@latin.catalog`, `sr@latin.po`, `uz@cyrillic.mo`,
  // `de_DE@euro.UTF-8`): gettext catalogues and locale directories, not an address.
  !LOCALE_MODIFIER_AT.test(m[0]) &&
  // A mailing-list archive's link to a message (`postgresql.org/message-id/flat/Yvo/5No5…%40msg.df7cb.de`):
  // a message id in a URL's path. And the stand-in domains of stock configuration files' comments
  // (wgetrc's `From: Your Name <username@site.domain>`, e2scrub.conf's `sender=e2scrub@host.domain.name`).
  // A CVSROOT's login at its server (`:pserver:anoncvs@sources.redhat.com:/cvs/src`).
  !CVS_METHOD_BEFORE.test(before(m, line, 10)) &&
  !MESSAGE_ID_PATH.test(before(m, line, 120).split(/[\s"'<>]/).pop()!) &&
  !PLACEHOLDER_MAIL_DOMAIN.test(m[0]) &&
  // ssh_config's `MACs umac-64@openssh.com`, `zlib@openssh.com`, `curve25519-sha256@libssh.org`: SSH algorithm names.
  !/@(?:openssh\.com|libssh\.org)$/i.test(m[0]) &&
  !isKerberosRealm(m[0]) &&
  !isServicePrincipal(m, line);

// `pps_core: Software ver. 5.3.6 - Copyright 2005-2007 Rodolfo Giometti <giometti@linux.it>` (the
// kernel log on every Linux machine): a maintainer's public address in a copyright notice, bracketed
// after the notice on the same line, is no data of the user's.
const COPYRIGHT_NOTICE = /(?:\bcopyright\b|\(c\)|©)[^\r\n]*<$/i;
function isPublicNoticeAddress(m: RegExpExecArray, line: string): boolean {
  return line[m.index + m[0].length] === '>' && COPYRIGHT_NOTICE.test(line.slice(Math.max(0, m.index - 200), m.index));
}
// An `ssh`-like scheme's `://` just before, or an `ssh`/`scp`/`sftp`/`mosh`/`rsync` command before with only its options
// (`-p 2222`, `-i ~/.ssh/id`) and paths between: not prose (`ssh admin, then mail li@corp.cn`).
const isRoleLogin = (login: string) => /^(?:hg|svn|git|deploy|deployer|www|ubuntu|root|admin|backup|jenkins|gitlab|ci|build|ops|release)$/i.test(login) || CLIENT_ROLE_LOGINS.test(login);
const SSH_REMOTE_BEFORE = /(?:(?:^|[^\w+-])(?:ssh|sftp|scp|git\+ssh|ssh\+git|svn\+ssh|hg\+ssh|rsync|mosh):\/\/|(?:^|[\s"'`(])(?:ssh|scp|sftp|mosh|autossh|rsync)[ \t]+(?:(?:-[\w-]+(?:[ \t=]+[^\s@|;&<>,'"-][^\s@|;&<>,'"]*)?|[^\s@|;&<>,'"]*[/.][^\s@|;&<>,'"]*)[ \t]+){0,6})$/;
// Mail headers that carry message identifiers in address form (`Message-ID: <2026031810420321@host>`).
const PACKAGE_MAINTAINER_FIELD = /^(?:Maintainer|Original-Maintainer|XSBC-Original-Maintainer|Uploaders|Changed-By|Packager)[ \t]*:/;
const NOT_AN_ADDRESS_HEADER = /^(?:Message-ID|In-Reply-To|References|Content-ID|Resent-Message-ID|X-Message-ID)[ \t]*:/i;
// `host/erp-app01.xxsoft.local@XXSOFT.LOCAL`, `HTTP/jira.corp.com@CORP.COM` (klist, keytabs, setspn):
// a Kerberos service principal, `service/host@REALM` with the realm in capitals, names a machine's
// service, not a person's mailbox. A user principal (`liming@CORP.COM`) has no `service/` before it.
function isServicePrincipal(m: RegExpExecArray, line: string): boolean {
  const at = m[0].lastIndexOf('@');
  return /(?:^|[^\w/.:-])[A-Za-z][\w-]{0,30}\/$/.test(before(m, line, 33)) && /^[A-Z0-9][A-Z0-9.-]*\.[A-Z]{2,}$/.test(m[0].slice(at + 1));
}
// `krbtgt/XXSOFT.LOCAL@XXSOFT.LOCAL`: a Kerberos service principal's realm repeated, not an address.
function isKerberosRealm(address: string): boolean {
  const at = address.indexOf('@');
  return at > 0 && address.slice(0, at).toLowerCase() === address.slice(at + 1).toLowerCase();
}

const DB_SHELL_PROMPT = /^[ \t]*[\w-]{1,20}[>#][ \t]*(?:SELECT|select|\.)/;
/** The CSV header's name for the column a match sits in (`护照` above `EB1234567`), or ''. */
// addr23 (session 22): a row's cells with a quoted cell's commas inside it (Google Contacts' `"12 Cunningham Road, Bengaluru
// 560052"` before the `Address 1 - Street` cell): the cells after it keep their columns. Unbalanced quotes split on every comma.
function csvSplit(row: string): string[] {
  if (row.indexOf('"') < 0) return row.split(',');
  const cells: string[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i < row.length; i += 1) {
    const c = row.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x2c && !quoted) {
      cells.push(row.slice(start, i));
      start = i + 1;
    }
  }
  // A quote still open at the end (a row cut at the match, a stray quote) may be a cell's text: read the row as before.
  if (quoted && !/,"[^",]*$/.test(row)) return row.split(',');
  cells.push(row.slice(start));
  return cells;
}
export function csvColumnName(m: RegExpExecArray, line: string, around: LineSurroundings | undefined): string {
  // A `#` line above the header is a comment, not a row.
  if (!around || line.indexOf(',') < 0) return '';
  // A database shell's prompt and its query (`sqlite> SELECT guid, name_on_card, …`) is no row.
  if (DB_SHELL_PROMPT.test(line)) return '';
  const header = around.header();
  // The header is kept without its `\r`; a CRLF file's header line must still read as itself.
  const row = line.charCodeAt(line.length - 1) === 0x0d ? line.slice(0, -1) : line;
  if (header === row || header.indexOf(',') < 0) return '';
  // name25 (session 23): a `#` line is a comment, unless it splits into the header's cells (Shopify's orders export: each
  // row starts with its order's name, `#10482,…`).
  if (line.charCodeAt(0) === 0x23 && (/^#[ \t]/.test(line) || csvSplit(row).length !== csvSplit(header).length)) return '';
  // A report's title row above its header (formats.ts tableHeaderStart): the item's first line, with
  // another number of cells than the header's.
  if (around.previous() === '' && csvSplit(row).length !== csvSplit(header).length) return '';
  const column = csvSplit(line.slice(0, m.index)).length - 1;
  const cells = csvSplit(row).length;
  if (cells === csvSplit(header).length || around.above === undefined) return csvSplit(header)[column] ?? '';
  const above = around.above(CSV_SECTION_REACH);
  // The first line after a blank, `#` or title line is a second table's own header (session 17, name18).
  if (/(?:^|\n)(?:[ \t]*\r?|[ \t]*#[^\n]*|[^,\n]*)\n$/.test(above)) return '';
  const section = sectionHeader(above, cells);
  return (section !== undefined ? csvSplit(section)[column] : undefined) ?? csvSplit(header)[column] ?? '';
}

const CSV_SECTION_REACH = 4096;
/**
 * A second table in one CSV file, after a blank line, with a header of its own (Chrome's autofill
 * export: `credit_cards: guid,name_on_card,…` under the addresses): the first line of the run of
 * lines the row is in, when it has as many cells as the row, none of them a number alone. A label
 * before the first column (`credit_cards: `) is no part of its name.
 */
function sectionHeader(above: string, cells: number): string | undefined {
  const lines = above.split('\n');
  // The last element is the current line's start (empty); stop at a blank line or the text's start.
  let i = lines.length - 2;
  // Session 17 (name18): a `#` comment or a title line of no cell (`# 一卡通充值记录`, `充值明细`) ends the run as a blank does.
  while (i > 0 && !/^[ \t]*\r?$|^[ \t]*#|^[^,]*$/.test(lines[i - 1]!)) i -= 1;
  if (i < 0 || i === lines.length - 1 || (i === 0 && above.length >= CSV_SECTION_REACH)) return undefined;
  const head = lines[i]!.replace(/\r$/, '');
  if (head.split(',').length !== cells || /(?:^|,)[ \t]*"?\d+"?[ \t]*(?=,|$)/.test(head)) return undefined;
  return head.replace(/^[\w ]{1,40}:[ \t]*/, '');
}

/** A pattern's context words stand before the match on its line, or head its CSV column. */
export function hasContext(context: { words: RegExp; before: number }, m: RegExpExecArray, line: string, around: LineSurroundings | undefined): boolean {
  return context.words.test(before(m, line, context.before)) || context.words.test(csvColumnName(m, line, around));
}

// A key name made of word characters, dots and dashes (and CJK) containing a secret-ish word;
// `isSecretKey` then decides on the whole name, so the regex can stay loose.
const KEY_CHAR = String.raw`[A-Za-z0-9_.\-\u4e00-\u9fa5]`;
// `bduss`, `z_c0`: Baidu's and Zhihu's sign-in cookies; `autologin`: WindTerm's stored password;
// `cvv`/`cvc`/`cvn`: a card's security code; `answer`: a security question's answer (MORE_SECRET_KEYS);
// `bcrypt`: pfSense's `<bcrypt-hash>` (a stored password hash named for its scheme).
const KEY_WORD = String.raw`(?:pass|pwd|pw\b|psk|secret|token|key|auth|cred|cookie|sess|jwt|bearer|twfid|pin(?![a-z])|seed|salt|dsid|bduss|z_c0|autologin|cvv|cvc|cvn|answer|totp|bcrypt|logon_?ticket|rnd|js_?code|密码|口令|密钥|令牌|私钥)`;
// The key is the whole run of key characters it starts in: what follows a key in every pattern
// (a quote, `=`, `:`, a space, `>`, `<`) is never a key character. So `KEY_CHAR*?KEY_WORD KEY_CHAR*`
// equals "a run that holds a key word", written here as a lookahead (tried once, never
// backtracked into) before the run: the lazy-then-greedy form retried the rest of the run after
// every key word in it, quadratic on a long run such as `token_token_…` (31 ms at 4 KB, seconds
// at the 64 Ki-character line cap).
export const KEY = String.raw`(?=${KEY_CHAR}*?${KEY_WORD})${KEY_CHAR}+`;
export const NOT_KEY_BEFORE = String.raw`(?<![A-Za-z0-9_.\-\u4e00-\u9fa5])`;
// A closing quote after the key, and the `]` of `conf['db_pass'] = …` (PHP, Python).
export const KEY_QUOTE = String.raw`(?:\\?["'\`]|&quot;)?\]?`;
export const SEP = String.raw`[ \t]*(?:=>|:=|:(?!:)|[=：])[ \t]*`;
// Unquoted values end at whitespace and at the punctuation that separates fields in logs,
// query strings, connection strings and CJK text.
export const UNQUOTED_VALUE = String.raw`(?![NE]')[^\s"'\`<>,;&|(){}[\]，；。、）】」\\][^\s"'\`<>,;&|)}\]，；。、）】」]*`;

// A value that already holds a placeholder was handled by an earlier rule (`Bearer <TOKEN-1>`).
const isRealValue = (value: string) => !isBenignValue(value) && !PLACEHOLDER_PATTERN.test(value) && !DESCRIPTIVE_VALUE.test(value.trim()) && !CALL_HEAD.test(value);
// A call's head, cut where its first argument's quote starts: code, not a secret (`auth = oss2.Auth('…', '…')`,
// `token <- Sys.getenv("X")`, `const secret = require('…')`). Its arguments are judged on their own.
// Session 20 (fp21): and a call cut at its first argument's name or a number (a Flutter log's `AuthRepository: signIn(email: x,
// password: y)`, a README's `const inputKey = randomBytes(32);`): code, the secret (if any) is the argument named for it.
const CALL_HEAD = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\($|^[a-z_$][A-Za-z_$]{3,}(?:\.[A-Za-z_$][\w$]*)*\((?:[a-z_$][\w$]*:|\d{1,4})$/;
// Values that say what a secret is, not what it is: Chinese netsh's 密码 (cipher) `CCMP`, 安全密钥
// `存在` (present); a sign-in method list (`auth=local+sms`); an .rdp setting's typed number
// (`prompt for credentials:i:0`).
const DESCRIPTIVE_VALUE = /^(?:CCMP|GCMP(?:-256)?|TKIP|WEP|无|存在|不存在|已设置|未设置|已启用|已禁用|i:\d+|(?:local|sms|ldap|radius|ad|otp|totp|cert|certificate|ukey|usbkey|token|saml|oauth2?|sso|cas|kerberos|ntlm|password|pwd|mfa|2fa|push|qrcode|dingtalk|wechat)(?:[+|](?:local|sms|ldap|radius|ad|otp|totp|cert|certificate|ukey|usbkey|token|saml|oauth2?|sso|cas|kerberos|ntlm|password|pwd|mfa|2fa|push|qrcode|dingtalk|wechat))+)$/i;
// `credentials: user=bob password=x`, `Cookie: a=b; c=d`: the value is a list of pairs, each
// judged on its own (by this rule or by auth-header), not one secret.
const CONTAINER_KEY = /(?:^|[^a-z])(?:credentials|creds|secrets|tokens|cookies?|set-cookie|auth|authentication)$/i;
const PWD_DIRECTORY = /^(?:OLD)?PWD$/;
const MEASURE_WORDS = new Set(['timeout', 'timeouts', 'ttl', 'interval', 'lifetime', 'expiry', 'expires', 'retries', 'retry', 'size', 'len', 'length', 'count', 'max', 'min', 'limit', 'delay', 'age', 'secs', 'seconds', 'ms', 'msecs', 'jiffies']);
// — realfp (session 18): what real machines' text says around a secret word (changelogs, manuals, READMEs) —

// A file's extension that names source, a patch, a signature or documentation: a key word inside such a
// name (`less-long-token-noise.patch: Make …`, `118_arm_pass_all.dpatch: Regenerated.`, `signing-key.asc:
// Upstream …`) names the file a changelog line is about. Not `.key`, `.pem`, `.json`, `.yaml`, `.crt`:
// a Kubernetes Secret's data keys (`tls.key: LS0t…`, `key.json: ewog…`) hold the secret itself.
const FILE_NAME_KEY = /\.(?:d?patch|diff|asc|gpg|pgp|sig|c|h|cc|cpp|cxx|hpp|py|pl|pm|rb|js|mjs|cjs|ts|go|rs|java|sh|bash|md|txt|rst|in|am|ac|m4|texi|po|pot|mk|cmake|el|[1-9])$/i;
// Short words of English prose: a flag or a key followed by one of them is being talked about.
const PROSE_FUNCTION_WORD = /^(?:is|are|was|were|be|can|could|will|would|should|may|must|when|to|in|and|or|the|a|an|of|for|with|along|not|only|also|then|as|if|that|this|which|it|on|at|by|from|but|so|multiple|several|option|options)$/;
const isProseWord = (word: string) => /^[a-z][a-z'-]*[.,;:]?$/.test(word) && (isCommonWord(word) || isJoiningWord(word.replace(/[.,;:]$/, '')) || PROSE_FUNCTION_WORD.test(word.replace(/[.,;:]$/, '')));
/** The key group's start in the matched line. */
const keyStart = (m: RegExpExecArray) => m.index + m[0].indexOf(group(m, 'key'));
/**
 * A key written as a file's name or as a path's last part (`ext/pre_shared_key: use consistent name`,
 * `d/u/signing-key.asc: Rename …`): a changelog's subject names the file or component it changed.
 * The path form only before prose ({@link isSentenceAfterColon}): a Vault path (`secret/db/password: x`) keeps its value.
 */
function isFileNameKey(m: RegExpExecArray): boolean {
  const key = group(m, 'key');
  if (FILE_NAME_KEY.test(key)) return true;
  const start = keyStart(m);
  return start > 0 && m.input[start - 1] === '/' && isSentenceAfterColon(m);
}
/**
 * The value after `key:` reads as a sentence: its first word is a common word (`Add key from …`,
 * `Allow non-NULL PSK usernames`, `just login to the web interface`), at least two words follow, and one
 * of the next five is a common or joining word. A value after `=` or in quotes is a value; so is a
 * passphrase of uncommon words (`correct horse battery staple`).
 */
function isSentenceAfterColon(m: RegExpExecArray): boolean {
  const key = group(m, 'key');
  const value = group(m, 'secret');
  if (value === '') return false;
  const line = m.input;
  const keyEnd = keyStart(m) + key.length;
  const valueStart = line.indexOf(value, keyEnd);
  if (valueStart < 0) return false;
  const between = line.slice(keyEnd, valueStart);
  if (!/^[ \t]*:[ \t]+$/.test(between)) return false;
  const words = line.slice(valueStart).trim().split(/[ \t]+/);
  // `* GPG-KEY: Update.`: one common word that ends a sentence.
  if (words.length === 1) return /^[A-Z]?[a-z]+[.!]$/.test(words[0]!) && isCommonWord(words[0]!);
  if (words.length < 3) return false;
  const first = words[0]!;
  const firstIsProse = /^[A-Za-z][a-z'-]*$/.test(first) && (isCommonWord(first) || isJoiningWord(first) || PROSE_FUNCTION_WORD.test(first.toLowerCase()));
  if (firstIsProse && words.slice(1, 6).some((w) => isProseWord(w.toLowerCase()))) return true;
  // `psk: mark psk_ke_modes as invalid when ignored`, `gnutls_cipher_add_auth: propagate error codes`:
  // mostly lower-case words, two of them common or joining words.
  const lower = words.filter((w) => /^[a-z][a-z'-]*[.,;:]?$/.test(w));
  return /^[A-Za-z][a-z'-]*$/.test(first) && lower.length * 3 >= words.length * 2 && lower.filter((w) => isProseWord(w)).length >= 2;
}
/**
 * `pass 'info' instead of 'output_bfd' to`, `pass '-e' to the shell`, `Pass "GUILE_AUTO_COMPILE=0" to`:
 * the verb `pass` with a quoted argument that the sentence goes on about, not SQL's `PASSWORD 'x'` or a
 * directive `pass 'x'` (which ends its line or its statement).
 */
function isPassVerb(m: RegExpExecArray, line: string): boolean {
  if (!/^pass(?:es|ed|ing)?$/i.test(group(m, 'key'))) return false;
  const after = line.slice(m.index + m[0].length);
  // …or a list of quoted names the sentence goes on with (`Pass "GUILE", "GUILD", and "guile_snarf" to 'configure'`).
  return group(m, 'secret').startsWith('-') || /^[ \t]+(?:to|instead|as|into|through|on|for|the|and|in|when|so|from|down|along)\b|^[ \t]*,[ \t]*["']/i.test(after);
}
/** `--cookie-jar is provided`, `--ask-pass when loading`, `-cookie and -no-cookie`: a manual talks about the flag. */
// A manual's metavariable for a flag's value (`--augment-creds=BOOL`, `-p, --password PASSWORD`, `--passphrase STRING`).
const METAVARIABLE = /^(?:BOOL|BOOLEAN|STRING|STR|FILE|FILENAME|PATH|DIR|N|NUM|NUMBER|INT|INTEGER|VALUE|NAME|USER|PASSWORD|PASS|PASSPHRASE|PWD|TOKEN|KEY|SECRET|FD|SIZE|TIME|SECONDS|DAYS|WARN_DAYS|LIST|ID|HOST|PORT|URL|MODE|TYPE|LEVEL|FORMAT|ARG|ARGS|TEXT|WORD)$/;
function isFlagInProse(m: RegExpExecArray, line: string, value: string): boolean {
  if (METAVARIABLE.test(value)) return true;
  // `See also --proxy-tlspassword. Added in 7.52.0.`: the sentence about the flag ended at its dot.
  if (/[.,;]$/.test(group(m, 'key'))) return true;
  const word = value.replace(/[.,;:]$/, '');
  if (!/^[a-z]+$/.test(word) || !(isCommonWord(word) || PROSE_FUNCTION_WORD.test(word))) return false;
  // `use the -b, --cookie option.` ends the sentence; `--cookie-jar is provided` goes on in words.
  return word !== value || /^[ \t]+[a-z(-]/.test(line.slice(m.index + m[0].length));
}

const validKey = (context: 'assignment' | 'header' | 'url') => (m: RegExpExecArray) => {
  const key = group(m, 'key');
  const value = group(m, 'secret');
  if (CONTAINER_KEY.test(key) && /^[A-Za-z_][\w.-]*=[^=\s]/.test(value)) return false;
  // `PWD=/home/alice/src` is the shell's working directory, not a password.
  if (PWD_DIRECTORY.test(key) && /^[/~]/.test(value)) return false;
  // A package description's `Cookie: Baker provides a simple cookie string generator …`: a cookie is `name=value` pairs or one token, not a sentence.
  if (/(?:^|[^a-z])cookies?$/i.test(key) && !value.includes('=') && /\s\S+\s/.test(value)) return false;
  // fp20: `'Authorization': 'TC3-HMAC-SHA256 Credential=…, Signature=…'`: a signing scheme's parameters, each judged on its own.
  if (/authori[sz]ation$/i.test(key) && SIGNED_PARAMETERS.test(value)) return false;
  // A nonce is sent in the clear once (Aliyun's `SignatureNonce=<uuid>`, OAuth 1's `oauth_nonce`), not a secret.
  if (/nonce$/i.test(key)) return false;
  // An app's numeric key is its public id (Xiaomi push `miAppKey=5472021473381`); its secret is the app secret.
  if (/app_?key$/i.test(key) && /^\d{5,20}$/.test(value)) return false;
  // Session 18 (fp19): …and an app key of words (`appKey=hysrm_test`, `app-key: crm-prod`) names the app, it is no random key.
  if (/app[_-]?key$/i.test(key) && /^[a-z]+(?:[_-][a-z]+)+$/i.test(value)) return false;
  // journald's `SESSION_ID=3187`, `session=12`: a session's number, not its secret.
  if (/sess/i.test(key) && /^\d{1,10}$/.test(value)) return false;
  // A PIN is one short token: /proc/interrupts' `PIN:  0  0  Posted-interrupt …` is a counter row.
  if (/pin$/i.test(key) && !/^\S{3,32}$/.test(value)) return false;
  // apt's `Pin: origin deb.nodesource.com`: a PIN holds a digit.
  if (/(?:^|[^a-z])pin$/i.test(key) && !/\d/.test(value)) return false;
  // `--pass: #116329` is a CSS custom property (a colour), not a command-line password.
  if (key.startsWith('--') && /^[\s"'\]]*:/.test(m[0].slice(m[0].indexOf(key) + key.length))) return false;
  // `nspawn's --set-credential= switch.`: a flag written with `=` and a blank after it has an empty
  // value; the next word is another argument (or prose about the flag).
  if (key.startsWith('-') && /^=[ \t]/.test(m[0].slice(m[0].indexOf(key) + key.length))) return false;
  // sysctl's `net.netfilter.nf_conntrack_sctp_timeout_cookie_echoed = 3`: a key that measures time or
  // size anywhere in its name holds a number of seconds or bytes, not the cookie.
  if (/^\d{1,10}$/.test(value) && keyWords(key).some((w) => MEASURE_WORDS.has(w))) return false;
  // Tabby/WindTerm/VS Code SFTP `auth: password`, `authentication: publickey`: how one signs in, not a secret.
  if (AUTH_METHOD_KEY.test(key) && AUTH_METHOD.test(value.trim())) return false;
  // realfp: a file's name or a changelog's component, and a sentence after `key:`.
  if (context === 'assignment' && (isFileNameKey(m) || isSentenceAfterColon(m))) return false;
  // realfp: a manual's `--augment-creds=BOOL` (a flag and its metavariable).
  if (METAVARIABLE.test(value) && /(?:^|\s)--?[\w-]*$/.test(m.input.slice(0, keyStart(m) + group(m, 'key').length))) return false;
  // Session 21 (secret22): a certificate pin (openconnect/NetworkManager `gwcert = pin-sha256:<base64>`, HPKP `pin-sha256="…"`): the
  // digest of a public key, which anyone connecting sees.
  if (/^pin-sha(?:1|256|384|512)$/i.test(key)) return false;
  // …and a list of field names (`auth: user,login,password fields`, `secrets: token/password`): words naming values, not a value.
  // …and a key's name that the next `=` assigns (nmcli's `vpn.secrets: form:main:password = …`): the value is after that `=`.
  if (context === 'assignment' && /^[A-Za-z][\w.:-]{0,80}$/.test(value) && /^[ \t]+=[ \t]*[^\s=]/.test(m.input.slice(m.index + m[0].length))) return false;
  if (context === 'assignment' && value !== '' && (isFieldNameList(value) || isFieldNameList(m.input.slice(m.index + m[0].lastIndexOf(value))))) return false;
  return isSecretKey(key, context) && isRealValue(value);
};
// Session 21 (secret22): the words a form or a schema names its fields by, two or more in a list (`,` `/` `|` ` and `), optionally
// followed by `fields`/`columns`/`keys` — prose about which values there are.
const FIELD_NAME = String.raw`(?:user(?:[ _-]?name)?|login|e-?mail|name|password|passwd|pwd|pass|passphrase|token|secret|key|api[_-]?key|otp|totp|pin|code|id|uid|domain|realm|host|server|port|account|cookie|session)`;
const FIELD_NAME_LIST = new RegExp(String.raw`^${FIELD_NAME}(?:[ \t]*(?:,|/|\|)[ \t]*${FIELD_NAME}|[ \t]+(?:and|or)[ \t]+${FIELD_NAME})+(?:[ \t]+(?:fields?|columns?|keys?|attributes?|params?|parameters?|values?|inputs?))?[ \t]*(?:[.;:)]|\r?$)`, 'i');
function isFieldNameList(rest: string): boolean {
  return FIELD_NAME_LIST.test(rest);
}
const AUTH_METHOD_KEY = /^(?:[\w.-]*[._-])?(?:auth|authentication|auth[_-]?method|authmethod)$/i;
const AUTH_METHOD = /^(?:password|passwords|publickey|public[_-]?key|keyboard[_-]?interactive|keyboardinteractive|agent|key|keys|none|certificate|cert|gssapi(?:-with-mic)?|kerberos|hostbased|host[_-]?based|ntlm|sso|ldap|pam|otp|totp|smartcard|pageant)$/i;

// The gate of secret-assignment: is some key on the line named like a secret and placed where the
// patterns look — before a separator or a quoted value, as a `--flag`, as an XML element, or as a
// key="…" / name="…" attribute? Found from the secret-ish word outwards, which is much cheaper
// than a regex that has to try every token start.
const KEY_WORD_GLOBAL = new RegExp(KEY_WORD, 'gi');
// `(?:[ \t]*[=:：>]|[ \t]+["'])`, not `[ \t]*(?:[=:：>]|[ \t]+["'])`: nested runs of blanks are quadratic on a
// line of blanks after a key word (`key` and 64 Ki tabs: 7 s).
const AFTER_KEY = new RegExp(String.raw`${KEY_QUOTE}(?:[ \t]*[=:：>]|[ \t]+["'])|["'][ \t]*,[ \t]*["']|["']\s+(?:value|data|password)\s*=|["'][^<>\r\n]*>`, 'y');
const isKeyChar = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 45 || (c >= 0x4e00 && c <= 0x9fa5);
function anyAssignedSecretKey(line: string): boolean {
  KEY_WORD_GLOBAL.lastIndex = 0;
  let scannedTo = -1;
  // test() and lastIndex, not exec(): no match object per keyword on hot log lines.
  while (KEY_WORD_GLOBAL.test(line)) {
    const wordEnd = KEY_WORD_GLOBAL.lastIndex;
    if (wordEnd <= scannedTo) continue; // a word inside a key already judged
    let start = wordEnd - 1;
    while (start > 0 && isKeyChar(line.charCodeAt(start - 1))) start -= 1;
    let end = wordEnd;
    while (end < line.length && isKeyChar(line.charCodeAt(end))) end += 1;
    scannedTo = end;
    KEY_WORD_GLOBAL.lastIndex = end;
    const key = line.slice(start, end);
    AFTER_KEY.lastIndex = end;
    const placed =
      AFTER_KEY.test(line) ||
      line.charCodeAt(start - 1) === 60 /* < */ ||
      (key.charCodeAt(0) === 45 /* - */ && /^[ \t]+[^\s"']/.test(line.slice(end, end + 2))) ||
      // A property list's pair on one line (`.mobileconfig`): `<key>UserPassword</key><string>…`.
      (line.startsWith('</key>', end) && line.endsWith('<key>', start));
    if (placed && isSecretKey(key, 'assignment')) return true;
  }
  return false;
}
// A CSV header of quoted column names (KeePass, browser password exports): `"Group","Title","Username",
// "Password","URL","Notes"` — four or more cells, each a bare name (letters, blanks, `_`, `.`, `-`).
// Its `"Username","Password"` is not a login, nor `"Password","URL"` a password. A data row carries
// a number, a date, a URL or a symbol somewhere.
const HEADER_ROW = /^[ \t]*"[A-Za-z][\w .-]{0,39}"(?:[ \t]*[,;\t][ \t]*"[A-Za-z][\w .-]{0,39}"){3,}[ \t]*,?[ \t]*\r?$/;
const HEADER_CELL_DIGIT = /"[^"\d]*\d[^"]*"/;
function isHeaderRow(line: string): boolean {
  return line.length <= 2048 && HEADER_ROW.test(line) && !HEADER_CELL_DIGIT.test(line);
}
const ESCAPED_QUOTE_BEFORE = /&(?:quot|apos|#34|#39|#x2[27]);$/i;
// A query parameter that carries who shared or opened a link as an opaque id (Tencent Docs `&u=<32 hex>`,
// WeChat `openid=`/`unionid=`): the value names a person as a login does.
const USER_ID_PARAM = /[?&;](?:u|uid|user_?id|openid|unionid)=[A-Za-z0-9_-]{16}/i;

// `scheme://user:password@host` inside decoded text; group 1 the password.
const ENCODED_URL_CREDENTIALS = /[a-z][a-z0-9+.-]{1,30}:\/\/[^\s:@/]+:([^\s@/]+)@/i;

export const URL_PARAM_TOKEN = /(?:(?<=[?&;])|(?<=^|[\s:：，,(（])(?=[\w.-]+=[^&\s]{1,2048}&[\w.-]+=))[\w.-]+(?==)/g;
function anyKey(line: string, tokens: RegExp, context: 'assignment' | 'url'): boolean {
  tokens.lastIndex = 0;
  for (let m = tokens.exec(line); m !== null; m = tokens.exec(line)) if (isSecretKey(m[0], context)) return true;
  return false;
}
const VALUE_ON_NEXT_LINE = [
  // (an element opening the line or after another tag; `rem … -P <password>` is a usage placeholder in prose)
  new RegExp(String.raw`(?:^[ \t]*|>[ \t]*)<(?:[\w-]+:)?(?<key>${KEY})(?:\s[^<>]*)?>\s*$`, 'i'),
  // plist: `<key>SyncToken</key>` ⏎ `<string>…</string>`
  new RegExp(String.raw`^[ \t]*<key>(?<key>${KEY})</key>[ \t]*\r?$`, 'i'),
  new RegExp(String.raw`<setting\s+name\s*=\s*["'](?<key>${KEY})["'][^<>]*>\s*$`, 'i'),
  new RegExp(String.raw`^[ \t]*(?:-[ \t]+)?["']?(?<key>${KEY})["']?[ \t]*:[ \t]*(?:!vault[ \t]*)?[|>][-+]?[ \t]*\r?$`, 'i'),
  // Kubernetes env: `- name: DB_PASSWORD` ⏎ `value: …` — a variable's name, without dashes: a
  // manifest's `metadata:` ⏎ `name: repo-creds-ssh` names the object, and its next line is no value.
  new RegExp(String.raw`^[ \t]*(?:-[ \t]+)?name:[ \t]*["']?(?=[A-Za-z_][\w.]*["']?[ \t]*\r?$)(?<key>${KEY})["']?[ \t]*\r?$`, 'i'),
  // composer's auth.json: `"bearer": {` ⏎ `"satis.example.com": "<token>"` (a host, then its secret).
  new RegExp(String.raw`^[ \t]*"(?<key>${KEY})"[ \t]*:[ \t]*\{[ \t]*\r?$`, 'i'),
  // JSON key/value lists (Postman environments, settings exports): `"key": "loginPwd",` ⏎ `"value": "…"`
  // (`"name": …` ⏎ `"value": …` is HAR's header list: the line engine reads it as a header.)
  new RegExp(String.raw`^[ \t]*"key"[ \t]*:[ \t]*"(?<key>${KEY})"[ \t]*,?[ \t]*\r?$`, 'i'),
];
// Session 18 (secret19): Bundler's `BUNDLE_<HOST>="login:password"` (a host's key runs past a login's 32 characters).
const SPECIAL_FORMS = /BUNDLE_[A-Z0-9_]{2,80}["']?[ \t]*[:=][ \t]*["'][^\s"':/]{1,64}:|(?<![\w.])sp_(?:addlogin|password)[ \t]|@(?:pve|pam|pbs)![\w.-]{1,64}[ \t]+[0-9a-f]{8}-|a0="(?:mysql|mariadb)|snmp-agent[ \t]+community[ \t]|(?:^|[\s/\\("';&|>])(?:[Hh]dbsql|[Hh]dbuserstore|esxcli)(?:\.exe)?[ \t]|(?:create|alter)[ \t]+(?:restricted[ \t]+)?user[ \t]+"?[A-Za-z_][\w$#.-]{0,62}"?[ \t]+password[ \t]+\S|(?:password|secret|key(?:-string)?)[ \t]+7[ \t]+[0-9A-Fa-f]{4}|snmp-server[ \t]+community[ \t]|cipher[ \t]+(?:%\^%#|%@%@|\$1[a-z]\$)|racadm[ \t]+(?:set|config)[ \t]|(?:PVE|PBS)APIToken=|[ \t]login[ \t]+"[^"\r\n]*"[ \t]+\S|<(?:[\w-]{1,20}:)?name>[^<>\r\n]{1,60}<\/(?:[\w-]{1,20}:)?name>[ \t]*(?:<(?:[\w-]{1,20}:)?values>[ \t]*)?<(?:[\w-]{1,20}:)?value>|\{(?:AES(?:256)?|3DES)\}[A-Za-z0-9+/]{16}|encrypted[_-]?[a-z]{0,30}["']?[ \t]*[:=]|<Server\b[^<>]*[ \t]shutdown[ \t]*=|<credential-reference\b[^<>]*[ \t]clear-text[ \t]*=|(?:^|[\s/\\("';&|>])(?:sqlcmd|osql|isql|bcp|mongo\w*|psexec(?:64)?|paexec|ldap[a-z]+|smbclient|rpcclient|smbcacls|smbget|winexe|net[ \t]+(?:rpc|ads)|lftp)(?:\.exe)?[ \t]|connect[ \t]+to[ \t][^\r\n]*[ \t]using[ \t]|^[^:\s]+:(?:\$(?:apr1|2[aby]|[156]|md5|sha1)\$|\{s?sha\})|^[\w ]{1,60}\\[^\\\r\n]+\\[ \t]*\r?$|(?:powershell|pwsh)[^\r\n]*\s-e(?:nc|c\s)|\bREG_(?:EXPAND_|MULTI_)?SZ\b|cmdkey|redis-cli|<add[ \t]+key[ \t]*=[ \t]*"https?:|^[ \t]*password[ \t]+\S+[ \t]*$|^[ \t]*(?:machine[ \t]|default[ \t]).*[ \t]password[ \t]|^[\w ]+:[sb]:|(?:密码|口令)(?:还是|就是|仍是|改成|改为|设为|设置为|换成|是|为|為|[ \t])[ \t]*[\x21-\x7e]|(?:密码|口令)[^\r\n]{0,12}?输入(?:的是|为)?(?:[ \t]*[:：=])?[ \t]*[\x21-\x7e]|^[ \t]*(?:key content|关键内容)[ \t]*:|identified[ \t]+by|mysql|mariadb|sshpass|securestring|net(?:\.exe)?\s+use\b|^[A-Z][A-Z0-9_]*(?:PASS|PWD|SECRET|TOKEN|KEY|AUTH|CRED|COOKIE|SESS)[A-Z0-9_]*[ \t]{2,}\S|<\|\|\|>\d<\|\|\|>|^(?:ssh|sftp|ftp|rdp|telnet|vnc)\d*:[^@=\s]+@[^=\s]+=|^[\w .-]+=[A-Z][A-Z0-9-]{1,14}\\[a-z][\w.-]*:\S|PDO(?:->__construct)?\(|^[ \t]*(?=[\w.-]*?(?:pass|pwd|secret|token|auth))[\w.-]+[ \t]+[^\s=:"']+[ \t]*\r?$|config[ \t]+set[ \t]+\w*(?:pass|auth)|\bpassword[ \t]+(?:(?:accepted|verified|rejected)[ \t]*:|[^\s,;:=]{4,64}[ \t]+(?:verified|accepted|rejected|expires|expiring)\b)|(?:密码|口令|password|passwd|pin)[ \t]*[（(][^（）()\r\n]{1,16}[）)][ \t]*[:：=]|(?:密保|安全)(?:问题)?答案|"exp_?(?:year|month)"[ \t]*:[^\r\n]{0,80}"(?:code|securitycode|cvv|cvc)"[ \t]*:|[|｜][^|｜\r\n]*[|｜]|<key>[^<>\r\n]{1,80}<\/key>[ \t]*<value[\s>]|addauth[ \t]+digest[ \t]|^[ \t]*(?:-[ \t]+)?send:[ \t]|(?:^|[ \t;{])send[ \t]+(?:--[ \t]+|-raw[ \t]+)?["']|screen\.send[ \t(]|\.sendline\(|net(?:\.exe)?\s+user\s+[^\s/]+\s+[^\s/]|(?<![\w.-])(?:a2|d2key|skey|p_skey|superkey|stkey|clientkey|vkey|pt4_token)[ \t]*[=:][ \t]*[A-Za-z0-9+/_*@-]{8}|(?<![\w.@\]-])key[ \t]*=>[ \t]*["'][^"'\s]{6}|\)[ \t]+\(0x[0-9a-f]{16}|mysapsso2|<\/td>[ \t]*<td[\s>]|^(?:[a-z][\w.-]{0,31}|<user-\d+>)@[a-z0-9][\w.-]{0,120}:[ \t]+\S{1,128}[ \t]*\r?$|'digest,'|digest:[\w.-]+:[a-z0-9+/]{27}=|<mrng:connections\b|(?:识别码|设备代码|设备码|设备 ?id)[^\r\n]{0,40}?验证码|name=\\?["']?[\w.-]{0,40}(?:pass|pwd|secret|token)[\w.-]{0,40}\\?["']?\][ \t]+value=|(?:\b(?:with|using|and|new|the|my|your|his|her|their)[ \t]+|\()password[ \t]+\S|(?:password|pwd)[ _-]?hint|密码提示|(?:\baccount\b[^\r\n]{0,120}?|\/Users\/\S+[ \t]+(?:AuthenticationHint[ \t]+)?)\bhint[ \t]*(?:[:=][ \t]*)?["“]|(?:密码|口令)(?:是|为|為)[ \t]*[\u4e00-\u9fa5]{1,12}[\x21-\x7e]|(?:验证码|verification code)(?:[ \t]*[:：])?[ \t]*(?:[A-Z]{6}|[A-Z0-9]{10,20})(?![A-Za-z0-9])|(?:医保|社保|社会保障|医疗保险)(?:卡)?(?:卡号|号码|编号|个人编号|号|卡)[ \t]*(?:[:：][ \t]*)?[A-Z0-9]{8}/i;
// Server-side credential stores and stored secret forms (session 13, rest14a), the gate's other
// forms for secret-assignment's "stored credentials" patterns (rules.ts): a network device's stored
// password (`password simple|hash|cipher x`, `$c$3$…`/`$h$6$…`), HAProxy's `userlist` users and `stats
// auth x:pw`, htpasswd items inside YAML/JSON/labels (`- "x:$apr1$…"`, `users=x:$$2y$$…`), pgbouncer's
// `"x" "md5…|SCRAM-SHA-256$…"`, FreeRADIUS's `x Cleartext-Password := "…"` and radius.log's
// `Login OK: [x/pw]`, `chpasswd` input, `passwd --stdin`, SQL in `.mysql_history` (`\040` for blanks),
// `${VAR:default}` defaults, Pulumi `secure: v1:…`, uci `option key`, a panel's security entrance, a
// subscription link's token, the value tried after a failed password.
const STORED_FORMS = /^[ \t]*(?:super[ \t]+|local-user[ \t]+\S+[ \t]+)?password[ \t]+(?:(?:level|role)[ \t]+\S+[ \t]+)?(?:simple|hash|cipher|irreversible-cipher)[ \t]|(?:simple|cipher|hash)[ \t]+\$[ch]\$\d\$|^[ \t]*user[ \t]+\S+[ \t]+(?:insecure-)?password[ \t]+\S|(?:^|[\s;])stats[ \t]+auth[ \t]+\S|(?:^|[\s,[{(=])(?:-[ \t]+)?["']?[A-Za-z_][\w.@-]{0,63}:(?:\$\$?(?:apr1|2[aby]|[156]|md5|sha1)\$|\{s?sha\})|^"[^"\s]{1,63}"[ \t]+"(?:md5[0-9a-f]{32}|scram-sha-256\$)|-password[ \t]*:=|login[ \t]+(?:ok|incorrect)\b[^\r\n]{0,220}?:[ \t]+\[[^\]/\r\n]{1,64}\/|chpasswd|passwd[ \t]+--stdin|identified\\040|\$\{[A-Za-z_][\w.-]{0,80}:-?[^}\s]|secure:[ \t]*v1:|^[ \t]*option[ \t]+key[ \t]|(?:面板地址|安全入口|panel[ \t]+(?:address|url))[ \t]*[:：]|\/link\/[A-Za-z0-9]{16}|(?:密码错误|密码不正确|(?:password[ \t]+(?:incorrect|mismatch|wrong)|(?:wrong|invalid|bad)[ \t]+password))[^\r\n]{0,60}?(?:尝试|输入|tried|attempt(?:ed)?|input)[ \t]*[=:：]/i;
// Session 14 (rest15b): network devices' clear-text directives, crypt(3) hashes by shape, preseed password
// questions, k3s join tokens, passwords a tool prints once (rules.ts has the patterns).
// (A network device's forms: network-device.ts's isDeviceSecretLine, session 20.)
const DEVICE_AND_SHAPE_FORMS = /(?<![\w$./])\$(?:2[aby]\$\d\d\$[./a-z0-9]{53}|[56]\$(?:rounds=\d{1,9}\$)?[./a-z0-9]{1,16}\$[./a-z0-9]{20}|y\$[./a-z0-9]{1,8}\$[./a-z0-9]{1,64}\$[./a-z0-9]{43}|1\$[./a-z0-9]{1,8}\$[./a-z0-9]{22})|^[ \t]*d-i[ \t]+\S*password\S*[ \t]+password[ \t]+\S|k10[0-9a-f]{32,128}::[a-z]|\b(?:new|initial|temporary|generated|random|one-time)[ \t]+password(?:[ \t]+(?:for|of)[ \t]+\S{1,64})?[ \t]+(?:is|was)\b|temporary[ \t]+password[ \t]+is[ \t]+generated/i;
// Commands that print a stored secret alone on the next line: macOS `security find-generic-password … -w`,
// GNOME `secret-tool lookup …`, `pass show x`, `gopass show x`, `bw get password x`, Python's `keyring get s u`
// (not piped on, not redirected to a file). Words tested in code, no regex over the whole line.
// Session 16 (secret17): and tools that print a new secret alone: Icinga 2 `pki ticket --cn x` (a satellite's ticket), WireGuard
// `wg genkey|genpsk`, `openssl rand -hex|-base64 n`, `pwgen`, `kubeadm token create|generate`, `docker swarm join-token -q`.
const PRINTS_SECRET_COMMAND = /(?:^|[\s;&$#>])(?:security[ \t]+find-(?:generic|internet)-password|secret-tool[ \t]+lookup|g?pass[ \t]+show|bw[ \t]+get[ \t]+password|keyring[ \t]+get|icinga2[ \t]+pki[ \t]+ticket|wg[ \t]+gen(?:key|psk)|openssl[ \t]+rand[ \t]+-(?:hex|base64)|pwgen|kubeadm[ \t]+token[ \t]+(?:create|generate)|docker[ \t]+swarm[ \t]+join-token[ \t]+-q|pritunl[ \t]+setup-key)(?:[ \t]|\r?$)/;
// Session 17 (secret18): `pritunl setup-key` (above) prints the web setup's key alone; a heading naming a key, alone at the end of its
// line, is followed by the key (kubeadm `[upload-certs] Using certificate key:`, `Recovery key:`, `Your API key:`, `Setup key:`).
const KEY_HEADING = /(?:^|[\s\]])(?:certificate|encryption|decryption|recovery|setup|secret|master|api|access|license|licence)[ \t]key[ \t]*[:：][ \t]*\r?$/i;
function printsSecret(line: string): boolean {
  if (line.includes('|') || / >{1,2}[ \t]*\S/.test(line) || !PRINTS_SECRET_COMMAND.test(line)) return false;
  // Session 20 (fp21): `kubeadm token create --print-join-command` prints a command (`kubeadm join … --token x --discovery-token-ca-
  // cert-hash sha256:…`), whose `--token` the flag rules take; the CA's hash beside it is public.
  if (/[ \t]--print-join-command\b/.test(line)) return false;
  return !/find-(?:generic|internet)-password/.test(line) || /[ \t]-w(?:[ \t]|\r?$)/.test(line);
}
// Salt's nested outputter (`salt '*' pillar.items`) prints a key alone, indented, its value on the next line.
const INDENTED_BARE_KEY = /^[ \t]{2,}(?<key>[A-Za-z_][\w.-]{0,79}):[ \t]*\r?$/;
// A file that holds one secret and nothing else, printed by `cat` (a console transcript): Nexus's
// `admin.password`, Jenkins's `initialAdminPassword`, k3s's `node-token`/`server/token`, Vault's
// `.vault-token`; a Docker (Compose, Swarm) secret mounted under `/run/secrets/` (session 18, secret19: not a certificate or a
// config file by its extension). Its next line is the secret.
const SECRET_FILE_PRINTED = /(?:^|[\s;&|$#>])(?:cat|type|more|head(?:[ \t]+-n?[ \t]*1)?|Get-Content|gc)[ \t]+\S*(?:admin\.password|initialAdminPassword|node-token|k3s\/server\/token|\.vault-token|VNCSettings\.txt|secrets\/master\.key|ossec\/etc\/authd\.pass|\/run\/secrets\/(?![\w.-]*\.(?:pem|crt|cer|key|json|ya?ml|conf|toml|ini)["']?[ \t]*\r?$)[\w.-]{1,64})["']?[ \t]*\r?$/i;
function opensValueOnNextLine(line: string): string | undefined {
  if (SECRET_FILE_PRINTED.test(line)) return /token/i.test(line) ? 'TOKEN' : 'SECRET';
  if (printsSecret(line) || KEY_HEADING.test(line)) return 'SECRET';
  // Session 19 (secret20): commands and one-secret files whose output is the secret alone (tool-secrets.ts).
  const printed = toolPrintsSecretOnNextLine(line);
  if (printed !== undefined) return printed;
  // Session 23 (acct25): account and cloud tools that print a secret alone (account-secrets.ts).
  const printedByAccountTool = accountToolPrintsSecretOnNextLine(line);
  if (printedByAccountTool !== undefined) return printedByAccountTool;
  const bare = INDENTED_BARE_KEY.exec(line)?.groups?.key;
  if (bare !== undefined && isSecretKey(bare, 'assignment')) return secretKindForKey(bare);
  // Every opener ends the line with `>`, a YAML block indicator, or a bare key after `name:`.
  const last = line.trimEnd().slice(-1);
  if (last !== '>' && last !== '|' && last !== '-' && last !== '+' && last !== '{' && !line.includes('name:') && !line.includes('"key"')) return undefined;
  for (const re of VALUE_ON_NEXT_LINE) {
    const key = re.exec(line)?.groups?.key;
    if (key !== undefined && isSecretKey(key, 'assignment')) return secretKindForKey(key);
  }
  return undefined;
}
// What kubectl prints after an object's kind and name: `secret "x" created`, `secrets "x" not found`, `… configured`.
const KUBECTL_OBJECT_VERB = /^[ \t]+(?:created|deleted|configured|unchanged|patched|labeled|annotated|replaced|edited|serverside-applied|not[ \t]+found)\b/;
const FURTHER_ASSIGNMENT = /[\s,;，；][\w.\-\u4e00-\u9fa5]+[ \t]*[=:：]/;
// Cookie values that are one short word (`theme=dark`, `lang=en`) carry no credential.
const PLAIN_COOKIE_VALUE = /^[A-Za-z_-]{1,12}$/;

// `auth: OpenAI call failed for key …`: a logger's module name and a sentence, not `auth` = `OpenAI`.
const LOGGER_MODULE = /^(?:auth|token|tokens|session|sessions|cookie|cookies|secret|secrets|credential|credentials|creds)$/i;
// Session 19 (fp20): a version as package lists print it (`3.0.1`, `v2.4.0`, `1.26.0rc1`, `2.0.0.post1`, `0.9.8-2`).
const PACKAGE_VERSION = /^v?\d+(?:\.\d+){1,3}(?:[-+~]?(?:a|b|rc|dev|post|alpha|beta)?\d*)?(?:[-+~][\w.]+)?$/i;

/**
 * Session 19 (fp20): a logger's source position `module:function:line` (loguru's `sync.auth:login:88 - signing in`, Python
 * logging's `%(name)s:%(funcName)s:%(lineno)d`): the key glued to a function's name and a line number, no blank between.
 */
function isSourcePosition(m: RegExpExecArray): boolean {
  const key = group(m, 'key');
  const value = group(m, 'secret');
  return /^(?:[a-z_][a-z0-9_]*|<module>|<lambda>):\d{1,6}$/.test(value) && m[0].endsWith(`${key}:${value}`);
}

function isLoggerPrefix(m: RegExpExecArray, line: string): boolean {
  if (!LOGGER_MODULE.test(group(m, 'key')) || !/:[ \t]+\S+$/.test(m[0])) return false;
  const value = group(m, 'secret');
  return /^[A-Za-z][a-z]*(?:[A-Z][a-z]*)*[A-Za-z]?$/.test(value) && value.length <= 24 && /^[ \t]+[a-z]{2,}\b/.test(line.slice(m.index + m[0].length));
}




export const HOST_TLD_LIST = [
  'com', 'net', 'org', 'io', 'cn', 'local', 'lan', 'corp', 'internal', 'intranet', 'home', 'edu', 'gov', 'mil', 'int', 'biz', 'info', 'co', 'uk', 'de', 'fr', 'jp', 'kr', 'hk', 'tw', 'sg', 'au', 'ca', 'us', 'ru', 'in', 'nl', 'se', 'ch', 'it', 'es', 'br', 'eu', 'me', 'tv', 'cc', 'xyz', 'top', 'site', 'online', 'tech', 'cloud', 'app', 'dev', 'ad', 'domain', 'private', 'office', 'work', 'company',
];

// A connection string: the line also names a server, a database or a driver.
const CONNECTION_CONTEXT = /(?:server|data source|host|hostname|database|initial catalog|user id|uid|provider|driver|dsn|addr|address)\s*=|jdbc:/i;

// The domains Windows writes before its own accounts (English and localized).
const BUILTIN_DOMAIN = /^(?:NT AUTHORITY|NT-AUTORITÄT|AUTORITE NT|NT INSTANCE|Window Manager|Font Driver Host|NT SERVICE|BUILTIN)\\{1,2}/i;
const WINDOWS_SERVICE_ACCOUNTS = /^(?:system|local service|network service|anonymous logon|dwm-\d+|umfd-\d+|-)$/i;
const WINDOWS_BUILTIN_USERS = /^(?:public|default|default user|all users|defaultuser\d*|shared|guest|administrator|wdagutilityaccount|root|user|username|yourname|your[ _-]?user(?:name)?|\*|\.{1,2}|%[^%]*%|\$[\w:{}]+)$/i;


const HOST_TLDS = new Set(HOST_TLD_LIST);
const PUBLIC_SERVICE_DOMAINS = /(?:^|\.)(?:microsoft\.com|windows\.com|windowsupdate\.com|office\.com|office365\.com|live\.com|msftconnecttest\.com|google\.com|googleapis\.com|gstatic\.com|apple\.com|icloud\.com|github\.com|githubusercontent\.com|gitlab\.com|debian\.org|ubuntu\.com|canonical\.com|npmjs\.org|npmjs\.com|python\.org|pypi\.org|mozilla\.org|amazonaws\.com|cloudflare\.com|akamai\.net|digicert\.com|letsencrypt\.org|w3\.org|xmlsoap\.org|apache\.org|example\.com|example\.org|example\.net|localhost|baidu\.com|qq\.com|aliyun\.com|alicdn\.com|tencent\.com)$/i;
const PACKAGE_ROOTS = /^(?:com|org|net|io|java|javax|android|androidx|kotlin|scala|sun|jdk|microsoft|system)\./i;

// The web sites of the free software a Linux machine ships, named in its stock configuration files and
// documentation (`http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd`, `The X.Org Foundation`),
// and the stand-ins those files use for the reader's own domain (`proxy.mydomain.com`).
const FREE_SOFTWARE_DOMAINS = /(?:^|\.)(?:freedesktop\.org|x\.org|kernel\.org|gnu\.org|fsf\.org|gnome\.org|kde\.org|postgresql\.org|perl\.org|cpan\.org|ruby-lang\.org|rubygems\.org|openssl\.org|systemd\.io|0pointer\.de|lwn\.net|qemu\.org|nodesource\.com|nodejs\.org|sourceforge\.net|chromium\.org|sqlite\.org|oracle\.com|java\.com|openjdk\.org|redhat\.com|fedoraproject\.org|archlinux\.org|opensuse\.org|kernel\.dk|xfree86\.org|pool\.ntp\.org|(?:my|your)?domain\.(?:com|org|net))$/i;
// A company's remote-access gateway on its public domain (`vpn.xxsoft.com.cn`, `vdi.example.com`,
// `owa.example.de`): published on the internet for every employee to reach, like the company's web
// site; an internal name under it (`vpn.corp.example.com`, `vdi.example.local`) stays private.
const PUBLIC_GATEWAY_HOST = /^(?:vpn|sslvpn|webvpn|vdi|owa|autodiscover|remote|citrix|horizon|rdweb|rdgw|webmail)\d{0,2}\.[a-z0-9-]+\.(?:(?:com|net|org|gov|edu|ac)\.[a-z]{2}|[a-z]{2,})$/i;
const INTERNAL_TLDS = new Set(['local', 'lan', 'corp', 'internal', 'intranet', 'home', 'private', 'domain', 'ad', 'office', 'work', 'company']);

function isPrivateLookingHost(host: string, tld: string): boolean {
  if (!HOST_TLDS.has(tld.toLowerCase())) return false;
  if (PUBLIC_GATEWAY_HOST.test(host) && !INTERNAL_TLDS.has(tld.toLowerCase())) return false;
  if (FREE_SOFTWARE_DOMAINS.test(host)) return false;
  if (PUBLIC_SERVICE_DOMAINS.test(host)) return false;
  if (PACKAGE_ROOTS.test(host) && host.split('.').length >= 3) return false;
  return true;
}

/** Base64 (standard or URL-safe, padding optional) as UTF-8 text; undefined when it is not text. */
function base64Text(b64: string): string | undefined {
  const text = Buffer.from(b64.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  // Binary decodes to replacement characters and control bytes: not text someone typed.
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || c < 9 || (c > 13 && c < 32)) return undefined;
  }
  return text;
}

/** `Basic …` that decodes to `user:password` (a user, a colon, a real password). */
function isBasicCredentials(b64: string): boolean {
  const text = base64Text(b64);
  if (text === undefined) return false;
  const colon = text.indexOf(':');
  return colon > 0 && colon < text.length - 1 && !/\s/.test(text.slice(0, colon)) && isRealValue(text.slice(colon + 1));
}

// What a command that sets a credential says (`$p='P@ssw0rd123'`, `-AsPlainText`, `-Password`).
const COMMAND_CREDENTIAL = /pass|pwd|secret|token|credential|asplaintext|apikey|密码|(["'])(?=[^"'\r\n]{6,64}\1)(?=[^"'\r\n]*[A-Za-z])(?=[^"'\r\n]*\d)(?=[^"'\r\n]*[^\w\s"'])[^"'\r\n]+\1/i;

// Five groups of five: a software product key, printed by setup and licensing logs.
const PRODUCT_KEY = /^[A-Z0-9]{5}(?:-[A-Z0-9]{5}){4}$/;

// `>PASSWORD:Verification Failed: 'Auth'` (OpenVPN's management interface): a word and how the
// check went, a sentence about the password rather than the password.
function isStatusSentence(m: RegExpExecArray, line: string): boolean {
  return /^[A-Z]?[a-z]+$/.test(group(m, 'secret')) && /^[ \t]+(?:failed|succeeded|required|expired|rejected|accepted|denied|error)\b/i.test(line.slice(m.index + m[0].length));
}

/** `powershell -enc …`: the base64 of UTF-16LE text, redacted when that command carries a credential. */
function isEncodedCommandSecret(b64: string): boolean {
  const text = Buffer.from(b64, 'base64').toString('utf16le');
  return COMMAND_CREDENTIAL.test(text);
}

// A credential field of a JSON document, with a non-empty value.
const CREDENTIAL_FIELD = /"(?:password|passwd|pwd|auth|secret|token|access_?token|api_?key|private_?key|client_?secret|identitytoken)"\s*:\s*"[^"]/i;

/** Words after 密码 that name an algorithm or a step, not a password (`密码 SHA256 加密`). */
const PROSE_PASSWORD_WORD = /^(?:md5|sha-?\d*|aes-?\d*|rsa-?\d*|sm[234]|des|3des|bcrypt|scrypt|pbkdf2|base64|utf-?8|gbk|http|https|ldap|ad|ok|ssl|tls|\d{1,3}|\d+位)$/i;

// A package's version of four numbers: `gem list`'s `actioncable (6.1.7.10)`, `rdoc (default: 6.4.1.1)`,
// apt-cache policy's `Candidate: 17.0.21.1+2-1~deb12u1` (a Debian revision after `+` or `~`); and
// openssl.cnf's object identifiers (`testoid1=1.2.3.4`).
const GEM_LIST_LINE = /^[A-Za-z][\w.-]*[ \t]+\((?:default:[ \t]*)?\d[\w.]*(?:,[ \t]*(?:default:[ \t]*)?\d[\w.]*)*\)[ \t]*\r?$/;
const VERSION_KEY_BEFORE = /(?:candidate|installed|version|\*\*\*)[ \t]*(?::[ \t]*)?$|oid\d*[ \t]*=[ \t]*$/i;
function isPackageVersion(m: RegExpExecArray, line: string): boolean {
  const end = m.index + m[0].length;
  return /^[+~][0-9A-Za-z]/.test(line.slice(end, end + 2)) || GEM_LIST_LINE.test(line) || VERSION_KEY_BEFORE.test(before(m, line, 16));
}

/** All-zero, broadcast and multicast (group bit set in the first octet) name no machine. */
function isUnicastMac(mac: string): boolean {
  const hex = mac.replace(/[^0-9a-f]/gi, '');
  return !/^(?:0+|f+)$/i.test(hex) && (parseInt(hex.slice(0, 2), 16) & 1) === 0;
}

// Accounts every machine has, service accounts of common software, and words a sentence puts after
// `User:` or `by` (`User: not found`, `started by the scheduler`): no person's login.
// Words of prose after `changed by`, `created by` (`Which fields may be changed by regular users`,
// systemd's `should be created by either modifying this file`), metasyntactic names (`User "foo"`) and
// PostgreSQL's pg_hba keywords (`"sameuser", "samerole"`): not logins.
// fp20: the nouns a sentence names a flag with (`the --login option`, `the --user flag.`), a sentence's stop included.
const FLAG_NOUN = /^(?:option|options|flag|flags|switch|switches|argument|arguments|parameter|parameters)[.,;:]?$/i;
const PROSE_LOGINS = /^(?:either|neither|both|regular|normal|ordinary|another|every|such|should|would|could|may|might|must|can|will|shall|only|also|then|than|which|who|whom|whose|what|when|where|why|how|these|those|its|their|his|our|your|my|one|new|old|given|specified|named|someone|somebody|anyone|anybody|everybody|itself|self|hand|means|using|via|foo|bar|baz|qux|quux|sameuser|samerole|samegroup|replication)$/i;
const PROXY_TYPE = /(?:^|[\s{,"'])(?:type|protocol)["']?[ \t]*:[ \t]*["']?(?:vmess|vless|tuic)\b/i;
// The stores' own service accounts (pgbouncer's admin user, HAProxy's stats page user of its docs).
const STORE_SERVICE_LOGINS = /^(?:pgbouncer|haproxy|stats|radius|freeradius|traefik|nexus|jenkins|postgres|mysql|clickhouse|hacluster|nobody|www-data|nginx|apache|redis|zabbix|tomcat|git|user\d?|username|login|name)$/i;
// Session 22 (intlkey23): 1C:Enterprise's stock `DefUser` (its techlog's `Usr=DefUser` before anyone signs in), Windows' `DefaultAccount`.
const BUILTIN_LOGINS = /^(?:root|admin|administrator|administrators|system|localsystem|local|nobody|daemon|guest|anonymous|default|defaultuser\d*|defuser|defaultaccount|wdagutilityaccount|user|users|username|test|tester|demo|www-data|www|nginx|apache|httpd|sys|bin|sync|mail|news|postgres|postgresql|mysql|oracle|redis|mongodb|sa|dbo|sshd|ftp|git|jenkins|docker|systemd-[\w-]+|messagebus|polkitd|_apt|trusted ?installer|network ?service|local ?service|everyone|service|services|owner|creator|the|a|an|not|no|is|was|has|logged|found|none|unknown|name|id|and|or|for|with|in|on|at|to|from|by|of|me|you|him|her|them|us|it|this|that|all|any|some|each|user\d*|whoami|current|currentuser|same|other|remote|client|server|host|app|application|process|scheduler|cron|task|job|policy|group|team|manual|manually|script|automation|api|web|ui|cli|sso|ldap|ad|sid|uid|gid|network|nt|authority|trustedinstaller|iusr|iis_iusrs|defaultapppool|apppool|avahi|colord|geoclue|rtkit|sddm|gdm|lightdm|pulse|uuidd|tss|dnsmasq|ntp|chrony|syslog|kernoops|whoopsie|saned|usbmux|cups|lp|man|proxy|backup|list|irc|gnats|dbus|polkit|nm-openvpn|libvirt-qemu|qemu|kvm|games|operator|halt|shutdown|adm|wheel|staff|nogroup|systemd|init|launchd|cron|crond|supervisor|supervisord|pm2|kubelet|schtasks|taskeng|explorer|timeout|error|errors|started|finished|completed|expired|locked|disabled|enabled|required|success|failed|failure|denied|ok|pending|true|false|null|yes|no)$/i;

// …a column or field name for the secret (`login:password` in a file's format comment, a CSV
// header's `"Username","Password"`), and the shared accounts of office devices (a printer's FTP/SMB login `scanner`, a copier job log's
// `public` for jobs sent without signing in), no person's.
// Role words databases and file servers are given as logins (`-u report`, `-U replicator`).
// A login named for an application or a role (`crm_app`, `xxclient`, `erp_svc`, `bi_ro`): no person's.
const SERVICE_LOGIN = /(?:^|[_.-])(?:app|apps|client|svc|service|api|web|etl|batch|job|bot|sync|readonly|ro|rw|reader|writer|reports?|prod|test|dev|uat|sit)(?:$|[_.-])|(?:app|client|svc|service|server)$/i;
/** The stock accounts of cloud and board images (login18): `ubuntu`, `ec2-user`, `centos`, `azureuser`, `opc`, `pi` … */
const CLOUD_IMAGE_USERS = /^(?:ubuntu|centos|debian|fedora|ec2-user|azureuser|opc|cloud-user|rocky|almalinux|vagrant|pi|core)$/;
/** login18: a table header's secret column beside its login column (Get-StoredCredential's `UserName        Pwd`): no login. */
const SECRET_COLUMN_WORD = /^(?:pwd|passw(?:or)?d|pass|secret|token|credentials?)$/i;
// login22 (session 21): `ro`/`rw` are bare role words too (a .pgpass `*:5432:*:ro:…` login stays, fixtures README).
const CLIENT_ROLE_LOGINS = /^(?:ro|rw|openvpn|pritunl|synapse|matrix|drupal|rabbitmq|neo4j|cassandra|couchbase|influx|influxdb|ubuntu|centos|debian|fedora|ec2-user|azureuser|opc|core|pi|vagrant|git|deploy|jenkins|www|gitlab-runner|runner|reports?|reporting|reader|readers|readonly|read|writer|readwrite|monitor|monitoring|backup|backups|replica|replicator|repl|sync|etl|batch|app|apps|web|api|service|svc|dba|dbadmin|dev|developer|ops|audit|auditor|guest|demo|sample|scott|tiger|hr|sh|oe|postgres|mysql|oracle|sa|sysdba|system|sys|dbo|superuser|super|master|slave|exporter|import|export|query|analytics|bi|data|share|shared|files|ftp|ftpuser|anonymous|nobody|root|admin|administrator)$/i;
const NOT_A_LOGIN_WORD = /^(?:Account|Accounts|Event|Events|Level|Time|Date|Message|Source|Status)$|^(?:created|deleted|removed|added|updated|renamed|saved|exists|loggedin|loggedout|restart|shutdown)$|^(?:password|passwd|passphrase|pwd)$|^(?:login|logon|logout|logoff)$|^(?:scanner|scan|printer|copier|fax|public)$/i;

// jmxremote.access's `should only be granted to create MBeans of known and trusted classes`: `to`
// and a verb, not a grantee. A grantee ends the sentence or goes on with a preposition
// (`… granted to hanxue`, `assigned to liming on 2026-03-01`, `granted to wzhang (read)`).
const GRANTED_TO = /^\s?(?:granted|assigned)[ \t]/i;
const AFTER_GRANTEE = /^(?:[ \t]*$|[ \t]*[.,;:!?)\]'"]|[ \t]+(?:on|for|at|from|by|with|via|in|as|and|or|until|since|to|through|\(|-|–))(?![^ \t(])|^[ \t]+(?:\(|-)/i;
// A licence's grant (`Permission is hereby granted to copy, distribute …`, `No license is granted
// to "mirror" the Unicode website`): permission to do something, never to someone by login.
const LICENCE_GRANT_BEFORE = /(?:permission|license|licence|rights?)[ \t]+(?:(?:is|are|was|be|been|has|have|also|hereby|further|not|expressly)[ \t]+)*$/i;
function isGranteeVerb(m: RegExpExecArray, line: string): boolean {
  if (!GRANTED_TO.test(m[0])) return false;
  return !AFTER_GRANTEE.test(line.slice(m.index + m[0].length)) || LICENCE_GRANT_BEFORE.test(line.slice(Math.max(0, m.index - 60), m.index + (m[0].length - m[0].trimStart().length)));
}

// `modified by FUJITSU LIMITED`, `approved by Creative Commons`, `Modified by Guido van Rossum`: a
// capitalised word followed by another is the first word of a company's or a person's name (the
// person-name rule's, if any), not a login.
const BY_VERB = /^\s?(?:started|run|launched|created|executed|initiated|requested|submitted|modified|changed|edited|viewed|accessed|deleted|updated|approved|rejected|exported|uploaded|downloaded|locked|unlocked)[ \t]+by[ \t]/i;
// Session 20 (fp21): the login of a stand-in pair (curl's `--user "key:secret"`, `-u name:password`): a metavariable too.
function isStandInPair(m: RegExpExecArray, line: string): boolean {
  const end = (m.indices?.groups?.['user']?.[1]) ?? m.index + m[0].length;
  const after = /^:["']?([^\s"'@]+)/.exec(line.slice(end));
  return after !== null && (STAND_IN_VALUE.test(after[1]!) || STAND_IN_PAIR_SECRET.test(after[1]!));
}

// Session 20 (fp21): the signature of one API call, logged with the nonce or timestamp it was made over (Alibaba Cloud's RPC
// `…&SignatureNonce=7c1e…&Timestamp=…&Signature=qH3k…=`, e签宝's callback `X-Tsign-Open-SIGNATURE=… X-Tsign-Open-TIMESTAMP=…`,
// WeChat Pay's `Wechatpay-Signature` beside `Wechatpay-Nonce`): an HMAC no later request can reuse and that tells nothing of the
// key. A presigned URL's (`Expires=`, `X-Amz-Expires=`) opens the object until it expires, and an Authorization header's is the
// credential of its request: both are still taken.
function isOneShotSignatureLine(line: string): boolean {
  return /(?:nonce|timestamp)[\w-]{0,40}["']?[ \t]{0,4}[=:]/i.test(line) && !/expires|authorization["']?[ \t]{0,4}[:=]|credential=/i.test(line);
}

const CONTAINER_TOOL = /(?:^|[\s/"'`])(?:docker|podman|nerdctl|buildah|buildctl|docker-compose)(?:\.exe)?[ \t]/;

function isNameAfterBy(m: RegExpExecArray, line: string): boolean {
  if (!BY_VERB.test(m[0])) return false;
  const user = group(m, 'user');
  if (/^(?:[A-Z][a-z]+|[A-Z]{2,})$/.test(user) && /^[ \t]+(?:(?:van|von|de|der|den|da|di|du|le|la|del|dos|ten|ter)[ \t]+)?[A-Z][A-Za-z]/.test(line.slice(m.index + m[0].length))) return true;
  // Session 20 (fp21): a proper noun, capitalised as a company, product or first name is (`created by Microsoft`, `rejected by
  // TypeScript:`, `requested by SunOS users`, `reported by GitHub`): a login is written in lower case (`started by liuyang`,
  // `approved by k.tanaka`); a pinyin name written so (`ZhangWei`, `Liuyang`) is still a person's account.
  if (BY_USER_QUALIFIED.test(m[0])) return false;
  // …and a Debian package (`diversions created by libxft2-dev on all installs`, `created by foo-common`): a package, no one's account.
  if (/^lib[a-z0-9.+-]*\d|^[a-z][a-z0-9.+]*-(?:dev|common|bin|utils|data|doc|dbg|tools|perl|python)$/.test(user)) return true;
  if (!/^[A-Z][a-z]+(?:[A-Z][a-z]+|[A-Z]{1,3}){0,3}$/.test(user) || isPinyinCamelName(user) || isPinyinNameLogin(user.toLowerCase())) return false;
  // Glued parts only when each is a word or an acronym (`TypeScript`, `GitHub`, `SunOS`): `JohnSmith` is a person's login.
  const parts = user.split(/(?=[A-Z][a-z])/);
  return parts.length === 1 || parts.every((p) => /^[A-Z][a-z]+$/.test(p) ? isCommonWord(p) : /^[A-Z]{1,3}$/.test(p.replace(/^[A-Z][a-z]+/, '')) && isCommonWord(p.replace(/[A-Z]+$/, '')));
}
const BY_USER_QUALIFIED = /[ \t]by[ \t]+(?:user|helpdesk|help[ -]desk|support|admin(?:istrator)?|operator|technician|engineer|agent)[ \t]/i;

// The examples in the comments of stock PAM files (`# User "john" should get access from ipv4 net/mask`
// in access.conf, `## user 'morgan' gets the CAP_SETFCAP …` in capability.conf, `# the user 'sword' is
// given access to games` in group.conf): a quoted user in a `#` comment documents the syntax.
function isCommentedExampleUser(m: RegExpExecArray, line: string): boolean {
  return /^(?:user|account)[ \t]+["']/i.test(m[0]) && /^[ \t]*#/.test(line);
}

// sos report's version.txt (`kernel: unversioned` ⏎ `login: unversioned` ⏎ `logrotate: unversioned`): a
// list of names and the same value, where `login` is one name of the list; the value is not a login
// when the line above gives it to a key that is no user key.
const LIST_LINE = /^[ \t]*([A-Za-z][\w.-]{0,40})[ \t]*[:=][ \t]*(\S+)[ \t]*\r?$/;
const USER_KEY = /user|login|logon|owner|account|uid|usr|name|principal/i;
function isListColumnValue(m: RegExpExecArray, line: string, around: LineSurroundings | undefined): boolean {
  if (!around) return false;
  const here = LIST_LINE.exec(line);
  if (!here) return false;
  const above = LIST_LINE.exec(around.previous());
  return above !== null && above[2] === here[2] && above[1] !== here[1] && !USER_KEY.test(above[1]!);
}

/** A login name after a user-like key, `by`, or `net user`: not a built-in account, a stand-in or a word. */
/**
 * A PAM log tag `module(service:type)` (`pam_unix(sudo:auth)`, `pam_faillock(login:auth)`,
 * `pam_unix(gdm-password:session)`): the service is a program, the type one of PAM's four management
 * groups (and `chauthtok`/`setcred`, the calls behind them) — neither a login nor a password.
 */
const PAM_TYPE = /^(?:auth|account|session|password|chauthtok|setcred)$/i;
export function isPamTag(line: string, start: number, value: string): boolean {
  return PAM_TYPE.test(value) && line[start + value.length] === ')' && /[\w-]\([\w.@-]{1,64}:$/.test(line.slice(Math.max(0, start - 80), start));
}
/**
 * A program named in CamelCase after the tool it is (`requested by VBoxManage guestproperty`,
 * `started by TrustedInstaller`, `run by GoogleUpdater`): a login has no inner capital followed by
 * such a tool word.
 */
const TOOL_NAME = /^[A-Za-z][A-Za-z0-9]*[a-z0-9](?:Manage|Manager|Service|Svc|Daemon|Helper|Agent|Server|Host|Updater|Update|Launcher|Installer|Setup|Tool|Tools|Ctl|Cli|Monitor|Scheduler|Worker|Client|Broker|Runner)(?:\.exe)?$/;
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const WEEKDAY_OR_MONTH = new RegExp(String.raw`^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|${MONTH})\.?,?$`, 'i');
/** After a weekday or a month: a month and a day, a day, a year or a time (`Dec  1`, `1 Dec`, `1,`, `09:12`). */
const DATE_GOES_ON = new RegExp(String.raw`^,?[ \t]+(?:${MONTH}\.?[ \t]+\d{1,2}\b|\d{1,2}(?:st|nd|rd|th)?(?:,|[ \t]+(?:${MONTH}\b|\d{4}\b|\d{1,2}:\d{2})))`, 'i');
/** A date or time as the value: `2026-12-01`, `2026/12/01`, `09:12:44`. */
const DATE_VALUE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?)(?:[T ]|$)/;

/** Whether `user`, and the text `after` it, are a date (`Mon` + ` Dec  1 09:12:44`), not a login. */
function isDateAt(user: string, after: string): boolean {
  return DATE_VALUE.test(user) || (WEEKDAY_OR_MONTH.test(user) && DATE_GOES_ON.test(after));
}

// login20 + fp20: a PHP/Symfony/Drupal console (Nextcloud occ, Laravel artisan, Symfony bin/console, Drush, Magento,
// n98-magerun, WP-CLI, Craft, Yii …) and its options, then a `namespace:` (`php occ user:`, `artisan --env=x user:`).
const CONSOLE_COMMAND_BEFORE = /(?:^|[\s/\\])(?:occ|artisan|console|drush|magento|n98-magerun2?|wp|craft|yii|please|kirby|bagisto)(?:\.php)?(?:[ \t]+--?[A-Za-z][\w-]{0,40}(?:=\S{0,200})?)*[ \t]+(?:[a-z][\w-]{0,30}:){0,2}[a-z][\w-]{0,30}:$/;

// login22 (session 21): see isLoginName.
const SLACK_MEMBER_ID = /^[UW]0(?=[0-9A-Z]*\d[0-9A-Z]*[A-Z])[0-9A-Z]{7,10}$/;
const METHOD_VERB = /^(?:verify|validate|check|get|set|fetch|load|save|update|create|delete|remove|handle|on|do|is|has|init|process|send|request|reset|change|find|try|perform|execute|submit|refresh|decrypt|encrypt|parse|read|write|build|apply|authenticate|authorize)$/;
function isMethodName(user: string): boolean {
  const parts = user.split(/(?=[A-Z][a-z])/);
  return parts.length >= 2 && METHOD_VERB.test(parts[0]!) && parts.slice(1).every((p) => /^[A-Z][a-z]+$/.test(p) && isCommonWord(p));
}

function isLoginName(m: RegExpExecArray, line: string): boolean {
  const user = group(m, 'user');
  if (TOOL_NAME.test(user) && /[a-z0-9][A-Z]/.test(user)) return false;
  // `pam_faillock(login:auth)`: a PAM tag, not `login: auth`.
  if (isPamTag(line, m.index + m[0].lastIndexOf(user), user)) return false;
  // `exported by default.`, `Dr.`: a word ending a sentence; a login does not end in a dot.
  const bare = user.replace(/\.+$/, '');
  // login18: a cloud image's stock account (Packer `ssh_username = "ubuntu"`, `ec2-user`) names nobody.
  if (CLOUD_IMAGE_USERS.test(user) || BUILTIN_LOGINS.test(user) || PROSE_LOGINS.test(bare) || BUILTIN_LOGINS.test(bare) || /^(?:Dr|Mr|Mrs|Ms|Prof|St)$/.test(bare) || isBenignValue(user) || isPlaceholder(user)) return false;
  // `requested by LWP::UserAgent`, `executed by bash(1)`: a Perl/Ruby/C++ namespace, a command and its manual section.
  // fp20: …and a contraction (`script-login: don't include …`): English, the word goes on after its apostrophe.
  const next = line.slice(m.index + m[0].length, m.index + m[0].length + 4);
  if (/^(?:::|\(\d\)|['’]t\b)/.test(next)) return false;
  // Android's `UserInfo{0:Owner:c13}`: the user's id, name and flags (hex), not `owner` = `c13`.
  if (/^[0-9a-f]{1,8}$/i.test(user) && /UserInfo\{\d+:[^:{}\r\n]*:$/.test(line.slice(Math.max(0, m.index - 40), m.index + m[0].length - user.length))) return false;
  // Session 20 (fp21): a hex or UUID value of an id key (阿里云盘's `user_id=b8a3f1c27e6d4095a2c7e13f5d08b964`, `owner_id: 5f2c…`,
  // `uid=3fa85f64-5717-4562-b3fc-2c963f66afa6`): a database's key for the user, as a numeric `userId=` is, not the login.
  if (/(?:id|uuid|guid)$/i.test(group(m, 'key')) && (/^(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{16,64}$/i.test(user) || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(user))) return false;
  // ---- login22 (session 21): values of a user key that are no login, by their shape
  // A method name logged under a tag ending in a login word (logcat `BankLogin: verifyPassword failed`, `AuthLogin: checkToken`):
  // a programming verb glued to English words. A Slack/Teams member id (`user=U05B7N1XR2A`, `W012AB3CD`) and an opaque numbered
  // id under an id key (`uid=u_8217`, `user_id=usr-40213`): a database's key for the user, as a numeric `uid=` is.
  if (isMethodName(user) || SLACK_MEMBER_ID.test(user) || (/(?:id|uid)$/i.test(group(m, 'key')) && /^(?:u|uid|usr|user)[_-]?\d{2,}$/i.test(user))) return false;
  // ---- end login22
  // wevtutil's `User: S-1-5-18`: a security identifier (a user's own is windows-sid's), not a login.
  if (/^S-1-\d+(?:-\d+)+$/i.test(user)) return false;
  // TeamViewer's `Login: Account x logged in`, a CSV header's `"User","Event"`: the word after the key is another word.
  if (NOT_A_LOGIN_WORD.test(user)) return false;
  // name25 (session 23): what starts a job or a unit that is no one (Jenkins, systemd, CI: `Started by timer`, `Started by upstream project`, `triggered by cron`).
  if (/^(?:timer|timers|cron|crontab|schedule|scheduler|upstream|trigger|webhook|hook|push|commit|remote|scm|poll|polling|anacron|systemd|watchdog)$/i.test(user)) return false;
  // realfp: a word of prose after a login word or `by` and blanks (`modified by upstream`, `requested by
  // debian-release`, `changed by setting the option`, `settings for user directories`); a quoted one is an example login.
  if (group(m, 'vq') === '' && /[A-Za-z][ \t]+$/.test(m[0].slice(0, m[0].length - user.length)) && isProse(bare)) return false;
  // `INFO user: opened /home/…`: a logger's module name and a sentence, not `user` = `opened`.
  if (/^[a-z]+$/.test(user) && /:[ \t]+$/.test(m[0].slice(0, m[0].length - user.length - group(m, 'vq').length)) && /^[ \t]+(?:[a-z]{2,}|\/)/.test(line.slice(m.index + m[0].length))) return false;
  // Azure Storage's `AccountName=xxsbackup;AccountKey=…`: a storage account, not a person's login.
  if (/^accountname$/i.test(group(m, 'key')) && /AccountKey|EndpointSuffix|DefaultEndpointsProtocol|SharedAccessSignature/i.test(line)) return false;
  // `sso_registration_scopes = sso:account:access`: a scope list, not an `account` key.
  if (group(m, 'kq') === '' && /\w:$/.test(line.slice(Math.max(0, m.index - 2), m.index)) && /^account/i.test(group(m, 'key'))) return false;
  // `requested by appstored (pid 244)`: a process; `Account: iCloud (AppleID: …)`: the kind of an account.
  const after = line.slice(m.index + m[0].length);
  // `Last login: Mon Dec  1 09:12:44 2026 from 10.0.0.5` (sshd, login(1), lastlog), `Login: 2026-12-01
  // 09:12`: a login word followed by a date says when, not who.
  if (isDateAt(user, after)) return false;
  // login20: a console's command name (`occ user:add`, `php artisan user:create`, `bin/console user:promote`, `drush
  // user:login`): `user:` glued to a lower-case verb after the console's name, not `user:` = `add`.
  if (/^[a-z][a-z-]{1,30}$/.test(user) && m[0].endsWith(`:${user}`) && CONSOLE_COMMAND_BEFORE.test(line.slice(0, m.index + m[0].length - user.length))) return false;
  // `企业账户：XX软件股份有限公司`: an account held by a company, its name running on in Han characters.
  if (/[账帐]户$/.test(group(m, 'key')) && /^[\u4e00-\u9fa5]/.test(after)) return false;
  if (/^[ \t]*\((?:pid|process)\b/i.test(after) || (/^account$/i.test(group(m, 'key')) && /^[ \t]*\([A-Za-z]+:/.test(after))) return false;
  // `from_account=xxsoft&to_account=xxsoft` (an ERP's OpenAPI), `tenant_account=`: the books, tenants
  // or apps a call moves between, not a person's login.
  if (/^(?:from|to|src|dst|source|target|dest|parent|corp|tenant|org|app)_?account$/i.test(group(m, 'key'))) return false;
  // fp20: a generated object id under `uid` (Grafana contact points `- uid: de7kq2m9vx0ahb`, dashboards `uid: P8E80F9AEF21F6940`):
  // letters and digits mixed in three or more runs, as no one picks a login.
  if (/uid$/i.test(group(m, 'key')) && /^[A-Za-z0-9]{9,40}$/.test(user) && (user.match(/\d+/g) ?? []).length >= 3 && (user.match(/[A-Za-z]+/g) ?? []).length >= 3) return false;
  // A cookie or query `uid` (`oa_uid=xiongmin`, LDAP `uid=jdoe`) in lower case: `UUID=A1B2-C3D4` is a
  // volume id, ADO.NET's `;UID=rpt;` a database login (connection-string's, kept).
  // login17: …but R/ODBC's and pyodbc's argument `UID = "x"` (quoted, by itself) is the database login.
  if (/uid$/i.test(group(m, 'key')) && !/(?:^|_)uid$/.test(group(m, 'key')) && !(group(m, 'key') === 'UID' && group(m, 'vq') !== '')) return false;
  // `user_count=`, `owner_type:` never reach here (the key must end in the user word); a key
  // that is a switch (`is_owner: yes`, `use_login: true`) has a benign value. A `default_user`
  // names the account a service creates and signs in with (RabbitMQ `default_user = mqadmin`):
  // a login like any other (`guest` stays a built-in one).
  return !/^(?:is|has|use|allow|require|max|min|num)[\W_]/i.test(group(m, 'key'));
}

// `ERROR\nat com.x`, `OK\tdone`: an upper-case word before an escape sequence, not DOMAIN\login.
const STATUS_WORD = /^(?:ERROR|ERR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL|OK|FAIL|FAILED|DONE|SUCCESS|TRUE|FALSE|NULL|NONE|END|EOF|EOL|CRLF|LF|CR|TAB|NUL|HKLM|HKCU|HKCR|HKU|HKCC|HKEY|SOFTWARE|SYSTEM|SAM|SECURITY|HARDWARE|BCD00000000|BUILTIN|WORKGROUP|LOCAL|NT|MACHINE|USER|USERS|CLASSES)$/;

/** `XXSOFT\caoym`: not a status word before an escape (`ERROR\nat`), not a hive, a real login. */
function isDomainLogin(m: RegExpExecArray, line: string): boolean {
  if (STATUS_WORD.test(group(m, 'domain')) || !isLoginName(m, line)) return false;
  // `\n`, `\t` … after a single backslash on a line with other escapes: escaped text, not an account.
  const slash = m.index + group(m, 'domain').length;
  return !(line[slash + 1] !== '\\' && /^[nrtbfu0]/.test(group(m, 'user')) && /\\[nrt"]/.test(line.slice(0, slash) + line.slice(slash + 2)));
}

/** A login of an sshd/PAM/sudo line (the group that matched), not a built-in account. */
function isAuthLogLogin(m: RegExpExecArray): boolean {
  const user = group(m, 'user') || group(m, 'sshd') || group(m, 'sudoer');
  return !BUILTIN_LOGINS.test(user) && !isPlaceholder(user);
}

/** A WeChat id: after 微信号 any id; after 微信 alone, one with a digit, `_` or `-` (not a word such as `version`). */
function isWeChatId(m: RegExpExecArray, line: string): boolean {
  return isLoginName(m, line) && (group(m, 'key') !== '' || /[\d_-]/.test(group(m, 'user')));
}

const csvHeader = (m: RegExpExecArray, line: string, around: LineSurroundings | undefined) => csvColumnKey(csvColumnName(m, line, around));
// Subversion hash files: `V <bytes>` ⏎ value; the realm (`<https://…> name`) and the store type are no secret.
const SVN_LENGTH = /^V (\d{1,5})\r?$/;
const SVN_NOT_SECRET = /^(?:<[^>]*>.*|simple|wincrypt|keychain|kwallet|gnome-keyring|gpg-agent|svn\.\w+)$/;
function isSvnValue(m: RegExpExecArray, around: LineSurroundings | undefined): boolean {
  const value = group(m, 'secret');
  const length = SVN_LENGTH.exec(around?.previous() ?? '')?.[1];
  return length !== undefined && Buffer.byteLength(value, 'utf8') === Number(length) && !SVN_NOT_SECRET.test(value) && !isPlaceholder(value);
}
// Before 路 these make a network or a circuit, not a street (线路 2 号, 电路, 网路, 通路).
const NOT_A_STREET = /(?:线|电|网|通|回|链|支|岔|迷|思|门|套|出|进|道)路/;

// Also a YAML `users:` map whose keys are the logins (gh/glab `hosts.yml`: `users:` ⏎ `    alice:`).
// The last part of a document's name that reads like a surname and a name but says what the
// document is (`工作总结-周报.docx`, `销售-华东.xlsx`, `合同-汇总.pdf`).
// A login right before a bracket (`dev_xiongjy(`, `ops.li2（`): a `_`, `.` or digit in it.
// A login another rule already replaced (`提交人 <USER-1>(熊嘉怡)`, user-name runs first) stands as one too.
// Session 17 (name18): an address, or a number after the word for an account (`用户 20231184`, `工号 E1023`, `uid=10233`).
const NUMBERED_OR_MAILED_LOGIN = /(?:^|[\s<("'：:])(?:[\w.%+-]+@[\w-]+(?:\.[\w-]+)+|<EMAIL-\d+>)$|(?:用户|账号|帐号|学号|工号|[Uu]ser|USER|[Aa]ccount|[Uu]id|UID)[ \t:：=#]{0,3}[A-Za-z]?\d{4,12}$/;
// A possessive before a device that names no one (`Guests-iPhone`, `Offices-iPad`, `Kids-iPad`).
const NOT_A_DEVICE_OWNER = /^(?:Guest|Office|Kid|Kids|Family|Home|Work|Test|Demo|Admin|Team|Shop|Store|Staff|User|Public|Shared|Share|Meeting|Conference|Lab|Dev|Boss|Class|School|Lobby|Front|Reception|Spare|Loaner|Loan|Old|New|Main|Backup|Company|Corp|It|Its|Hr|Sales|Finance|Mom|Mum|Dad|Papa|Mama|Baby|Bedroom|Kitchen|Living|Car)$/;
const LOGIN_BEFORE_BRACKET = /(?:^|[^\w.-])(?:[a-z][a-z0-9]*[._][a-z0-9._-]{0,30}|[a-z][a-z0-9._-]{0,30}\d)$|<USER-\d+>$/;
// What a desk or department prefix names besides a person (`产品-文档`, `前台-电话`, `行政-工位`).
const DESK_TOPIC = /^(?:文档|文案|方案|周会|任务|汇报|邮箱|电话|总机|分机|席位|工位|电脑|打印|宣传|年会|金蝶|用友|系统|平台|中心|小组|专用|公用|共享|备用|临时|测试|开发)/;
// Words of a key's, a team's or a machine's name in fields that may hold a person's (`Release Signing Key`, `Lab Mac`).
const NOT_AN_OWNER_WORD = /^(?:Release|Releases|Signing|Signer|Key|Keys|Archive|Repository|Repo|Package|Packages|Packaging|Builder|Automatic|Master|Root|Code|Software|Lab|Kiosk|Front|Reception|Lobby|Training|Loaner|Spare|Shared|Studio|Air|Mini|Pro|Max|Ultra|Plus)$/;
const DOCUMENT_WORD = /^(?:周报|月报|年报|日报|季报|汇总|华东|华南|华北|华中|西南|西北|东北|总表|终稿|初稿|定稿|正式|最新|修订|模板|样本|样例|附件|明细|清单|扫描|盖章|签字|原件|副本|备份|简版|完整|中文|英文|双语|印刷|打印|上海|北京|广州|深圳|杭州|南京|成都|武汉|江苏|浙江|山东|河南|河北|湖南|湖北|广东|广西|福建|安徽|江西|云南|贵州|四川|陕西|山西|吉林|辽宁|天津|重庆|宁波|苏州|无锡|厦门|青岛|大连|沈阳|长沙|郑州|济南|合肥|昆明)$/;

// What follows 客户/发给 in a log or a chat when it is a topic, not a person: a surname's character
// then a common word (`包版本`, `高要求`, `方案`).
const ROLE_TOPIC = /(?:版本|信息|服务|反馈|电话|要求|问题|名称|地址|编号|列表|数据|资料|端口|系统|管理|需求|订单|类型|等级|来源|状态|回访|投诉|说明|文件|邮件|方案|报价|合同|发票|时长|时间|积分|余额|卡号|权益|价格|费用|记录|档案|病历|人数)$/;

// A transcript's speaker line (`冉雪松  00:00:05`), and what makes it certain: the line before is blank
// or a rule (`---`), and above it is the transcript's header or another speaker line.
const SPEAKER_LINE = /^[ \t]*\S[^\r\n]{0,40}?(?:[ \t\u3000]{2,}|\t)(?:\d{1,2}:)?\d{1,2}:\d{2}[ \t]*\r?$/m;
const TRANSCRIPT_WORD = /妙记|逐字稿|文字记录|转写|转录|会议记录|录音|纪要|transcript|minutes|参会人|与会/i;
function isSpeakerLine(m: RegExpExecArray, around: LineSurroundings | undefined): boolean {
  if (!isChineseName(group(m, 'name')) || around === undefined || !/^[ \t]*(?:-{3,}|={3,}|\*{3,})?[ \t]*\r?$/.test(around.previous())) return false;
  const above = around.above?.(4096) ?? '';
  return SPEAKER_LINE.test(above) || TRANSCRIPT_WORD.test(above);
}

// Words that fill a form's name field when there is no name (`DOES NOT APPLY`, `N/A`, `Unknown`).
const NOT_A_NAME_PART = /^(?:Does|Not|Apply|Applicable|None|Unknown|Required|Optional|Same|As|Above|Below|See|Yes|No|Na|Nil|Null|Empty|Blank|Other|Please|Enter|Your|Here|Name|Names|First|Last|Given|Family|Surname|Middle)$|^(?:String|Str|Text|Varchar|Char|Number|Integer|Int|Boolean|Bool|Object|Array|List|Date|Datetime|Type|Field|Value|Default|Ascending|Descending|Asc|Desc|Sample|Example|Placeholder|Anonymous|Redacted|Masked|Hidden|Invalid|Missing|Unset|Undefined)$/;
/** A part of a person's name on a form: capitalised words, none a filler or an account word. */
function isNamePart(m: RegExpExecArray): boolean {
  return group(m, 'part').split(' ').every((w) => {
    const word = w.charAt(0) + w.slice(1).toLowerCase();
    return !NOT_A_NAME_PART.test(word) && !NOT_A_PERSON_WORD.test(word);
  });
}

/** Every item of a list of people is a name: Chinese, Latin (no account word) or Korean, or taken already. */
function isNameList(m: RegExpExecArray): boolean {
  return Object.entries(m.groups ?? {}).every(([, v]) => {
    if (v === undefined || isPlaceholder(v) || /^[\uac00-\ud7a3]/.test(v)) return true;
    if (/^[\u4e00-\u9fa5]/.test(v)) return isChineseName(v);
    return !v.split(' ').some((w) => NOT_A_PERSON_WORD.test(w));
  });
}

// Words of an account, a product or a team, never a person's full name (`"display_name": "Work Profile"`,
// `From: Microsoft Outlook <…>`).
const NOT_A_PERSON_WORD = /^(?:Microsoft|Google|Apple|Windows|Office|Outlook|Exchange|Edge|Chrome|Firefox|Adobe|Default|Profile|Person|People|User|Users|Guest|Work|Personal|Home|System|Service|Services|Team|Support|Help|Helpdesk|Desk|Admin|Administrator|Local|Network|Mail|Mailer|Delivery|Daemon|Postmaster|Notification|Notifications|Alert|Alerts|Security|Server|Account|Accounts|Cloud|Online|Azure|Teams|Jira|Confluence|Jenkins|Git|Gitlab|Github|Build|Bot|Robot|Auto|Automatic|Reply|No|Noreply|Do|Not|The|New|Test|Demo|Sales|Finance|Billing|Customer|Service|Center|Office|Project|Group|Company|Inc|Ltd|Corp|Corporation|Incorporated|Limited|Llc|Gmbh|Traders|Trading|Holdings|Industries|Enterprises|Partners|Associates|Ventures|Capital|Solutions|Technologies|Logistics|Consulting|Consultants|Motors|Airlines|Electronics|Pharmaceuticals|Foods|Supplies|Retail|Insurance|Bank|Bancorp|Foundation|University|College|Hospital|Clinic|Studios|Software|Networks|Zoom|Room|Rooms|Meeting|Meetings|Webinar|Phone|Audio|Video|Conference|Guest|None|Null|Unknown|Set|Empty|Blank|Tbd|Valued|Card|Holder|Name)$|^(?:Render|Farm|Backup|Backups|Print|Printer|Scan|Scanner|Media|Storage|Sync|Monitor|Monitoring|Deploy|Deployer|Agent|Runner|Worker|Workers|Proxy|Gateway|Camera|Archive|Replication|Replica|Cluster|Node|Kiosk|Plex|Share|Shared|Ops|Devops|Reporting|Reports|Etl|Batch|Cron|Scheduler|Api|Bridge|Relay|Ingest|Pipeline|Export|Import|Upload|Download|Sandbox|Staging|Production|Prod|Lab|Vault)$|^(?:Sans|Serif|Mono|Bold|Italic|Oblique|Regular|Light|Medium|Semibold|Demibold|Demi|Black|Narrow|Condensed|Extrabold|Heavy|Thin|Book|Gothic|Plain|Roman|Std|Pro|Ornaments|Unicode|Console|Schoolbook|Fonts?|Handwriting|Blackletter|Caligraphy|Calligraphy|Arial|Helvetica|Times|Courier|Verdana|Tahoma|Georgia|Palatino|Garamond|Lucida|Calibri|Cambria|Candara|Consolas|Constantia|Corbel|Segoe|Noto|Dejavu|Liberation|Ubuntu|Roboto|Menlo|Monaco|Bookman|Corsiva)$/;
// (the second list: font names — ImageMagick's type-*.xml `fullname="Open Sans Semibold"`, fontconfig)

/** `Jiayi Luo`: two or three capitalised words, none of them an account, product or team word; in a mail header only on its own lines. */
function isLatinFullName(m: RegExpExecArray, line: string): boolean {
  const name = group(m, 'latin') || group(m, 'mailed') || group(m, 'aliased');
  // `XIE MENGQI` as a card prints it: judged as `Xie Mengqi`.
  if (name.split(/,? /).some((w) => NOT_A_PERSON_WORD.test(w.charAt(0) + w.slice(1).toLowerCase()))) return false;
  return group(m, 'mailed') === '' || MAIL_ADDRESS_HEADER.test(line);
}
// A roster column of identity-document numbers (北森 `证件号`, `证件号码`, `护照号码`, `Passport No.`).
const CSV_ID_NUMBER_COLUMN = /^(?:证件号码?|证件编号|护照号码?|passport(?:[ _-]?(?:no\.?|number))?)$/i;
// A row whose document type names another document than a passport (a 军官证's or 港澳通行证's number).
const OTHER_ID_DOCUMENT = /军官证|士兵证|通行证|台胞证|居住证|驾驶证|户口簿|营业执照/;

const VIN_CHARS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';
const VIN_VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9];
const VIN_WEIGHT = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** Whether a 17-character VIN carries its check digit in position 9 (10 is written `X`), with letters and digits both. */
function isVinChecked(vin: string): boolean {
  if (!/^[A-HJ-NPR-Z0-9]{17}$/.test(vin) || !/\d/.test(vin) || !/[A-Z]/.test(vin)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += VIN_VALUES[VIN_CHARS.indexOf(vin[i]!)]! * VIN_WEIGHT[i]!;
  const check = sum % 11;
  return vin[8] === (check === 10 ? 'X' : String(check));
}

/**
 * Whether a login is made of a Latin name (`Marco Bellini`): first + last, its initial + last, last + first or
 * its initial, first + last's initial (digits and `._-` aside): `mbellini`, `marco.bellini`, `bellinim`.
 */
function isLoginOfName(name: string, login: string): boolean {
  const words = name.toLowerCase().split(/[ -]/).filter((w) => w !== '');
  if (words.length < 2 || name.split(' ').some((w) => NOT_A_PERSON_WORD.test(w))) return false;
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const bare = login.toLowerCase().replace(/[\d._-]/g, '');
  return [first + last, first[0] + last, last + first, last + first[0], first + last[0]].includes(bare);
}

// --- person-prose.ts (session 18, name19): person names in log prose and fields -------------------------------------
// Words a Latin name's place in prose may hold that are no person's: places (`shipped to New York, tel …`), greetings.
const NOT_A_PROSE_NAME_WORD = /^(?:San|Santa|Los|Las|Saint|St|Fort|Port|Mount|Lake|North|South|East|West|Upper|Lower|Hong|Kong|Kuala|Lumpur|Buenos|Aires|Rio|Sao|São|Tel|Aviv|Abu|Dhabi|Hello|Dear|Mr|Mrs|Ms|Dr|Prof|Sir|Madam|Via|Rue|Av|Calle|Straße|Strasse|Street|Road|Avenue|Lane|Drive|Platz|Weg|Plaza|Order|Orders|Item|Items|Product|Products|Shop|Store|Market|Bank|Pay|Payment|Payments|Refund|Invoice|Wallet|Gift|Premium|Gold|Silver|Platinum|Basic|Standard|Plus|Free|Trial|Enterprise|Business|Tier|Level|Domain|Admins|Computers|Builtin|Schema|Policy|Policies|Certificate|Authority|Root|Issuing|Intermediate)$|^(?:Android|Ios|Linux|Debian|Fedora|Kotlin|Java|Python|Node|React|Angular|Vue|Spring|Boot|Django|Rails|Laravel|Bugsnag|Sentry|Datadog|Firebase|Crashlytics|Grafana|Kibana|Elastic|Redis|Mongo|Postgres|Mysql|Oracle|Nginx|Apache|Tomcat|Docker|Kubernetes|Helm|Terraform|Ansible|Slack|Discord|Telegram|Whatsapp|Wechat|Stripe|Paypal|Alipay|Shopify|Amazon|Aws|Netflix|Spotify|Uber|Airbnb|Twitter|Facebook|Instagram|Linkedin|Youtube|Tiktok|Samsung|Huawei|Xiaomi|Oppo|Vivo|Lenovo|Dell|Intel|Nvidia|Amd|Cisco|Vmware|Citrix|Okta|Auth0|Keycloak|Sdk|Cli|Ui|Ux)$|^(?:Fedex|Dhl|Ups|Usps|Tnt|Dpd|Gls|Aramex|Purolator|Canpost|Royal|Mail|Parcelforce|Yodel|Evri|Colissimo|Chronopost|Correos|Poste|Sf|Jd|Zto|Yto|Sto|Ems|Express|Ground|Freight|Logistics|Cloudflare|Github|Gitlab|Bitbucket|Jira|Jenkins|Celery|Kafka|Rabbit|Prometheus|Operator|Reporter|Bot)$/;
// Han words a person's place in prose may hold that start with a surname's character (`for 高速 lane`, `操作员[安全]`).
const NOT_A_PROSE_HAN = /^(?:包邮|包装|包裹|包月|包年|包含|江苏|江西|湖南|湖北|广东|广西|福建|浙江|山东|山西|河南|河北|安徽|云南|贵州|四川|海南|吉林|辽宁|甘肃|青海|陕西|宁夏|新疆|西藏|香港|澳门|台湾|北京|上海|天津|重庆|深圳|广州|苏州|南京|武汉|成都|西安|郑州|长沙|合肥|福州|厦门|青岛|宁波|温州|无锡|常州|东莞|佛山|公司|部门|家里|家庭|张贴|王牌|李子|高速|周期|安全|平安|曾经|金额|高级|全部|全体|管理|系统|项目|常规|任务|任何|方便|明细|时间|余额|成功|毛利|包括|于是|和平|申请|计划|施工|黄金|白银|钱包|应用|文件|程序|服务|用户|测试|默认|临时|未知)/;
/** `Yui Takahashi`: capitalised words (a particle aside), none an English word, an account, product, service or place word. */
const HYPHEN_WORD = /^(?:li-ion|wi-fi|hi-fi|sci-fi|lo-fi|co-op|x-ray|e-mail|add-on|plug-in|log-in|log-out|opt-in|opt-out|check-in|check-out|pop-up|set-up|back-up|built-in|walk-in|drop-in|follow-up|sign-in|sign-up|roll-out|read-only|non-stop|all-in|pre-sale|after-sale)$/i;
function isProseLatinName(name: string): boolean {
  const words = name.split(/[ \t]+/).filter((w) => !/^(?:Ó|Ní|Nic|Mac|van|von|der|den|de|da|di|du|del|della|la|le|bin|ibn|al|dos|das)$/.test(w));
  if (words.length < 2) return false;
  // name20: a hyphenated word of a product or a form (`Li-ion`, `Wi-fi`, `Add-on`), not a name's (`Hyun-woo`, `Ji-hoon` are).
  if (words.some((w) => HYPHEN_WORD.test(w))) return false;
  return !words.some((w) => {
    const plain = w.replace(/['’].*$/, '');
    return NOT_A_PERSON_WORD.test(plain) || NOT_A_PROSE_NAME_WORD.test(plain) || COMPANY_WORD.test(plain) || EU_NOT_A_NAME_WORD.test(plain) || plain.split('-').some((part) => isCommonWord(part.toLowerCase()));
  });
}
// name21 (session 20): companies and services a message comes from or a contact line names (`message from Deutsche Telekom`).
const COMPANY_WORD = /^(?:Deutsche|Telekom|Vodafone|Sparkasse|Volksbank|Raiffeisen|Commerzbank|Postbank|Allianz|Siemens|Bosch|Lufthansa|Telefonica|Telefónica|Swisscom|Barclays|Santander|Unicredit|Intesa|Generali|Vattenfall|Verizon|Comcast|Telstra|Optus|Microsoft|Google|Adobe|Salesforce|Zoom|Outlook|Gmail|Yahoo|Proton|Rakuten|Zalando|Ikea|Nordea|Handelsbanken|Swedbank|Rabobank|Ing|Abn|Amro|Bnp|Paribas|Societe|Société|Generale|Générale|Credit|Crédit|Agricole|Lyonnais|Postnord|Posten|Bpost)$/;
/**
 * lead (session 19): the name after an honorific (`Mr. Tobias Lindqvist`, `Dr. Murphy`): one word is enough, as the
 * honorific says a person follows; none may be a common word, a product or account word, or another honorific.
 */
const HONORIFIC_WORD = /^(?:Mr|Mrs|Ms|Mx|Dr|Prof|Herr|Frau|Mme|Mlle|Miss|Sir|Madam|Dear)$/;
function isHonoredName(name: string): boolean {
  const words = name.split(/[ \t]+/).filter((w) => !/^(?:Ó|Ní|Nic|Mac|van|von|der|den|de|da|di|du|del|della|la|le|bin|ibn|al|dos|das)$/.test(w));
  if (words.length === 0 || words.some((w) => HYPHEN_WORD.test(w) || HONORIFIC_WORD.test(w))) return false;
  return !words.some((w) => {
    const plain = w.replace(/['’].*$/, '');
    return NOT_A_PERSON_WORD.test(plain) || NOT_A_PROSE_NAME_WORD.test(plain) || plain.split('-').some((part) => isCommonWord(part.toLowerCase()));
  });
}
/** A Han name where prose places a person: a known surname, not a word that starts with one. */
function isProseChineseName(name: string): boolean {
  return isChineseName(name) && !NOT_A_PROSE_HAN.test(name) && !NOT_PLACED_NAME.test(name) && !ROLE_TOPIC.test(name) && !NOT_A_NAME_HAN.test(name);
}
// A person's own data: the bare key `name` holds a person only right beside it (`name='X' email='…'`, `Name="X"; Mobile=`,
// `--email="…" --name="X"`), not a product's name with a phone far along the line (Bugsnag's `"notifier":{"name":…}`).
const PERSONAL_DATUM = /<(?:EMAIL|PHONE)-\d+>|[\w.%+-]@[\w-]+\.[A-Za-z]|(?<![A-Za-z])(?:e-?mail|phone|mobile|tel|idcard|id_card|password|passwd|birthday|dob|address)(?![A-Za-z])/i;
/** `"customer":"Yui Takahashi"`, `'name' => '甄浩宇'`: a person's key, or `name` beside the person's e-mail or phone. */
function isKeyedPersonName(m: RegExpExecArray, line: string): boolean {
  const han = group(m, 'han');
  if (han !== '') return isProseChineseName(han);
  if (!isProseLatinName(group(m, 'latin'))) return false;
  if (!/^name$/i.test(group(m, 'key'))) return true;
  const end = m.index + m[0].length;
  return PERSONAL_DATUM.test(line.slice(end, end + 60)) || PERSONAL_DATUM.test(line.slice(Math.max(0, m.index - 80), m.index)) || isInPersonObject(line, m.index);
}
// --- name21 (session 20): a `name` inside an object dump of a person's class -------------------------------------------
// A toString, a data class or a record printed into a log (Kotlin/Dart `User(id: 7, name: Liam O'Brien)`, Java
// `Customer{id=7, name='Daniel Whitfield'}`, C# `Contact { Id = 3, Name = Ana Souza }`, Python `Guest(name='…')`): the
// class that opened the innermost bracket around the key is a person's (its type word last, a DTO's suffix after it).
export const PERSON_CLASS = /(?:^|[a-z])(?:User|Customer|Client|Person|People|Contact|Member|Employee|Staff|Guest|Patient|Passenger|Traveller|Traveler|Tenant|Applicant|Claimant|Policyholder|Insured|Owner|Buyer|Shopper|Recipient|Consignee|Sender|Student|Teacher|Parent|Cardholder|Attendee|Participant|Subscriber|Beneficiary|Payee|Driver|Adjuster|Candidate|Interviewee|Agent|Author|Assignee|Reporter|Approver|Operator|Cashier|Courier)(?:Dto|DTO|Entity|Info|Record|Model|Data|Details?|Profile|Vo|VO|Bean|Summary|View|Event|Created|Updated)?$/;
function isInPersonObject(line: string, at: number): boolean {
  let depth = 0;
  for (let i = at - 1; i >= 0 && i >= at - 400; i -= 1) {
    const c = line[i]!;
    if (c === ')' || c === '}' || c === ']') depth += 1;
    else if (c === '(' || c === '{' || c === '[') {
      if (depth > 0) depth -= 1;
      else {
        const ident = /([A-Za-z][A-Za-z0-9_]{0,60})[ \t]?$/.exec(line.slice(Math.max(0, i - 62), i));
        return ident !== null && PERSON_CLASS.test(ident[1]!);
      }
    }
  }
  return false;
}
// --- end name21
// Where a name before its address is an author's, public: a copyright or credits line, a year before it, or the name
// opening the line (an AUTHORS list, a Debian copyright file, a kernel driver's banner).
const CREDITS_LINE = /copyright|©|\(c\)|\bauthors?\b|maintainer|contributors?\b|signed-off-by|upstream-contact|written by|packaged by|put together|debiani[sz]ed|\bby me\b|credits/i;
/** A Latin or Han name log prose places (person-prose.ts); after `by`, only with its own login in brackets. */
function isProseName(m: RegExpExecArray, line: string): boolean {
  const han = group(m, 'han') || group(m, 'fnHan') || group(m, 'asHan') || group(m, 'bracketed') || group(m, 'assigned') || group(m, 'flow') || group(m, 'desk') || group(m, 'related') || group(m, 'phoned') || group(m, 'real') || group(m, 'owned') || group(m, 'paren') || group(m, 'did') || group(m, 'from') || group(m, 'possessive') || group(m, 'glossed') || group(m, 'chatHan') || group(m, 'exifHan') || group(m, 'docHan');
  // name21: every name of a role's list must be one (`入住人 庞宇航、钱梓萌`).
  if (group(m, 'list1') !== '') return [group(m, 'list1'), group(m, 'list2'), group(m, 'list3')].every((n) => n === '' || isPlaceholder(n) || isProseChineseName(n));
  const name21Han = group(m, 'deskDid') || group(m, 'docVersioned') || group(m, 'smsParam');
  if (name21Han !== '') return isProseChineseName(name21Han);
  const pair = group(m, 'pair1');
  if (pair !== '') return isProseChineseName(pair) && isProseChineseName(group(m, 'pair2'));
  if (han !== '') return isProseChineseName(han);
  const by = group(m, 'by');
  if (by !== '') {
    // The login is made of the name, a team or a number after it allowed (`jliang_bi`, `mbellini2`).
    const login = group(m, 'login');
    const words = by.toLowerCase().split(/[ -]/);
    const first = words[0]!;
    const last = words[words.length - 1]!;
    const bare = login.toLowerCase().replace(/[\d._-]/g, '');
    return isProseLatinName(by) && (isPlaceholder(login) || [first + last, first[0] + last, last + first, last + first[0], first + last[0]].some((c) => bare.startsWith(c)));
  }
  const mailed = group(m, 'mailed');
  if (mailed !== '') {
    const local = group(m, 'local').toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    // A raw address must be the person's own (a word of the name in its local part); a placeholder is taken as one.
    const words = mailed.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[ \t'’-]+/).filter((w) => w.length >= 2);
    const lead = line.slice(0, m.index);
    if (CREDITS_LINE.test(line) || /^\s*$|\d{4}[,.]?\s*$/.test(lead)) return false;
    return isProseLatinName(mailed) && (local === '' || words.some((w) => local.includes(w)) || isLoginOfName(mailed, local));
  }
  // name21: a huddle's second person must be one as well as the first.
  if (group(m, 'with2') !== '' && !isProseLatinName(group(m, 'with2'))) return false;
  return isProseLatinName(group(m, 'role') || group(m, 'datum') || group(m, 'asLatin') || group(m, 'cn') || group(m, 'gendered') || group(m, 'behalf') || group(m, 'hanRole') || group(m, 'wf') || group(m, 'chatLatin') || name21ProseName(m));
}
// name21 (session 20): person-prose.ts NAME21's groups (an object dump's first field, a contact, a sender, a huddle's people,
// a record id's owner, a device's owner, a label's last brackets, a worker with a status).
function name21ProseName(m: RegExpExecArray): string {
  for (const g of ['ctor', 'contact', 'sender', 'with1', 'with2', 'idName', 'device', 'tail', 'worker', 'titled', 'acct', 'hanRoleX', 'fnLatin', 'speaker', 'exifLatin', 'docLatin']) {
    const v = group(m, g);
    if (v !== '') return v;
  }
  return '';
}
// name21 (session 20): the street of an address after `ship to`, `visit … at` (person-prose.ts ADDR_SENT_TO) names a street:
// a street's kind as a word (`Kent Terrace`, `Via Sparano`, `Baker Street`, `Amphitheatre Pkwy`) or as a compound's end
// (`Storgatan`, `Leopoldstraße`, `Nørrebrogade`), not `Version 2, Release 2024` or `Server 3, Port 8080`.
const STREET_KIND = /^(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Drive|Dr\.?|Way|Terrace|Tce|Parkway|Pkwy|Boulevard|Blvd\.?|Court|Ct\.?|Place|Pl\.?|Close|Crescent|Square|Sq\.?|Row|View|Hill|Gardens|Grove|Mews|Walk|Quay|Wharf|Plot|Parade|Esplanade|Promenade|Highway|Hwy|Circuit|Rise|Via|Viale|Piazza|Piazzale|Corso|Largo|Vicolo|Rue|Chemin|Allée|Impasse|Quai|Calle|Avenida|Av\.?|Paseo|Carrer|Rua|Travessa|Plaza|Praça|Straße|Strasse|Str\.|Platz|Weg|Allee|Gasse|Ring|Damm|Ufer|Steig|Chaussee|Ulica|Ul\.|Utca|Ulitsa|Ul\.?|Prospekt|Marg|Nagar|Sector|Block)$/;
const STREET_KIND_END = /(?:gatan|gata|vägen|väg|vej|vejen|gade|veien|vegen|gate|straße|strasse|str\.|weg|platz|allee|gasse|straat|laan|gracht|plein|kade|singel|steeg|kuja|katu|tie)$/i;
function isSentToAddress(address: string): boolean {
  const street = address.split(',')[0]!;
  return street.split(/[ \t]+/).some((w) => STREET_KIND.test(w) || (w.length > 5 && STREET_KIND_END.test(w)));
}
// --- nameeu23 (session 22): person-eu.ts — European, Cyrillic and Arabic names -------------------------------------
// Words of European languages a name's place may hold that are no person's (every Latin name of person-prose.ts and
// person-eu.ts is checked against them): nouns of forms and logs, months and weekdays, countries and cities, and the
// words of a business's name (a WhatsApp chat with `Mudanzas Ribera`, `Taxi Express`, `Autohaus Weber`, `… GmbH`).
// Not words that are also common given names or surnames (`August`, `Mai`, `Juni`, `Ribera`, `Weber`).
const EU_NOT_A_NAME_WORD = new RegExp(
  '^(?:' +
    [
      // German
      'Straße|Strasse|Rechnung|Bestellung|Fehler|Benutzer|Gruppe|Kunde|Kunden|Kundin|Abteilung|Zentrale|Verwaltung|Buchhaltung|Einkauf|Vertrieb|Lager|Versand|Technik|Kundenservice|Kundendienst|Anmeldung|Abmeldung|Meldung|Störung|Wartung|Linie|Schicht|Halle|Werk|Standort|Firma|Gesellschaft|Stadtwerke|Rechenzentrum|Datei|Ordner|Drucker|Netzwerk|Neue|Neuer|Neues|Alte|Alter|Deutschland|Österreich|Schweiz|Bediener|Schichtführer|Mitarbeiter|Gehalt|Lohn|Abrechnung|Überweisung|Auftrag|Angebot|Lieferung|Zahlung|Konto|Kasse|Empfänger|Absender|Praxis|Apotheke|Autohaus|Umzüge|Umzug|Umzugsservice|Reinigung|Versicherung|Bäckerei|Metzgerei|Friseur|Gaststätte|Fahrschule|Handwerk|Elektro|Sanitär|Heizung|Transporte|Spedition|Immobilien|Hausverwaltung|Steuerberatung|Kanzlei|Gemeinde|Landratsamt|Finanzamt|Krankenkasse|Bürgeramt|Sehr|Geehrte|Geehrter|Liebe|Lieber|Hallo|Danke|Grüße|Gruß',
      // French
      'Erreur|Utilisateur|Facture|Commande|Société|Mairie|Pharmacie|Caisse|Banque|Agence|Direction|Ressources|Humaines|Mutuelle|Assurance|Assurances|Sécurité|Sociale|Ordonnance|Carte|Vitale|Patient|Patiente|Docteur|Déménagements|Déménagement|Transports|Boulangerie|Garage|Immobilier|Cabinet|Bonjour|Merci|Madame|Monsieur|Cher|Chère',
      // Spanish, Portuguese
      'Usuario|Cliente|Clientes|Factura|Pedido|Servicio|Empresa|Mudanzas|Mudanza|Transportes|Talleres|Taller|Reformas|Limpiezas|Construcciones|Inmobiliaria|Asesoría|Gestoría|Farmacia|Clínica|Peluquería|Academia|Autoescuela|Seguros|Banco|Caja|Hacienda|Ayuntamiento|Comunidad|Ferretería|Fontanería|Cerrajería|Carpintería|Panadería|Frutería|Inmobiliario|Pinturas|Electricidad|Hola|Gracias|Señor|Señora|Estimado|Estimada|Usuário|Serviço|Mudanças|Empresa|Obrigado|Obrigada',
      // Italian, Dutch, Polish, Czech, Nordic, Turkish
      'Utente|Fattura|Ordine|Errore|Servizio|Azienda|Comune|Banca|Trasporti|Traslochi|Ristorante|Pizzeria|Autoscuola|Assicurazioni|Grazie|Ciao|Gebruiker|Klant|Factuur|Bestelling|Fout|Gemeente|Bakkerij|Verhuizingen|Użytkownik|Klient|Faktura|Błąd|Uživatel|Chyba|Bruker|Användare|Kund|Kunde|Kullanıcı|Müşteri|Fatura|Hata',
      // Months and weekdays (not those that are given names: August, Mai, Juni, April, June)
      'Januar|Jänner|Februar|März|Oktober|Dezember|Janvier|Février|Mars|Avril|Juin|Juillet|Août|Septembre|Octobre|Novembre|Décembre|Enero|Febrero|Marzo|Abril|Mayo|Junio|Julio|Agosto|Septiembre|Octubre|Noviembre|Diciembre|Gennaio|Febbraio|Aprile|Maggio|Giugno|Luglio|Settembre|Ottobre|Dicembre|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche|Lunes|Martes|Miércoles|Jueves|Viernes|Sábado|Domingo|Lunedì|Martedì|Mercoledì|Giovedì|Venerdì|Sabato|Domenica',
      // Places
      'Madrid|Barcelona|Sevilla|Valencia|Murcia|Bilbao|Málaga|Paris|Lyon|Marseille|Toulouse|Bordeaux|Berlin|Hamburg|München|Köln|Frankfurt|Stuttgart|Düsseldorf|Wien|Zürich|Genf|Roma|Milano|Torino|Napoli|Firenze|Bologna|Amsterdam|Rotterdam|Utrecht|Warszawa|Kraków|Praha|Brno|Ostrava|Oslo|Stockholm|Göteborg|København|Helsinki|Istanbul|İstanbul|Ankara|Lisboa|Porto|Bruxelles|Brussel|Antwerpen|Luxembourg|Feuerbach',
      // Businesses and their legal forms
      'Guardia|Civil|Polizei|Policía|Policia|Police|Polizia|Carabinieri|Bomberos|Feuerwehr|Notruf|Pompiers|Gendarmerie|Urgences|Urgencias|Notaufnahme|Rettungsdienst|'+
      'Taxi|Taxis|Hotel|Hostal|Hostel|Pension|Shop|Tienda|Laden|Boutique|Café|Cafe|Bar|Restaurant|Salon|Studio|Club|Verein|Gmbh|GmbH|Ag|Kg|Ug|Ohg|Sa|Sl|Sas|Sarl|Srl|Spa|Bv|Nv|Ab|As|Asa|Oy|Sp|Ltd|Llc|Inc|Plc|Official|Oficial|Info|Noticias|News|Delivery|Express|Reparto|Envíos|Soporte|Atención|Ventas|Verkauf|Vente|Vendite|Assistenza|Bot|Equipo|Grupo|Gruppo|Groupe',
    ].join('|') +
    ')$',
);
// Cyrillic words a name's place may hold that are no person's (an error, a user, a place, a company, a month).
const CYR_NOT_A_NAME_WORD = /^(?:Ошибка|Пользователь|Сотрудник|Клиент|Получатель|Отправитель|Москва|Санкт|Петербург|Россия|Российская|Федерация|Область|Край|Республика|Улица|Проспект|Компания|Служба|Поддержка|Отдел|Группа|Сервер|Система|Банк|Сбербанк|Магазин|Доставка|Ремонт|Такси|Новый|Новая|Главный|Главная|Общество|Бухгалтерия|Администратор|Директор|Менеджер|Январь|Февраль|Март|Апрель|Май|Июнь|Июль|Август|Сентябрь|Октябрь|Ноябрь|Декабрь|Понедельник|Вторник|Среда|Четверг|Пятница|Суббота|Воскресенье|Уважаемый|Уважаемая|Здравствуйте|Спасибо|Привет|Казань|Новосибирск|Екатеринбург|Киев|Минск|Алматы)$/;
// A surname's ending (Russian, Ukrainian, Belarusian, Armenian, Georgian) or a patronymic's.
const CYR_SURNAME_END = /(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|ых|их|енко|ко|ук|юк|чук|ян|янц|дзе|швили|ич|вна|ична)$/;
/** `Ирина Соколова`, `Лебедев В. А.`, `Смирнова Ольга Викторовна`: no word a non-name; a surname's ending unless a patronymic says so. */
// script26 (session 24): Ukrainian adjectives a patronymic's ending reads into (`Демократична`, `Соціалістична`) and a state's words.
const CYR_NOT_A_NAME26 = /(?:атична|істична|ністична|Республіка|Республика|Федерація|Федеративна|Народна|Радянська|Соціалістична|Демократична|Королівство|Область|Україна)$/;
function isCyrillicName(name: string, patronymic: boolean): boolean {
  const words = name.split(/[ \t.]+/).filter((w) => w.length >= 2);
  if (words.length === 0 || words.some((w) => CYR_NOT_A_NAME_WORD.test(w) || CYR_NOT_A_NAME26.test(w))) return false;
  return patronymic || words.some((w) => CYR_SURNAME_END.test(w));
}
// Arabic words that follow a person's key and are no name (the new, the said, the current employee; a number, a mobile).
const AR_NOT_A_NAME_WORD = /^(?:رقم|الجوال|جوال|الإقامة|الهوية|منتهي|الصلاحية|في|من|على|إلى|عن|تم|بنجاح|غير|المذكور|المذكورة|الجديد|الجديدة|الحالي|السابق|شركة|مؤسسة|بنك|مصرف|فرع|الرياض|جدة|الدمام|مكة|المدينة|لا|يوجد|عزيزي|عزيزتي)$/;
/** `عبدالله القحطاني`: two to four words, the first not an article's (a given name has none), none a non-name. */
function isArabicName(name: string): boolean {
  const words = name.split(/[ \t]+/);
  return words.length >= 2 && !words[0]!.startsWith('ال') && !words.some((w) => AR_NOT_A_NAME_WORD.test(w));
}
/** A Latin name of a European language: prose's checks (isProseLatinName holds EU_NOT_A_NAME_WORD). */
const isEuLatinName = (name: string): boolean => isProseLatinName(name.replace(/[ \t]+/g, ' '));
const titleCase = (caps: string) => caps.toLowerCase().replace(/(^|[ \t-])(\S)/g, (_, sep: string, c: string) => sep + c.toUpperCase()).replace(/ (De|Del|La|Van|Von|Da|Di|Dos)(?= )/g, (w) => w.toLowerCase());
// Letters a login writes without their marks (`Yılmaz` → `yilmaz`, `Łukasz` → `lukasz`, `Strauß` → `strauss`).
const foldLetters = (s: string) =>
  s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ı/g, 'i').replace(/ł/g, 'l').replace(/ø/g, 'o').replace(/æ/g, 'ae').replace(/ß/g, 'ss').replace(/đ/g, 'd');
/**
 * Whether a login is made of a European name (`dbrenner`, `j.weber`, `marieke.devries`, `agarnier`): the first name or
 * its initial and the family name (with its particles or without), either order; a suffix after it (`_bi`, `2`) allowed.
 */
function isLoginOfEuName(name: string, login: string): boolean {
  // German logins write a vowel's umlaut as an `e` after it (`Krüger` → `krueger`), others drop it (`kruger`).
  const umlauts = name.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue');
  return isLoginOfFoldedName(name, login) || (umlauts !== name && isLoginOfFoldedName(umlauts, login));
}
function isLoginOfFoldedName(name: string, login: string): boolean {
  const words = foldLetters(name).split(/[ \t'’-]+/).filter((w) => w !== '');
  if (words.length < 2) return false;
  const first = words[0]!;
  const lasts = [words[words.length - 1]!, words.slice(1).join('')];
  const bare = foldLetters(login).replace(/[\d._-]/g, '');
  return lasts.some((last) => [first + last, first[0] + last, last + first, last + first[0], first + last[0]].some((c) => bare === c || (c.length >= 5 && bare.startsWith(c))));
}
// The keys of an object that holds a person's own account (firebase-tools' `"user": {`, the Netlify CLI's `"users": {` ⏎ `"<id>": {`).
const USER_OBJECT_KEY = /^(?:user|users|owner|author|member|members|account|profile|contact|customer|me|currentUser|viewer|login)$/;
/** Whether a JSON line sits in a person's account object: its object or the one around it is keyed so, or holds an e-mail. */
function isInUserObject(around: LineSurroundings | undefined): boolean {
  const above = around?.above?.(1200) ?? '';
  let depth = 0;
  let levels = 0;
  let inner = '';
  for (let i = above.length - 1; i >= 0 && levels < 2; i -= 1) {
    const c = above[i];
    if (c === '}') depth += 1;
    else if (c === '{') {
      if (depth > 0) {
        depth -= 1;
        continue;
      }
      if (levels === 0) inner = above.slice(i);
      levels += 1;
      const key = /"([^"\r\n]{1,40})"[ \t]*:[ \t]*$/.exec(above.slice(Math.max(0, i - 60), i));
      if (key !== null && USER_OBJECT_KEY.test(key[1]!)) return true;
    }
  }
  return /"e-?mail"[ \t]*:[ \t]*"[^"\r\n]*@/i.test(inner);
}
/** person-eu.ts: a name by its script (Cyrillic, Arabic, Latin or its capitals), with its login or account where the pattern has one. */
function isEuPersonName(m: RegExpExecArray, around: LineSurroundings | undefined): boolean {
  const patro = group(m, 'patro');
  const cyr = patro || group(m, 'cyr') || group(m, 'init');
  if (cyr !== '') return isCyrillicName(cyr, patro !== '');
  const ar = group(m, 'ar');
  if (ar !== '') return isArabicName(ar);
  const caps = group(m, 'caps');
  if (caps !== '') return isEuLatinName(titleCase(caps));
  const byName = group(m, 'byName');
  if (byName !== '') return isEuLatinName(byName) && (isPlaceholder(group(m, 'byLogin')) || isLoginOfEuName(byName, group(m, 'byLogin')));
  const loginName = group(m, 'loginName');
  if (loginName !== '') return isEuLatinName(loginName) && (isPlaceholder(group(m, 'login')) || isLoginOfEuName(loginName, group(m, 'login')));
  const userName = group(m, 'userName');
  if (userName !== '') return isEuLatinName(userName) && isInUserObject(around);
  for (const g of ['latin', 'chat', 'by', 'mailName', 'grouped', 'phoned', 'onCall', 'greeted', 'forName', 'cn', 'gecos', 'honored', 'kin']) {
    const v = group(m, g);
    if (v !== '') return isEuLatinName(v);
  }
  return false;
}
const SALUTATION_LINE = new RegExp(String.raw`^[ \t]*(?:${SALUTATION})[ \t]*\r?$`);
// --- end nameeu23
// --- name25 (session 23): person-latin.ts — Latin names after role words, verbs, honorifics and keys of many languages.
// Accounts and test data a name part's key holds that are no person's (`lname=Test`, `"firstName": "Admin"`).
const NOT_A_NAME25_PART = /^(?:Pflichtfeld|Pflicht|Erforderlich|Obligatoire|Requis|Obligatorio|Obligatoria|Requerido|Obrigatório|Obbligatorio|Richiesto|Verplicht|Wymagane|Wymagany|Zorunlu|Gerekli|Wajib|Povinné|Leer|Vide|Vacío|Vuoto|Leeg|Pusty|Boş|Kosong|Test|Tester|Testing|User|Users|Admin|Administrator|Demo|Guest|Default|System|Service|Support|Root|Customer|Client|Anonymous|Unknown|Nobody|Null|None|Undefined|Todo|Tbd|Xxx)$/i;
const NAME25_PARTICLE = /^(?:van|von|der|den|de|da|di|du|del|della|la|le|dos|das|do|ten|ter|zu|af|bin|binti|ibn|al|el)$/;
/** One part of a name (`Annika`, `de Graaf`, `M. de Graaf`): each word of it none of a form's, an account's or a common word's. */
function isName25Part(value: string): boolean {
  const words = value.split(/[ \t]+/).filter((w) => !NAME25_PARTICLE.test(w) && !/^[A-Z]\.$/.test(w));
  if (words.length === 0 || words.length > 2) return false;
  return words.every((w) => {
    const word = w.charAt(0) + w.slice(1).toLowerCase();
    return !NOT_A_NAME25_PART.test(word) && !NOT_A_PERSON_WORD.test(word) && !NOT_A_CSV_NAME_PART.test(word) && !NOT_A_NAME_PART.test(word) && !EU_NOT_A_NAME_WORD.test(word) && !NOT_A_PROSE_NAME_WORD.test(word) && !HYPHEN_WORD.test(w) && !isCommonWord(w.toLowerCase());
  });
}
// Words of Indonesian, Turkish, Polish, Portuguese, Spanish, Italian and Dutch forms and business names a role word's name
// place may hold (`kasir Toko Sumber`, `hesap sahibi Ziraat Bankası`, `Pelanggan Baru Ditambahkan`, `paciente Nuevo Registro`).
const NAME25_NOT_A_NAME_WORD = /^(?:Kota|Kabupaten|Provinsi|Jalan|Desa|Kecamatan|Kelurahan|Negeri|Toko|Sumber|Baru|Lama|Ditambahkan|Dihapus|Diubah|Umum|Tetap|Aktif|Nonaktif|Cabang|Pusat|Kantor|Gudang|Apotek|Klinik|Rumah|Sakit|Koperasi|Bengkel|Warung|Bank|Banka|Bankası|Bankasi|Şirketi|Sirketi|Ticaret|Sanayi|Limited|Anonim|Mağaza|Magaza|Yeni|Kayıt|Kayit|Genel|Müdürlüğü|Nowy|Nowa|Nowe|Sklep|Firma|Spółka|Spolka|Hurtownia|Apteka|Przychodnia|Nuevo|Nueva|Registro|Registrado|Registrada|Novo|Nova|Cadastro|Cadastrado|Loja|Farmácia|Clínica|Hospital|Nuovo|Nuova|Negozio|Azienda|Società|Studio|Ospedale|Nieuwe|Nieuw|Winkel|Bedrijf|Praktijk|Ziekenhuis|Generale|Direttore|Amministratore|Administrador|Administradora|Gerente|Diretor|Diretora|Director|Directora|Sistema|Sistem|Global|Pipeline|Center|Centre|Centro|Data|Board|Revision|Device|Store|Agent|Interface|Account|Accounts|Service|Services|Update|Updates|Admin|Default|Jenkins|Tower)$/;
/** person-latin.ts: a full name (isProseLatinName's checks), a quoted ALL-CAPS one (its initials aside), or one part of one. */
const NAME25_LOCAL_DATUM = /(?<![A-Za-z])(?:nik|ktp|hp|no_?hp|telp|telepon|phone|email|e-mail|alamat|tgl_?lahir|tanggal_?lahir|npwp|tc|tckn|telefon|cep|adres|dogum|doğum|nip|nis|nisn)(?![A-Za-z])|<(?:EMAIL|PHONE)-\d+>|[\w.%+-]@[\w-]+\./i;
// Thai words a name's place may hold that are no name: verbs, function words and nouns of a request, and words an honorific
// starts (`คุณภาพ` quality, `นายจ้าง` employer, `นางพยาบาล` nurse).
const THAI_NOT_A_NAME = /^(?:ขอ|ต้องการ|อยาก|จะ|ได้|ไม่|มี|เป็น|ชื่อ|คือ|ยัง|เคย|กำลัง|ก็|ที่|และ|แต่|ว่า|นัด|โทร|สวัสดี|ขอบคุณ|รบกวน|ช่วย|ติดต่อ|แจ้ง|ยกเลิก|เลื่อน|มา|ไป|อยู่|ทำ|ให้|ใน|กับ|ของ|จาก|ถึง|แล้ว|ครับ|ค่ะ|คะ|นะ|ภาพ|สมบัติ|ค่า|ธรรม|ประโยชน์|จ้าง|หน้า|ทุน|ก|ทหาร|ตำรวจ|แพทย์|พยาบาล|แบบ|ใหม่|เก่า|ทั่วไป|ทั้งหมด|รายใหม่|ราย|ท่าน|คน|ทุกคน|ทุก|ที่ไม่|ไม่มา)/;
function isThaiName(name: string): boolean {
  const words = name.split(/[ \t]+/);
  return words.length === 2 && words.every((w) => !THAI_NOT_A_NAME.test(w) || w.length > 8);
}
// A printed data frame's or a blank-aligned table's name columns: a whole name's anywhere, a bare `name`'s only in a table
// of people (a column of their e-mail, phone, address or birth date beside it).
const FRAME_NAME_COLUMN = /^(?:full_?name|fullname|(?:customer|client|patient|employee|member|student|contact|owner|user|guest|holder|account_?holder|billing|shipping|recipient)_?name|nome_?completo|nombre_?completo|nome_?cliente|nombre_?cliente|nama_?lengkap|nama_?pelanggan|klant_?naam|naam_?klant|volledige_?naam|ad_?soyad|imie_?nazwisko|nom_?complet)$/i;
const FRAME_BARE_NAME = /^(?:name|nome|nombre|nom|naam|nama|navn|namn|isim|imie|imię|jmeno|jméno|nimi)$/i;
const FRAME_DATUM = /^(?:e-?mail|email_?address|mail|phone|phone_?number|mobile|cell|tel|telefon|telefono|telefone|telefoon|telephone|celular|handy|hp|no_?hp|address|adres|adresse|indirizzo|endereco|endereço|direccion|dirección|alamat|dob|birth_?date|date_?of_?birth|cpf|ssn|nik|pesel|tckn|bsn)$/i;
const FRAME_LINES = 40;
/** The header cell a frame's cell stands under, by the words' positions (left- or right-aligned; the lines' right ends aligned when a log prefix shifts the header). */
function isFrameNameCell25(m: RegExpExecArray, line: string, around: LineSurroundings | undefined): boolean {
  const cell = group(m, 'frame');
  if (!isEuLatinName(cell) || cell.split(/[ \t]+/).some((w) => NAME25_NOT_A_NAME_WORD.test(w)) || around?.above === undefined) return false;
  const start = m.index + m[0].length - cell.length;
  const end = start + cell.length;
  const lines = around.above(8192).split('\n');
  const tail = (s: string) => s.replace(/\r$/, '').replace(/[ \t]+$/, '').length;
  const rowEnd = tail(line);
  for (let i = lines.length - 2, seen = 0; i >= 0 && seen < FRAME_LINES; i -= 1, seen += 1) {
    const row = lines[i]!.replace(/\r$/, '');
    if (/^[ \t]*$/.test(row)) return false;
    const words = [...row.matchAll(/[^\s"\\]+/g)].map((w) => ({ text: w[0].replace(/^["']|["',]$/g, ''), start: w.index!, end: w.index! + w[0].length }));
    const names = words.filter((w) => FRAME_NAME_COLUMN.test(w.text) || FRAME_BARE_NAME.test(w.text));
    if (names.length === 0) continue;
    // The header: its name column must stand over the cell, the lines aligned at their starts or at their right ends.
    const people = words.some((w) => FRAME_DATUM.test(w.text));
    for (const shift of [0, tail(row) - rowEnd]) {
      const over = words.filter((w) => w.start < end + shift && w.end > start + shift);
      if (over.length === 1 && names.includes(over[0]!)) return FRAME_NAME_COLUMN.test(over[0]!.text) || people;
    }
    return false;
  }
  return false;
}
function isLatinPersonName25(m: RegExpExecArray, line: string, around?: LineSurroundings): boolean {
  if (group(m, 'frame') !== '') return isFrameNameCell25(m, line, around);
  const thai = group(m, 'thai') || group(m, 'thaiHonored');
  if (thai !== '') return isThaiName(thai);
  // `fname` is a file's name as often as a first name's (`fname=Makefile`): only with its `lname` on the line, and the reverse.
  const compact = /^\\?["']?([fl])name\b/i.exec(m[0]);
  if (compact && !new RegExp(`(?<![A-Za-z])${compact[1]!.toLowerCase() === 'f' ? 'l' : 'f'}name(?![A-Za-z])`, 'i').test(line)) return false;
  const part = group(m, 'part') || group(m, 'whole');
  if (part !== '' && (group(m, 'part') !== '' || /^[A-Z]\./.test(part))) return isName25Part(part);
  const caps = group(m, 'capsHeld');
  if (caps !== '') return isEuLatinName(titleCase(caps).split(' ').filter((w) => !/^[A-Z]\.?$/.test(w)).join(' '));
  // A relative's name and its child's (`genitore di Giulia Bianco: Roberta Colombo`): both must be names.
  if (group(m, 'kinOf') !== '' && (!isEuLatinName(group(m, 'kinOf')) || group(m, 'kinOf').split(/[ \t]+/).some((w) => NAME25_NOT_A_NAME_WORD.test(w)))) return false;
  // A bare `nama`/`isim` (Indonesian, Turkish `name`) is a person's only beside the person's own data (`"nik"`, `"hp"`, `"tckn"`, …).
  const local = group(m, 'local');
  if (local !== '' && /^\\?["']?(?:nama|isim)\\?["']?[ \t]*[:=]/i.test(m[0]) && !NAME25_LOCAL_DATUM.test(line.slice(m.index + m[0].length, m.index + m[0].length + 80))) return false;
  for (const g of ['role', 'honored', 'made', 'madeTr', 'user', 'userDoes', 'held', 'kin', 'self', 'device', 'keyed', 'whole', 'local', 'mailed']) {
    const v = group(m, g);
    if (v !== '') return isEuLatinName(v) && !v.split(/[ \t]+/).some((w) => NAME25_NOT_A_NAME_WORD.test(w));
  }
  return false;
}
// --- script26 (session 24): script26.ts — names in Arabic, Hebrew, Greek, Malay and Vietnamese, upper-case transliterations.
// Hebrew words a key's name place may hold that are no name (a status, a function word, a form's noun).
const HE_NOT_A_NAME26 = /^(?:לא|של|עם|את|על|הוא|היא|אין|יש|קיים|חסר|חסרה|שגיאה|משתמש|לקוח|חדש|חדשה|כל|או|גם|זה|זו|מספר|תאריך|ריק|ריקה|נמחק|עודכן|עודכנה|בוצע|נכשל|הצליח|לא ידוע|ידוע|פעיל|מנהל|מערכת|ברירת|מחדל|בדיקה|ניסיון|אורח|שם|מלא|פרטי|משפחה|חברה|בע"מ|בעמ|מחלקה|סניף)$/;
// Greek words a name place may hold that are no name: months, places, a form's and a log's nouns.
const GR_NOT_A_NAME26 = /^(?:Ιανουάριος|Φεβρουάριος|Μάρτιος|Απρίλιος|Μάιος|Ιούνιος|Ιούλιος|Αύγουστος|Σεπτέμβριος|Οκτώβριος|Νοέμβριος|Δεκέμβριος|Αθήνα|Θεσσαλονίκη|Πάτρα|Ηράκλειο|Ελλάδα|Κύπρος|Σφάλμα|Αρχείο|Σύστημα|Χρήστης|Διαχειριστής|Νέος|Νέα|Νέο|Άγνωστος|Άγνωστη|Ενεργός|Ανενεργός|Επιχείρηση|Εταιρεία|Τράπεζα|Υπηρεσία|Δοκιμή|Προεπιλογή|Κωδικός|Όνομα|Επώνυμο|Στοιχεία|Πελάτης|Λογαριασμός|Ρυθμίσεις|Εκτύπωση|Αποστολή|Λήψη|Σύνδεση|Αποσύνδεση|Ενημέρωση|Ολοκληρώθηκε|Αποτυχία|Επιτυχία|Μη|Δεν|Και|Του|Της|Των)$/;
// Vietnamese words of places, companies and offices a name place may hold (`Công Ty`, `Ngân Hàng`, `Quận`, `Việt Nam`).
const VN_NOT_A_NAME26 = /^(?:Công|Ty|TNHH|Ngân|Hàng|Tỉnh|Quận|Huyện|Phường|Xã|Đường|Phố|Số|Tổng|Cục|Bộ|Sở|Chi|Nhánh|Trường|Bệnh|Viện|Phòng|Ban|Nội|Phố|Khách|Mới|Cũ|Chưa|Không|Đã|Được|Của|Và|Hóa|Đơn|Khoản|Toán|Chuyển|Khoản|Giám|Đốc|Kế|Toán|Trưởng|Nhân|Viên|Hợp|Đồng|Điều|Mục)$/;
// Upper-case words no name slot holds as a person's (log levels, stand-ins, currencies, document and company words).
const CAPS_NOT_A_NAME26 = /^(?:INFO|WARN|WARNING|ERROR|DEBUG|TRACE|FATAL|NULL|NONE|TRUE|FALSE|ADMIN|ADMINISTRATOR|USER|USERS|TEST|DEFAULT|SYSTEM|ROOT|GUEST|UNKNOWN|NA|ID|OK|VND|USD|SGD|MYR|EUR|CCCD|CMND|MST|TNHH|CONG|TY|JSC|LTD|PTE|SDN|BHD|INC|LLC|CO|CORP|COMPANY|BANK|GROUP|SERVICE|SERVICES|THE|AND|OF|FOR|NEW|OLD|LOCAL|NETWORK|WIFI|HOME|OFFICE|NAME|FULL|TYPE|CODE|STATUS|PENDING|ACTIVE|DISABLED|ENABLED|PUBLIC|PRIVATE|SHARED|AUTHORITY|NT|NHAN|VIEN|KHACH|HANG|NGAN|THANH|TOAN|CHUYEN|KHOAN|NOI|DUNG|HOA|DON|JALAN|TAMAN|SINGAPORE|MALAYSIA|VIETNAM|AVE|ROAD|STREET|BLK|UNIT|DEPT|TEAM|SUPPORT|SALES|HR|IT|QA|DEV|PROD|STAGING)$/;
const AR_NAME_WORD26 = /^[\u0621-\u064A]{2,15}$/;
function capsNameWords26(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 5 || words.some((w) => CAPS_NOT_A_NAME26.test(w))) return false;
  // Most words English ones (`DEFAULT GATEWAY`, `MAIN OFFICE`): no transliterated name.
  const common = words.filter((w) => w.length >= 3 && isCommonWord(w.toLowerCase())).length;
  return common * 2 <= words.length;
}
/** script26.ts's names: each script's words, a stop list per script, a count of 2–5 words. */
function isScriptName26(m: RegExpExecArray): boolean {
  const ar = group(m, 'ar26');
  if (ar !== '') return isArabicName(ar) && ar.split(/[ \t]+/).every((w) => AR_NAME_WORD26.test(w));
  const he = group(m, 'he26');
  if (he !== '') {
    const words = he.split(/[ \t]+/);
    return words.length >= 2 && words.length <= 4 && !words.some((w) => HE_NOT_A_NAME26.test(w));
  }
  const gr = group(m, 'gr26') || group(m, 'grBracket26');
  if (gr !== '') return !gr.split(/[ \t]+/).some((w) => GR_NOT_A_NAME26.test(w));
  const grCaps = group(m, 'grCaps26');
  if (grCaps !== '') return !grCaps.split(/[ \t]+/).some((w) => GR_NOT_A_NAME26.test(w.charAt(0) + w.slice(1).toLowerCase().replace(/σ$/, 'ς')));
  const malay = group(m, 'malay26') || (group(m, 'malayCaps26') !== '' ? titleCase(group(m, 'malayCaps26')) : '');
  if (malay !== '') {
    const words = malay.split(/[ \t]+/).filter((w) => !/^(?:bin|binti|binte|bte|a\/l|a\/p|Bin|Binti|Binte|Bte|A\/l|A\/p)$/.test(w));
    return words.length >= 2 && !words.some((w) => NAME25_NOT_A_NAME_WORD.test(w) || EU_NOT_A_NAME_WORD.test(w) || NOT_A_PERSON_WORD.test(w) || isCommonWord(w.toLowerCase()));
  }
  const vn = group(m, 'vn26') || group(m, 'vnHonored26') || group(m, 'vnKin26') || group(m, 'vnMail26');
  if (vn !== '') {
    const words = vn.split(/[ \t]+/);
    return words.length >= 2 && words.length <= 5 && !words.some((w) => VN_NOT_A_NAME26.test(w)) && !/Việt[ \t]Nam|Hà[ \t]Nội|Hồ[ \t]Chí[ \t]Minh|Thành[ \t]Phố|Ngân[ \t]Hàng|Công[ \t]Ty/.test(vn) && !(words.every((w) => /^[A-Za-z]+$/.test(w)) && !isEuLatinName(vn));
  }
  const caps = group(m, 'vnCaps26') || group(m, 'capsSlot26');
  if (caps !== '') return capsNameWords26(caps.split(' '));
  const idName = group(m, 'idName26');
  if (idName !== '') return isEuLatinName(idName) && !idName.split(/[ \t]+/).some((w) => NAME25_NOT_A_NAME_WORD.test(w));
  return false;
}
// script26.ts's addresses: not a network value or a version, not a room or a port (the first word), a letter in it.
const NOT_AN_ADDRESS26 = /\d{1,3}\.\d{1,3}\.\d{1,3}|:\/\/|@|^(?:IP|MAC|Server|Servidor|Host|Port|Puerto|Versi[oó]n|Version|Build|Room|Sala|Ruta|Proxy|Gateway|Red)\b/i;
// An employer's, a company's or a branch's address (`Dirección empleador: Av. Apoquindo 4501, of. 1202`): no one's home.
const ORGANISATION_BEFORE26 = /(?:empleador|empresa|compañía|compania|sucursal|oficina[ \t]central|casa[ \t]matriz|tienda|syarikat|majikan|công[ \t]ty|chi[ \t]nhánh|company|employer|office|branch|head[ \t]quarters|headquarters|warehouse|εταιρ|εργοδότ|החברה|המעסיק|מעסיק|الشركة|المؤسسة|компані|підприємств|відділення|склад)[^\r\n]{0,40}$/i;
function isScriptAddress26(m: RegExpExecArray, line: string): boolean {
  for (const g of ['esTyped26', 'esKeyed26', 'my26', 'sg26', 'grStreet26', 'grKeyed26', 'he26', 'ar26', 'cy26']) {
    const v = group(m, g);
    if (v === '') continue;
    const start = m.index + m[0].lastIndexOf(v);
    return !NOT_AN_ADDRESS26.test(v) && /\p{L}{2}/u.test(v) && !ORGANISATION_BEFORE26.test(line.slice(Math.max(0, start - 60), start));
  }
  return false;
}
/** script26.ts's bank accounts: six digits or more, not one digit repeated, not a date. */
function isScriptSecret26(m: RegExpExecArray): boolean {
  const v = group(m, 'bank26');
  const digits = v.replace(/\D/g, '');
  return digits.length >= 6 && !/^(\d)\1+$/.test(digits) && !/^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/.test(digits);
}
// --- end script26
// A CSV cell under a column of a person's whole name named for whose it is (formats.ts CSV_PERSON_COLUMN_25), or under a bare
// `Name`/`Nome`/`Naam` column of a table of people (its header has their e-mail, phone, address or birth date: a Webex attendee
// report, a shop's customers), a name by person-latin.ts's checks (`Olumide Adeyemi`, not `Quarterly Review`).
function isCsvPersonName25(m: RegExpExecArray, line: string, around: LineSurroundings | undefined): boolean {
  const latin = group(m, 'latin');
  if (latin === '' || /^[A-Z ]+$/.test(latin) || !isEuLatinName(latin) || latin.split(' ').some((w) => NAME25_NOT_A_NAME_WORD.test(w))) return false;
  const column = csvHeader(m, line, around);
  // dir26 (session 24): and the people columns of CRM and helpdesk exports; a group's or an organisation's name there stays (`Neighbourhood Watch`).
  if (CSV_PERSON_COLUMN_25.test(column) || CSV_PERSON_COLUMN_26.test(column)) return !hasNonPersonWord(latin);
  return CSV_BARE_NAME_COLUMN.test(column) && around !== undefined && csvSplit(around.header()).some((c) => CSV_PERSON_DATUM_COLUMN.test(csvColumnKey(c)));
}
// A given name alone under a bare name column of a header that has a family-name column beside it (WooCommerce Italy
// `Nome`,`Cognome`; `Nombre`,`Apellidos`; `Naam`,`Achternaam`): the bare column is the given name's.
function isCsvGivenName25(m: RegExpExecArray, line: string, around: LineSurroundings | undefined): boolean {
  if (around === undefined || !CSV_BARE_NAME_COLUMN.test(csvHeader(m, line, around))) return false;
  if (!csvSplit(around.header()).some((c) => SURNAME_PART_COLUMN.test(csvColumnKey(c)))) return false;
  return isCsvNamePart(group(m, 'part'), 'first name');
}
// --- end name25
// --- end person-prose.ts ------------------------------------------------------------------------------------------

// --- name22 (session 21): see the csvNamePartColumn validator.
const SURNAME_PART_COLUMN = /^(?:last|family|maiden|sur)[ _-]?names?$|^(?:surname|sn|nachname|familienname|nom[ _-]de[ _-]famille|cognome|apellidos?|sobrenome|efternamn|etternavn|efternavn|sukunimi|nazwisko|p[řr][íi]jmen[íi]|achternaam|姓|姓氏)$/i;
const NOT_A_CSV_NAME_PART = /^(?:It|Hr|Qa|Ops|Dev|Student|Students|Teacher|Teachers|Staff|Info|Reception|Frontdesk|Front|Lobby|Kiosk|Shared|Mailbox|Resource|Conference|Training|N\/?A|Na|Tbd|Todo|Xxx|Foo|Bar|Baz|Sample|Example|Dummy|Placeholder|Anonymous|Anon|Nobody|Someone|Everyone|Various|Mr|Mrs|Ms|Dr|Prof|Male|Female|Other|Yes|True|False)$/i;
function isCsvNamePart(part: string, column: string): boolean {
  if (!CSV_NAME_PART_COLUMN.test(column)) return false;
  if (/^[\u4e00-\u9fa5]/.test(part)) {
    if (SURNAME_PART_COLUMN.test(column)) return part.length <= 2 && (isChineseName(part + '明') || isChineseName(part + '明明'));
    return !NOT_A_NAME_HAN.test(part) && !NOT_PLACED_NAME.test(part) && !/^(?:无|空|未填|暂无|其他|其它|不详|未知)$/.test(part);
  }
  // name25 (session 23): a family name's particle aside (`De Luca`, `van der Berg`).
  const core = part.replace(/^(?:(?:De|Di|Da|Del|Della|Van|Von|Le|La|van|von|de|di|da|del|della|le|la|dos|das|ten|ter) (?:(?:der|den|la) )?)/, '');
  const word = core.charAt(0) + core.slice(1).toLowerCase();
  return !NOT_A_PERSON_WORD.test(word) && !NOT_A_CSV_NAME_PART.test(word) && !NOT_A_NAME_PART.test(word) && !NOT_A_NAME25_PART.test(word) && !EU_NOT_A_NAME_WORD.test(word);
}
// A row whose name parts are an account's, not a person's (`IT,Helpdesk`, `Test,Student`, `"Room","","Oslo 4"`): every
// non-empty name-part cell of the row must read as one (only where the row splits into the header's cells).
function isCsvNameRow(line: string, around: LineSurroundings | undefined): boolean {
  if (!around) return true;
  const header = around.header().split(',').map(csvColumnKey);
  const cells = line.replace(/\r$/, '').split(',');
  if (cells.length !== header.length) return true;
  // name25: a bare name column beside a family-name column is the given name's (isCsvGivenName25).
  const given = header.some((c) => SURNAME_PART_COLUMN.test(c));
  return header.every((column, i) => {
    if (given && CSV_BARE_NAME_COLUMN.test(column)) {
      const cell = cells[i]!.trim().replace(/^"|"$/g, '').trim();
      return cell === '' || isCsvNamePart(cell, 'first name');
    }
    if (!CSV_NAME_PART_COLUMN.test(column)) return true;
    const cell = cells[i]!.trim().replace(/^"|"$/g, '').trim();
    return cell === '' || isCsvNamePart(cell, column);
  });
}
// --- end name22
const MAIL_ADDRESS_HEADER = /^(?:From|To|Cc|Bcc|Reply-To|Sender|Author|Committer)[ \t]*:/i;
// Words before 你/您 or a bracket that start with a surname's character but call no one (`，方便 你看下`).
// A given name alone in a first-name field that is a word instead (`"firstName": "测试"`).
// A passwd line's login shell (the person-name rule wakes on these words): nologin and false are services'.
const LOGIN_SHELL_LAST = /:(?:\/usr)?(?:\/local)?\/bin\/(?:bash|zsh|sh|fish|ksh|tcsh|csh|dash)[ \t]*\r?$/;
const NOT_A_NAME_HAN = /^(?:测试|用户|管理|未知|无|空|默认|系统|临时)/;
const NOT_CALLED = /^(?:何时|何必|何况|何处|常常|毕竟|尤其|明明|方便|明白|安排|关于|于是|和你|万一|时候|高兴|安心|包括|成功|麻烦|谢谢|祝福|希望|应该|车间|石化|钱款|顾问|管理|程序|项目|常规|平时|康复|宁可|毛利|江湖|秦岭|任何|任务|全体|全部|全员|曾经|党委|党支部|于是乎|史上|向你|向您|跟你|给你|给您|和您|同你|余下|余额|连你|连您|常委|邵氏)/;
// Words a person-position grammar may hold that start with a surname's character (session 16, name17): places, crowds,
// shifts (`年轻同志`, `给 江阴 发`, `值班: 白班`).
const NOT_PLACED_NAME = /^(?:年轻|江阴|吴江|吴中|常熟|全体|各位|广大|同志|白班|夜班|管理|运维|安全|项目|全部|高级)/;
// What a title says in brackets about its item, starting with a surname's character (`网络配置 (简体)`).
const BRACKET_WORD = /^(?:简体|繁体|单机|应用|默认|常用|备用|冷备|全屏|全部|时间|金额|金牌|石墨|车辆|毛利|童装|向导|齐全|邢台|宫格|党建|边框|席位|苗木|钱包|易用|孔径|卢比|雷达|龙头|马达|景区|景点|安全|安装|明细|高清|高级|平台|平板|包月|包年|包邮|计划|计费|计算|项目|于是|成本|成品|余额|洪水|乔迁|施工|申请|和平)/;
// Two to four pinyin syllables (a login made of its person's name: `lvguoqing`, `zhan.yuting`, `wangfang01`).
// A syllable without an initial is one of a few (`an`, `er`); `i`, `u`, `ü` alone are written `yi`, `wu`, `yu`.
const PINYIN_SYLLABLE = '(?:(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ve|ui|a|o|e|i|u|v)|ang|eng|ai|ei|ao|ou|an|en|er|a|o|e)';
const PINYIN_SYLLABLE_ALONE = new RegExp(`^${PINYIN_SYLLABLE}$`);
const PINYIN_LOGIN = new RegExp(`^(?:${PINYIN_SYLLABLE}[._-]?){2,4}\\d{0,4}$`);
function isPinyinLogin(login: string): boolean {
  return login.length <= 24 && PINYIN_LOGIN.test(login);
}

// The commonest Chinese surnames in pinyin (as SURNAMES in validators.ts), for a person's name glued into a machine's
// name (`WS-DINGYUTONG`, `LAPTOP-WEIYUHANG`).
const PINYIN_SURNAME = '(?:wang|li|zhang|liu|chen|yang|huang|zhao|wu|zhou|xu|sun|ma|zhu|hu|guo|he|gao|lin|luo|zheng|liang|xie|song|tang|han|feng|deng|cao|peng|zeng|xiao|tian|dong|yuan|pan|yu|jiang|cai|du|ye|cheng|su|wei|lv|lyu|lu|ding|ren|shen|yao|cui|zhong|tan|fan|jin|shi|liao|jia|xia|fu|fang|bai|zou|meng|xiong|qin|qiu|yin|xue|yan|duan|lei|hou|long|tao|gu|mao|hao|gong|shao|wan|qian|dai|mo|kong|xiang|chang|wen|kang|niu|ge|xing|qi|qiao|pang|ni|zhuang|nie|zhan|ou|ouyang|geng|guan|lan|jiao|zuo|gan|bao|ning|shang|shu|ruan|ke|ji|mei|tong|ling|bi|pei|huo|tu|miao|sheng|qu|weng|ran|you|xin|chai|hua|pu|teng|rao|mou|ai|mu|nong|zhuo|jian|che|lian|mai|chu|lou|dou|cen|jing|dang|fei|leng|xi|mi|zong|gui|quan|ying|zang|min|bian|luan|sui|diao|sha|rong|kou|sang|lang|zhen|cong|ao|ming|she|chi|kuang|lai|hong|xian|ju|di|hang|xun|rui|kan|huan|hui|jie|duanmu|shangguan|situ|zhuge|murong|yuchi|wenren)';
const PINYIN_GIVEN_SYLLABLE = '(?:(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ui|a|o|e|i|u|v))';
// A pinyin surname alone, the possessive of a Chinese family name (`Jiangs-iPhone`; session 17, name18).
const PINYIN_SURNAME_ALONE = new RegExp(`^${PINYIN_SURNAME}$`);
const PINYIN_FULL_NAME = new RegExp(`^${PINYIN_SURNAME}${PINYIN_GIVEN_SYLLABLE}{1,2}$`);
// Pinyin that reads as a surname and a given name but names a place, a team or a thing (`WS-HANGZHOU`, `FIN-SHARE`).
const NOT_A_PINYIN_NAME = /^(?:beijing|shanghai|hangzhou|shenzhen|guangzhou|nanjing|suzhou|wuhan|chengdu|xian|chongqing|tianjin|changsha|hefei|jinan|qingdao|xiamen|ningbo|wuxi|kunming|zhengzhou|fuzhou|nanning|taiyuan|shenyang|dalian|changchun|lanzhou|guiyang|nanchang|haikou|sanya|zhuhai|dongguan|foshan|zhongshan|shantou|wenzhou|jinhua|shaoxing|taizhou|jiaxing|huzhou|yangzhou|changzhou|nantong|xuzhou|yantai|weifang|linyi|tangshan|baoding|luoyang|huadong|huanan|huabei|huazhong|xinan|xibei|dongbei|zongbu|fenbu|caiwu|renshi|xingzheng|yanfa|xiaoshou|kefu|ceshi|kaifa|yunwei|shengchan|cangku|jiqi|fuwu|gongxiang|share|shared|china|chinanet|banana|tiger|bingo|mango|tango|wuhu|xinxi|diannao|bangong|huiyi|kaoqin|menjin|jiankong|dayin|saomiao|beifen|zhuji|beiyong|shiyan|xitong|zhongxin|jituan|gongsi|kehu|dingdan|baobiao|hetong|yewu)$/;
function isPinyinFullName(text: string): boolean {
  const lower = text.toLowerCase();
  return lower.length >= 5 && lower.length <= 18 && PINYIN_FULL_NAME.test(lower) && !NOT_A_PINYIN_NAME.test(lower);
}

// Words of a log's prose that stand where `user x logged in` has its login (`the user then logged in`, `user account authenticated`).
const LOG_PROSE_WORD = /^(?:has|had|was|is|just|successfully|already|then|also|first|last|never|not|who|that|which|session|account|id|name|agent|request|token|the|a|an|now|again|recently|automatically|manually|finally|still|has-been)$/i;

/**
 * `compute` of the text last asked, answered again without computing while the same text is asked: validators run
 * once per candidate, so a line of many candidates asks the same line (or the same text above it) again and again.
 */
function memoLast<T>(compute: (text: string) => T): (text: string) => T {
  let last: string | undefined;
  let answer: T;
  return (text) => {
    if (text !== last) {
      answer = compute(text);
      last = text;
    }
    return answer;
  };
}
/** Whether `regex` (no `g`/`y`: test keeps no state) matches the line, asked once per line. */
function memoLineTest(regex: RegExp): (line: string) => boolean {
  if (regex.global || regex.sticky) throw new Error(`memoLineTest: /${regex.source}/${regex.flags} keeps a lastIndex`);
  return memoLast((line) => regex.test(line));
}

// Whether a line speaks of accounts (PINYIN_LOGIN_CUE), asked once per line however many tokens are pinyin names.
const hasAccountCue = memoLineTest(PINYIN_LOGIN_CUE);

// `faillock` without `--user` prints each login as `name:` on its own line, then its table: the
// command line and an empty table's header (`When  Type  Source  Valid`) come before a login's line.
const USER_KEY_ON_ITS_OWN_LINE = /^[ \t]*"key"[ \t]*:[ \t]*"[A-Za-z]*?(?:user(?:_?name)?|log[io]n(?:_?name)?|account)"[ \t]*,?[ \t]*\r?$|^[ \t]+users:[ \t]*\r?$|^(?:[^\r\n]{0,60}?[#$>%][ \t]*)?(?:sudo[ \t]+)?faillock(?:[ \t]+--dir[ \t]+\S+)?[ \t]*\r?$|^when[ \t]+type[ \t]+source[ \t]+valid[ \t]*\r?$/i;

// Groups of a pattern that hold a key, a quote or a domain, not the login.
const NOT_LOGIN_GROUP = /^(?:key|kq|vq|q\d?|domain)$/;

// dbconfig-common's `# dbc_dbpass: database user password`, `# dbc_remember_admin_pass: should we
// cache …`: in a comment, a lower-case word followed by more words is the key's documentation.
const COMMENT_START = /^[ \t]*(?:#|;|\/\/|--|REM\b|::)/i;
// PAM's bracketed control (`account [success=1 new_authtok_reqd=done default=ignore] pam_unix.so`):
// a return code (`new_authtok_reqd`, `authtok_err`, `cred_unavail`) and the action it takes.
const PAM_CONTROL_BEFORE = /^[ \t]*-?(?:auth|account|password|session)[ \t]+\[[^\]]*$/i;
const PAM_ACTION = /^(?:ignore|bad|die|ok|done|reset|\d{1,2})$/;
function isPamControl(m: RegExpExecArray, line: string): boolean {
  return PAM_ACTION.test(group(m, 'secret')) && PAM_CONTROL_BEFORE.test(line.slice(0, m.index));
}

/**
 * The start of a base64 DER SubjectPublicKeyInfo (SEQUENCE { AlgorithmIdentifier, BIT STRING }) or
 * X.509 certificate (SEQUENCE { SEQUENCE { [0] version … } }): public data. A private key (PKCS#1,
 * PKCS#8) starts its SEQUENCE with an INTEGER and stays a secret.
 */
export function isDerPublicKeyOrCertificate(b64: string): boolean {
  if (!b64.startsWith('M') || b64.length < 32) return false;
  const b = Buffer.from(b64.slice(0, 32).replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  // Where the contents of the element at `at` start, or -1.
  const body = (at: number) => {
    const len = b[at + 1];
    if (len === undefined) return -1;
    return len < 0x80 ? at + 2 : len === 0x81 ? at + 3 : len === 0x82 ? at + 4 : -1;
  };
  const lengthOf = (at: number) => {
    const len = b[at + 1]!;
    return len < 0x80 ? len : len === 0x81 ? b[at + 2]! : (b[at + 2]! << 8) | b[at + 3]!;
  };
  if (b[0] !== 0x30) return false;
  const inner = body(0);
  if (inner < 0 || b[inner] !== 0x30) return false;
  const innerBody = body(inner);
  if (innerBody < 0) return false;
  // A certificate's tbsCertificate opens with its explicit version `[0] { INTEGER 0..2 }`.
  if (b[innerBody] === 0xa0 && b[innerBody + 1] === 0x03 && b[innerBody + 2] === 0x02 && b[innerBody + 3] === 0x01 && b[innerBody + 4]! <= 2) return true;
  // A public key: an AlgorithmIdentifier (OID first), then a BIT STRING.
  if (b[innerBody] !== 0x06) return false;
  const next = innerBody + lengthOf(inner);
  return next < b.length && b[next] === 0x03;
}

// Chromium's `Preferences`/`Secure Preferences` keep, under `"protection":{"macs":{…}}`, an HMAC of
// each protected setting under the setting's own name (`"policy_recovery_token": "7D31…"`,
// `"restore_on_startup_encrypted_hash": "djEw…"`): integrity checks of settings, not their values.
const CHROMIUM_MAC = /^(?:[0-9A-F]{64}|djE[wx][A-Za-z0-9+/]{40,}={0,2})$/;
function isChromiumPrefMac(m: RegExpExecArray, line: string): boolean {
  return CHROMIUM_MAC.test(group(m, 'secret')) && line.lastIndexOf('"macs":{', m.index) >= 0;
}
// `GPL3+-with-Autoconf-Macros-exception`, `BSD-3-clause-generic`, `APACHE-2-LLVM-EXCEPTIONS`: words and
// versions, one of them a licence family's name (a product key's groups are random).
const LICENCE_FAMILY = /^(?:[AL]?GPL|GFDL|BSD|MIT|APACHE|MPL|EPL|CDDL|ISC|ZLIB|CC0?|ARTISTIC|EXPAT|PSF|OFL|BOOST|BSL|X11|PERL|PYTHON|UNICODE|PUBLIC)v?\d*$/i;
function isLicenceName(value: string): boolean {
  const parts = value.split(/[-+._]+/).filter((x) => x !== '');
  return parts.length >= 2 && parts.some((x) => LICENCE_FAMILY.test(x)) && parts.every((x) => /^(?:[A-Za-z]+\d{0,2}|\d{1,2})$/.test(x));
}
// One word of letters, digits and `_` (tested apart: a nested `(?:[A-Z][a-z]*\d*)+` is exponential),
// `With`/`And` joining two names, and a cipher or digest among them. OpenSSL spells them from a lower-case
// letter (`Signature Algorithm: sha256WithRSAEncryption` in `openssl x509 -text`).
function isJcaAlgorithm(value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_]{5,63}$/.test(value) && /[A-Za-z0-9](?:With|with|And)[A-Z]/.test(value) && /SHA|Hmac|HMAC|AES|RSA|DES|MD5|PBKDF|DSA|ECDH|RC[24]/.test(value);
}

// A program's usage text (`Xvfb -help`, `--help` output): `-auth file   select authorization file`,
// the option first on its line, a lower-case metavariable, then blanks and the description.
function isUsageLine(m: RegExpExecArray, line: string, value: string): boolean {
  if (!/^[a-z][a-z-]{0,30}$/.test(value) || !/^[ \t]*$/.test(line.slice(0, m.index))) return false;
  const rest = line.slice(m.index + m[0].length);
  // fp20: a manual's option heading, the flag and its metavariable alone on their line or before its optional arguments (gpg's
  // `--passphrase string`, `--secret-keyring file`, `--passphrase-repeat n`, `--quick-generate-key user-id [algo [usage]]`).
  if (MANUAL_METAVARIABLE.test(value) && /^[ \t]*(?:\r?$|\[)/.test(rest)) return true;
  return /^[ \t]{2,}[A-Za-z]+[ \t]/.test(rest);
}
// fp20: the type names manuals give an option's argument.
const MANUAL_METAVARIABLE = /^(?:string|str|file|filename|files|path|dir|directory|n|num|number|fd|name|names|user-?id|uid|fpr|fingerprint|value|val|arg|args|key|keyid|key-?file|secs|seconds|count|size|level|mode|type|list|url|host|word|text|data|spec|id|pass|passwd|password|passphrase|phrase|token|secret|cookie|cookies|method|program|command|cmd)$/;

function isCommentProse(m: RegExpExecArray, line: string): boolean {
  const value = group(m, 'secret');
  return /^[a-z]{2,}$/.test(value) && COMMENT_START.test(line) && /^[ \t]+[a-z]{2,}[ \t,.?]/.test(line.slice(m.index + m[0].length));
}

/**
 * The rest of the line from an inline value on reads as a label or a sentence, not a value:
 * openssl.cnf's `challengePassword = A challenge password`, a package description's
 * `Set-Cookie: headers and are able to use this information` (a cookie is `name=value` pairs).
 */
function isProseAfterKey(m: RegExpExecArray, line: string): boolean {
  let rest = line.slice(m.index + m[0].length - group(m, 'secret').length);
  // Without its ` # comment` (found by one scan: `[ \t]+#` unanchored is quadratic on a line of blanks).
  const comment = rest.search(/[ \t]#/);
  if (comment >= 0) rest = rest.slice(0, comment);
  rest = rest.trim();
  if (isBenignValue(rest)) return true;
  return /(?:^|[^a-z])cookies?$/i.test(group(m, 'key')) && !rest.includes('=') && /^[a-z]+(?: [a-z]+){2,}\b/i.test(rest);
}

/** `4/remoteProvider/ImdsCredentials`: segments between slashes that are all words or numbers (base64 is neither). */
function isPathOfWords(value: string): boolean {
  if (!value.includes('/')) return false;
  const segments = value.split('/').filter((x) => x !== '');
  // A word segment: at most two digits (`V1`) and a run of three lower-case letters per eight characters.
  const wordish = (x: string) => /^\d+$/.test(x) || ((x.match(/\d/g)?.length ?? 0) <= 2 && (x.match(/[a-z]{3,}/g)?.length ?? 0) >= Math.max(1, Math.floor(x.length / 8)));
  return segments.length >= 2 && segments.every(wordish);
}

const DPKG_CONFFILE = /^ \/\S+ [0-9a-f]{32}(?: (?:obsolete|remove-on-upgrade))*\r?$/;

// — The registries the table names —

// A header cell that names a person's column (`<t>姓名</t>`, `<th>联系人</th>`), looked for once per line.
const NAME_HEADER_CELL = /<t[dh]?(?:[ \t][^<>]{0,200})?>[ \t]*(?:姓[ \t\u3000]*名|联系人|经办人|申请人|审批人|负责人|收件人|收货人)[ \t]*<\/t[dh]?>|[[,][ \t]*"(?:姓[ \t\u3000]*名|联系人|经办人|申请人|审批人|负责人|收件人|收货人)"[ \t]*[,\]]/;
// The closing line a signature stands under (a mail's `-- `, 此致 ⏎ 敬礼, a chat's 谢谢！).
const SIGN_OFF = /^[ \t\u3000]*(?:--[ \t]*|[—-]{2,}[ \t]*|此致|敬礼[！!。]?|谢谢[！!。～~]*|多谢[！!。]*|祝好[！!。]?|顺祝(?:商祺|安好)?[！!。，,]?|best(?: regards)?,?|(?:kind )?regards,?|thanks?(?: you)?[,!.]?|cheers,?)[ \t\u3000]*\r?$/i;
const lineHasNameHeaderCell = memoLineTest(NAME_HEADER_CELL);

// A text table's header cell over a person's column (`| 负责人 |`, ICBC payroll `|户名|`, 社保 `姓名`,
// WeCom 打卡 `姓名`): the whole cell, so `客户名称`, `用户名` or `姓名拼音` name no person's column.
const TEXT_TABLE_NAME_COLUMN = /^(?:(?:员工|客户|乘客|乘车人|真实|联系人|申请人|收款人)?姓[ \t\u3000]*名|名字|联系人|经办人|申请人|审批人|审核人|负责人|乘车人|乘客|收件人|发件人|收货人|寄件人|户[ \t\u3000]*名|开户名|收款人|持卡人|报销人|操作人|签收人|值班人|对接人|主持人|记录人|参会人|发言人|接种者|(?:接种|检验|记录|操作|填报|制表|经办)(?:者|员)|[\u4e00-\u9fa5]{0,4}(?:医生|医师|护士|药师)|(?:录入|收银|营业|审核|业务|登记|调度|值班|化验)员|(?:full|display|drop[ -]?down|contact|owner|person)[ _-]?name|contact|owner|person)$/i;
// A cell that heads some column (a line of such cells is a header, whichever column the name is in).
const TEXT_TABLE_HEADER_CELL = /^(?:序号|编号|日期|时间|部门|区域|账号|帐号|金额|备注|性别|电话|手机号?|联系方式|状态|类型|地址|邮箱|证件(?:类型|号码)|身份证号码?|no\.?|#|date|time|department|phone|e-?mail|status)$/i;
const TEXT_TABLE_REACH = 4096;
// A `|` table's header names a password or a login column itself (CSV_SECRET_COLUMN, CSV_USER_COLUMN).
// A cell that says how the password is made, in words (`\`Hy@\` + 入职日期`, `姓名全拼 + 123`, `见群公告 第 3 条`): Han text with
// blanks, or Han words alone (`每周一更新`, `见群公告`, `同上`): a password typed on a keyboard has some Latin letter, digit or sign.
const isDescribedValue = (v: string) => /[\u4e00-\u9fa5]/.test(v) && (/\s/.test(v.trim()) || /^[\u4e00-\u9fa5\u3000-\u303f\uff01-\uff1f]+$/.test(v.trim()));
const isPipeHeaderCell = (c: string) => CSV_SECRET_COLUMN.test(c) || CSV_USER_COLUMN.test(c);
const TEXT_TABLE_LINES = 60;
const cellText = (cell: string) => cell.trim().replace(/^[*_`"']+|[*_`"'：:]+$/g, '').trim();

/**
 * A cell of a table that is not CSV — `|`-separated rows (ICBC payroll, Markdown), or columns
 * aligned by blanks (a 社保 form, a WeCom 打卡 export) — under a header cell naming a person. The
 * header is the nearest line above, in the same run of lines (no blank line between), with a
 * header cell in that column: the name's column is its cell index (`|` or a tab or two blanks
 * apart). Only the text before the line (`around.above`, as read) is searched, at most 60 lines.
 */
function isTextTableNameCell(m: RegExpExecArray, line: string, around: LineSurroundings | undefined): boolean {
  const name = group(m, 'cell');
  const latin = group(m, 'latinCell');
  if (name !== '' ? !isChineseName(name) : latin === '' || latin.split(' ').some((w) => NOT_A_PERSON_WORD.test(w))) return false;
  if (around?.above === undefined) return false;
  const start = m.index + m[0].length - (name || latin).length;
  const prefix = line.slice(0, start);
  const pipe = /[|｜]/.test(prefix);
  const split = pipe ? (row: string) => row.split(/[|｜]/) : (row: string) => row.replace(/^[ \t\u3000]+/, '').split(/\t|[ \t\u3000]{2,}/);
  const column = split(prefix).length - 1;
  const lines = around.above(TEXT_TABLE_REACH).split('\n');
  // The last element is what follows the final line break: the current line's start, empty.
  for (let i = lines.length - 2, seen = 0; i >= 0 && seen < TEXT_TABLE_LINES; i -= 1, seen += 1) {
    const row = lines[i]!.replace(/\r$/, '');
    if (/^[ \t\u3000]*$/.test(row)) return false;
    // A rule under the header (`|---|---|`, `-----+-----`): part of the table.
    if (/^[ \t]*[-=+:|｜][-=+:|｜ \t]*$/.test(row)) continue;
    if (pipe && !/[|｜]/.test(row)) return false;
    const cells = split(row).map(cellText);
    if (TEXT_TABLE_NAME_COLUMN.test(cells[column] ?? '')) return true;
    // A header over other columns: the name stands in none of a person's.
    if (cells.some((c) => TEXT_TABLE_NAME_COLUMN.test(c) || TEXT_TABLE_HEADER_CELL.test(c))) return false;
  }
  return false;
}

/**
 * The header cell over a cell of a `|`-separated table (Airflow `connections get/list -o plain`,
 * `psql` and MySQL client output, Markdown): the cell of the same index in the nearest row above
 * (the same run of `|` rows, a `---+---` rule allowed) that is a header — one whose cells include
 * one of the column names the caller reads. '' when none is found within 60 lines.
 */
function pipeColumnHeader(cellStart: number, line: string, around: LineSurroundings | undefined, isHeaderCell: (cell: string) => boolean): string {
  if (around?.above === undefined) return '';
  const split = (row: string) => row.split(/[|｜]/).map((c) => c.trim());
  const column = split(line.slice(0, cellStart)).length - 1;
  const lines = around.above(TEXT_TABLE_REACH).split('\n');
  for (let i = lines.length - 2, seen = 0; i >= 0 && seen < TEXT_TABLE_LINES; i -= 1, seen += 1) {
    const row = lines[i]!.replace(/\r$/, '');
    if (/^[ \t]*[-=+:|｜][-=+:|｜ \t]*$/.test(row)) continue;
    if (!/[|｜]/.test(row)) return '';
    const cells = split(row);
    if (cells.some(isHeaderCell)) return cells[column] ?? '';
  }
  return '';
}

// The line before a script's `send`: it waits for a prompt asking for a secret — Tabby/Electerm
// `- expect: 'Password:'`, Tcl expect `expect "*assword:"`, SecureCRT `crt.Screen.WaitForString "OTP:"`,
// pexpect `child.expect('Passphrase')`, Xshell `xsh.Screen.WaitForString`.
const SECRET_PROMPT_WAIT = /(?:expect|waitforstrings?|wait_?for)\b[^\r\n]{0,40}?(?:assword|passwd|passphrase|passcode|\bpass\b|\bpwd\b|\botp\b|one-time|token|\bpin\b|verification|mfa|2fa|口令|密码|验证码|动态码|令牌)/i;

const HTML_TABLE_REACH = 4096;
const HTML_HEADER_CELL = /<th(?:\s[^<>]*)?>([^<>]*)<\/th>/gi;
const HTML_CELL_START = /<t[dh][\s>]/gi;

/** The `<th>` cells of the last header row in `text`, if no table closes or opens after it. */
function htmlHeaderCells(text: string): string[] {
  const th = text.toLowerCase().lastIndexOf('<th');
  if (th < 0) return [];
  const rest = text.slice(th).toLowerCase();
  if (rest.includes('</table') || rest.includes('<table')) return [];
  const rowStart = Math.max(0, text.toLowerCase().lastIndexOf('<tr', th));
  const rowEnd = text.toLowerCase().indexOf('</tr', th);
  const row = text.slice(rowStart, rowEnd < 0 ? text.length : rowEnd);
  return [...row.matchAll(HTML_HEADER_CELL)].map((c) => c[1]!.replace(/&nbsp;/g, ' ').trim());
}

/** htmlHeaderCells of the text above a line, read once for all its cells. */
const htmlHeaderCellsAbove = memoLast(htmlHeaderCells);

/**
 * The header of the HTML table column a `<td>` cell (at `m.index`) sits in: the `<th>` cell of the
 * same index in the nearest header row above (a Confluence or wiki page's credential table: `<tr>
 * <th>系统</th>…<th>账号</th><th>口令</th></tr>`, then one `<tr><td>…` row per line), on this line
 * before the cell's row or on the lines above (`around.above`, as read, at most 4 KiB). '' when no
 * header row is found, or a table closes or opens between it and the cell.
 */
function htmlColumnHeader(m: RegExpExecArray, line: string, around: LineSurroundings | undefined): string {
  const before = line.slice(0, m.index);
  const lower = before.toLowerCase();
  const rowStart = lower.lastIndexOf('<tr');
  const column = (before.slice(Math.max(0, rowStart)).match(HTML_CELL_START) ?? []).length;
  const own = htmlHeaderCells(before.slice(0, Math.max(0, rowStart)));
  if (own.length > 0) return own[column] ?? '';
  if (lower.includes('<table') || lower.includes('</table') || around?.above === undefined) return '';
  return htmlHeaderCellsAbove(around.above(HTML_TABLE_REACH))[column] ?? '';
}

// A realm file's format comment (Jetty, ActiveMQ: `# username: password [,rolename ...]`) above its lines.
const REALM_FORMAT = /rolename|username:[ \t]*password/i;
const REALM_REACH = 2048;
/** A realm line's password: a real value with a digit or a symbol (or Jetty's `OBF:`/`MD5:`/`CRYPT:`), under the format comment. */
function isRealmLine(m: RegExpExecArray, around: LineSurroundings | undefined): boolean {
  const secret = group(m, 'secret');
  if (!isRealValue(secret) || !/[\d!@#$%^&*+=?~]/.test(secret)) return false;
  return around?.above !== undefined && REALM_FORMAT.test(around.above(REALM_REACH));
}

/**
 * A SASL list's `login@realm: password`: a real value with a letter and a digit or a symbol; a
 * realm with a dot (`bob@corp.com: …` may be a mail log's) only under a line naming SASL.
 */
function isSaslLine(m: RegExpExecArray, around: LineSurroundings | undefined): boolean {
  const secret = group(m, 'secret');
  if (!isRealValue(secret) || !/[A-Za-z]/.test(secret) || !/[\d!@#$%^&*+=?~]/.test(secret)) return false;
  return !group(m, 'host').includes('.') || (around?.above !== undefined && /sasl/i.test(around.above(REALM_REACH)));
}

const HTTP_VERB_BEFORE = /\b(?:GET|POST|PUT|DELETE|HEAD|PATCH|OPTIONS)\s+$/;

/** Validators by name (RulePattern.validate, and `validator` of an IT rule). */
/**
 * A "tag" written inside quotes is a docs placeholder, not an XML element: `password: '<password>'`,
 * `token = "<TOKEN>" # fill in`. Its "text" would be the closing quote (and what follows), and taking
 * it would also break the YAML/INI string.
 */
function isQuotedTag(m: RegExpExecArray, line: string): boolean {
  const before = line[m.index - 1];
  return (before === "'" || before === '"' || before === '`') && group(m, 'text').startsWith(before);
}

// Account stores scoped by a block (session 14, rest15a): one small state for every vendor — the section a
// line sits in, read from the text above it (as read). FortiOS nests `config …` ⏎ `edit "x"` ⏎ `next` ⏎ `end`;
// RouterOS exports a `/path` line, then its `add …` lines.
const SECTION_REACH = 8192;
const SECTION_LINES = 400;
/** The FortiOS/FortiGate `config …` block the line sits in: the nearest `config` line above not closed by its `end`, or ''. */
export function configBlockAbove(above: string): string {
  const lines = above.split('\n');
  let depth = 0;
  for (let i = lines.length - 2, seen = 0; i >= 0 && seen < SECTION_LINES; i -= 1, seen += 1) {
    const row = lines[i]!.trim();
    if (row === 'end') depth += 1;
    else if (/^config[ \t]/.test(row)) {
      if (depth === 0) return row;
      depth -= 1;
    }
  }
  return '';
}
/** The RouterOS menu path (`/ppp secret`) whose `add`/`set` lines the line continues, or ''. */
export function menuPathAbove(above: string): string {
  const lines = above.split('\n');
  for (let i = lines.length - 2, seen = 0; i >= 0 && seen < SECTION_LINES; i -= 1, seen += 1) {
    const row = lines[i]!.replace(/\r$/, '');
    if (row.startsWith('/')) return row.slice(1).trim();
    // Only the menu's own lines (its commands, comments, `\` continuations) stand between it and the line.
    if (!/^(?:add|set|remove|#|[ \t]|$)/.test(row)) return '';
  }
  return '';
}
const STORE_CONFIG = /^config[ \t]+(?:system[ \t]+admin|user[ \t]+(?:local|guest|peer))\b/i;
const STORE_MENU = /^(?:ppp[ \t]+secret|user|ip[ \t]+hotspot[ \t]+user|(?:tool[ \t]+)?user-manager[ \t]+user)$/i;
// Stock accounts of the tools these grammars come from (Elastic's reserved users, cloud images' default users,
// Ceph's bootstrap keys): no person's login.
const STOCK_LOGINS = /^(?:manager|mqm|telecomadmin|useradmin|cuadmin|cmccadmin|neo4j|cassandra|couchbase|influx|influxdb|nagiosadmin|icingaadmin|mysql\.[\w.]+|mariadb\.sys|debian-sys-maint|rdsadmin|rdsrepladmin|omm|zimbra|gbase|dmdba|kingbase|grid|hadoop|hdfs|yarn|hive|spark|flink|kafka|zookeeper|elasticsearch|es|tidb|hbase|mapred|ceph|cephadm|gitlab|gitlab-psql|ansible|tomcat|weblogic|tongweb|informix|db2inst\d|db2fenc\d|sybase|gpadmin|mongod|rabbitmq|memcached|solr|sonar|prometheus|grafana|minio|harbor|rocky|almalinux|openeuler|kylin|uos|vagrant|pi|elastic|kibana(?:_system)?|logstash_system|beats_system|apm_system|remote_monitoring_user|ubuntu|centos|ec2-user|cloud-user|debian|fedora|opc|admin\d*|superuser|super|public|self|thanos|bootstrap-[\w-]+|rgw\.[\w.-]+|crash|mgr|osd|mds|mon|port\d+|wan\d*|lan\d*|ether\d+)$/i;
/**
 * A login a credential store's line may hold (storedLogin, rest14a): not empty, a placeholder, built in, prose, the
 * store's own service account, a benign value or a yes/no word. Each list is asked here once (isPersonLikeLogin adds its own).
 */
function isStoreLoginValue(user: string): boolean {
  return user !== '' && !isPlaceholder(user) && !BUILTIN_LOGINS.test(user) && !PROSE_LOGINS.test(user) && !isBenignValue(user) && !STORE_SERVICE_LOGINS.test(user) && !/^(?:true|false|yes|no|on|off|null|none|nil)$/i.test(user);
}
// ---- login22 (session 21): the service-account decision (fixtures README, "Service accounts") ----
/** A connection string's or command's password beside its login: `Password=`/`Pwd=` with a value (not a variable or stars). */
// The blanks after `=` inside the look-ahead: a run of them before it was walked back one by one, each time scanning the
// rest again (quadratic on `password =` + 64K blanks: adversarial-lines), and let `= ***` through on its blank.
const CREDENTIAL_SLOT_PASSWORD = /(?:^|[;"'\s&?])(?:password|passwd|pwd)[ \t]*=(?![ \t]*(?:\*{3}|\$\{?\w|%\w|;|["']?\s*(?:;|$)))/i;
function isCredentialSlotLine(line: string): boolean {
  return CREDENTIAL_SLOT_PASSWORD.test(line);
}
/**
 * A login in a credential slot (the user half of a `.pgpass` line, a bind DN, a connection string with its password): taken whatever
 * it looks like — a service login (`oa_app_hg`, `svc_gerrit_bind`) too — unless it is a built-in or stock account (`postgres`, `sa`,
 * `sysdba`, `root`, `*`), a placeholder or a word: isPersonLikeLogin's lists, which never ask SERVICE_LOGIN.
 */
export function isCredentialSlotLogin(user: string): boolean {
  return user !== '*' && isPersonLikeLogin(user) && !isCommonWord(user);
}
// ---- end login22 ----
/** A login that may be a person's (rest15a): a store's login (isStoreLoginValue), and no stock or role account, no stand-in word. */
export function isPersonLikeLogin(user: string): boolean {
  return isStoreLoginValue(user) && !CLIENT_ROLE_LOGINS.test(user) && !STOCK_LOGINS.test(user) && !/^(?:x|xxx|foo|bar|example|sample|name|user(?:name)?|login)$/i.test(user);
}
/** Usage text's `<word>` (`<username>`), which no placeholder of ours matches. */
const USAGE_WORD = /^<[^<>]*>$/;

/**
 * The login a Kerberos principal names (`zhouxiaoya@BIGDATA.XXSOFT.CN`: the e-mail rule takes it whole): a person-like
 * primary before an upper-case realm, to be learned so the bare login is redacted where it stands alone (`getprinc x`).
 * Undefined for an address (`li@example.com`), a service principal's realm and a stock account (`admin@REALM`).
 */
export function kerberosPrincipalLogin(value: string): string | undefined {
  const m = /^([a-z][a-z0-9_.-]{1,31})@([A-Z0-9-]+(?:\.[A-Z0-9-]+)+)$/.exec(value);
  if (!m || !/[A-Z]/.test(m[2]!)) return undefined;
  return isPersonLikeLogin(m[1]!) && !isCommonWord(m[1]!) && !SERVICE_LOGIN.test(m[1]!) ? m[1] : undefined;
}
// Keys of ordinary INI sections that may be named `[users]` (a Samba share) or a Caddyfile block's directives.
const SECTION_SETTING_KEY = /^(?:path|comment|browseable|browsable|writable|writeable|readonly|public|guest|printable|available|hosts?|realm|hash|encoding|mode|enabled?|disabled?|type|file|dir|directory|home|shell|group|groups|uid|gid|default|include|inherit|valid|invalid|force|create|mask|log|level|debug|timeout|port|host|server|url|uri|name|description|precompressed|handle|route|redir|respond|reverse_proxy|file_server|encode|header|import|root|tls)$/i;
/**
 * A key of an accounts section that names a setting or a field, not a login: a share's settings, a secret's own key, and a device
 * export's numbered fields (`[Users]` ⏎ `User1.Name=admin` ⏎ `User1.Password=…`, session 17), judged by the key's last dotted part too.
 */
function isSectionFieldKey(key: string): boolean {
  const field = key.replace(/^.*\./, '');
  return SECTION_SETTING_KEY.test(key) || SECTION_SETTING_KEY.test(field) || /^(?:user(?:name)?|login|account|remark|note|role|privilege|enable)$/i.test(field) || /key|secret|token|pass|pwd|endpoint|region|bucket/i.test(key);
}
/** SoftEther's `declare x` is an account one level (a tab) under the nearest `declare …List` above, when that list is `UserList`. */
function isSoftEtherUser(line: string, above: string): boolean {
  const lists = [...above.matchAll(/^([ \t]*)declare[ \t]+(\w+List)[ \t]*\r?$/gm)];
  const last = lists[lists.length - 1];
  if (last === undefined || last[2] !== 'UserList') return false;
  const indent = /^[ \t]*/.exec(line)![0];
  return indent.length === last[1]!.length + 1 && indent.endsWith('\t');
}
const NOT_STORE_GROUP = /^(?:q|kq|iq|eq|rq|tq|sq|uq|nq|fq|mq|pq|sqlq|rospath)$/;

/**
 * Where the first PASSWORD_CUE of a line ends and where its last starts (-1: none), found once and kept for the
 * line's other tokens (a line of 9 000 tokens asked again for each was quadratic).
 */
const lineCues = memoLast((line) => {
  let firstEnd = -1;
  let lastStart = -1;
  const re = new RegExp(PASSWORD_CUE.source, 'gi');
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    if (firstEnd < 0) firstEnd = m.index + m[0].length;
    lastStart = m.index;
    if (m[0].length === 0) re.lastIndex += 1;
  }
  return { firstEnd, lastStart };
});
/** A credential word of PASSWORD_CUE outside [start, end) of `line`: cues do not overlap, so the first one ends first and the last one starts last. */
function cueOutside(line: string, start: number, end: number): boolean {
  const { firstEnd, lastStart } = lineCues(line);
  return firstEnd >= 0 && (firstEnd <= start || lastStart >= end);
}

/**
 * A secret word whose key goes on into words that make it no secret's name (`密钥容器 = …`, `key_container: …`,
 * `KeyContainer=…`): the whole key, up to its separator, judged as secret-assignment judges it.
 */
function keyGoesOn(m: RegExpExecArray, line: string, name: string, gap: string): boolean {
  const rest = /^(?:[\u4e00-\u9fa5]+|[A-Za-z0-9_.-]+)/.exec(gap);
  // The separator after the key, tried once where the run ends (a lookahead after a greedy run is retried at every shorter one).
  if (rest === null || !/^[ \t]*(?:["'][ \t]*)?[:=：]/.test(gap.slice(rest[0].length))) return false;
  // A Latin key only when it names a key's container: its other describing words (`password-cache: "AQAAANCM…"`, a DPAPI
  // blob of the password) may still hold the secret, encrypted, which this rule is here to take.
  if (!/^[\u4e00-\u9fa5]/.test(rest[0]) && !/^[_.-]?container$/i.test(rest[0])) return false;
  const head = /[A-Za-z0-9_.-]*$/.exec(line.slice(Math.max(0, m.index - 40), m.index))![0];
  return !isSecretKey(head + name + rest[0], 'assignment');
}

/**
 * Session 18 (fp19): a YAML `app-key:`/`appkey:` under a push or analytics SDK's block (`jpush:` ⏎ `  app-key: …`, `getui:`,
 * `umeng:`): the app key it ships in the client, public (key-names.ts `PUBLIC_APP_KEY_SDKS`, as `jpush.app-key=` on one line).
 */
function isPublicAppKeyUnderSdk(m: RegExpExecArray, line: string, around: LineSurroundings | undefined): boolean {
  return appKeyUnderSdk(group(m, 'key'), line, around);
}
/** high-entropy's `key` with the key it ends (`jpush.app-key=…`, `  app-key: …` under `jpush:`), judged as above. */
function isPublicAppKeyNear(m: RegExpExecArray, line: string, around: LineSurroundings | undefined): boolean {
  if (!/^key$/i.test(group(m, 'name')) || !/^["']?[ \t]*[:=][ \t]*["']?$/.test(group(m, 'gap'))) return false;
  const key = /[A-Za-z0-9_.-]*$/.exec(line.slice(Math.max(0, m.index - 40), m.index))![0] + group(m, 'name');
  return isPublicAppKeyName(key) || appKeyUnderSdk(key, line, around);
}
function appKeyUnderSdk(key: string, line: string, around: LineSurroundings | undefined): boolean {
  if (!/^app[_-]?key$/i.test(key) || around?.above === undefined) return false;
  const indent = /^[ \t]*/.exec(line)![0].length;
  if (indent === 0) return false;
  const lines = around.above(400).split('\n');
  for (let i = lines.length - 1; i >= 0; i -= 1) {
    const parent = /^([ \t]*)([A-Za-z][\w-]*):[ \t]*\r?$/.exec(lines[i]!);
    if (parent === null) continue;
    if (parent[1]!.length >= indent) continue;
    return PUBLIC_APP_KEY_SDKS.test(parent[2]!.toLowerCase());
  }
  return false;
}

export const VALIDATORS = {
  notMeasurement,
  cardNumber,
  ibanNumber,
  amexNumber,
  cnIdNumber,
  /** idnum23 (session 22): a national id, tax or social-security number of its format's shape and check (national-ids.ts). */
  nationalId: ((m) => isNationalId(m)) as RuleValidator,
  internationalPhone,
  nationalPhone,
  // --- num25 (session 23): national-number-alone (national-shapes.ts)
  cpfAlone: ((m, line) => isCpf(group(m, 'cpf')) && !insideHex(m, line)) as RuleValidator,
  thaiIdAlone: ((m) => isThaiId(group(m, 'thid'))) as RuleValidator,
  emiratesIdAlone: ((m) => isEmiratesId(group(m, 'eid'))) as RuleValidator, // ids26 (session 24)
  nationalMobileAlone: ((m, line, around) => isNationalMobile(group(m, 'mobile')) && !insideHex(m, line) && !isMeasurementContext(line, m.index, m[0].length, around)) as RuleValidator,
  // --- end num25
  personalEmail,
  fullWidthPhone,
  fullWidthCnId,
  /** Luhn over the digits (an IT rule for its own card or account numbers). */
  luhn: ((m) => luhnValid(digitsOnly(m[0]))) as RuleValidator,
  nonEmptyKeyBody: ((m) => group(m, 'secret').replace(/\\[rn]|\s+/g, '').length > 0) as RuleValidator,
  // `jdbc:sqlserver://host:1433;user=u;password=p@ss`: a property list with an `@` in a password
  // is not user:password@host (connection-string takes the password).
  // A CVSROOT (`cvs://:pserver:anoncvs@sources.redhat.com:/cvs/src`): an access method and a login, no password.
  // The Oracle logon's password may be double-quoted (`qsecret`).
  urlPassword: ((m) => {
    const secret = group(m, 'secret') || group(m, 'qsecret');
    return secret.length > 0 && isRealValue(secret) && !STAND_IN_PAIR_SECRET.test(secret) && !/;[\w.-]+=/.test(secret) && !(group(m, 'user') === '' && CVS_METHOD_LOGIN.test(secret));
  }) as RuleValidator,
  connectionPassword: ((m) => isRealValue((group(m, 'secret') || group(m, 'qsecret')).replace(/^[{"']|[}"']$/g, ''))) as RuleValidator,
  /** OpenAI-style keys mix digits, upper and lower case (`sk-` + a word is not one). */
  mixedCaseKey: ((m) => /\d/.test(m[0]) && /[A-Z]/.test(m[0]) && /[a-z]/.test(m[0])) as RuleValidator,
  realSecret: ((m) => isRealValue(group(m, 'secret'))) as RuleValidator,
  /** `ZhouYuTong`: three capitalised parts, each a pinyin syllable. */
  pinyinCamelName: ((m) => group(m, 'pinyin').split(/(?=[A-Z])/).every((part) => PINYIN_SYLLABLE_ALONE.test(part.toLowerCase()))) as RuleValidator,
  /** A VIN whose ninth character is its check digit (ISO 3779 / GB 16735). */
  vehicleIdentificationNumber: ((m) => isVinChecked(group(m, 'secret'))) as RuleValidator,
  /** A QQ export's header name (a Chinese name) or a speaker's QQ number. */
  qqExport: ((m) => group(m, 'qq') !== '' || isChineseName(group(m, 'name'))) as RuleValidator,
  // `mysql -u <user> -p<password>` in usage text: a placeholder, not a value (quoted ones as written).
  mysqlFlagSecret: ((m) => group(m, 'sq') !== '' || group(m, 'qsecret') !== '' || !isBenignValue(group(m, 'secret'))) as RuleValidator,
  /** `sp_addlogin`/`sp_password`: a password of the call is a value (or another pattern of the rule took it already). */
  sqlLoginProcedure: ((m) => ['secret', 'pw', 'qpw'].some((g) => group(m, g) !== '' && (isRealValue(group(m, g)) || isPlaceholder(group(m, g))))) as RuleValidator,
  /** A password argument or attribute (whichever group took it): a value, not `$VAR`/`%VAR%`/`${…}`. */
  clientFlagSecret: ((m) => {
    const value = ['secret', 'qsecret', 'pw', 'qpw', 'usingpw', 'shutdown'].map((g) => group(m, g)).find((v) => v !== '') ?? '';
    return isRealValue(value) && !/^(?:\$\{?\w+\}?|%\w+%)$/.test(value);
  }) as RuleValidator,
  headerKey: validKey('header') as RuleValidator,
  // A Set-Cookie list's attributes (`Path=/`, `Expires=Wed, 21 Oct …`, `Max-Age=3600`, `SameSite=Lax`) are no cookie.
  setCookieValue: ((m, line, around) => !/^(?:path|expires|domain|max-age|secure|httponly|samesite|priority|partitioned|version|comment)$/i.test(group(m, 'name')) && VALIDATORS.cookieValue!(m, line, around)) as RuleValidator,
  // Session 20 (fp21): a numeric user id in a cookie named for it (学习通's `Set-Cookie: UID=213884501;`, `user_id=10086`): an
  // internal id, as a numeric `userId=` is everywhere; the session cookie beside it is the credential.
  cookieValue: ((m) => isRealValue(group(m, 'secret')) && !PLAIN_COOKIE_VALUE.test(group(m, 'secret')) && !(/^(?:uid|user[_-]?id|member[_-]?id|account[_-]?id|cust(?:omer)?[_-]?id)$/i.test(group(m, 'name')) && /^\d{1,12}$/.test(group(m, 'secret'))) &&
    // A Unix time in seconds or milliseconds (`_d=1764897002441`, `lastVisit=1796012470`): when, not who.
    !/^1[5-9]\d{8}(?:\d{3})?$/.test(group(m, 'secret'))) as RuleValidator,
  // beeline's / sqlplus-like `-u "jdbc:hive2://host:10000/db"` is a URL, not `user:password`: its "password" begins with
  // `//` or with a further scheme (`jdbc:mysql://…`, `jdbc:oracle:thin:@…`).
  curlPassword: ((m) => !isBenignValue(group(m, 'secret')) && !STAND_IN_PAIR_SECRET.test(group(m, 'secret')) && !/^(?:\/\/|[a-z][\w+.-]*:(?:\/\/|[a-z]+:@|@))/i.test(group(m, 'secret'))) as RuleValidator,
  // The `;` of an escaped quote (`&quot;password=…`) is not a parameter separator.
  urlParamKey: ((m, line) => validKey('url')(m) && !ESCAPED_QUOTE_BEFORE.test(line.slice(Math.max(0, m.index - 6), m.index)) && !(/signature$/i.test(group(m, 'key')) && isOneShotSignatureLine(line))) as RuleValidator,
  /** A value keyed by a URL (NuGet `<apikeys>`: `<add key="https://…" value="…"/>`): only a random one is a key. */
  randomValue: ((m) => looksRandom(group(m, 'secret'))) as RuleValidator,
  /** A bare `password x` line wants a value that is not a plain word (`password reset`). */
  barePassword: ((m) => isRealValue(group(m, 'secret')) && /[^A-Za-z]/.test(group(m, 'secret'))) as RuleValidator,
  // A line of several `k=v` pairs is not one value: the inline pattern takes its tokens.
  wholeLineAssignment: ((m, line, around) => validKey('assignment')(m) && !FURTHER_ASSIGNMENT.test(group(m, 'secret')) && !isPublicAppKeyUnderSdk(m, line, around)) as RuleValidator,
  assignmentKey: ((m, line, around) => validKey('assignment')(m) && !isChromiumPrefMac(m, line) && !isPublicAppKeyUnderSdk(m, line, around)) as RuleValidator,
  /** A `key value` directive: a secret-named key, a value with a digit or a symbol, not a `scheme:/` reference. */
  // Not an algorithm (OpenVPN's `auth SHA256`), not an .rdp typed value (`password 51:b:…`, the .rdp pattern's).
  // fp20: nor a package's version in a list (`pip list`'s `asttokens  3.0.1`, `tokenizers  0.15.0`: a key word glued into a name).
  directiveLine: ((m) => validKey('assignment')(m) && /[^A-Za-z]/.test(group(m, 'secret')) && !PACKAGE_VERSION.test(group(m, 'secret')) && !/^[\w-]+:\/|^\d+:[sbi]:/.test(group(m, 'secret')) && !PROSE_PASSWORD_WORD.test(group(m, 'secret')) && !(/^[A-Za-z]+[.,;:!?]$/.test(group(m, 'secret')) && isCommonWord(group(m, 'secret')))) as RuleValidator,
  // A dotted property name (Hive's `javax.jdo.option.ConnectionPassword`) by its last part.
  // A name/value pair's JSON form names its groups `keyj` and `secretj` (name-value-pair.ts).
  namedElementValue: ((m, line) =>
    (isSecretKey(pairKey(m), 'assignment') || isSecretKey(pairKey(m).replace(/^.*\./, ''), 'assignment')) &&
    isRealValue(group(m, 'secret') || group(m, 'secretj') || group(m, 'text')) &&
    // A value masked by its tool (Spring Boot's actuator prints `******`).
    !/^\*+$/.test(group(m, 'secret') || group(m, 'secretj') || group(m, 'text')) &&
    !isQuotedTag(m, line)) as RuleValidator,
  inlineAssignment: ((m, line, around) => validKey('assignment')(m) && !isPublicAppKeyUnderSdk(m, line, around) && !isPamControl(m, line) && !isPamTag(line, m.index + m[0].lastIndexOf(group(m, 'secret')), group(m, 'secret')) && !isLoggerPrefix(m, line) && !isSourcePosition(m) && !isStatusSentence(m, line) && !isCommentProse(m, line) && !isProseAfterKey(m, line)) as RuleValidator,
  argumentArray: ((m, line) => isSecretKey(group(m, 'key'), 'assignment') && isRealValue(group(m, 'secret')) && !group(m, 'secret').startsWith('-') && !isHeaderRow(line)) as RuleValidator,
  commandLineFlag: ((m, line) => {
    const value = group(m, 'secret') || group(m, 'qsecret');
    const key = group(m, 'key');
    // `-Password x` (PowerShell) yes; `-pMyDumpPw x` (a flag with its value glued on) no.
    const singleDash = line[m.index + 1] !== '-';
    if (singleDash && !/^(?:[A-Z][a-z]+)+$|^[a-z]+$/.test(key)) return false;
    if (isUsageLine(m, line, value)) return false;
    // realfp: a manual's sentence about the flag (`--cookie-jar is provided`).
    if (group(m, 'secret') !== '' && isFlagInProse(m, line, value)) return false;
    // Session 20 (fp21): a container tool's `--secret` names a secret object it mounts (`docker service create --secret
    // mysql_root_pw`, `--secret source=db_pw,target=/run/x`, `podman run --secret app_key`, `docker build --secret id=npmrc,src=…`),
    // whose value was given to `docker secret create` apart; `sysadminctl -autologin set|off|status` names its action.
    if (/^secrets?(?:-add|-rm)?$/i.test(key) && CONTAINER_TOOL.test(line.slice(0, m.index))) return false;
    if (/^autologin$/i.test(key) && /^(?:set|off|on|status|get|enable|disable)$/i.test(value)) return false;
    return isSecretKey(key, 'assignment') && isRealValue(value);
  }) as RuleValidator,
  // Not an INI/git-config section header: `[credential "https://git.example.com"]` names a section.
  directiveValue: ((m, line) =>
    (/^identified/i.test(group(m, 'key')) || isSecretKey(group(m, 'key'), 'assignment')) &&
    // realfp: the verb `pass` in prose (`pass 'info' instead of …`).
    !isPassVerb(m, line) &&
    isRealValue(group(m, 'secret')) &&
    !/^[ \t]*\[[^\]]*$/.test(line.slice(0, m.index)) &&
    // OpenVPN's management `password "Auth" x`: "Auth" names the prompt, the password follows.
    !(/^(?:Auth|Private Key|HTTP Proxy|SOCKS Proxy)$/.test(group(m, 'secret')) && /^[ \t]+\S/.test(line.slice(m.index + m[0].length))) &&
    // HCL's block label (`credentials "app.terraform.io" {` in .terraformrc): the block's name.
    !/^[ \t]*\{/.test(line.slice(m.index + m[0].length)) &&
    // kubectl's report on an object it changed (`secret "db-credentials" created`, `secrets "x" not found`): the object's name (secret17).
    !KUBECTL_OBJECT_VERB.test(line.slice(m.index + m[0].length)) &&
    // Session 18 (fp19): SaltStack's command line (`salt 'db-prod-01' pillar.items`, `salt '*' test.ping`): a target and a
    // module's function follow `salt`, which names the tool here, not a hash's salt.
    !(/^salt$/i.test(group(m, 'key')) && /^[ \t]+[a-z_]+\.[a-z_]+(?![\w.])/.test(line.slice(m.index + m[0].length)))) as RuleValidator,
  basicCredentials: ((m) => isBasicCredentials(group(m, 'secret'))) as RuleValidator,
  encodedCommandSecret: ((m) => isEncodedCommandSecret(group(m, 'secret'))) as RuleValidator,
  encodedUrlCredentials: ((m) => {
    const url = ENCODED_URL_CREDENTIALS.exec(base64Text(group(m, 'secret')) ?? '');
    return url !== null && isRealValue(url[1]!);
  }) as RuleValidator,
  encodedCredentials: ((m) => CREDENTIAL_FIELD.test(base64Text(m[0]) ?? '')) as RuleValidator,
  proseEnglishPassword: ((m) => isRealValue(group(m, 'secret')) && !PROSE_PASSWORD_WORD.test(group(m, 'secret'))) as RuleValidator,
  // A hint is words (`女儿生日0917`, `first pet + year`), not a switch or a placeholder (`PasswordHint=true`, `<hint>`).
  passwordHint: ((m) => {
    const value = group(m, 'hint') || group(m, 'acchint') || group(m, 'cjk');
    return value.trim().length >= 2 && isRealValue(value) && !/^(?:none|n\/a|empty|not set|shown|hidden|displayed)$/i.test(value.trim());
  }) as RuleValidator,
  proseChinesePassword: ((m) => {
    const value = group(m, 'secret');
    if (!isRealValue(value) || PROSE_PASSWORD_WORD.test(value)) return false;
    // Digits only (银行卡密码 is six; a door or safe keypad's code may end in `#`/`*`: `730519#`), or letters with
    // digits or symbols; a plain word is prose.
    return /^\d{6,}[#*]?$/.test(value) || (/[A-Za-z]/.test(value) && /[^A-Za-z]/.test(value));
  }) as RuleValidator,
  randomNearSecretWord: ((m, line, around) =>
    looksRandom(group(m, 'secret').replace(/=+$/, '')) &&
    // npm's `…/credential-provider-imds/dist-types/ts3.4/remoteProvider/ImdsCredentials.d.ts`: a path of words, not base64.
    !isPathOfWords(group(m, 'secret')) &&
    // Base64 of a DER signature (`MEUCIQ…`: a SEQUENCE of two INTEGERs, ECDSA): verification data, public.
    !/^ME[QUYC]CI/.test(group(m, 'secret')) &&
    // Base64 of a DER public key or certificate (a Chromium extension manifest's `"key": "MIGfMA0GCSq…"`): public by design.
    !isDerPublicKeyOrCertificate(group(m, 'secret')) &&
    !isChromiumPrefMac(m, line) &&
    // A Java (JCA) algorithm name: `keyProtectionAlgorithm = PBEWithHmacSHA256AndAES_256`, `SHA256withRSA`.
    !isJcaAlgorithm(group(m, 'secret')) &&
    // A licence's short name (Debian copyright files' `License: GPL3+-with-Autoconf-Macros-exception`).
    !isLicenceName(group(m, 'secret')) &&
    !/^pk_(?:live|test)_/.test(group(m, 'secret')) &&
    // A volume-licence product key (`NPPR9-FWDCX-D2C8J-H872K-2YT43`, Microsoft's public GVLKs).
    !PRODUCT_KEY.test(group(m, 'secret')) &&
    !gapNamesOwner(group(m, 'gap')) &&
    !(/^signature$/i.test(group(m, 'name')) && /^["']?[ \t]*[=:][ \t]*["']?$/.test(group(m, 'gap')) && isOneShotSignatureLine(line)) &&
    // Session 20 (fp21): the word glued inside a longer name, and another key's `=` before the value (Sidekiq's
    // `class=ResetStaleSessionsJob jid=7de2a0b1…`, `worker=TokenRefresher job_id=…`): the value is that key's (a job's id).
    !(/^[A-Za-z]*[ \t,;]+[A-Za-z_][\w.-]{0,30}=$/.test(group(m, 'gap')) && (/[A-Za-z]$/.test(before(m, line, 1)) || /^[A-Za-z]/.test(group(m, 'gap'))) && !isSecretKey(/([A-Za-z_][\w.-]{0,30})=$/.exec(group(m, 'gap'))![1]!, 'assignment')) &&
    // Session 18 (fp19): a secret word that goes on into a word naming something else (certutil's zh-CN
    // `密钥容器 = te-User-…`, `key_container`, `令牌序列号`, `密钥文件`): judged as the whole key, as secret-assignment judges it.
    !keyGoesOn(m, line, group(m, 'name'), group(m, 'gap')) &&
    // Session 18 (fp19): a push or analytics SDK's app key (`jpush.app-key=…`, `umeng.appkey=…`, or under its SDK's YAML
    // block), public as secret-assignment judges it.
    !isPublicAppKeyNear(m, line, around) &&
    // A shell variable and the path under it (`orapwd file=$ORACLE_HOME/dbs/orapwPROD`): a name, not a value.
    // (Not a crypt hash's `$9$…`: a `$` after a word character is the hash's separator.)
    !/(?:^|[^\w$])\$\{?$/.test(group(m, 'gap')) &&
    // A Twilio resource's SID (`sid=SM…`, `CA…`, `AC…`: two letters and 32 hex): which message or call, its auth token is the secret.
    !(/^sid$/i.test(group(m, 'name')) && /^[A-Z]{2}[0-9a-f]{32}$/.test(group(m, 'secret'))) &&
    // Confluence's user keys (`<ri:user ri:userkey="8a80…"/>`, a Hibernate `<id name="key">` in entities.xml):
    // which user, not a credential (`user_key`, an API's key for a user, stays a key).
    !(/^key$/i.test(group(m, 'name')) && /(?:\buser|<id[ \t]+name=["'])$/i.test(before(m, line, 16))) &&
    // dpkg's status file lists each package's configuration files with their MD5: ` /etc/pam.d/passwd 9383a9…`.
    !DPKG_CONFFILE.test(line) &&
    !/pub(?:lic)?[\s_.-]*$/i.test(before(m, line, 8)) &&
    !/https?:\/\/\S*$/.test(before(m, line, 200) + group(m, 'name') + group(m, 'gap'))) as RuleValidator,
  // login18: a cloud image's stock account (`/home/ubuntu`, `/home/ec2-user`, `/home/opc`) is no person's home.
  homeFolderUser: ((m, line) => !WINDOWS_BUILTIN_USERS.test(group(m, 'secret')) && !CLOUD_IMAGE_USERS.test(group(m, 'secret')) && !HTTP_VERB_BEFORE.test(before(m, line, 10))) as RuleValidator,
  windowsProfileUser: ((m) => !WINDOWS_BUILTIN_USERS.test(group(m, 'secret'))) as RuleValidator,
  // wevtutil's `User Name: NT AUTHORITY\\NETWORK SERVICE`, `User Name: N/A`: built-in accounts and no account.
  accountNameUser: ((m) => {
    const account = group(m, 'secret').replace(BUILTIN_DOMAIN, '');
    return !WINDOWS_SERVICE_ACCOUNTS.test(account) && !isBenignValue(account) && !isPlaceholder(account) && !account.includes('<');
  }) as RuleValidator,
  loginVariableUser: ((m) => !WINDOWS_BUILTIN_USERS.test(group(m, 'secret')) && !isBenignValue(group(m, 'secret'))) as RuleValidator,
  /**
   * A login given to a database or remote-shell client (`psql -U x`, `mysql -u x`): as loginName,
   * and not a plain role word (`-u report`, `-U readonly`, `-u backup`): such a service login is
   * no person's, and a learned value is replaced archive-wide (`report` in every sentence).
   */
  clientLogin: ((m, line, around) => !CLIENT_ROLE_LOGINS.test(group(m, 'user')) && isLoginName(m, line) && !isHeaderRow(line) && !isListColumnValue(m, line, around)) as RuleValidator,
  /**
   * admin-cli.ts's client flags (`mysql -u x`, `ipmitool -U x`, `hydra -l x`) as clientLogin; its positional logins
   * (`pure-pw useradd x`, `mosquitto_passwd -b file x pw`) as a credential store's login (storedLogin).
   */
  userFlagLogin: ((m, line, around) => {
    if (group(m, 'user') !== '') return VALIDATORS.clientLogin(m, line, around);
    // login18: a command naming two logins (`ilorest iloaccounts add <username> <loginname>`): both must be logins.
    const logins = [group(m, 'poslogin'), group(m, 'poslogin1'), group(m, 'poslogin2')].filter((v) => v !== '');
    return logins.length > 0 && logins.every((v) => isPersonLikeLogin(v) && !isCommonWord(v));
  }) as RuleValidator,
  /** Whichever group of a multi-form client pattern took the login: as clientLogin. */
  clientLoginGroup: ((m, line, around) => {
    const user = Object.entries(m.groups ?? {}).find(([k, v]) => k !== 'q' && v !== undefined)?.[1] ?? '';
    return user !== '' && !CLIENT_ROLE_LOGINS.test(user) && !BUILTIN_LOGINS.test(user) && !PROSE_LOGINS.test(user) && !isPlaceholder(user) && !isBenignValue(user) && !isListColumnValue(m, line, around);
  }) as RuleValidator,
  /**
   * As clientLoginGroup, for the account-tool pattern; its ADO.NET `user id=` is a database login that
   * the other sets keep when it names an application (`User ID=crm_app`, `xxclient`), taken when it
   * carries a person's initials (`user id=u8_jsy`).
   */
  /** A login of a credential store's line (rest14a): not built in, not prose, not a placeholder or the store's own service account. */
  storedLogin: ((m) => {
    const user = group(m, 'user');
    return isStoreLoginValue(user) && !USAGE_WORD.test(user) && !SECRET_COLUMN_WORD.test(user);
  }) as RuleValidator,
  /** `user x logged in` (lead, session 16): a person's login, no English word (`user has logged in`, `user session authenticated`). */
  loggedInLogin: ((m) => {
    const user = group(m, 'user');
    // isPersonLikeLogin asks every list storedLogin asks (and more): only the usage text's `<word>` and a secret column's word are left to ask.
    return isPersonLikeLogin(user) && !USAGE_WORD.test(user) && !SECRET_COLUMN_WORD.test(user) && !isCommonWord(user) && !LOG_PROSE_WORD.test(user);
  }) as RuleValidator,
  /** A login in an application log's prose (applog1, log-prose.ts): as `user x logged in`'s, and no pronoun or plural noun (`failed for all`, `for user requests`). */
  // Not the first half of a person's name (`Started by user Wang Lei (wanglei2)`: the name rules read it, the login is in brackets).
  logProseLogin: ((m, line, around) => {
    const user = group(m, 'user');
    if (/^[A-Z][a-z]+$/.test(user) && /^[ \t]+[A-Z][a-z]+(?![\w.@-])/.test(line.slice(m.index + m[0].length))) return false;
    // ESXi hostd's `User x@10.0.0.7 logged in as pyvmomi`: after `as` stands the client's agent, the login is before the `@`.
    if (/^(?:logged|signed)/i.test(m[0]) && /@[\d.:a-f]{3,45}[ \t]+$/i.test(line.slice(0, m.index))) return false;
    // acct25 (session 23): a login key named in a sentence is no login (`login failed for portal_username 'x'`: the login is quoted after it;
    // `app_user` alone may be a database's login).
    if (/^[a-z][a-z0-9]{1,20}_(?:user_?name|login_?name)$/i.test(user) || (/^[a-z][a-z0-9]{1,20}_(?:user|login)$/i.test(user) && /^[ \t]+["']/.test(line.slice(m.index + m[0].length)))) return false;
    return VALIDATORS.loggedInLogin(m, line, around) && !LOG_PROSE_STOP.test(user);
  }) as RuleValidator,
  // ---- Session 23 (acct25) begin: account-tools.ts's logins ----
  /** A login in brackets after the display name it was made from (`Daan Bosman (dbosman)`): built from the name, a person's login. */
  loginOfDisplayName: ((m, line, around) => isLoginOfDisplayName(group(m, 'names'), group(m, 'user')) && VALIDATORS.logProseLogin(m, line, around)) as RuleValidator,
  /** A bare login after a Romance account noun (`per l'utente gbianco`): as logProseLogin's, and no participle or adjective. */
  romanceLogin: ((m, line, around) => isRomanceLogin(group(m, 'user')) && VALIDATORS.logProseLogin(m, line, around)) as RuleValidator,
  /** A login straight before a password key (`kullanıcı=3310429871 şifre=…`): whatever it looks like, but no built-in account or stand-in. */
  credentialSlotLogin: ((m) => {
    const user = group(m, 'user');
    return user !== '' && !BUILTIN_LOGINS.test(user) && !isPlaceholder(user) && !notAValue(user) && !/^(?:x+|\*+|-+|\.+|none|null|nil|n\/a)$/i.test(user);
  }) as RuleValidator,
  /** A UPI virtual payment address: a person's (not a merchant's or a placeholder's local part). */
  upiAddress: ((m) => {
    const vpa = group(m, 'keyedVpa') || group(m, 'vpa');
    const local = vpa.split('@')[0] ?? '';
    return vpa !== '' && !notAValue(vpa) && !/^(?:merchant|test|example|sample|dummy|demo|user|name|your|yourname|abc|xyz|upi)(?:[._-]|$)/i.test(local);
  }) as RuleValidator,
  // ---- Session 23 (acct25) end ----
  /** The login ending a typed account command (login17): a stored login, and no word (`usermod -aG docker deploy`'s `deploy`, `su - test`). */
  lastArgLogin: ((m, line, around) => VALIDATORS.storedLogin(m, line, around) && !isCommonWord(group(m, 'user'))) as RuleValidator,
  /** The secret of a credential store's line (rest14a): a value, not a placeholder, a variable or a `<word>` of usage text. */
  storedSecret: ((m) => {
    const secret = group(m, 'secret');
    // A label (`password hash algorithm: SHA512`, login.defs-like reports): a word and its colon is no stored value (secret17).
    return secret !== '' && isRealValue(secret) && !/^<[^<>]*>$/.test(secret) && !/^(?:\$\{?\w+\}?|%\w+%)$/.test(secret) && !/^[A-Za-z][A-Za-z_-]*:$/.test(secret);
  }) as RuleValidator,
  /**
   * Every value group of an admin-CLI or device pattern that took text (rest15b): a value, not a placeholder
   * (`<password>`, `******`), a variable (`$PW`, `%PW%`) a vendor's default SNMP community (`public`, `private`) or the word for a password (`AUTH password` in docs).
   */
  anySecretGroup: ((m) => {
    const values = Object.entries(m.groups ?? {}).filter(([k, v]) => v !== undefined && !/^(?:q\d?|user)$/.test(k)).map(([, v]) => v!);
    return values.length > 0 && values.every((v) => isRealValue(v) && !/^<[^<>]*>$/.test(v) && !/^(?:\$\{?\w+\}?|%\w+%|\*+)$/.test(v) && !/^(?:public|private)$/i.test(v) && !/^(?:(?:your|new|my|the)?[_-]?(?:password|passwd|pass|pwd|secret|passphrase)|pw)$/i.test(v));
  }) as RuleValidator,
  /** A holder's given names from a passport page's field: letters, no label word. */
  passportName: ((m) => !group(m, 'given').split(/[ -]/).some((w) => NOT_A_NAME_PART.test(w.charAt(0) + w.slice(1).toLowerCase()) || NOT_A_PERSON_WORD.test(w.charAt(0) + w.slice(1).toLowerCase()))) as RuleValidator,
  /** `${VAR:default}` under a secret-named key or variable (Spring, SkyWalking, docker-compose `:-`): the default is the value. */
  defaultOfSecretVar: ((m) => {
    const key = group(m, 'key');
    const name = group(m, 'var');
    const value = group(m, 'secret');
    const named = isSecretKey(key, 'assignment') || isSecretKey(name, 'assignment') || (AUTH_METHOD_KEY.test(key) && /\d/.test(value) && /[A-Za-z]/.test(value) && value.length >= 8);
    return named && isRealValue(value) && !/^\$/.test(value);
  }) as RuleValidator,
  /**
   * A proxy client's user id, which is its password (rest14a): vmess/vless/tuic `uuid`, v2rayN's and
   * Xray's `"id"` — only where the entry says it is such a proxy (its `type`/`protocol` on the line or
   * the nearest one above, v2rayN's `"configType"`); other ids (requests, devices, traces) stay.
   */
  proxyUserId: ((m, line, around) => {
    const value = group(m, 'secret');
    if (/^\d+$/.test(value) || !isRealValue(value)) return false;
    if (PROXY_TYPE.test(line)) return true;
    const above = around?.above?.(1200) ?? '';
    if (/"configType"[ \t]*:[ \t]*\d+,?[^{}]*$/.test(above)) return true;
    const types = [...above.matchAll(/(?:^|[\s{,"'])(?:type|protocol)["']?[ \t]*:[ \t]*["']?([\w-]+)/gim)];
    const last = types[types.length - 1]?.[1];
    if (last !== undefined) return /^(?:vmess|vless|tuic|trojan|shadowsocks|ss|hysteria2?)$/i.test(last);
    return /"vnext"[ \t]*:/.test(above);
  }) as RuleValidator,
  /**
   * A login by an account store's or identity tool's grammar (rest15a): not a stock, service or built-in account,
   * a placeholder or a word; FortiOS `edit "x"` only inside `config system admin|user local`, RouterOS `add name=x`
   * only under `/ppp secret`, `/user` (not `/user group`, not `/interface … name=ether1`).
   */
  storeGrammarLogin: ((m, line, around) => {
    const entry = Object.entries(m.groups ?? {}).find(([k, v]) => !NOT_STORE_GROUP.test(k) && v !== undefined);
    if (entry === undefined) return false;
    const [kind, user] = entry;
    if (!isPersonLikeLogin(user)) return false;
    // rest16a: where the grammar alone names no account (a clerk's role, a macro, a boxed value), a word is no login (`审核: passed`).
    if (/^(?:clerk|macro|boxed|nagios|pair)$/.test(kind) && isCommonWord(user)) return false;
    // login17: a prompt's answer, a JSON or XML value under a login key: grammars that allow a word (`login as: guest`).
    if (/^(?:ask|escjson|jpair|xmlkey|xmladd|oracle|icinga|softether|proxy3|slashpair|sshuser|ftpcmd|wecom|wecomto)$/.test(kind) && isCommonWord(user)) return false;
    // 3proxy's `users` line; SoftEther's `declare x` one level under `declare UserList`.
    // WeCom's external contacts (`wmXXXX…`, `woXXXX…`) are ids, no logins; FTP/POP3 `USER x` only in a session (a greeting or an ftp word above).
    if ((kind === 'wecom' || kind === 'wecomto') && /^w[mo][\w-]{16,}$/.test(user)) return false;
    if (kind === 'ftpcmd') return !isCommonWord(user) && /(?:^|\n)(?:220|\+OK)[ -]|\bftp\b|\bpop3?\b/i.test(around?.above?.(600) ?? '');
    if (kind === 'proxy3') return /^[ \t]*users[ \t]/i.test(line);
    if (kind === 'softether') return isSoftEtherUser(line, around?.above?.(SECTION_REACH) ?? '');
    if (kind === 'edit') return around?.above !== undefined && STORE_CONFIG.test(configBlockAbove(around.above(SECTION_REACH)));
    if (kind === 'ros') {
      const path = group(m, 'rospath');
      if (path !== '') return STORE_MENU.test(path.trim());
      return around?.above !== undefined && STORE_MENU.test(menuPathAbove(around.above(SECTION_REACH)));
    }
    if (kind === 'xmlrec') return /^[ \t]*<user>[ \t]*\r?$/.test(around?.previous() ?? '');
    // A bind DN of a service account (`cn=svc-xxs,ou=services`) names no person.
    // login21 (session 20): …unless it is named after one (`cn=svc_zhangwei`): a person's login (fixtures README, service accounts).
    // login22 (session 21, the service-account decision): a bind DN is a credential slot — its service login (`cn=svc_gerrit_bind`) is
    // half the credential and is taken as any other; isPersonLikeLogin above already kept the stock and built-in ones (`cn=admin`).
    return true;
  }) as RuleValidator,
  /** An item of a `users:` block (rest15a): a login as storeGrammarLogin judges one, and no word (`enabled:`, `groups:`, `- default`). */
  blockItemLogin: ((m, line) => {
    const user = group(m, 'secret') || group(m, 'key');
    // A kubeconfig's `users:` list names credentials (`- name: ci-bot`, `xxs-admin`, `rancher-test`), no person.
    if (group(m, 'secret') !== '' && (SERVICE_LOGIN.test(user) || /[_.-]admin$/i.test(user))) return false;
    return !isCommonWord(user) && !/^(?:kubernetes-admin|cluster-admin|default|defaults|all|none)$/i.test(user) && VALIDATORS.storeGrammarLogin(m, line);
  }) as RuleValidator,
  /**
   * An entry of a section-scoped credential store (rest16a: INI `[users]`, Caddy `basicauth {…}`, chap-secrets): its
   * key a person-like login, no word and no setting (`path = /srv/users`, `browseable = yes` of a Samba share named
   * `[users]`), its value no switch, path or variable.
   */
  sectionItemLogin: ((m) => {
    const user = group(m, 'key');
    const value = group(m, 'value').replace(/^"|"$/g, '');
    if (!isPersonLikeLogin(user) || isCommonWord(user) || isSectionFieldKey(user)) return false;
    return value !== '' && !/^(?:yes|no|true|false|on|off|none|null|\d{1,5})$/i.test(value) && !/^[/%@~.]|^[A-Za-z]:\\|^\$\{?\w+\}?$/.test(value);
  }) as RuleValidator,
  /** An entry of a realm file (login17): a section item whose value is password-shaped (a digit or a symbol) or a Jetty credential (`OBF:`, `MD5:`, `CRYPT:`). */
  realmItemLogin: ((m, line, around) => {
    const value = group(m, 'value');
    return (/^(?:OBF|MD5|CRYPT):/.test(value) || (isRealValue(value) && /[\d!@#$%^&*+=?~]/.test(value) && /[A-Za-z]/.test(value))) && VALIDATORS.sectionItemLogin(m, line, around);
  }) as RuleValidator,
  /** A row under a pipe table's login header (login17): the row itself is no value; every rule reads its cells (their column validators judge them). */
  tableRowUnderHeader: (() => false) as RuleValidator,
  /** A row of an account list (rest16a: `ipmitool user list`, a SQL result's login column): a person-like login, no word. */
  tableItemLogin: ((m) => {
    const user = group(m, 'key');
    return isPersonLikeLogin(user) && !isCommonWord(user) && !/^(?:user|username|user_name|login|account|name|host|id)$/i.test(user);
  }) as RuleValidator,
  /** login22 (session 21): a `User(x)` field of a `Name(value)` list (login-slots.ts): a person-like login, no word, no opaque id. */
  fieldListLogin: ((m) => {
    const user = group(m, 'user') || group(m, 'user2');
    return isPersonLikeLogin(user) && !isCommonWord(user) && !/^[0-9a-f]{8,}$/i.test(user) && !/^\d/.test(user) && !/^[a-z]+[A-Z]/.test(user);
  }) as RuleValidator,
  /** login22 (session 21): the login of a `.pgpass` line (host:port:db:user:password), a credential slot (isCredentialSlotLogin). */
  pgpassLogin: ((m) => isCredentialSlotLogin(group(m, 'user')) && isRealValue(group(m, 'secret'))) as RuleValidator,
  accountToolLogin: ((m, line, around) => {
    const uid = group(m, 'uid');
    // login22 (session 21): ADO.NET's `User ID=crm_app` is a credential slot when its password is on the line (`…;Password=…`): the
    // service login is half the credential and taken; alone (`User ID=crm_app` with Integrated Security) it stays, as before.
    if (uid !== '' && SERVICE_LOGIN.test(uid) && !isCredentialSlotLine(line)) return false;
    return VALIDATORS.clientLoginGroup(m, line, around);
  }) as RuleValidator,
  loginName: ((m, line, around) => isLoginName(m, line) && !isStandInPair(m, line) && !isHeaderRow(line) && !isGranteeVerb(m, line) && !isNameAfterBy(m, line) && !isListColumnValue(m, line, around)) as RuleValidator,
  domainLogin: ((m, line) => isDomainLogin(m, line)) as RuleValidator,
  authLogLogin: ((m) => isAuthLogLogin(m)) as RuleValidator,
  /**
   * A line listing logins (login19: sshd `AllowUsers`, TigerVNC `PlainUsers`): at most half of them words (prose about the
   * keyword, `AllowUsers and DenyUsers are …`, is all words; a list may hold one, `AllowUsers liming deploy`), the first as anyLoginGroup.
   */
  loginListLine: ((m, line, around) => {
    const logins = ['user', 'user2', 'user3', 'user4'].map((g) => group(m, g)).filter((v) => v !== '');
    return logins.filter((v) => isCommonWord(v)).length * 2 <= logins.length && logins.length > 0 && VALIDATORS.anyLoginGroup(m, line, around);
  }) as RuleValidator,
  /** Whichever login group of a multi-form pattern matched: not a built-in account, not a placeholder. */
  anyLoginGroup: ((m, line) => {
    const user = Object.entries(m.groups ?? {}).find(([k, v]) => !NOT_LOGIN_GROUP.test(k) && v !== undefined)?.[1] ?? '';
    // fp20: a manual's `with the --login option.`, `the --user flag`: the flag named in a sentence, no login after it.
    return user !== '' && !BUILTIN_LOGINS.test(user) && !PROSE_LOGINS.test(user) && !FLAG_NOUN.test(user) && !isPlaceholder(user) && !isBenignValue(user) && !isCommentedExampleUser(m, line);
  }) as RuleValidator,
  passwdLogin: ((m, line) => {
    const uid = Number(group(m, 'uid'));
    const login = group(m, 'login');
    // A service's home is under the system's folders (`/var/lib/ci`, `/usr/share/x`, `/nonexistent`).
    const home = line.split(':')[5] ?? '';
    return uid >= 1000 && uid < 60000 && !BUILTIN_LOGINS.test(login) && !PROSE_LOGINS.test(login) && !/^\/(?:var|usr|run|etc|lib|lib64|bin|sbin|proc|sys|dev|tmp|nonexistent|snap)(?:\/|$)/.test(home);
  }) as RuleValidator,
  // Oracle EBS's seeded users (`SYSADMIN`, `GUEST` …) are no person's login.
  grammarLogin: ((m, line, around) => !/^(?:SYSADMIN|GUEST|APPS|APPLSYS|ANONYMOUS|AUTOINSTALL|SYSTEM|ASADMIN|MOBILEADM)$/i.test(group(m, 'ebs')) && VALIDATORS.anyLoginGroup(m, line, around)) as RuleValidator,
  wechatId: ((m, line) => isWeChatId(m, line)) as RuleValidator,
  // ---- Session 20 (login21) begin ----
  /**
   * A login a framework or an SDK prints as its principal or its user (login-slots.ts: `Principal(x, …)`,
   * `setUserIdentifier(x)`): as a log's prose login, and no opaque id (`setUserId(b8a3f1c2…)`, a Slack-like `U05B7N1XR2A`).
   */
  sdkLogin: ((m, line, around) => {
    const user = group(m, 'user');
    if (/^[0-9a-f]{12,}$/i.test(user) || (/^[A-Z][A-Z0-9]{7,}$/.test(user) && /\d/.test(user))) return false;
    // Source code's variable, unquoted (`setUserId(userId)`, `Principal(currentUser)`, `setUser(user_id)`): not a login.
    const quoted = /["'][ \t]*$/.test(m[0].slice(0, m[0].lastIndexOf(user)));
    if (!quoted && (/^[a-z]+[A-Z]/.test(user) || /^(?:user|current|curr|my|self|this|the|new|old|logged|auth|login|account|principal)(?:[_.-]|$)/i.test(user))) return false;
    return VALIDATORS.logProseLogin(m, line, around);
  }) as RuleValidator,
  /** A login of a brace-structured config's block (login-slots.ts: `user x {`, `login x`): a login, no word (`login required`), not VyOS's or EdgeOS's stock account (`vyos`, `ubnt`). */
  blockLogin: ((m, line, around) => {
    const user = group(m, 'user') || group(m, 'login');
    return !isCommonWord(user) && !isProse(user) && !/^(?:my|your|him|her|it|our|them)sel(?:f|ves)$/i.test(user) && !/^(?:vyos|ubnt)$/i.test(user) && VALIDATORS.anyLoginGroup(m, line, around);
  }) as RuleValidator,
  // ---- Session 20 (login21) end ----
  personName: ((m) => isChineseName(group(m, 'name'))) as RuleValidator,
  /** `name` and, when the pattern took one, `name2` (a second owner after 、) both read as Chinese names. */
  chineseNames: ((m) => isChineseName(group(m, 'name')) && (group(m, 'name2') === '' || isChineseName(group(m, 'name2')))) as RuleValidator,
  /** A name a record gives a role (`医生：…`, `会员 覃子怡 手机`), not what the role is about (`会员 积分`). */
  recordRoleName: ((m) => {
    const name = group(m, 'name') || group(m, 'spaced');
    return isChineseName(name) && !ROLE_TOPIC.test(name);
  }) as RuleValidator,
  /** A transcript's speaker line, certain (see isSpeakerLine). */
  speakerLine: ((m, _line, around) => isSpeakerLine(m, around)) as RuleValidator,
  /** A meeting's list of people, every item a name. */
  nameList: ((m) => isNameList(m)) as RuleValidator,
  /** A part of a name on a travel or visa form. */
  namePart: ((m) => isNamePart(m)) as RuleValidator,
  /** Whichever name group of a multi-form pattern matched reads as a Chinese name. */
  anyChineseName: ((m) => isChineseName(Object.values(m.groups ?? {}).find((v) => v !== undefined) ?? '')) as RuleValidator,
  /** After a role word (`客户 林慧敏`), not what a customer asks about (`客户: 包版本 lodash@4.17`). */
  roleName: ((m) => {
    const name = group(m, 'name') || group(m, 'to');
    return isChineseName(name) && !ROLE_TOPIC.test(name);
  }) as RuleValidator,
  /** An opaque id, not a number or a word: random-looking, or 16+ hex digits with letters and digits. */
  opaqueUserId: ((m) => {
    const v = group(m, 'secret');
    return looksRandom(v) || (/^[0-9a-f]{16,}$/i.test(v) && /[0-9]/.test(v) && /[a-f]/i.test(v));
  }) as RuleValidator,
  /** A machine's own name, not the local machine's alias or an empty field. */
  netbiosName: ((m) => !/^(?:localhost|local|unknown|none|null|n\/a|-+)$/i.test(group(m, 'host')) && !isPlaceholder(group(m, 'host'))) as RuleValidator,
  /** A table cell that is a Chinese name alone, on a line whose header cells name a person (xlsx sharedStrings, HTML). */
  nameTableCell: ((m, line) => isChineseName(group(m, 'name')) && lineHasNameHeaderCell(line)) as RuleValidator,
  /** A name before its presence state: a Chinese name, or a Latin one of no product or service word. */
  presenceName: ((m) => (group(m, 'present') !== '' ? isChineseName(group(m, 'present')) : !group(m, 'latinPresent').split(/,? /).some((w) => NOT_A_PERSON_WORD.test(w)))) as RuleValidator,
  /** A cell of a `|`-separated or blank-aligned table under a header cell naming a person (see isTextTableNameCell). */
  textTableNameCell: ((m, line, around) => isTextTableNameCell(m, line, around)) as RuleValidator,
  /** `key => "…"`: a value with a letter and a digit, not a sprintf reference (`logstash-%{type}`). */
  /** A name alone on its line, under a sign-off (see SIGN_OFF). */
  signatureName: ((m, _line, around) => isChineseName(group(m, 'name')) && around !== undefined && SIGN_OFF.test(around.previous())) as RuleValidator,
  hashRocketKey: ((m) => {
    const v = group(m, 'secret');
    return isRealValue(v) && /[A-Za-z]/.test(v) && /\d/.test(v) && !/%\{|\$\{/.test(v);
  }) as RuleValidator,
  documentOwner: ((m) => isChineseName(group(m, 'name')) && !DOCUMENT_WORD.test(group(m, 'name'))) as RuleValidator,
  latinFullName: ((m, line) => isLatinFullName(m, line)) as RuleValidator,
  /** person-prose.ts (session 18, name19): a person's key and its Latin or Han value. */
  keyedPersonName: ((m, line) => isKeyedPersonName(m, line)) as RuleValidator,
  /** person-prose.ts: a Latin name log prose places (a role noun, the person's phone or e-mail, its login, an LDAP CN). */
  proseLatinName: ((m, line) => isProseName(m, line)) as RuleValidator,
  sentToAddress: ((m) => isSentToAddress(group(m, 'street21'))) as RuleValidator,
  honoredName: ((m) => isHonoredName(group(m, 'honored'))) as RuleValidator,
  /** nameeu23 (session 22): person-eu.ts's European, Cyrillic and Arabic names (see isEuPersonName). */
  euPersonName: ((m, _line, around) => isEuPersonName(m, around)) as RuleValidator,
  /** name25 (session 23): person-latin.ts's Latin names in many languages' contexts (see isLatinPersonName25). */
  latinPersonName25: ((m, line, around) => isLatinPersonName25(m, line, around)) as RuleValidator,
  /** script26 (session 24): script26.ts's names, addresses and bank accounts. */
  scriptName26: ((m) => isScriptName26(m)) as RuleValidator,
  scriptAddress26: ((m, line) => isScriptAddress26(m, line)) as RuleValidator,
  scriptSecret26: ((m) => isScriptSecret26(m)) as RuleValidator,
  /** person-prose.ts: a Han name beside a pinyin login in a CSV row (the login reads as a pinyin name). */
  pinyinLoginName: ((m) => isProseChineseName(group(m, 'csvName')) && isPinyinNameLogin(group(m, 'pinyin'))) as RuleValidator,
  /** person-prose.ts: a Han name log prose places (a role's brackets, a workflow, a relation, a phone's brackets). */
  proseChineseName: ((m, line) => isProseName(m, line)) as RuleValidator,
  /** `（宋嘉伟） → 韦思琪`: both sides names (the first may be taken already). */
  handover: ((m) => isChineseName(group(m, 'handed')) && (group(m, 'from') === '' || isChineseName(group(m, 'from')))) as RuleValidator,
  // A login's own name (`lvguoqing = "吕国庆"`): the login reads as the name's pinyin, or was taken already.
  mappedName: ((m) => isChineseName(group(m, 'mapped') || group(m, 'linked')) && (group(m, 'mapped') === '' || isPlaceholder(group(m, 'login')) || isPinyinLogin(group(m, 'login')))) as RuleValidator,
  /** A name in a free-text field (a comment, a description): not a verb or a topic that stands where the name would (`人事库 钟浩然 申请`). */
  freeTextName: ((m) => isChineseName(group(m, 'name')) && !BRACKET_WORD.test(group(m, 'name')) && !DESK_TOPIC.test(group(m, 'name'))) as RuleValidator,
  /** A machine named for its user: a role or device prefix, then a surname and one or two syllables in pinyin (`WS-DINGYUTONG`). */
  pinyinMachineName: ((m) => isPinyinFullName(group(m, 'pinyin'))) as RuleValidator,
  /** A token that is a person's name in pinyin (pinyin-name.ts) on a line that speaks of accounts, not a word of the tool. */
  pinyinLogin: ((m, line) => {
    const user = group(m, 'user');
    return hasAccountCue(line) && isPinyinNameLogin(user) && isPersonLikeLogin(user) && !isCommonWord(user);
  }) as RuleValidator,
  /** A name in brackets right after a login (`dev_xiongjy(熊嘉怡)`): a login with `_`, `.` or a digit, not a mode's or a type's word (`mode(默认)`). */
  loginBracketName: ((m, line) => {
    const name = group(m, 'name');
    const login = line.slice(Math.max(0, m.index - 48), m.index).replace(/["']?[ \t]?$/, '');
    return (LOGIN_BEFORE_BRACKET.test(login) || NUMBERED_OR_MAILED_LOGIN.test(login) || isPinyinNameLogin(/(?<![\w.-])[a-z][a-z0-9._-]{5,39}$/.exec(login)?.[0] ?? '')) && isChineseName(name) && !NOT_CALLED.test(name) && !BRACKET_WORD.test(name) && !DESK_TOPIC.test(name);
  }) as RuleValidator,
  /** Two capitalised words that are a pinyin name, surname first or last (`Yiran Shao`, `Shao Yiran`). */
  pinyinFullNamePair: ((m) => {
    const [a, b] = [group(m, 'first').toLowerCase(), group(m, 'last').toLowerCase()];
    return isPinyinSplitName(a, b, '.') || isPinyinSplitName(b, a, '.');
  }) as RuleValidator,
  /** A device's or a Wi-Fi network's owner (see the person-name pattern of session 17, name18): pinyin, or a possessive of no common word. */
  deviceOwnerName: ((m) => {
    const own = group(m, 'own');
    if (own !== '') return isPinyinCamelName(own) || isPinyinFullName(own.toLowerCase()) || PINYIN_SURNAME_ALONE.test(own.toLowerCase()) || (!NOT_A_PERSON_WORD.test(own) && !NOT_A_DEVICE_OWNER.test(own));
    const py = (group(m, 'py') || group(m, 'py2')).replace(/-/g, '');
    if (py !== '') return isPinyinCamelName(py);
    const glued = group(m, 'glued');
    return glued !== '' && (isPinyinFullName(glued.toLowerCase()) || isPinyinCamelName(glued));
  }) as RuleValidator,
  /** A name after its desk or department (`总经理-华建军`, `FIN-PC-陈磊`): not a topic or a place after the desk (`技术-方案`, `销售-华东`). */
  deskName: ((m) => {
    const name = group(m, 'name');
    return isChineseName(name) && !DOCUMENT_WORD.test(name) && !ROLE_TOPIC.test(name) && !NOT_CALLED.test(name) && !BRACKET_WORD.test(name) && !DESK_TOPIC.test(name);
  }) as RuleValidator,
  /** A Latin full name in a name field that also holds keys', machines' and teams' names (GnuPG `uid`, `x's MacBook`). */
  ownerLatinName: ((m) => {
    const name = group(m, 'latin') || group(m, 'uid') || group(m, 'own');
    return name !== '' && !name.split(' ').some((w) => NOT_A_PERSON_WORD.test(w.charAt(0) + w.slice(1).toLowerCase()) || NOT_AN_OWNER_WORD.test(w));
  }) as RuleValidator,
  // Session 16 (name17): each name a person-position pattern caught: a Chinese name that calls someone, or a Latin full
  // name of no account, product or team word; at least one.
  placedName: ((m) => {
    let names = 0;
    for (const [key, v] of Object.entries(m.groups ?? {})) {
      if (v === undefined || !/^(?:name|latin)\d?$/.test(key) || isPlaceholder(v)) continue;
      names += 1;
      if (/^[\u4e00-\u9fa5]/.test(v)) {
        if (!isChineseName(v) || NOT_CALLED.test(v) || BRACKET_WORD.test(v) || NOT_PLACED_NAME.test(v)) return false;
      } else if (v.split(/[ -]/).some((w) => NOT_A_PERSON_WORD.test(w.charAt(0) + w.slice(1).toLowerCase()))) return false;
    }
    return names > 0;
  }) as RuleValidator,
  titleOwner: ((m) => isChineseName(group(m, 'name')) && !NOT_CALLED.test(group(m, 'name')) && !BRACKET_WORD.test(group(m, 'name'))) as RuleValidator,
  /** A GECOS name of a person's account (uid 1000–59999 where the line gives one): Chinese, or Latin of no service word. */
  gecosName: ((m, line) => {
    const uid = group(m, 'uid');
    if (uid !== '' && (Number(uid) < 1000 || Number(uid) >= 60000 || !LOGIN_SHELL_LAST.test(line))) return false;
    const han = group(m, 'han') || group(m, 'fhan');
    if (han !== '') return isChineseName(han);
    return !(group(m, 'latin') || group(m, 'flatin')).split(' ').some((w) => NOT_A_PERSON_WORD.test(w) || NOT_A_NAME_PART.test(w));
  }) as RuleValidator,
  /** First and last name in fields of their own: Latin parts of no service word, Han parts that read as a name together. */
  splitName: ((m) => {
    const parts = [group(m, 'first'), group(m, 'last')].filter((v) => v !== '');
    if (parts.length === 0) return false;
    const han = parts.filter((v) => /^[\u4e00-\u9fa5]/.test(v));
    if (han.length > 0 && !isChineseName(han.join('')) && !(han.length === 1 && parts.length === 1 && /^[\u4e00-\u9fa5]{1,2}$/.test(han[0]!) && !NOT_A_NAME_HAN.test(han[0]!))) return false;
    // name22: a part in capitals (`SCHNEIDER`) judged as `Schneider`.
    const judged = (w: string) => (/^[A-Z]{2,}$/.test(w) ? w.charAt(0) + w.slice(1).toLowerCase() : w);
    return parts.filter((v) => !/^[\u4e00-\u9fa5]/.test(v)).every((v) => v.split(' ').map(judged).every((w) => !NOT_A_PERSON_WORD.test(w) && !NOT_A_NAME_PART.test(w)));
  }) as RuleValidator,
  /** name20: a Han surname and given name under 姓 and 名 keys, read as one name. */
  hanSplitName: ((m) => isChineseName(group(m, 'surname') + group(m, 'given'))) as RuleValidator,
  /** A name in brackets last in a label, not a surname and a title (`（陈先生）`). */
  bracketOwner: ((m) => isChineseName(group(m, 'name')) && !NOT_CALLED.test(group(m, 'name')) && !BRACKET_WORD.test(group(m, 'name')) && !/(?:先生|女士|小姐|老师|同学|经理|主任)$/.test(group(m, 'name'))) as RuleValidator,
  /** A salutation's name, not a surname and a title (`王总您好`, `王先生：`). */
  salutationName: ((m) => {
    const name = group(m, 'name') || group(m, 'hello');
    return isChineseName(name) && !/(?:先生|女士|小姐|老师|同学|总|工|哥|姐|经理|主任)$/.test(name) && !NOT_CALLED.test(name);
  }) as RuleValidator,
  base64ChineseName: ((m) => isChineseName(Buffer.from(group(m, 'encoded'), 'base64').toString('utf8'))) as RuleValidator,
  addressedName: ((m) => isChineseName(group(m, 'dept') || group(m, 'called')) && !NOT_CALLED.test(group(m, 'dept') || group(m, 'called'))) as RuleValidator,
  // One of the two groups matched: the name after a title, or the name before 老师/先生.
  titledName: ((m) => isChineseName(group(m, 'name') || group(m, 'called'))) as RuleValidator,
  // cjk25 (session 23): a dotted Han name (`艾力·买买提`) under a name header.
  csvDottedNameColumn: ((m, line, around) => isDottedHanName(group(m, 'name')) && CSV_NAME_COLUMN.test(csvHeader(m, line, around))) as RuleValidator,
  csvNameColumn: ((m, line, around) => isChineseName(group(m, 'name')) && (CSV_NAME_COLUMN.test(csvHeader(m, line, around)) || CSV_ROLE_COLUMN.test(csvHeader(m, line, around)))) as RuleValidator,
  /** A Latin full name (`Mengqi Xie`, `XIE MENGQI`) under a column that only ever holds a person's name. */
  // dir26 (session 24): nor a group's or an organisation's word (`Neighbourhood Watch`, `Residents Association`: directory-layout.ts).
  csvLatinNameColumn: ((m, line, around) => !group(m, 'latin').split(' ').some((w) => NOT_A_PERSON_WORD.test(w.charAt(0) + w.slice(1).toLowerCase())) && !hasNonPersonWord(group(m, 'latin')) && (CSV_PERSON_COLUMN.test(csvHeader(m, line, around)) || CSV_ROLE_COLUMN.test(csvHeader(m, line, around)) || isCsvPersonName25(m, line, around) /* name25 */)) as RuleValidator,
  // --- name22 (session 21): one part of a name under a name-part column (formats.ts CSV_NAME_PART_COLUMN): a Latin word that is
  // no account, product or placeholder word (`Test`, `Admin`, `Unknown`), or one to three Han characters, a surname
  // column's a known surname (`万`), a given-name column's no word of a test or a system (`测试`, `管理`).
  csvNamePartColumn: ((m, line, around) => (isCsvNamePart(group(m, 'part'), csvHeader(m, line, around)) || isCsvGivenName25(m, line, around) /* name25 */) && isCsvNameRow(line, around)) as RuleValidator,
  // --- end name22
  /** A street address (`1187 Lincoln Ave Apt 12`): a number and a word, under a street-address column. */
  csvAddressColumn: ((m, line, around) => /\d/.test(group(m, 'address')) && /[A-Za-z\u00c0-\u024f\u0400-\u04ff\u4e00-\u9fa5]{2}/.test(group(m, 'address')) && !isPlaceholder(group(m, 'address').trim()) && CSV_ADDRESS_COLUMN.test(csvHeader(m, line, around))) as RuleValidator,
  /** num25 (session 23): a national number under a CSV column that names it (national-ids.ts isNationalIdCell). */
  csvNationalIdColumn: ((m, line, around) => isNationalIdCell(csvHeader(m, line, around), group(m, 'idnum'))) as RuleValidator,
  csvSecretColumn: ((m, line, around) => isRealValue(group(m, 'secret')) && !isDescribedValue(group(m, 'secret')) && CSV_SECRET_COLUMN.test(csvHeader(m, line, around))) as RuleValidator,
  /** A foreign passport's number in a roster's identity-number column, on a row that does not name another document. */
  csvPassportColumn: ((m, line, around) =>
    CSV_ID_NUMBER_COLUMN.test(csvHeader(m, line, around).trim()) &&
    !OTHER_ID_DOCUMENT.test(line) &&
    (/^(?:[A-Z]{1,2}\d{7,8}|\d{9})$/.test(group(m, 'doc')) || (/护照|passport/i.test(line) && (group(m, 'doc').match(/\d/g)?.length ?? 0) >= 3))) as RuleValidator,
  /** `Marco Bellini(mbellini)`: a Latin name and a login made of it (see isLoginOfName). */
  latinNameWithLogin: ((m) => isLoginOfName(group(m, 'latin'), group(m, 'user'))) as RuleValidator,
  // acct25 (session 23): an issue tracker's `Unassigned`/`Automatic` under Assignee is no login.
  csvUserColumn: ((m, line, around) => isLoginName(m, line) && !/^(?:unassigned|automatic|auto|none|nobody)$/i.test(group(m, 'user')) && CSV_USER_COLUMN.test(csvHeader(m, line, around))) as RuleValidator,
  realmLine: ((m, _line, around) => isRealmLine(m, around)) as RuleValidator,
  saslLine: ((m, _line, around) => isSaslLine(m, around)) as RuleValidator,
  saslLogin: ((m, line, around) => isSaslLine(m, around) && isLoginName(m, line)) as RuleValidator,
  realmLogin: ((m, line, around) => isRealmLine(m, around) && isLoginName(m, line)) as RuleValidator,
  /** A cell of an HTML table under a `<th>` naming a password (口令, 密码, Password …) or a login (账号, 用户名, Username …). */
  /** A cell under a `|` table's password column (see pipeColumnHeader). */
  pipeSecretColumn: ((m, line, around) =>
    isRealValue(group(m, 'secret')) && !/^(?:None|null|nil|-|\*+)$/i.test(group(m, 'secret')) && !isDescribedValue(group(m, 'secret')) && CSV_SECRET_COLUMN.test(pipeColumnHeader(m.index + m[0].length - group(m, 'secret').length, line, around, isPipeHeaderCell))) as RuleValidator,
  /** A login under a `|` table's login column. */
  pipeUserColumn: ((m, line, around) =>
    !BUILTIN_LOGINS.test(group(m, 'user')) && !isBenignValue(group(m, 'user')) && CSV_USER_COLUMN.test(pipeColumnHeader(m.index + m[0].length - group(m, 'user').length, line, around, isPipeHeaderCell))) as RuleValidator,
  /** What an auto-login script sends right after waiting for a password, OTP or passphrase prompt. */
  sendAfterSecretPrompt: ((m, _line, around) => isRealValue(['qsecret', 'secret', 'secret2', 'secret3'].map((g) => group(m, g)).find((v) => v !== '') ?? '') && around !== undefined && SECRET_PROMPT_WAIT.test(around.previous())) as RuleValidator,
  htmlSecretColumn: ((m, line, around) => isRealValue(group(m, 'secret')) && CSV_SECRET_COLUMN.test(htmlColumnHeader(m, line, around))) as RuleValidator,
  htmlUserColumn: ((m, line, around) => isLoginName(m, line) && CSV_USER_COLUMN.test(htmlColumnHeader(m, line, around))) as RuleValidator,
  svnHashValue: ((m, _line, around) => isSvnValue(m, around)) as RuleValidator,
  // OpenVPN auth-user-pass: the first line is the user, the second the password.
  firstLineLogin: ((m, line, around) => around !== undefined && around.previous() === '' && around.header() === line.replace(/\r$/, '') && !BUILTIN_LOGINS.test(group(m, 'user'))) as RuleValidator,
  secondLinePassword: ((m, line, around) => around !== undefined && around.header() !== '' && around.previous().replace(/\r$/, '') === around.header() && around.header() !== line.replace(/\r$/, '') && isRealValue(group(m, 'secret'))) as RuleValidator,
  streetAddress: ((m) => !NOT_A_STREET.test(m[0])) as RuleValidator,
  // Session 22 (addr23): a postcode-and-city line under a line that is a street with its type word and number (an address block).
  underStreetLine: ((_m, _line, around) => around !== undefined && STREET_LINE.test(around.previous())) as RuleValidator,
  // addr23: a street after an address key: with its type word, or with its postcode and city.
  // addr25: and not an organisation's (`Acme GmbH, Anschrift: …`): addr25's wakes reach this pattern on every `address` line now.
  keyedStreet: ((m, line, around) => {
    if (group(m, 'ktyped') === '' && group(m, 'ktail') === '') return false;
    return !isOrganisationAddress(line.slice(Math.max(0, m.index - 160), m.index), around?.previous() ?? '');
  }) as RuleValidator,
  // addr23: a street not named after its organisation (`Free Software Foundation, Inc., 51 Franklin Street, …`: a company's address stays).
  personalStreet: ((m, line, around) => {
    const start = m.index + m[0].indexOf(group(m, 'tailed') || group(m, 'alone'));
    return !isOrganisationAddress(line.slice(Math.max(0, start - 160), start), around?.previous() ?? '');
  }) as RuleValidator,
  // `X-Mailer: Foxmail 7.2.25.228[cn]`, `User-Agent: … Thunderbird 115.8.0.1`: the mail client's version.
  // Session 18 (fp19): a firmware or build number (`firmware 96.86.0.100`, `fw: 5.6.0.12`, `build 10.0.19041.1`) is a version.
  publicIPv4: ((m, line) => isPublicIPv4(m[0]) && !/(?:\bv|(?:version|firmware|\bfw|\bver|\bbuild)\s*[:=]?\s*|[A-Za-z]\/)$/i.test(before(m, line, 12)) && !/^(?:X-Mailer|User-Agent)[ \t]*:/i.test(line) && !isPackageVersion(m, line)) as RuleValidator,
  publicIPv6: ((m) => isPublicIPv6(m[0])) as RuleValidator,
  // All-zero, broadcast and multicast (group bit set in the first octet) name no machine.
  unicastMac: ((m) => isUnicastMac(m[0])) as RuleValidator,
  // Not an X resource (`XClipboard*next.top:` in app-defaults: `*` binds a widget's attribute), not
  // the file of an RCS keyword (`$XConsortium: Xmessage.ad,v 1.3 94/07/26 …`).
  privateLookingHost: ((m, line) => isPrivateLookingHost(m[0], group(m, 'tld')) && line[m.index - 1] !== '*' && !line.startsWith(',v ', m.index + m[0].length)) as RuleValidator,
  /** DUID-LLT (type 1) carries four bytes of time before the MAC, DUID-LL (type 3) none. */
  duidMac: ((m) => {
    if ((group(m, 'type') === '1') !== (group(m, 'time') !== '')) return false;
    return isUnicastMac(group(m, 'mac'));
  }) as RuleValidator,
  // Session 15 (secret16): a value by its shape in a credential's place (password-shape.ts).
  passwordShape: ((m) => passwordShape(group(m, 'placed'), 'placed') && !isBenignValue(group(m, 'placed'))) as RuleValidator,
  passwordShapeAfterKey: ((m) => !isBenignValue(group(m, 'v')) && passwordShape(group(m, 'v'), group(m, 'ck') !== '' ? 'placed' : 'strong')) as RuleValidator,
  passwordShapeFlag: ((m) => passwordShape(group(m, 'flag'), 'flag') && !isBenignValue(group(m, 'flag'))) as RuleValidator,
  /** A strong shape on a line that names a credential elsewhere than in the token itself. */
  passwordShapeOnCueLine: ((m, line) => {
    const v = group(m, 'strong');
    if (!passwordShape(v, 'strong') || isBenignValue(v)) return false;
    // Session 20 (fp21): a query parameter's value in a URL (`/robots?q=level%3Dproject`, `&sort=name%2Cdesc`): url-secret-param
    // judges a parameter by its name; a password cue elsewhere on the line (`curl -u x:pw`) does not make it one.
    const start = m.index + m[0].indexOf(v);
    const param = /[?&]([\w.[\]-]{1,40})=$/.exec(line.slice(Math.max(0, start - 42), start));
    if (param && !isSecretKey(param[1]!, 'assignment') && /\/\/|^\/|[ \t]\//.test(line.slice(0, start))) return false;
    return cueOutside(line, m.index, m.index + m[0].length);
  }) as RuleValidator,
  /** A secret a format prints without a key (printed-secrets.ts): a share's or a card's code holds letters and digits. */
  /** Session 17 (secret18): a hex key (`sk-` + 32 hex) with digits and letters both (not `sk-000…`, not `sk-abcdef…` words). */
  hexKey: ((m) => /\d/.test(m[0].slice(3)) && /[a-f]/.test(m[0].slice(3))) as RuleValidator,
  /**
   * Session 17 (secret18): `login = password[, role …]` in an account store's section — the nearest `[section]` above is `[users]`,
   * `[accounts]`, `[logins]`, `[userlist]` — not a setting of a share named so (`path = /srv/users`, `browseable = yes`).
   */
  usersSectionPassword: ((m, _line, around) => {
    const above = around?.above?.(4096) ?? '';
    const sections = above.match(/^[ \t]*\[[^\]\r\n]{1,64}\][ \t]*\r?$/gm);
    const last = sections?.[sections.length - 1];
    if (!(last !== undefined && /^[ \t]*\[(?:users|accounts|user[ _-]?accounts|logins|userlist)\]/i.test(last)) && !REALM_FILE_HEADING.test(/(?:^|\n)[ \t]*\r?\n([^]*)$/.exec(above)?.[1] ?? above)) return false;
    const login = group(m, 'login');
    const value = group(m, 'secret');
    if (isSectionFieldKey(login)) return false;
    return isRealValue(value) && !/^(?:yes|no|true|false|on|off|none|null|\d{1,5})$/i.test(value) && !/^[/%@~.]|^[A-Za-z]:\\|^\$\{?\w+\}?$/.test(value);
  }) as RuleValidator,
  /** The password half of `login:password` (session 18, secret19): not the login again, a group or a number (an owner and group: `www-data:www-data`, `1000:1000`). */
  loginPairPassword: ((m) => {
    const value = group(m, 'secret');
    return isRealValue(value) && value !== group(m, 'login') && !/^(?:wheel|staff|users?|root|admin|nogroup|nobody|adm|docker|sudo|www-data|nginx|apache|daemon|\d{1,10})$/i.test(value);
  }) as RuleValidator,
  /** Session 19 (secret20): a secret a tool prints in its sentence or takes by position (tool-secrets.ts). */
  toolSecret: ((m) => isToolSecret(m)) as RuleValidator,
  // Session 21 (secret22): captured-secrets.ts.
  /** A here-document's `login:password` line under `chpasswd`/`newusers` (rules.ts itemsBlocks): a value, not `$PW`, `x`, `*`. */
  heredocPassword: ((m) => !notAValue(group(m, 'secret')) && !/^[x*!]$/.test(group(m, 'secret'))) as RuleValidator,
  capturedSecret: ((m, _line, around) => isCapturedSecret(m, around)) as RuleValidator,
  intlSecret: ((m) => isIntlSecret(m)) as RuleValidator, // intlkey23 (session 22)
  accountSecret: ((m, line) => isAccountSecret(m, line)) as RuleValidator, // acct25 (session 23)
  /** Session 20 (secret21): a network device's password, key or community (network-device.ts). */
  deviceSecret: ((m) => isDeviceSecret(m)) as RuleValidator,
  printedSecret: ((m) => {
    const pair = group(m, 'pair');
    if (pair !== '' && (!passwordShape(pair, 'placed') || isBenignValue(pair))) return false;
    for (const g of ['c1', 'c2', 'c3', 'c4']) {
      const v = group(m, g);
      if (v !== '' && (!isPrintedCode(v) || !isRealValue(v))) return false;
      if (v !== '' && /^[Ee]xtract/.test(m[0]) && !(/\d/.test(v) && /[A-Za-z]/.test(v))) return false;
    }
    return true;
  }) as RuleValidator,
  /** A value a format hides a secret in, by its shape. */
  hiddenSecretValue: ((m) => {
    const eap = group(m, 'eap');
    return eap === '' || isRealValue(eap);
  }) as RuleValidator,
  // namecjk23 (session 22): person-cjk.ts's Korean, Japanese, Vietnamese, HL7 and Chinese names (last: an unknown validator's
  // error lists the table's own first).
  ...PERSON_CJK_VALIDATORS,
  ...PERSON_CN25_VALIDATORS, // cjk25 (session 23)
  ...CN_LOGIN25_VALIDATORS, // cjk25 (session 23)
  // addr25 (session 23): street-address-keyed.ts's keyed addresses, and a cell under a bare `Address` column that reads as a street.
  ...ADDR25_VALIDATORS,
  ...DIR26_VALIDATORS, // dir26 (session 24)
  csvBareAddress25: ((m, line, around) => {
    const cell = group(m, 'address') || group(m, 'plain');
    return isStreetCell(cell) && !isPlaceholder(cell.trim()) && CSV_BARE_ADDRESS_COLUMN.test(csvHeader(m, line, around));
  }) as RuleValidator,
} satisfies Record<string, RuleValidator>;
export type ValidatorName = keyof typeof VALIDATORS;

/** Per-line gates by name: a finer check after the trigger, before the patterns run. */
// Session 17 (secret18): a comment that quotes documentation — a README, a manual, a tutorial, an official template or example
// (`# README: --set auth.rootPassword=secretpassword`, `# 瀚高安装手册: 初始口令 … Hello@123`, `# 测试环境证书密码 (银联文档公开): pwd=000000`):
// its values are published defaults and stand-ins, no one's secret.
const DOC_COMMENT = /^[ \t]*(?:#|\/\/|;|--|::|rem[ \t]|\/?\*)[^\r\n]{0,80}?(?:\breadme\b|\bdocs?\b|\bdocumentation\b|\bmanual\b|\btutorial\b|\bexample\b(?!\.)|\bsample\b|手册|文档|官方|教程|示例|样例|范例|原文)/i;
// Session 18 (secret19): a Jetty/Rundeck/ActiveMQ/Karaf realm file (`realm.properties`, `tokens.properties`, `users.properties`, a
// `HashUserRealm`, its `# username: password [,rolename ...]` comment) is such a store too, from its heading comment to a blank line:
// `login: password, role …` (user-name's realm block takes the login, by the same heading).
const REALM_FILE_HEADING = /^[ \t]*#[^\r\n]*(?:rolename|hashuserrealm|realm\.properties|tokens\.properties|users\.properties|user(?:name)?[ \t]*[:=][ \t]*password)/im;
// Session 17 (secret18): an account store's item `login = password, role …` (usersSectionPassword judges the section).
const USERS_SECTION_ITEM = /^[ \t]*(?:[A-Za-z][\w.-]{0,31}|<USER-\d+>)[ \t]*[=:][ \t]*[^\s=,][^\s,]{0,255}[ \t]*(?:,[ \t]*[\w*:.-]{1,64}[ \t]*){0,16}\r?$/;
export const GATES = {
  connectionContext: (line: string) => CONNECTION_CONTEXT.test(line),
  secretUrlParam: (line: string) => anyKey(line, URL_PARAM_TOKEN, 'url') || USER_ID_PARAM.test(line),
  assignedSecretKey: (line: string) => !DOC_COMMENT.test(line) && (anyAssignedSecretKey(line) || USERS_SECTION_ITEM.test(line) || passwordShapeLine(line) || SPECIAL_FORMS.test(line) || STORED_FORMS.test(line) || DEVICE_AND_SHAPE_FORMS.test(line) || isDeviceSecretLine(line) /* secret21 */ || isAdminCliLine(line) || isPrintedSecretLine(line) || isToolSecretLine(line) /* secret20 */ || isCapturedSecretLine(line) /* secret22 */ || isIntlSecretLine(line) /* intlkey23 */ || isAccountSecretLine(line) /* acct25 */ || isScript26SecretLine(line) /* script26 */ || opensValueOnNextLine(line) !== undefined),
} satisfies Record<string, (line: string) => boolean>;
export type GateName = keyof typeof GATES;

/** Placeholder kinds chosen from a match, by name. */
export const KINDS = {
  /** TOKEN for `token=`, SECRET for `password=` … (key-names.ts). */
  fromKey: (m: RegExpExecArray) => secretKindForKey(pairKey(m)),
} satisfies Record<string, (m: RegExpExecArray) => string>;
export type KindName = keyof typeof KINDS;

/** What makes two values the same one, by name. */
export const IDENTITIES = {
  // A number typed in full-width digits is the same number (`１３７…` and `137…` share a placeholder).
  digitsOnly: (value: string) => digitsOnly(narrow(value)),
  upperCase: (value: string) => narrow(value).toUpperCase(),
  emailAt: (value: string) => value.replace(/%40/i, '@'),
  pemBody: (body: string) => body.replace(/\\[rn]|\s+/g, ''),
  macDigits: (value: string) => value.toLowerCase().replace(/[^0-9a-f]/g, ''),
} satisfies Record<string, (value: string) => string>;
export type IdentityName = keyof typeof IDENTITIES;

/** Lines that open a value on the next line, by name (the placeholder kind, or undefined). */
export const OPENERS = {
  secretKeyOnItsOwnLine: opensValueOnNextLine,
  // Postman collections and settings exports, pretty-printed: `"key": "username",` ⏎ `"value": "wanglin"`.
  // dscl's `RealName:` with nothing after it (the name follows on the next line, indented by a blank).
  // nameeu23 (session 22): or a salutation alone on its line, a letter's address block (`Herrn` ⏎ `Tobias Brandt`, person-eu.ts SALUTATION).
  // namecjk23 (session 22): a Japanese form's 氏名 line that ends with the name's reading (the kanji name is on the next line).
  realNameKeyOnItsOwnLine: (line: string) => (/^(?:dsAttrTypeStandard:)?RealName:[ \t]*\r?$|^[ \t\u3000]*氏[ \t\u3000]*名[ \t\u3000]*[(（]?(?:フリガナ|ふりがな|ﾌﾘｶﾞﾅ)[)）]?[ \t\u3000]*[ァ-ヺー \u3000]{2,20}\r?$/.test(line) || SALUTATION_LINE.test(line) ? 'NAME' : undefined),
  userKeyOnItsOwnLine: (line: string) => (USER_KEY_ON_ITS_OWN_LINE.test(line) ? 'USER' : undefined),
  // manage-bde's `Password:` / `密码:` alone on its line (the rule's nextLineValue takes only 8 groups of 6 digits).
  recoveryPasswordHeading: (line: string) => (/^[ \t]*(?:password|密码|密碼)[ \t]*[:：][ \t]*\r?$/i.test(line) ? 'SECRET' : undefined),
} satisfies Record<string, (line: string) => string | undefined>;
export type OpenerName = keyof typeof OPENERS;
