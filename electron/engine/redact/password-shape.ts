/**
 * A password by its shape, where a line says a credential stands (session 15, secret16).
 *
 * Family fixes took a grammar each and found few values of the next unseen set: every product
 * brings its own. What they share is the value: a person makes a password to pass a policy, so
 * it mixes letters and digits and often one of `!@#$%^&*+=?~` (`Wly#Rpt2026`, `OaSys!kwd-2026`,
 * `Xx@Lxy-1201a`). This module judges a token by that shape and leaves every look-alike a log is
 * full of: URLs, e-mails, paths, dates and times, versions, UUIDs, hex and base64 digests, IPv4/6,
 * MACs, placeholders (`<password>`, `******`), references (`$VAR`, `%VAR%`, `${…}`), code
 * (`a=b`, calls, brackets), colours, file and host names.
 *
 * Two strengths, by how sure the place is:
 * - `placed`: the token stands where the grammar puts a credential (after `community`, `pre-share`,
 *   `-p`/`-P` of a database client, a key naming a password): letters and digits mixed, or a
 *   password symbol with a letter;
 * - `strong`: the line only mentions a credential somewhere (`password`, `secret`, `credential`,
 *   `密码` …): a password symbol, a letter and a digit, or upper and lower case and a digit in a
 *   short token that is not an identifier of code.
 */

