/**
 * Session 21 (secret22): secrets a capture, a tool's result or a note shows by its own grammar, with no key word of the
 * assignment vocabulary beside the value.
 *
 * - A Redis command as a capture quotes it (`redis-cli MONITOR`, a proxy's or a slow log's dump): `"AUTH" "pw"`,
 *   `"AUTH" "user" "pw"`, `"HELLO" "3" "AUTH" "user" "pw" "SETNAME" "x"`, `"CONFIG" "SET" "requirepass" "pw"`, `"MIGRATE" … "AUTH" "pw"`.
 * - A password scanner's hit: fscan's `[+] mysql 10.0.0.5:3306:root pw`, `[+] Redis 10.0.0.5:6379 pw file:…`, `[+] Tomcat
 *   10.0.0.5:8080 user:pw`; NetExec/CrackMapExec's `[+] CORP\user:pw (Pwn3d!)`; Ncrack's `10.0.0.5 22/tcp ssh: 'user' 'pw'`.
 * - A PIN or a code that opens something and does not expire, in prose or a note: `unlocked by x with PIN 480317`, `PIN 7719`,
 *   `SIM PUK 12345678`, `passcode 4821`, `锁屏码 482916`, a meeting's host key (`Host key: 481276`), a card's `Security Code:418`,
 *   a meeting's numeric password (`腾讯会议 482 917 305, password 8817`). (One-time SMS codes stay: the corpus's convention.)
 * - Terraform's sensitive outputs: `"sensitive": true, "type": "string", "value": "…"` on one line (`terraform output -json`
 *   compacted) or the other way round (`terraform show -json`'s `"value": "…", "type": "string", "sensitive": true`), and
 *   pretty-printed: a `"value": "…"` line right under `"sensitive": true` (and the output's `"type"`).
 *
 * secret-assignment takes the patterns, the wake words and the trigger from here; its gate asks isCapturedSecretLine.
 * What counts as "not a value" is key-names.ts's notAValue.
 */
import { notAValue } from './key-names.js';

/** A JSON string's text (escapes kept). */
const JSON_TEXT = String.raw`(?:\\.|[^"\\\r\n]){1,512}`;
/** A Redis argument as MONITOR quotes it. */
const REDIS_ARG = String.raw`"(?:\\.|[^"\\\r\n]){1,256}"`;
/** An IPv4 address. */
const IPV4 = String.raw`(?:\d{1,3}\.){3}\d{1,3}`;
/** Terraform's `"type"` of an output between the other two fields: a type name or a list of them. */
const TF_TYPE = String.raw`(?:"type"[ \t]*:[ \t]*(?:"[^"\r\n]{0,64}"|\[[^\]\r\n]{0,256}\])[ \t]*,[ \t]*)?`;

