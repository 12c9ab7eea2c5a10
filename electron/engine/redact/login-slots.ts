/**
 * Session 20 (login21): logins in places that name an account by their grammar, not by a `user=` key — issue #14's
 * user-name misses, by family. Each pattern has a literal of its own in LOGIN_SLOT_TRIGGER (the rule's per-line
 * condition) and a wake in LOGIN_SLOT_WORDS or among the user-name rule's words it shares (`username`, `login`,
 * `failed for` …).
 *
 * - macOS keychain dumps (`security find-generic-password -g`, `dump-keychain`): `"acct"<blob>="x"`, the blob also
 *   printed as hex then quoted (`"acct"<blob>=0x6A… "x"`).
 * - A VPN/PPP account of a macOS profile or Network preferences (`AuthName = "x";`, `XAuthName: x`, `"AuthName": "x"`)
 *   with `=` or `:` — Apache's `AuthName "Restricted"` (a realm's title, no separator) stays.
 * - An account named in a sentence by its quoted login and its noun after it: WebSphere's `The password match failed
 *   for the 'x' principal name`, `Authentication denied for the "x" account`, `password check failed for 'x' user`.
 * - A security principal printed by a framework: Play/Scala `Principal(x, roles=…)`, Java `UserPrincipal[name=x]`,
 *   `JMXPrincipal{x}`.
 * - A crash/analytics SDK told who the user is: Crashlytics `setUserIdentifier(x)`, Firebase `setUserId("x")`,
 *   Bugsnag/AppCenter `setUser("x", …)`, `setUserName('x')` — not an opaque id (`setUserId(42)`, a hex or Slack-like id).
 * - An ORM/console lookup by login: Rails `User.find_by_login("x")`, `find_by_username!('x')`, Spring
 *   `loadUserByUsername("x")`, JPA `findByUsername("x")`, `get_by_login('x')`.
 * - A Proxmox VE user id after a user key, `--users` or `pveum user add` (`username = "packer@pve"`, `jdoe@pam`,
 *   `ci@pve!deploy`): the login before its realm; the realm and a token's name stay.
 * - A login in a brace-structured device config (EdgeOS/VyOS/Junos `login { user x { … } }`, a dyndns/PPPoE block's
 *   `login x` alone on its line, as a netrc's multi-line form writes it too).
 * - An editor's authentication session (VS Code's GitHub/Microsoft providers log `"account":{"label":"x","id":"…"}`): the
 *   account's label is its login.
 * - A Chinese form's account noun with a qualifier before the colon (`学车账号 (122 app)：x`, `登录账号（OA）：x`,
 *   `用户名(SSO): x`): the qualifier hid the key.
 * - login22 (session 21): a `User(x)` field among a header's `Name(value)` fields (IBM MQ's AMQERR01.LOG `Process(6128.1)
 *   User(x) Program(…)`, other middleware's `Host(…) User(x) Job(…)`): the field list says it is no call (`new User(name)`).
 */
import type { RulePattern } from './rules.js';

// A login: a letter, then word characters, dots and dashes (as log-prose.ts's).
const L = String.raw`[A-Za-z][\w.-]{0,63}`;
const LQ = String.raw`["'\[]?(?<user>[A-Za-z][\w.-]{0,31}?)["'\]]?(?=[\s:,;)!(}\]]|\.(?:\s|$)|$)`;
// The outcome before `for` (log-prose.ts's OUTCOME_FOR, with `expired`/`mismatch`).
const OUTCOME = String.raw`(?:failed|failure|denied|rejected|refused|attempts?|lockout|locked out|succeeded|successful|requested|expired|mismatch)`;
const SDK_CALL = String.raw`(?:setUserIdentifier|setUserId|setUserID|setUserName|setUsername|setUser)`;
const FINDER = String.raw`(?:find_by_|find_or_create_by_|get_by_|findBy|findOneBy|getBy|loadUserBy|getUserBy|fetchUserBy|findUserBy)(?:login|username|user_name|Login|Username|UserName)`;
// What names a Proxmox user id (no wake of its own: `@pve` hid other rules' `pve!`, `@`): a user key, `--users`, `pveum user add`.
const PVE_KEY = String.raw`(?:(?:user(?:name|id)?s?|token_?id|api_?user)["']?[ \t]*[=:][ \t]*["']?|--users?[ \t=]+|pveum[ \t]+user[ \t]+(?:add|modify|delete|token[ \t]+add)[ \t]+)`;
const CN_ACCOUNT_KEY = String.raw`(?:账号|帐号|账户|帐户|用户名|登录名)`;