/** The symbols password policies ask for (not `-`, `_`, `.`, `:`, which names and versions use). */
const PW_SYMBOL = /[!@#$%^&*+=?~]/;

/** Tokens that are never a password, whatever the place. */
function lookAlike(v: string): boolean {
  return (
    // Blanks, quotes, brackets, code punctuation, paths and URLs.
    /[\s"'`<>()[\]{},;|/\\]/.test(v) ||
    // Masks and stand-ins: `******`, `xxxxxx`, `changeme`, `password1`-like words that name the secret.
    /^(?:\*+|x+|#+|\?+|\.+)$/i.test(v) ||
    /^(?:changeme|changeit|password|passw0rd|secret|example|placeholder|redacted|null|none|undefined)\d{0,4}[!@#$%^&*?~]{0,2}$/i.test(v) ||
    // References: `$VAR`, `${VAR}`, `%VAR%`, `$(cmd)`, `{{ x }}`, a Nagios macro `$USER1$`, printf `%s`.
    /^\$\{?[A-Za-z_]\w*\}?$|\$\{|\$\(|%[A-Za-z_]\w*%|\{\{|^\$[A-Z]+\d*\$$|%[-+ #0]?\d*[sdifxXu](?![A-Za-z])/.test(v) ||
    // E-mail and user@host (a domain or an address after the `@`; a lower-case login at a host name).
    /^[a-z][a-z0-9._-]*@[a-z][a-z0-9-]*$/.test(v) ||
    /@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$|@\d{1,3}(?:\.\d{1,3}){3}/.test(v) ||
    // UUID, MAC, IPv4 (with a port or a `#port`), IPv6.
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v) ||
    /^(?:[0-9a-f]{2}[:.-]){5}[0-9a-f]{2}$/i.test(v) ||
    /^\d{1,3}(?:\.\d{1,3}){3}(?:[:#]\d{1,5})?$/.test(v) ||
    (/^[0-9a-f:]+$/i.test(v) && /::|(?:[0-9a-f]{1,4}:){3}/i.test(v)) ||
    // Dates and times (ISO, with a zone), versions (`v1.2.3-rc1`, `5.7.44-log`, `2.0.0+build.7`).
    /^\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?$/.test(v) ||
    /^\d\d:\d\d(?::\d\d)?(?:[.,]\d+)?(?:Z|[+-]\d\d:?\d\d)?$/.test(v) ||
    /^v?\d+(?:\.\d+)+(?:[-+~][\w.+~-]*)?$/i.test(v) ||
    // Hex digests and base64 of a fixed length (a hash or an encoded blob is another rule's, if any).
    /^(?:0x)?[0-9a-f]{16,}$/i.test(v) ||
    (v.length >= 20 && /^[A-Za-z0-9+/]+={0,2}$/.test(v) && /[+/=]/.test(v)) ||
    // A colour (`#ff0000`), an anchor (`#section-2`), a k8s pod or a build id (`nginx-7d9f8c-x2k4`).
    /^#[\w-]+$/.test(v) ||
    /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[a-f0-9]{5,10}-[a-z0-9]{4,5}$/.test(v) ||
    // A file or host name (`app2.log`, `db01.example.cn`), a dotted code name (`a.b.C1`), a file name with a
    // tool's substitution variable (Oracle Data Pump `u9_%U_20261126.dmp`, `backup_%d_%Y.tar`).
    /^[\w%-]+(?:\.[\w-]+)+$/.test(v) ||
    // A keyboard shortcut (`Ctrl+Alt+F2`), a sum or a comparison (`a+b=c`, `x==1`, `n>=2`).
    /^(?:ctrl|alt|shift|cmd|win|super|meta)\+/i.test(v) ||
    /^[\w.]+={1,2}[\w.]*$/.test(v) ||
    // `key=value`, `-flag=value`, a shell operator.
    /^-|=.*=|^[A-Za-z_][\w.-]*=(?!=*$)/.test(v) ||
    // A crypt hash's head or a shell variable (`$9$abc`, `$1x!`): another rule's, or a reference.
    // (A bcrypt hash cut short of the crypt rule's 53 characters is still a hash: kept in.)
    /^\$(?!2[aby]\$\d\d\$[./A-Za-z0-9]{40,}$)/.test(v) ||
    // A git revision (`HEAD~3`, `main^2`, `v1.2~1`).
    /^[\w./-]+[~^]\d*$/.test(v) ||
    // A port and an SID (SAP HANA `host:30041@BI1`).
    /^\d+@/.test(v) ||
    // A masked value (`138****7721`, `ab**cd`).
    /\*{2,}/.test(v)
  );
}

/** An identifier of code or a product (`sha256WithRSAEncryption`, `Win32Exception`, `x86_64`, `UTF8Mb4`). */
function identifierLike(v: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(v)) return false;
  // Camel-case words of three letters or more, digits only between them: code, not a password.
  const words = v.split(/(?=[A-Z][a-z])|[_\d]+/).filter((w) => w !== '');
  return words.length >= 2 && words.every((w) => w.length >= 3 && /^[A-Za-z][a-z]+$|^[A-Z]+$/.test(w));
}

/** `v` looks made by a person as a password, at the strength the place asks (see the module's text). */
export function passwordShape(v: string, strength: 'placed' | 'flag' | 'strong'): boolean {
  if (v.length < 6 || v.length > 64) return false;
  // The classes first (cheap), the look-alikes (some thirty regexes) only for a token that could be one.
  const lower = /[a-z]/.test(v);
  const upper = /[A-Z]/.test(v);
  if (!lower && !upper) return false;
  const digit = /\d/.test(v);
  const strong = digit && STRONG_SYMBOL.test(v) && !/[:]|^[#%]|&\w/.test(v);
  if (strength === 'strong' && !strong) return false;
  // A word alone (`public`, `monitor`, `read-only`) is no password a person made; digits or a symbol are.
  if (strength === 'placed' && !digit && !PW_SYMBOL.test(v)) return false;
  // In a password flag's place (`-P zhbPub-55x`) upper and lower case and a digit are enough, if not code.
  if (strength === 'flag' && !strong && !(upper && lower && digit && v.length <= 24 && !v.includes(':') && !identifierLike(v))) return false;
  // Upper and lower case and digits without a symbol are as often a product or a class (`Windows10`,
  // `SHA256withRSA`, `K3Cloud`, `OAuth2`, `HikariPool-1`): not enough where only the line names a credential.
  // Nor a `:` (`libstdc++6:amd64`, `host:30041@SID`, `root@vm:~#`), a leading `#`/`%`, a query (`1980.00&app_id`).
  return !lookAlike(v);
}

/** The symbols of the strong shape: not `+` and `=` (time zones `GMT+0800`, `g++-12`, versions `+deb12u1`, `a=b`). */
const STRONG_SYMBOL = /[!@#$%^&*?~]/;

/** Words that say a line holds a credential (the strong shape is taken anywhere on such a line). */
// Each is a word or a mark that wakes secret-assignment wherever it stands (rules.ts), so the prefilter and the
// reference mode agree: `password`, `passwd`, `passphrase`, `secret`, `credential`, `communit`, `pre-share`, a
// `pw` of its own, 密码, 口令, 密钥.
export const PASSWORD_CUE = /password|passwd|passphrase|secret|credential|communit|pre-share|(?<![A-Za-z])pw(?![A-Za-z])|口令|密码|密钥/i;

/** The places the shape patterns read (rules.ts, secret-assignment): a cheap test for the rule's gate. */
const SHAPE_PLACES = /communit(?:y|ies)|pre-share|\bpsk\b|\{xor\}|JDJ[5hi]JD|\$7\$\d|\$USER\d{1,3}\$[ \t]*=|:[ \t]*(?:EAP|XAUTH)[ \t]+"|"[ \t]*:[ \t]*\{[ \t]*"value"[ \t]*:/i;
/** Places that hold a value only with the strong shape: a password flag, `key=`, a key with a password word inside. */
const STRONG_PLACES = /(?:^|\s)-(?:[pP]|-pass)|[?&](?:p|pw|pwd|pass)=|(?:^|[^\w.-])key\d?[ \t]*[=:]|wpa_?(?:psk|passphrase)|(?:pass|pwd|pw|secret)[\w.-]{0,20}[ \t]*[=:]/i;

/** A token of the line with the strong shape (split at blanks, quotes and brackets). */
function hasStrongToken(line: string, strength: 'flag' | 'strong'): boolean {
  for (const t of line.split(/[\s"'<>()[\]{},;|=:]+/)) {
    // A flag glued to its value (`-pPw`, `--password=Pw`) is read without the flag.
    const v = t.startsWith('-') ? t.replace(/^-{1,2}[A-Za-z]/, '') : t;
    if (v.length >= 6 && passwordShape(v, strength)) return true;
  }
  return false;
}

/** The gate's test: the line has a place the shape patterns read, or names a credential and holds a strong token. */
export function passwordShapeLine(line: string): boolean {
  if (SHAPE_PLACES.test(line)) return true;
  if (STRONG_PLACES.test(line)) return hasStrongToken(line, 'flag');
  return PASSWORD_CUE.test(line) && hasStrongToken(line, 'strong');
}