export const CAPTURED_SECRET_PATTERNS: readonly { readonly regex: RegExp; readonly groups: readonly string[] }[] = [
  {
    // Redis: `"AUTH" ["user"] "pw"` as the command's end (or before HELLO's `"SETNAME"`, MIGRATE's `"KEYS"`), `"CONFIG" "SET"
    // "requirepass"|"masterauth" "pw"`.
    regex: new RegExp(String.raw`(?:^|[\s\]])"AUTH2?"[ \t]+(?:${REDIS_ARG}[ \t]+)?"(?<redisAuth>(?:\\.|[^"\\\r\n]){1,256})"(?=[ \t]*(?:\r?$|"(?:SETNAME|KEYS)"))|(?:^|[\s\]])"CONFIG"[ \t]+"SET"[ \t]+"(?:requirepass|masterauth)"[ \t]+"(?<redisConf>(?:\\.|[^"\\\r\n]){1,256})"`, 'i'),
    groups: ['redisAuth', 'redisConf'],
  },
  {
    // Password scanners' hits: fscan (`[+] <service> <ip>:<port>[:<user>] <pw>`, `… <ip>:<port> <user>:<pw>`), NetExec /
    // CrackMapExec (`[+] <domain>\<user>:<pw>`), Ncrack (`<ip> <port>/tcp <service>: '<user>' '<pw>'`).
    regex: new RegExp(String.raw`^[ \t]*\[\+\][ \t]*[A-Za-z][\w-]{1,20}[ \t]+${IPV4}:\d{1,5}(?::[^\s:]{1,64})?[ \t]+(?:[^\s:]{1,64}:(?<scanPair>\S{1,128})|(?<scanPw>\S{1,128}))(?=[ \t]*(?:\r?$|file:))|\[\+\][ \t]+[\w.-]{1,64}\\[^\s:\\]{1,64}:(?<nxcPw>\S{1,256}?)(?=[ \t]*(?:\((?:Pwn3d!|admin)\)[ \t]*)?\r?$)|${IPV4}[ \t]+\d{1,5}\/(?:tcp|udp)[ \t]+[\w-]{1,20}:[ \t]+'[^'\r\n]{0,64}'[ \t]+'(?<ncrackPw>[^'\r\n]{1,128})'`),
    groups: ['scanPair', 'scanPw', 'nxcPw', 'ncrackPw'],
  },
  {
    // A PIN, a PUK or a passcode (capitals for PIN/PUK: `pin 13` is a GPIO's), a phone's lock code, a meeting's host key, a
    // card's security code, a meeting's numeric password.
    regex: new RegExp(String.raw`(?<![\w-])(?:PIN|PUK|[Pp]asscode|PIN-?[Cc]ode|PIN码)(?:[ \t]*[:：=#][ \t]*|[ \t]+(?:is[ \t]+)?)(?<pin>\d{4,12})(?![\w.:/-])|(?:锁屏码|锁屏密码|解锁码|开机密码)[ \t]*(?:[:：][ \t]*)?(?<lock>\d{4,12})(?!\d)|(?<![\w-])[Hh]ost[ \t]+[Kk]ey[ \t]*[:：][ \t]*(?<hostKey>\d{6})(?![\w.:-])|(?<![\w-])[Ss]ecurity[ \t]+[Cc]ode[ \t]*[:：][ \t]*(?<cardCode>\d{3,4})(?![\w.:-])|(?:会议|[Mm]eeting|Zoom|Webex|Teams)[^\r\n]{0,80}?(?<![\w-])[Pp]ass(?:word|code)[ \t]*(?:[:：][ \t]*)?(?<meetPw>\d{4,10})(?![\w.:/-])`),
    groups: ['pin', 'lock', 'hostKey', 'cardCode', 'meetPw'],
  },
  {
    // Terraform's sensitive output on one line, either order; pretty-printed, the `"value"` line (judged by the lines above).
    regex: new RegExp(String.raw`"sensitive"[ \t]*:[ \t]*true[ \t]*,[ \t]*${TF_TYPE}"value"[ \t]*:[ \t]*"(?<tfValue>${JSON_TEXT})"|"value"[ \t]*:[ \t]*"(?<tfValueFirst>${JSON_TEXT})"[ \t]*,[ \t]*${TF_TYPE}"sensitive"[ \t]*:[ \t]*true|^[ \t]*"value"[ \t]*:[ \t]*"(?<tfPretty>${JSON_TEXT})"[ \t]*(?:,[ \t]*)?\r?$`),
    groups: ['tfValue', 'tfValueFirst', 'tfPretty'],
  },
];

/**
 * `chpasswd`'s and `newusers`' input as a here-document (`chpasswd <<'END'`, `sudo newusers <<-USERS`, `cat <<EOF | sudo chpasswd
 * -c SHA512`): the opener of secret-assignment's items block (rules.ts), whose lines are `login:password`.
 */