/** Words-scan wakes (case-insensitive plain literals, ≥ 3 characters, none starting with a character common in logs). */

export const LOGIN_SLOT_WORDS: readonly string[] = [
  // (scan-shape: no word here may end where another rule's word begins — `@pve` hid secret-assignment's `pve!` on a Proxmox
  // token, `host replication` its `snmp-server host`; `authname` meets its `oss2.auth` only on `oss2.authname`, in the ledger.)
  'acct"<blob>',
  'authname',
  'principal(',
  'principal[',
  'principal{',
  'setuseridentifier(',
  'setuserid(',
  'setusername(',
  'setuser(',
  'by_login(',
  'by_login!(',
  'by_username(',
  'by_username!(',
  'by_user_name(',
  'bylogin(',
  'byusername(',
  // The outcome alone, not `refused for`: a word ending in `for` hid person-name's `for account` on `login refused for
  // account Daniel Whitfield (locked)` (the scan resumes after a hit); the trigger still needs the `for`.
  'refused',
  'expired',
  'mismatch',
  'pveum',
  'account":{"label"',
  'account": {"label"',
  'replication',
  'scram-sha-256',
];

/** The rule trigger's alternatives (case-insensitive, multi-line): each pattern below needs one of them. */
export const LOGIN_SLOT_TRIGGER = [
  String.raw`"acct"<blob>=`,
  String.raw`authname["']?[ \t]*[=:]`,
  String.raw`\b${OUTCOME} for[ \t]+(?:the[ \t]+)?["'][a-z][\w.-]{0,31}["'][ \t]+(?:principal|user|account|login)\b`,
  String.raw`principal[(\[{]`,
  String.raw`${SDK_CALL}\(`,
  String.raw`${FINDER}!?\(`,
  String.raw`${PVE_KEY}[a-z][\w.-]{0,63}@(?:pve|pam)(?![\w.-])`,
  String.raw`^[ \t]+(?:user[ \t]+[a-z][\w.-]{0,31}[ \t]*\{|login[ \t]+[a-z][\w.-]{0,31}[ \t]*;?)[ \t]*\r?$`,
  String.raw`"account"[ \t]*:[ \t]*\{[ \t]*"label"[ \t]*:`,
  String.raw`${CN_ACCOUNT_KEY}[ \t]*[(（][^()（）\r\n]{1,20}[)）][ \t]*[:：]`,
  // login22: `) User(x)` after another field, or `User(x) Program(` before one.
  String.raw`\)[ \t]{1,4}user\([a-z]|(?<![\w.$])user\([a-z][\w.-]{0,31}\)[ \t]+[a-z]{2,31}\(`,
].join('|');

/** The patterns, for the user-name rule. */
export const LOGIN_SLOT_PATTERNS: readonly RulePattern[] = [
  {
    // macOS keychain: `"acct"<blob>="jdoe"`, `"acct"<blob>=0x6A646F65  "jdoe"`.
    regex: /"acct"<blob>=(?:0x[0-9A-Fa-f]{2,256}[ \t]+)?"(?<user>[^"\r\n\\]{1,64})"/,
    targets: [{ group: 'user' }],
    validate: 'anyLoginGroup',
  },
  {
    // A macOS profile's or Network preferences' PPP/IPSec account: `AuthName = "x";`, `XAuthName: x`, `"AuthName": "x"`.
    regex: new RegExp(String.raw`(?<![\w-])["']?(?:X|PPP\.?|IPSec\.?)?AuthName["']?[ \t]*[=:][ \t]*["']?(?<user>${L})["']?(?=[ \t]*(?:[;,}]|\r?$))`),
    targets: [{ group: 'user' }],
    validate: 'anyLoginGroup',
  },
  {
    // `password match failed for the 'x' principal name`, `Authentication denied for the "x" account`.
    regex: new RegExp(String.raw`\b${OUTCOME} for[ \t]+(?:the[ \t]+)?(?<q>["'])(?<user>[A-Za-z][\w.-]{0,31})\k<q>[ \t]+(?:principal|user|account|login)\b`, 'i'),
    targets: [{ group: 'user' }],
    validate: 'logProseLogin',
  },
  {
    // `Principal(dgallagher, roles=…)`, `UserPrincipal[name=jdoe]`, `JMXPrincipal{monitor_ro}`.
    regex: new RegExp(String.raw`(?<![\w.])(?:[A-Z][A-Za-z]{0,30})?Principal[(\[{][ \t]*(?:name[ \t]*=[ \t]*)?${LQ}`),
    targets: [{ group: 'user' }],
    validate: 'sdkLogin',
  },
  {
    // Crashlytics `setUserIdentifier(lobrien)`, Firebase `setUserId("jdoe")`, `setUser('jdoe', email, name)`.
    regex: new RegExp(String.raw`(?<![\w$])${SDK_CALL}\([ \t]*${LQ}`),
    targets: [{ group: 'user' }],
    validate: 'sdkLogin',
  },
  {
    // Rails `User.find_by_login("x")`, `find_by_username!('x')`, Spring `loadUserByUsername("x")`, JPA `findByUsername("x")`.
    regex: new RegExp(String.raw`(?<![\w$])${FINDER}!?\([ \t]*(?<q>["'])(?<user>${L})\k<q>`),
    targets: [{ group: 'user' }],
    validate: 'anyLoginGroup',
  },
  {
    // A Proxmox VE user id: `packer@pve`, `jdoe@pam`, `ci@pve!deploy` (the login; the realm and the token name stay).
    regex: new RegExp(String.raw`(?<![\w.-])(?:[A-Za-z][A-Za-z0-9]*[_.])?${PVE_KEY}(?<user>${L})@(?:pve|pam)(?![\w.-])`, 'i'),
    targets: [{ group: 'user' }],
    validate: 'anyLoginGroup',
  },
  {
    // EdgeOS/VyOS/Junos `user x {` (under `login {`), a config block's `login x` alone on its line.
    regex: /^[ \t]+(?:user[ \t]+(?<user>[A-Za-z][\w.-]{0,31})[ \t]*\{|login[ \t]+(?<login>[A-Za-z][\w.-]{0,31})[ \t]*;?)[ \t]*\r?$/,
    targets: [{ group: 'user' }, { group: 'login' }],
    validate: 'blockLogin',
  },
  {
    // VS Code's authentication session: `"account":{"label":"nkarlsson-dev","id":"48120377"}`.
    regex: new RegExp(String.raw`"account"[ \t]*:[ \t]*\{[ \t]*"label"[ \t]*:[ \t]*"(?<user>${L})"`),
    targets: [{ group: 'user' }],
    validate: 'anyLoginGroup',
  },
  {
    // `学车账号 (122 app)：x`, `登录账号（OA）：x`, `用户名(SSO): x`.
    regex: new RegExp(String.raw`${CN_ACCOUNT_KEY}[ \t]*[(（][^()（）\r\n]{1,20}[)）][ \t]*[:：][ \t]*(?<user>[A-Za-z][\w.@-]{0,63})(?![\w.@-])`),
    targets: [{ group: 'user' }],
    validate: 'anyLoginGroup',
  },
  // ---- login22 (session 21)
  {
    // IBM MQ `Process(6128.1) User(lixiaobo) Program(SettlementClient.exe)`: a `User(x)` field after or before another `Name(…)` field.
    regex: new RegExp(String.raw`(?:\)[ \t]{1,4}User\((?<user>${L})\)|(?<![\w.$])User\((?<user2>${L})\)(?=[ \t]+[A-Z][A-Za-z]{1,30}\())`),
    targets: [{ group: 'user' }, { group: 'user2' }],
    validate: 'fieldListLogin',
  },
  // ---- end login22
];