export const PASSWORD_HEREDOC_OPENER = /(?:^|[\s;&|(])(?:(?:sudo[ \t]+)?(?:\/usr\/sbin\/)?(?:chpasswd|newusers)(?:[ \t]+-[\w-]+(?:[ \t]+[A-Z0-9]+)?)*[ \t]*<<-?[ \t]*["']?[A-Za-z_]\w*["']?|cat[ \t]+<<-?[ \t]*["']?[A-Za-z_]\w*["']?[ \t]*\|[ \t]*(?:sudo[ \t]+)?(?:\/usr\/sbin\/)?(?:chpasswd|newusers)\b[^\r\n|]*)[ \t]*\r?$/;

/** Plain literals for the words scan (lower case; none starts with a character common in logs). */
export const CAPTURED_SECRET_WORDS: readonly string[] = [
  // (`"AUTH" "`, `"CONFIG" "SET"` by their word and the quotes after it: a word starting with a quote slows the scan.)
  'auth" "',
  'auth2" "',
  'config" "set',
  // fscan's and NetExec's `[+] ` by its plus (a word starting with `[` slows the scan), Ncrack's port by its protocol (a
  // word starting with `/`, common in logs, would slow the regex scan of non-ASCII text: scan-shape.test).
  '+] ',
  'tcp ',
  'udp ',
  'pin ',
  'pin:',
  'pin=',
  'pin#',
  'pin-code',
  'pincode',
  'pin码',
  'puk ',
  'puk:',
  'passcode',
  '锁屏',
  '解锁码',
  '开机密码',
  'host key',
  'security code',
  'sensitive',
  'value": "',
  'newusers',
  'value":"',
];

/** The trigger's alternatives (case-insensitive): a literal of each form. */
export const CAPTURED_SECRET_TRIGGER = String.raw`"auth2?"[ \t]+"|"config"[ \t]+"set"|\[\+\]|\d\/(?:tcp|udp)[ \t]+[\w-]{1,20}:[ \t]+'|pin|puk|passcode|锁屏|解锁码|开机密码|host[ \t]+key|security[ \t]+code|pass(?:word|code)[ \t]*[:：]?[ \t]*\d{4}|"sensitive"|^[ \t]*"value"[ \t]*:|newusers`;
// The gate's test: a cheap word test, then the forms themselves (a broader test would let the rule's other patterns read lines
// it never meant, as `PIN 2026-12-05`).
const CAPTURED_SECRET_WORDS_TEST = new RegExp(CAPTURED_SECRET_TRIGGER, 'im');

export function isCapturedSecretLine(line: string): boolean {
  return CAPTURED_SECRET_WORDS_TEST.test(line) && (CAPTURED_SECRET_PATTERNS.some((p) => p.regex.test(line)) || PASSWORD_HEREDOC_OPENER.test(line));
}

// What a scanner prints where no password was needed or found.
const NO_PASSWORD = /^(?:unauthorized|unauth|anonymous|null|none|empty|blank|\(?no[ _-]?pass(?:word)?\)?|success|login|weak|open)$/i;
// Two lines at most between `"sensitive": true` and the `"value"` line (the output's `"type"`, which may span a list's lines: not
// followed).
const SENSITIVE_ABOVE = /"sensitive"[ \t]*:[ \t]*true[ \t]*(?:,[ \t]*)?\r?\n(?:[ \t]*"type"[ \t]*:[ \t]*"[^"\r\n]*"[ \t]*(?:,[ \t]*)?\r?\n)?[ \t]*$/;

const ONE_TIME = /\b(?:valid|expires?|expiring|minutes?|mins?|one-time|otp)\b|有效|分钟|过期|失效/i;

export interface CapturedAround {
  above?(maxChars: number): string;
}

/** The validator of CAPTURED_SECRET_PATTERNS: each group's value has the shape its place asks. */
export function isCapturedSecret(m: RegExpExecArray, around?: CapturedAround): boolean {
  const g = m.groups ?? {};
  for (const name of ['redisAuth', 'redisConf', 'scanPair', 'scanPw', 'nxcPw', 'ncrackPw', 'tfValue', 'tfValueFirst', 'tfPretty']) {
    const v = g[name];
    if (v === undefined) continue;
    if (notAValue(v) || NO_PASSWORD.test(v)) return false;
    // SMTP's and SASL's mechanism names after `"AUTH"` (a mail proxy's capture) are no password.
    if (name === 'redisAuth' && /^(?:LOGIN|PLAIN|CRAM-MD5|DIGEST-MD5|XOAUTH2?|NTLM|GSSAPI|EXTERNAL|SCRAM-SHA-\d+)$/i.test(v)) return false;
  }
  // A code that expires (`Your security code: 4821 (valid 5 minutes)`, `PIN 4821, expires in 10 min`, `有效期 5 分钟`) is a one-time
  // code: neutral by the corpus's convention, and gone by the time anyone reads the archive.
  if (['pin', 'lock', 'hostKey', 'cardCode', 'meetPw'].some((name) => g[name] !== undefined) && ONE_TIME.test(m.input)) return false;
  if (g.tfPretty !== undefined && !SENSITIVE_ABOVE.test(around?.above?.(512) ?? '')) return false;
  return true;
}
