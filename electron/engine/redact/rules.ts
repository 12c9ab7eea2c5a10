/**
 * The built-in redaction rules, as data: each rule is an id, a cheap trigger (a necessary
 * condition checked before any expensive pattern runs), and patterns whose named groups are the
 * parts to replace — so `password=hunter2` keeps `password=` and loses only `hunter2`.
 *
 * Order matters: rules run in this order on each line and never touch text an earlier rule
 * already replaced (placeholders are inert). Specific formats come before generic ones so that
 * a GitHub token inside a URL password is still one replacement, counted once.
 */
import {
  HOST_TLD_LIST,
  KEY,
  KEY_QUOTE,
  NOT_KEY_BEFORE,
  SEP,
  UNQUOTED_VALUE,
  type GateName,
  type IdentityName,
  type KindName,
  type OpenerName,
  type ValidatorName,
} from './rule-validators.js';
import type { ItemLayout } from './formats.js';
import { SIGNING_SCHEME } from './key-names.js';
import { ListStartRegExp } from './linear-regexp.js';
import { boxedValue, namedValuePair, namedValuePairTrigger } from './name-value-pair.js';
import { PINYIN_LOGIN_TRIGGER } from './pinyin-name.js';
import { LOG_PROSE_LOGINS, LOG_PROSE_TRIGGER, LOG_PROSE_WORDS } from './log-prose.js';
import { LOGIN_SLOT_PATTERNS, LOGIN_SLOT_TRIGGER, LOGIN_SLOT_WORDS } from './login-slots.js'; // login21 (session 20)
import { CN_LOGIN25_MARKS, CN_LOGIN25_PATTERNS, CN_LOGIN25_TRIGGER, CN_LOGIN25_WORDS } from './cn-logins25.js'; // cjk25 (session 23)
import { INTL_LOGIN_MARKS, INTL_LOGIN_PATTERNS, INTL_LOGIN_TRIGGER, INTL_LOGIN_WORDS } from './intl-logins.js'; // intlkey23 (session 22)
import { ACCOUNT_TOOL_LOGIN_MARKS, ACCOUNT_TOOL_LOGIN_PATTERNS, ACCOUNT_TOOL_LOGIN_TRIGGER, ACCOUNT_TOOL_LOGIN_WORDS } from './account-tools.js'; // acct25 (session 23)
import { ADDRESS_PROSE_MARKS, ADDRESS_PROSE_PATTERNS, ADDRESS_PROSE_TRIGGER, ADDRESS_PROSE_WORDS, PERSON_PROSE_HAN_NEAR, PERSON_PROSE_MARKS, PERSON_PROSE_PATTERNS, PERSON_PROSE_TRIGGER, PERSON_PROSE_WORDS } from './person-prose.js';
// nameeu23 (session 22): person names in European languages, Cyrillic and Arabic (person-eu.ts).
import { PERSON_EU_BRACKET, PERSON_EU_MARKS, PERSON_EU_PATTERNS, PERSON_EU_TRIGGER, PERSON_EU_WORDS } from './person-eu.js';
// Session 22 (addr23): street addresses of other countries and scripts.
import { STREET_ADDRESS_MARKS, STREET_ADDRESS_PATTERNS, STREET_ADDRESS_TRIGGER, STREET_ADDRESS_WORDS } from './street-address.js';
import { ADDR25_PATTERNS, ADDR25_TRIGGER, ADDR25_WORDS } from './street-address-keyed.js'; // addr25
import { DIR26_LAYOUT_PATTERNS } from './directory-layout.js'; // dir26 (session 24)
// namecjk23 (session 22): Korean, Japanese, Vietnamese, HL7 and more Chinese person-name grammars.
import { JAPANESE_NAME_ALONE, PERSON_CJK_MARKS, PERSON_CJK_PATTERNS, PERSON_CJK_TRIGGER, PERSON_CJK_WORDS } from './person-cjk.js';
// name25 (session 23): Latin names after role words, verbs, honorifics and keys of many languages (person-latin.ts).
import { PERSON_LATIN_MARKS, PERSON_LATIN_PATTERNS, PERSON_LATIN_TRIGGER, PERSON_LATIN_WORDS } from './person-latin.js';
// script26 (session 24): names, addresses and bank accounts in Arabic, Hebrew, Greek, Cyrillic, Malay, Vietnamese, Spanish (script26.ts).
import { SCRIPT26_ADDRESS_MARKS, SCRIPT26_ADDRESS_PATTERNS, SCRIPT26_ADDRESS_TRIGGER, SCRIPT26_ADDRESS_WORDS, SCRIPT26_NAME_MARKS, SCRIPT26_NAME_PATTERNS, SCRIPT26_NAME_TRIGGER, SCRIPT26_NAME_WORDS, SCRIPT26_SECRET_MARKS, SCRIPT26_SECRET_PATTERNS, SCRIPT26_SECRET_TRIGGER, SCRIPT26_SECRET_WORDS } from './script26.js';
import { CSV_DOTTED_NAME, PERSON_CN25_HAN_NEAR, PERSON_CN25_MARKS, PERSON_CN25_PATTERNS, PERSON_CN25_TRIGGER } from './person-cn25.js'; // cjk25 (session 23)
import { ADMIN_CLI_TRIGGER, ADMIN_CLI_WORDS, adminCliPatterns, LAST_ARG_LOGIN_TRIGGER, lastArgLoginPattern, USER_FLAG_TRIGGER, USER_FLAG_WORDS, userFlagPattern } from './admin-cli.js';
import { PRINTED_SECRET_MARKS, PRINTED_SECRET_PATTERNS, PRINTED_SECRET_TRIGGER, PRINTED_SECRET_WORDS } from './printed-secrets.js';
import { TOOL_SECRET_PATTERNS, TOOL_SECRET_TRIGGER, TOOL_SECRET_WORDS } from './tool-secrets.js';
import { DEVICE_SECRET_PATTERNS, DEVICE_SECRET_TRIGGER, DEVICE_SECRET_WORDS } from './network-device.js';
// Session 21 (secret22): captures', scanners' and notes' secrets (captured-secrets.ts).
import { NATIONAL_PHONE, NATIONAL_PHONE_MARKS, NATIONAL_PHONE_TRIGGER, NATIONAL_PHONE_WORDS } from './national-phone.js'; // intlphone23 (session 22)
import { CAPTURED_SECRET_PATTERNS, CAPTURED_SECRET_TRIGGER, CAPTURED_SECRET_WORDS, PASSWORD_HEREDOC_OPENER } from './captured-secrets.js';
import { INTL_SECRET_MARKS, INTL_SECRET_PATTERNS, INTL_SECRET_TRIGGER, INTL_SECRET_WORDS } from './intl-secrets.js'; // intlkey23 (session 22)
import { ACCOUNT_SECRET_PATTERNS, ACCOUNT_SECRET_TRIGGER, ACCOUNT_SECRET_WORDS, CUT_PASSWORD_WORD_PATTERN } from './account-secrets.js'; // acct25 (session 23)
// Session 22 (idnum23): national identity, tax and social-security numbers of other countries (national-ids.ts).
import { CPF_ALONE, EMIRATES_ID_ALONE, MOBILE_ALONE, NATIONAL_SHAPE_TRIGGER, THAI_ID_ALONE } from './national-shapes.js'; // num25 (session 23); ids26: EMIRATES_ID_ALONE
import { NATIONAL_ID_MARKS, NATIONAL_ID_PATTERNS, NATIONAL_ID_SHORT_AT, NATIONAL_ID_SHORT_WORDS, NATIONAL_ID_TRIGGER, NATIONAL_ID_WORDS } from './national-ids.js';

export type RuleCategory = 'secret' | 'personal' | 'network';
export type ScanGroup = 'words' | 'marks' | 'digits' | 'backslash' | 'bracket' | 'dollar' | 'layout';

/** Checks named by the table that a words hit must pass at its place (line-engine wakes). */
export type WakeName = 'assignedKey' | 'randomRun' | 'hanNear' | 'headerName';

export type RuleScan = Readonly<Partial<Record<ScanGroup, string>>> & {
  /**
   * Words (plain literals, scanned with `words`) that wake the rule only where `at` holds at the
   * hit: a sticky case-insensitive regex tried at the hit's first character, or a named check
   * (`assignedKey`: the name the word is part of is placed like an assigned key and named like a
   * secret; `randomRun`: 20 characters of `[A-Za-z0-9+/_-]` in a row, complete by 58 after the
   * hit's end, on its line, and not a string its validator keeps (rule-set.ts randomRun); `hanNear`:
   * two Han characters in a row starting by 24 after the hit's end, on its line; `headerName`:
   * `/basic\s+[a-z0-9+/]{8}|[\w.-]*["']?\s*:/i` at the hit, judged once per run of name characters).
   * Ordinary words
   * (`auth.session`, `keys=`, `token_type=Bearer`, `user action`) then wake no line. `at` must hold
   * wherever the rule would replace something; the reference-mode test checks it.
   */
  readonly placed?: { readonly words: string; readonly at: RegExp | WakeName };
};

/** `token` as `[Tt][Oo][Kk][Ee][Nn]`: a case-insensitive word inside a case-sensitive marks fragment. */
const anyCase = (word: string) => word.replace(/[a-z]/g, (c) => `[${c.toUpperCase()}${c}]`);

/**
 * A pattern's grammar as an alternative of its rule's trigger (`im`, tested on one line), so the grammar is written once:
 * the source with its named groups as plain groups (a trigger joins many grammars in one regex, where a name may come
 * twice). A back-reference (`\k<q>`) has no group left to refer to: such a pattern's trigger is written by hand.
 */
export function triggerOf(pattern: RegExp): string {
  if (/\\k<|\\\d/.test(pattern.source)) throw new Error(`triggerOf: /${pattern.source}/ refers back to a group`);
  // `s`, `u`, `v` and `y` read a source otherwise than the trigger's `im` would.
  if (/[suvy]/.test(pattern.flags)) throw new Error(`triggerOf: /${pattern.source}/${pattern.flags} needs flags a trigger does not have`);
  return pattern.source.replace(/(^|[^\\])\(\?<([A-Za-z_$][\w$]*)>/g, '$1(?:');
}

/** One part of a match to replace: a named group and the placeholder kind it becomes. */
export interface RuleTarget {
  readonly group: string;
  /** Placeholder kind; defaults to the pattern's `kind(match)` or the rule's `placeholder`. */
  readonly kind?: string;
}

export interface RulePattern {
  /** Flags `g` and `d` are added when a Redactor compiles the rule. */
  readonly regex: RegExp;
  /** Named groups to replace; absent: the whole match is replaced. */
  readonly targets?: readonly RuleTarget[];
  /**
   * Rejects a candidate (checksum, key name, benign value); the text is then left alone. `around`
   * gives what surrounds the line, for values whose key is elsewhere (YAML `- name:` ⏎ `value:`,
   * a CSV header).
   */
  readonly validate?: ValidatorName;
  /**
   * Words that must stand near the match for it to count (`护照` before a passport number): in
   * the `before` characters ahead of it on its line, or in the CSV header of its column.
   */
  readonly context?: { readonly words: readonly string[]; readonly before: number };
  /** Placeholder kind chosen from the match (e.g. TOKEN for `token=`, SECRET for `password=`). */
  readonly kind?: KindName;
  /** Runs only in items of this layout (formats.ts `detectLayout`: `.pgpass`, svn auth, CSV …). */
  readonly layout?: ItemLayout;
}

/** What surrounds the line being redacted (computed only when a validator asks). */
export interface LineSurroundings {
  /** The line before (without its line break); '' at the start of an item. */
  previous(): string;
  /** The item's first line (a CSV header, at most 1 KiB). */
  header(): string;
  /**
   * The text before the line as it was read (not redacted), at most `maxChars` of it: the lines of
   * a table above a row (its header). Within the text being processed; at its start, the last line
   * of the text before.
   */
  above?(maxChars: number): string;
}

/** A multi-line block: everything between `begin` and `end` is one secret (PEM private keys). */
export interface RuleBlock {
  readonly begin: RegExp;
  readonly end: RegExp;
}

export interface RedactionRule {
  /** kebab-case; the key of the per-rule counts in the manifest. */
  readonly id: string;
  /** Catalogue key of its display name (shared/i18n/messages.ts: 手机号 / phone number). */
  readonly nameKey: `rule.${string}`;
  readonly description: string;
  readonly category: RuleCategory;
  /** Default off: optional rules run only when named in `RedactorOptions.optionalRules`. */
  readonly optional: boolean;
  /** Default placeholder kind: `SECRET` gives `<SECRET-1>`. */
  readonly placeholder: string;
  /**
   * Bulk prefilter: regex-source fragments by scan group. Each group is one combined regex run over
   * whole blocks of text; a line without a hit of one of the rule's fragments never reaches the rule.
   * Groups: `words` (case-insensitive plain literals, compiled to one prefix tree; keep them ≥ 3
   * characters so the scan can skip ahead), `marks` (case-sensitive symbols, token prefixes, CJK;
   * `^` is a line start), `digits` (case-sensitive, digit-led forms), `backslash` (its own pass,
   * for wakes that start at a backslash: among the marks or digits, a first character this common
   * in logs with Windows paths slowed that whole scan by 11–17 %), `bracket` (its own pass, for
   * wakes that start at `[`: the Common Log Format's date), `dollar` (its own pass, for wakes that start
   * at `$`: a shell prompt's end).
   */
  readonly scan: RuleScan;
  /** Per line, case-insensitive: a necessary condition checked before the rule's patterns run. */
  readonly trigger: RegExp;
  /** A finer per-line check after the trigger (is any key on the line named like a secret?). */
  readonly gate?: GateName;
  readonly patterns: readonly RulePattern[];
  /** What makes two values the same one (digits of a phone number); defaults to the value. */
  readonly identity?: IdentityName;
  readonly block?: RuleBlock;
  /**
   * For values that sit alone on the line after their key (`<password>` ⏎ `hunter2`, YAML
   * `password: |` ⏎ `  hunter2`): the placeholder kind when this line opens such a value.
   */
  readonly opensValueOnNextLine?: OpenerName;
  /** Finds the value (group `secret`) on the line after an opening line. */
  readonly nextLineValue?: RegExp;
  /** Only in items with a layout (its patterns name theirs): see `rulesFor`. */
  readonly layoutOnly?: boolean;
  /**
   * A block whose items are each a value of this rule (YAML `users:` maps and lists: Salt pillars, Puppet
   * hiera, cloud-init): after a line matching `open`, every line at the block's first item indentation is
   * matched with `item` (group `secret`, judged by `validate`) until a line is indented less; deeper lines
   * are ordinary lines. One small state, whatever tool wrote the block.
   */
  readonly itemsBlocks?: readonly ItemsBlock[];
}

/**
 * A block of items (RedactionRule.itemsBlocks): after a line matching `open`, lines are matched with `item` (group
 * `secret` or `key`, judged by `validate`). Without `end` the block is indentation-scoped (YAML: every line at the
 * first item's indentation, until a line indented less); with `end` it lasts until a line matching `end` (an INI
 * section's next `[section]`, a Caddyfile block's `}`), and every line in it that matches `item` is one.
 */
export interface ItemsBlock {
  readonly open: RegExp;
  readonly item: RegExp;
  readonly validate: ValidatorName;
  readonly kind: string;
  readonly end?: RegExp;
}


// `.com`, `.local` …: a host name ends with one of the TLDs the hostname rule knows (HOST_TLDS).
// Two-letter TLDs that begin common words (`.session`, `.debug`, `.config`) are looked for with an
// end-of-label check instead, so that every `auth.session` does not wake the rule.
const WORDY_TLDS = ['de', 'fr', 'it', 'es', 'in', 'me', 'co', 'ca', 'se', 'us', 'ru', 'au', 'br', 'ch', 'ad', 'cc', 'tv'];
const HOST_TLD_WORDS = HOST_TLD_LIST.filter((tld) => !WORDY_TLDS.includes(tld))
  .map((tld) => `\\.${tld}`)
  .join('|');
const HOST_TLD_MARKS = String.raw`\.(?:${WORDY_TLDS.join('|')})(?![A-Za-z0-9-])`;

// A full-width digit (U+FF10–FF19, typed with a Chinese IME's full-width mode or read by OCR, alone
// or mixed with ASCII digits: `1３9-1０2５-7７8４`): the mark of phone and ID numbers written that way
// (no character common in logs starts it).
const FULL_WIDTH_DIGITS = '[０-９]';

// Shared by cn-id, payment-card and phone (one scan, one union test per line): from the start of
// a digit run (not mid-number, not after a dot: versions), 7+ digits or a 3-4, 4-4 or 4-6 grouping.
// name20: a passport number of nine capitals and digits with letters inside (Germany's `C4XJ7R2M9`), three digits at least.
const ALNUM_PASSPORT = String.raw`(?=[A-Z0-9]{9}(?![A-Za-z0-9]))(?=(?:[A-Z]*\d){3})[A-Z][A-Z0-9]{8}`;
// num25 (session 23): and the shapes national-number-alone takes (national-shapes.ts): a CPF's `ddd.ddd.ddd-dd`, a Brazilian
// mobile's `9dddd-dddd` (not a UUID's `93765-2129-…`, which would wake every line of a web-app log), a UK mobile's `07ddd ddd`.
// All inside the one alternative after `\d{3}`: a second top-level alternative made the scan of an access log 7 % slower.
const PERSONAL_DIGITS = String.raw`(?<![\d.])\d{3}(?:[-. ]?\d{4}|\d[ -]\d{4}|\.\d{3}\.\d{3}-\d\d|\d\d-\d{4}(?![\w-])|(?<=07\d)\d\d \d{3})`;

/**
 * A credential store's line grammar as two patterns (rest14a): the login (group `user`, kept when built
 * in) and the secret (group `secret`), each validated alone, so a built-in login still gives its password.
 */
function stored(...regexes: RegExp[]): RulePattern[] {
  return regexes.flatMap((regex): RulePattern[] =>
    regex.source.includes('(?<user>')
      ? [
          { regex, targets: [{ group: 'user', kind: 'USER' }], validate: 'storedLogin' },
          { regex, targets: [{ group: 'secret' }], validate: 'storedSecret' },
        ]
      : [{ regex, targets: [{ group: 'secret' }], validate: 'storedSecret' }],
  );
}

/**
 * Logins by the grammar of an account store or an identity tool (session 14, rest15a): each alternative is one
 * family's grammar, its group named for the family; `storeGrammarLogin` judges the login (never a stock or
 * service account, a placeholder or a word) and, for the block-scoped stores, the section the line sits in
 * (one small state for every vendor: FortiGate `config system admin` … `end`, RouterOS `/ppp secret` ⏎ `add …`).
 */
const L = String.raw`[A-Za-z][\w.-]{0,31}`;
/**
 * login18: the names a login's flag is qualified with (`--docker-username=x` of `kubectl create secret docker-registry`,
 * `--registry-user`, `--git-user`, `--vcenter-user`, `--ilo-user`): one more qualifier is one more word here.
 */
const QUALIFIED_USER_FLAG_LIST = ['docker', 'registry', 'git', 'svn', 'repo', 'vcenter', 'vsphere', 'esxi', 'ilo', 'bmc', 'ipmi', 'idrac', 'domain', 'vpn', 'nexus', 'harbor', 'os', 'openstack', 'remote', 'oidc', 'sso', 's3', 'minio', 'es', 'elastic', 'kibana', 'grafana', 'rabbitmq', 'mq', 'kafka', 'redis', 'mongo', 'pg', 'mysql', 'sql', 'oracle', 'jdbc', 'jira', 'sonar', 'jenkins', 'npm', 'pypi', 'maven', 'gitlab', 'github', 'new', 'initial', 'owner', 'login', 'auth', 'wifi', 'ad', 'nas', 'smb', 'cifs', 'webdav', 'dav'];
const QUALIFIED_USER_FLAGS = QUALIFIED_USER_FLAG_LIST.join('|');
/** login18: SQL Server procedures whose `index`-th argument (from 0) is a login: `sp_addlinkedsrvlogin 'srv', 'false', NULL, 'x', 'pw'`. */
const SQL_PROC_LOGIN_ARGS: readonly { readonly proc: string; readonly index: number }[] = [
  { proc: 'sp_addlinkedsrvlogin', index: 3 },
  { proc: String.raw`sp_addlogin|sp_droplogin|sp_grantlogin|sp_denylogin|sp_revokelogin|sp_addsrvrolemember|sp_dropsrvrolemember|sp_defaultdb|sp_change_users_login[ \t]+N?'\w+'[ \t]*,`, index: 0 },
  { proc: 'sp_password', index: 2 },
];
/** login18: the names of a name/value pair's name attribute that name a login (see name-value-pair.ts). */
/**
 * The name of a secret's name/value pair (`<add key="DbPassword" value=…>`, `{"key": "QINIU_AK", "value": …}`): any name,
 * judged by `isSecretKey` (the `namedElementValue` validator) — the secret key vocabulary, dotted names by their last part.
 */
const SECRET_PAIR_KEY = String.raw`[^"'<>\\\r\n]{1,80}`;
const LOGIN_PAIR_KEYS = String.raw`(?:[\w.-]{0,40}[._-])?[a-z]{0,16}(?:user(?:_?name)?|log[io]n(?:_?name)?|user_?id)`;
const STORE_GRAMMAR_LOGINS: readonly RegExp[] = [
    // Block-scoped stores: FortiGate/FortiOS `edit "x"` (the section decides), Juniper `set system login user x`.
    String.raw`^[ \t]*edit[ \t]+(?<eq>"?)(?<edit>${L})\k<eq>[ \t]*\r?$`,
    String.raw`(?:^|[\s;])set[ \t]+system[ \t]+login[ \t]+user[ \t]+(?<junos>${L})(?=[ \t]|\r?$)`,
    // RouterOS: `/ppp secret add name=x`, or `add … name=x` under a `/user` or `/ppp secret` section.
    String.raw`^[ \t]*(?:\/(?<rospath>[a-z][\w -]{0,40}?)[ \t]+)?(?:add|set)[ \t](?:[^\r\n]{0,300}?[ \t])?name=(?<rq>"?)(?<ros>${L})\k<rq>(?=[ \t]|\r?$)`,
    // CLI stores of one line: 天融信 `system admin add name x password …`, `vpn sslvpn user add name x passwd …`,
    // Hillstone/H3C-style `user add name x`, `admin user add name x`.
    String.raw`(?:^|[\s;])(?:system[ \t]+)?(?:admin|user|(?:sslvpn|l2tp|ipsec|pptp|local)[ \t]+user)(?:[ \t]+(?:admin|user))?[ \t]+(?:add|create|modify|set)[ \t]+name[ \t]+(?<tq>["']?)(?<tos>${L})\k<tq>(?=[ \t]|\r?$)`,
    // A console's log names its administrator: 天融信/iKuai `管理员 x 从 10.0.0.1 登录`, TongWeb `Console user x login …`.
    String.raw`(?:管理员|管理账号|管理帐号)[ \t]*(?<cnadm>${L})[ \t]*(?:[(（][^)）\r\n]{0,40}[)）][ \t]*)?(?:从|自|于|在|登录|登陆|退出|注销)`,
    String.raw`(?:[Cc]onsole|[Aa]dmin(?:istrator)?|[Mm]anagement)[ \t]+user[ \t]+(?<console>${L})[ \t]+(?:login|logged|logout|log[ \t]+in|sign(?:ed)?[ \t]+in|authenticat)`,
    // A login beside the person's name: `用户 钱雪(qianxue)`, macOS `User Name: 田雨萱 (tianyuxuan)`, `Full Name: x (login)`.
    String.raw`(?:(?:用户|员工)[ \t]+|(?:User[ \t]+Name|Full[ \t]+Name|Logged[ \t]+in[ \t]+user|用户名?|员工)[ \t]*[:：][ \t]*)(?:[\u4e00-\u9fa5]{2,4}|[A-Z][a-z]{1,20}(?:[ .][A-Z][a-z]{1,20}){0,2}|<NAME-\d+>)[ \t]?[(（](?<paren>${L})[)）]`,
    // Records that list one account's attributes a line each: pfSense/OPNsense `<user>` ⏎ `<name>x</name>` (the
    // validator reads the line before).
    String.raw`^[ \t]*<name>(?<xmlrec>${L})<\/name>[ \t]*\r?$`,
    // FreeIPA: `User login: x`, `ipa user-show|user-add|user-mod|stageuser-add x`, `ipa passwd x`.
    String.raw`\bUser[ \t]+login[ \t]*:[ \t]*(?<ipalogin>${L})[ \t]*\r?$`,
    String.raw`\bipa[ \t]+(?:(?:stage)?user-(?:show|add|mod|del|enable|disable|unlock|activate)|passwd)[ \t]+(?<ipa>${L})(?=[ \t]|\r?$)`,
    // kadmin: `addprinc [-pw p|-randkey …] x`, `getprinc x`, `cpw -pw p x`, `ktadd -k keytab x`, `delprinc x`;
    // kadm5.acl `x/admin@REALM  *`.
    String.raw`(?:^|[\s:])(?:addprinc|add_principal|ank|getprinc|get_principal|cpw|change_password|delprinc|delete_principal|modprinc|modify_principal|ktadd|xst|ktremove|ktrem)(?:[ \t]+(?:-(?:pw|k|e|policy|expire|pwexpire|maxlife|kvno)[ \t]+\S{1,200}|-[a-z]{1,12}|[+-][a-z_]{2,30}))*[ \t]+["']?(?<krb>${L})(?:\/admin)?["']?[ \t]*\r?$`,
    String.raw`^[ \t]*(?<krbacl>${L})\/admin@[A-Z]`,
    // Active Directory: `dsquery user -samid x`, `dsadd user … -samid x`, `dsget … -samid x`.
    String.raw`(?:^|[\s|])-samid[ \t]+(?<sq>"?)(?<samid>${L})\k<sq>(?=[ \t|]|\r?$)`,
    // Ceph: `client.x` (not client.admin, client.bootstrap-*), `radosgw-admin … --uid=x`.
    String.raw`^[ \t]*\[client\.(?<ceph>${L})\][ \t]*\r?$`,
    String.raw`(?:ceph[ \t]+auth[ \t]+(?:get|add|get-or-create|get-or-create-key|get-key|del|rm|caps|print-key|print_key|export)|keyring[ \t]+for|--name|--keyring-for)[ \t]+client\.(?<ceph2>${L})(?=[\s"']|\r?$)`,
    String.raw`radosgw-admin\b[^\r\n]{0,200}?[ \t]--uid[= ](?<uq>["']?)(?<rgw>${L})\k<uq>(?=[ \t]|\r?$)`,
    // Provisioning: kickstart `user --name=x`, preseed `passwd/username string x`.
    String.raw`^[ \t]*user[ \t]+(?:--[a-z-]{2,20}(?:=\S{0,200})?[ \t]+){0,8}--name[= ](?<nq>["']?)(?<ks>${L})\k<nq>(?=[ \t]|\r?$)`,
    String.raw`passwd\/(?:user(?:name)?|username)[ \t]+string[ \t]+(?<preseed>${L})[ \t]*\r?$`,
    // Database shells: `set password for 'x'@'%'`, `Access denied for user 'x'@…`, `grant … to 'x'@`, `--ftp_user=x`,
    // `obclient -ux@tenant#cluster`, redis `AUTH user pass` / `ACL SETUSER x`, mongosh `changeUserPassword("x"`,
    // `createUser: "CN=x,OU=…"`, `host all x 10.0.0.0/8 sha256` (pg_hba/openGauss), `tiup … --user x`.
    String.raw`(?:password[ \t]+for|denied[ \t]+for[ \t]+user|drop[ \t]+user|rename[ \t]+user|to|from)[ \t]+(?<sqlq>['"\x60])(?<sqluser>${L})\k<sqlq>@['"\x60]`,
    String.raw`--?(?:ftp|sftp|db|src|dst|source|target|rbac|cluster|admin|ssh|bind|rpc|api|web|console|mgmt|master|repl|replication|sasl|smtp|mail|ldap|proxy|jmx|${QUALIFIED_USER_FLAGS})[_-]?user(?:name)?[= ](?<fq>["']?)(?<ftp>${L})\k<fq>(?=[ \t]|\r?$)`,
    String.raw`(?:^|[\s/])obclient\b[^\r\n]{0,200}?[ \t]-u[ \t]?(?<ob>${L})@[\w-]{1,64}(?:#[\w-]{1,64})?`,
    String.raw`^[ \t]*(?:\S{0,60}>[ \t]*)?auth[ \t]+(?!(?:required|requisite|sufficient|optional|include|substack)\b)(?<redis>${L})[ \t]+(?![\w.-]{0,80}\.so\b)\S{1,200}[ \t]*\r?$`,
    String.raw`\bACL[ \t]+SETUSER[ \t]+(?<acl>${L})(?=[ \t]|\r?$)`,
    String.raw`\b(?:changeUserPassword|updateUser|dropUser|getUser|createUser)\([ \t]*(?<mq>["'])(?<mongo>${L})\k<mq>`,
    String.raw`\bcreateUser[ \t]*:[ \t]*["']CN=(?<x509>${L}),`,
    String.raw`^[ \t]*(?:-[ \t]+)?(?:[^\r\n]{0,200}?["'])?host(?:ssl|nossl)?[ \t]+[\w,-]{1,64}[ \t]+(?<hba>${L})[ \t]+[\d.:a-fA-F]{2,45}\/\d{1,3}[ \t]+(?:sha256|md5|scram-sha-256|trust|password|cert|sm3|ldap)`,
    String.raw`\btiup\b[^\r\n]{0,300}?[ \t]--user[ \t=](?<tiup>${L})(?=[ \t]|\r?$)`,
    // Applications: `emqx_ctl admins add|passwd|del x`, Elastic `reset-password -u x`, `--proxy-user x`, `create user x success`,
    // TongWeb `<admin-user name="x"`, iscsid `username_in = x`, LDAP bind DNs `CN=x,OU=…` after a bind key.
    String.raw`\bemqx_ctl[ \t]+(?:admins|users)[ \t]+(?:add|passwd|del)[ \t]+(?<emqx>${L})(?=[ \t]|\r?$)`,
    String.raw`(?:reset-password|elasticsearch-users[ \t]+(?:useradd|passwd|userdel|roles))[^\r\n]{0,100}?(?:[ \t]-u|[ \t]--username)?[ \t]+(?<es>${L})(?=[ \t]|\r?$)`,
    String.raw`(?:^|[\s"'])--?proxy[_-]user[= ](?<pq>["']?)(?<proxyuser>${L})\k<pq>(?=[\s"']|\r?$)`,
    String.raw`\b(?:create|created|add|added|delete|deleted|update|updated)[ \t]+user[ \t]+(?<created>${L})[ \t]+(?:success|successfully|succeeded|ok|failed)\b`,
    String.raw`<(?:admin|console|manager|mgmt)-?user[ \t]+(?:[\w-]{1,20}="[^"\r\n]{0,80}"[ \t]+)?name="(?<xmluser>${L})"`,
    String.raw`\busername_in[ \t]*=[ \t]*(?<iscsi>${L})[ \t]*\r?$`,
    // login22 (session 21): and the other keys that name a bind DN — `search-dn` (WildFly), `LDAP_DN`/`ldap_dn`, `root_dn`, `auth_dn`,
    // Tomcat JNDIRealm's `connectionName`, Nextcloud's `ldapAgentName` (in `occ ldap:show-config`'s table, after a `|`).
    String.raw`(?:(?:bind|search|manager|ldap|auth|admin|root)[_-]?dn|binddn|username|user|principal|connectionName|ldapAgentName)["']?[ \t]*[:=|][ \t]*["']?CN=(?<binddn>${L}),(?:OU|CN|DC)=`,
    // A shell prompt names the login: `[x@host dir]$`, `x@host:~$`.
    String.raw`(?:^|[\s(])\[(?<prompt>${L})@[\w.-]{1,63}[ \t][^\]\r\n]{0,80}\][$#]`,
    String.raw`(?:^|[\s(])(?<prompt2>${L})@[\w.-]{1,63}:[~/][^\s$#]{0,120}[$#](?=[ \t]|\r?$)`,
    // rest16a — a password file's line `login:<crypt hash>` whatever tool reads it (htpasswd `x:$apr1$…`/`$2y$`, mosquitto
    // `x:$7$…`, Traefik `users: - "x:$apr1$…"`, a docker label's `basicauth.users=x:$$apr1$$…`, shadow-style `x:$6$…`).
    // login17: with a group between (ocserv `ocpasswd` `x:group:$5$…`), locked with `!` (`x:group:!$5$…`, shadow's `x:!$6$…`).
    // login19: a database's user table as sqlite3 prints it (`select Username, Password from Users`: `x|$PBKDF2-SHA512$…`,
    // `x|$2b$…`), and the PBKDF2 modular format (Jellyfin, ASP.NET Identity exports, `$pbkdf2-sha256$` of passlib).
    String.raw`(?:^|[\s"',=])(?<hashline>${L})(?::(?:[\w-]{1,32}:)?!?|\|)(?=\$\$?(?:apr1|2[abxy]|[1-9]|md5|sha1|y|gy|argon2(?:id|i|d)?|pbkdf2(?:-sha\d{1,3})?)\$\$?[./0-9A-Za-z=]{2})`,
    // The same line after secret-assignment took its hash first (mosquitto's `x:$7$…`, a base64 bcrypt, sqlite3's
    // `x|$PBKDF2-…$` since secret19 takes PBKDF2 hashes): `x:<SECRET-n>` or `x|<SECRET-n>` alone on its line, the login not a word that names a secret itself (`token:<SECRET-1>`).
    String.raw`^[ \t]*(?![\w.-]*(?:pass|pwd|secret|token|key|auth|cred|salt|hash))(?<hashline2>${L})(?:\||:(?:(?![\w-]*(?:pass|pwd|secret|token|key|auth|cred|salt|hash))[\w-]{1,32}:)?!?)<SECRET-\d+>(?::[\d:]{0,64})?[ \t]*\r?$`,
    // Nagios/Icinga/Naemon: a contact object's `contact_name x` (the CGI login), a resource macro `$USERn$=x` holding a login.
    String.raw`^[ \t]*contact_name[ \t]+(?<nagios>${L})[ \t]*(?:;[^\r\n]*)?\r?$`,
    String.raw`^[ \t]*\$USER\d{1,3}\$[ \t]*=[ \t]*(?<macro>${L})[ \t]*\r?$`,
    // strongSwan/libreswan `ipsec.secrets`: `x : EAP|XAUTH|NTLM "pw"` (the id before the type is the login).
    String.raw`^[ \t]*(?<iq>"?)(?<ipsec>${L})\k<iq>[ \t]*:[ \t]*(?:EAP|XAUTH|NTLM)[ \t]`,
    // Weak-password scanners' findings (fscan `[+] SSH 10.0.0.1:22:x pw`, `[+] Tomcat 10.0.0.1:8080 x:pw`).
    String.raw`^\[\+\][ \t]+[A-Za-z][\w-]{1,15}[ \t]+[\d.]{7,15}:\d{1,5}(?::(?<scan>${L})[ \t]+\S|[ \t]+(?<scan2>${L}):\S)`,
    // A `login:password` pair under a key that holds one (Bundler `BUNDLE_<HOST>: "x:pw"`, .curlrc `user = "x:pw"`,
    // `proxy-user = "x:pw"`, `userpwd`, `http_auth`): the login half.
    String.raw`(?:^|[\s{,;])["']?(?:BUNDLE_[A-Z0-9_]{2,80}|user|proxy[_-]user|userpwd|userpass|user[_-]?password|http[_-]?auth|basic[_-]?auth)["']?[ \t]*[:=][ \t]*(?:\[[ \t]*)?["'](?<pair>${L}):(?=[^\s"':/][^\s"']{2,255}["'])`,
    // sbt `Credentials("realm", "host", "x", "pw")`.
    String.raw`\bCredentials\([ \t]*"[^"\r\n]{0,128}"[ \t]*,[ \t]*"[^"\r\n]{0,256}"[ \t]*,[ \t]*"(?<sbt>${L})"[ \t]*,`,
    // PowerShell's AD onboarding: a hashtable's `Sam="x"` (`@{ Sam="x"; Name=… }`), `-SamAccountName x`.
    String.raw`(?:@\{|;)[ \t]*Sam[ \t]*=[ \t]*["'](?<sam>${L})["']|[ \t]-SamAccountName[ \t]+["']?(?<samflag>${L})(?=["']?(?:[ \t]|\r?$))`,
    // A record element per account (FileZilla Server `<User Name="x">`, Azkaban/Tomcat-style `<user username="x" …>`,
    // ActiveMQ `<authenticationUser username="x" …>`, `<account name="x">`).
    String.raw`<(?:[\w:-]*user|account)[ \t]+(?:[\w:-]{1,20}="[^"\r\n]{0,80}"[ \t]+){0,4}(?:name|username|user|login|loginname)="(?<xmlacct>${L})"`,
    // A login key whose value is boxed with its origin (Spring Boot `/actuator/env`: `"spring.datasource.username": { "value": "x", "origin": … }`).
    boxedValue(String.raw`(?:[\w.-]*[._-])?(?:user(?:name)?|login)`, L, 'boxed'),
    // OneDrive for Business: the personal site's path is the owner's UPN (`/personal/x_contoso_com/`).
    String.raw`\.sharepoint\.(?:com|cn)\/personal\/(?<spo>[A-Za-z][\w-]{2,120}?)(?=[\/?#"'\s]|$)`,
    // A bank's or an ERP's receipt names its clerks by role with a colon: `经办: x`, `复核: x`, `审批：x`, `授权: x`.
    String.raw`(?<![\u4e00-\u9fa5])(?:经办|复核|审核|审批|授权|发起)[ \t]*[:：][ \t]*(?<clerk>${L})(?![\w@.-])`,
    // A broadband (PPPoE/ADSL) account, often the subscriber's number: `pppoe_username=0571…`, `宽带账号: 0571…`.
    String.raw`(?<![\w.-])(?:pppoe|adsl|broadband|dialup)[_-]?(?:user(?:name)?|account|acct|login)(?:["']?[ \t]*[=:：][ \t]*|[ \t]+)["']?(?<isp>[A-Za-z0-9][\w.@-]{4,40})|宽带(?:账号|帐号|账户|用户名)[ \t]*(?:[:：=][ \t]*)?(?<isp2>\d{6,20}|[A-Za-z][\w.@-]{4,40})`,
    // `tshark -z credentials`: `Packet  Protocol  Username  Info` rows (`22719  HTTP basic auth  x  Password in packet: 22719`).
    String.raw`^[ \t]*\d{1,12}[ \t]+[A-Za-z][\w/-]{1,20}(?:[ \t][A-Za-z][\w/-]{1,20}){0,3}[ \t]{2,}(?<tshark>${L})[ \t]+(?:Username|Password|Credentials?)[ \t]+in[ \t]+packet\b`,
    // Session 16 (login17) — account stores by their line grammar:
    // 3proxy `users a:CL:pw b:CR:$1$…` (every `login:CL|CR|NT:` of a `users` line; the validator wants the line's `users`).
    String.raw`(?:^[ \t]*users[ \t]+|[ \t])(?<proxy3>${L}):(?:CL|CR|NT):(?=\S)`,
    // Icinga 2 `object ApiUser "x" {`, `object User "x" {` (a notification user is a person's login).
    String.raw`\bobject[ \t]+(?:Api)?User[ \t]+"(?<icinga>${L})"`,
    // SoftEther `vpn_server.config`: `declare x` right under `declare UserList` (the validator reads the block above).
    String.raw`^[ \t]*declare[ \t]+(?<softether>${L})[ \t]*\r?$`,
    // Interactive prompts answered on their line: influx `? Please type your primary username x`, Django/NetBox
    // `Username (leave blank to use 'root'): x`, PuTTY `login as: x`, git `Username for 'https://…': x`.
    String.raw`(?:please[ \t]+(?:type|enter)[ \t]+(?:your[ \t]+|the[ \t]+)?(?:primary[ \t]+|initial[ \t]+|admin(?:istrator)?[ \t]+)?user[ \t]?name(?:[ \t]*:)?|user[ \t]?name[ \t]*\([^()\r\n]{1,80}\)[ \t]*:|^[ \t]*login[ \t]+as[ \t]*:|user[ \t]?name[ \t]+for[ \t]+'[^'\r\n]{1,200}'[ \t]*:)[ \t]+(?<ask>${L})[ \t]*\r?$`,
    // Oracle's `user/password@tns` connect string: parfiles' `userid="x/pw@tns"`, `sqlplus|expdp|impdp|exp|imp|sqlldr x/pw@tns`,
    // `rman target x/pw@tns`, `connect x/pw@tns` (the password is secret-assignment's).
    String.raw`(?:(?:^|[\s"',])userid[ \t]*=[ \t]*|(?:^|[\s;])(?:sqlplus|expdp|impdp|exp|imp|sqlldr|dgmgrl|rman[ \t]+(?:target|auxiliary|catalog)|conn(?:ect)?)[ \t]+(?:-[sSlL][ \t]+)*)["']?(?<oracle>${L})\/(?=[^\s"'@\/]{1,128}(?:@|["']|[ \t]|\r?$))`,
    // A login key inside a JSON string (Insomnia/Postman bodies, logged payloads): `\"username\":\"x\"`.
    String.raw`\\"(?:[\w.-]*[._-])?(?:user(?:_?name)?|login(?:_?name)?|account)\\"[ \t]*:[ \t]*\\"(?<escjson>${L})\\"`,
    // A JSON account as a login key beside a password key (nps `clients.json` `"U":"x","P":"…"`, `{"user":"x","pass":"…"}`).
    String.raw`"(?:u|usr|user|login|account)"[ \t]*:[ \t]*"(?<jpair>${L})"[ \t]*,[ \t]*"(?:p|pw|pwd|pass|passwd|password)"[ \t]*:`,
    // XML settings whose key names the login in an attribute: MySQL Workbench `<value type="string" key="userName">x</value>`
    // (`sshUserName`), Java `<entry key="user">x</entry>`, Spring/Hibernate `<property name="username">x</property>`, .NET
    // `<add key="DbUser" value="x"/>`.
    String.raw`<[\w:-]{1,40}[ \t][^<>]{0,120}?\b(?:key|name)="(?:[\w.-]*[._-])?[a-z]{0,12}(?:user(?:_?name)?|log[io]n(?:_?name)?)"(?:[ \t]+[\w:-]{1,20}="[^"<>]{0,80}")*[ \t]*>(?<xmlkey>${L})<\/|<add[ \t]+key="(?:[\w.-]*[._-])?[a-z]{0,12}(?:user(?:_?name)?|log[io]n(?:_?name)?)"[ \t]+value="(?<xmladd>${L})"`,
    // The `user@host` argument of ssh-family clients (`ssh x@host`, `ssh -i key x@host`, PuTTY `plink -ssh x@host -pw …`,
    // `sftp`, `mosh`, `autossh`, `ssh-copy-id`): flags and their values before it.
    String.raw`(?:^|[\s"'/\\;&|(])(?:ssh|plink|putty|kitty|mosh|sftp|autossh|ssh-copy-id)(?:\.exe)?["']?(?:[ \t]+-[A-Za-z]{1,12}(?:[ \t]+(?!-)[^\s@"']{1,200})?){0,12}[ \t]+(?<sshuser>${L})@(?=[\w.-]{1,253}(?:[\s:"']|\r?$)|\$\{?[A-Za-z_]\w{0,40}\}?(?:[\s:"']|\r?$))`,
    // FTP and POP3 sessions as captured (IDS payloads, `ftp -d`, a proxy's log): `USER x` on its own line after the greeting.
    String.raw`^[ \t]*USER[ \t]+(?<ftpcmd>${L})[ \t]*\r?$`,
    // WeCom 会话存档 (chat archive) messages: the sender `"from":"x"` and each `"tolist":["x", …]` member (external ids stay).
    String.raw`"from"[ \t]*:[ \t]*"(?<wecom>${L})"[ \t]*,[ \t]*"tolist"[ \t]*:`,
    String.raw`(?<="tolist"[ \t]*:[ \t]*\[(?:[ \t]*"[^"\r\n]{1,64}"[ \t]*,){0,40})[ \t]*"(?<wecomto>${L})"`,
    // A test or shared account written `login / password` after its word (`测试号 x / pw`, `账号: x / pw`, `login x / pw`).
    String.raw`(?:(?:(?:测试|体验|演示|共享|公共)?(?:号|账号|帐号|账户)|用户名?)(?:[ \t]*[:：])?[ \t]*|(?:account|login)[ \t]*[:：][ \t]*)(?<slashpair>${L})[ \t]+\/[ \t]+(?=[^\s\/]{0,63}[\d!@#$%^&*+=?~])[^\s\/]{4,64}(?=[ \t，。,;；)）]|\r?$)`,
    // Session 17 (login18) — a name/value PAIR under a login's name (name-value-pair.ts): ZTE ONU `<DM name="UserName"
    // val="x"/>`, BES `<property name="User" value="x"/>`, `{"name":"login","value":"x"}` (a broadband account may
    // start with its area code: `0571k83310942`; digits alone only under a username/login name, judged by the validator).
    namedValuePair(LOGIN_PAIR_KEYS, String.raw`[A-Za-z0-9][\w.@-]{0,63}`, 'nvpair'),
    // A JSON account record whose `name` comes with the account's e-mail or its password hash (UniFi `db.admin`: `"name" :
    // "x", "email" : …, "x_shadow" : …`): only a login-shaped name (a `_`, `.` or digit in it; `"name": "Office"` is a label).
    String.raw`"name"[ \t]*:[ \t]*"(?<acctrec>[A-Za-z]{1,31}[_.\d][\w.-]{0,30})"[ \t]*,[ \t]*(?:"email"[ \t]+:|"(?:x_shadow|password_hash)"[ \t]*:)`,
    // JAAS options inside a string (Kafka/Debezium `sasl.jaas.config`: `…LoginModule required username=\"x\" password=…`).
    String.raw`LoginModule[ \t]+(?:required|requisite|sufficient|optional)\b[^\r\n]{0,200}?[ \t](?:user(?:name)?|user_?id)=\\{0,2}["'](?<jaas>${L})\\{0,2}["']`,
    // SQL Server's login procedures by their login parameter (`sp_addlinkedsrvlogin … @rmtuser=N'x'`, `sp_addlogin @loginame='x'`,
    // `sp_addsrvrolemember @loginame=…`) or position (SQL_PROC_LOGIN_ARGS), and a bracketed login (`CREATE LOGIN [x] WITH …`).
    String.raw`(?<![\w-])@(?:rmtuser|loginame|login_?name|username|user_?name)[ \t]*=[ \t]*N?'(?<tsqlarg>${L})'`,
    ...SQL_PROC_LOGIN_ARGS.map((p) => String.raw`\b(?:${p.proc})[ \t]+(?:(?:N?'[^'\r\n]{0,128}'|NULL|\d{1,9})[ \t]*,[ \t]*){${p.index}}N?'(?<tsqlpos>${L})'`),
    String.raw`\b(?:create|alter|drop)[ \t]+(?:login|user)[ \t]+\[(?<tsqlbr>${L})\](?=[ \t]+(?:with|from|for)\b|[ \t]*(?:;[ \t]*)?\r?$)`,
    // A digit login where the key is certain (a campus 802.1X `UserName=20231184`, a broadband `LoginName=0571…`): INI lines only.
    String.raw`^[ \t]*(?:user[_-]?name|login[_-]?name|login[_-]?id)[ \t]*[=:：][ \t]*(?<digitlogin>\d{6,20})[ \t]*\r?$`,
    // A numbered account signing in, as Chinese clients log it (Ruijie/H3C supplicants, campus portals: `用户 20231184 (姓名)
    // 认证成功`, `账号 2021301234 登录失败`): digits only with the outcome after them (工号 and bare numbers stay).
    String.raw`(?:用户|账号|帐号)(?:名)?[ \t]*(?:[:：][ \t]*)?(?<cnauthnum>\d{6,20})[ \t]*(?:[(（][^()（）\r\n]{1,30}[)）][ \t]*)?(?:认证|登录|登陆|注销|上线|下线|鉴权)`,
    // Harbor robot accounts as a registry login: `username: robot$project+name`.
    String.raw`(?:user(?:name)?|login)["']?[ \t]*[:=][ \t]*["']?(?<robot>robot\$[\w.+-]{1,63})`,
].map((source) => new RegExp(source, 'i'));

const STORE_GRAMMAR_GROUPS = ['slashpair', 'sshuser', 'ftpcmd', 'wecom', 'wecomto', 'proxy3', 'icinga', 'softether', 'ask', 'oracle', 'escjson', 'jpair', 'xmlkey', 'xmladd', 'tshark', 'xmlacct', 'boxed', 'spo', 'clerk', 'isp', 'isp2', 'hashline', 'hashline2', 'nagios', 'macro', 'ipsec', 'scan', 'scan2', 'pair', 'sbt', 'sam', 'samflag', 'edit', 'junos', 'ros', 'tos', 'cnadm', 'console', 'paren', 'ipalogin', 'ipa', 'krb', 'krbacl', 'samid', 'ceph', 'ceph2', 'rgw', 'ks', 'preseed', 'sqluser', 'ftp', 'ob', 'redis', 'acl', 'mongo', 'x509', 'hba', 'tiup', 'emqx', 'es', 'proxyuser', 'created', 'xmluser', 'iscsi', 'binddn', 'prompt', 'prompt2', 'robot', 'xmlrec', 'nvpair', 'nvpairj', 'acctrec', 'jaas', 'tsqlarg', 'tsqlpos', 'tsqlbr', 'digitlogin', 'cnauthnum'];
// Grammars that are a pattern of user-name and, written once, an alternative of its trigger (triggerOf).
// login19: a line that lists logins — OpenSSH's `AllowUsers x y@10.0.0.0/8` / `DenyUsers x` (a pattern's `@host` after the
// login), TigerVNC's `PlainUsers=x,y` (its config file or `-PlainUsers x,y`): up to four logins of the list, a wildcard
// pattern (`*@10.0.0.*`), a group (`%wheel`) or a built-in account (`root`) before them skipped; the line holds nothing
// else (not prose about the keyword).
const LIST_ITEM = String.raw`(?:[A-Za-z][\w.-]{0,31}(?:@[^\s,]{1,80})?|\*[^\s,]{0,80}|[%@][^\s,]{1,80})(?![\w.-])`;
const LIST_SEP = String.raw`(?:[ \t]*,[ \t]*|[ \t]+)`;
const LISTED_LOGIN = (name: string) => String.raw`(?<${name}>[A-Za-z][\w.-]{1,31})(?:@[^\s,]{1,80})?`;
const LOGIN_LIST_LINE = new RegExp(
  String.raw`^[ \t]*(?:(?:allow|deny)users[ \t]|-?plainusers(?:[ \t]*=|[ \t]))(?=[ \t]*${LIST_ITEM}(?:${LIST_SEP}${LIST_ITEM})*[ \t]*\r?$)[ \t]*(?:(?:\*[^\s,]*|[%@][^\s,]+|(?:root|admin|guest|nobody)(?:@[^\s,]+)?)${LIST_SEP})*` +
    String.raw`${LISTED_LOGIN('user')}(?:${LIST_SEP}${LISTED_LOGIN('user2')})?(?:${LIST_SEP}${LISTED_LOGIN('user3')})?(?:${LIST_SEP}${LISTED_LOGIN('user4')})?(?![\w.-])`,
  'i',
);
// rsyncd's log: `… for liming: password mismatch`.
const RSYNCD_PASSWORD_MISMATCH = /[ \t]for (?<user>[a-z][\w.-]{0,31}): password mismatch/i;

// Their wakes: literal keywords of each grammar (words, case-insensitive), line-start commands and CJK (marks),
// and a shell prompt's `]$` / `:~$` from its `$` or `#` (no character common in logs starts one).
const STORE_GRAMMAR_WORDS = 'edit "|login user |add name|set name|console user |admin user |management user |full name|user login|ipa user-|ipa stageuser-|ipa passwd|addprinc|add_principal|ank |getprinc|get_principal|cpw |change_password|delprinc|delete_principal|modprinc|modify_principal|ktadd|xst |ktremove|ktrem |admin@|samid|client\\.|keyring for|ceph auth|radosgw-admin|user --name|passwd/user|denied for user|drop user|rename user|ftp_user|ftp-user|proxy-user|proxy_user|obclient|acl setuser|changeuserpassword|updateuser|dropuser|getuser|createuser|host all|hostssl|hostnossl|tiup|emqx_ctl|reset-password|elasticsearch-users|created user|add user|added user|delete user|deleted user|update user|updated user|admin-user|username_in|cn=|robot\\$|grant |revoke |accounts:|name>|contact_name|eap "|xauth "|ntlm "|bundle_|userpwd|userpass|http_auth|basic_auth|basicauth|credentials\\(|sam=|sam =|samaccountname|users\\]|accounts\\]|logins\\]|userlist\\]|ip addresses|callin|in packet|eap-|xauth-|account name="|sharepoint\\.com/personal/|sharepoint\\.cn/personal/|admin_name|adminname|admin-name|admin_login|local_admin|localadmin|local-admin|pppoe|broadband|dialup|adsl_|adsl-|uid =|uid:|tolist|mosh |autossh|rbac-user|cluster-user|ssh-user|ssh_user|bind-user|bind_user|api-user|web-user|console-user|mgmt-user|master-user|master_user|repl-user|repl_user|replication-user|sasl-user|smtp-user|smtp_user|mail-user|mail_user|ldap-user|ldap_user|jmx-user|db-user|db_user|src-user|dst-user|source-user|target-user|rolename|hashuserrealm|realm\\.properties|tokens\\.properties|users\\.properties|net session|net file|object apiuser|object user|authname\'|authname"|authname</|declare |please type|please enter|login as|sqlplus|expdp|impdp|sqlldr|dgmgrl|rman |user\\\\"|login\\\\"|account\\\\"|u":"|u": "|x_shadow|email" :|user-id|usename|rolname|rmtuser|loginame|sp_addlinkedsrvlogin|sp_addlogin|sp_droplogin|sp_grantlogin|sp_denylogin|sp_revokelogin|sp_addsrvrolemember|sp_dropsrvrolemember|sp_defaultdb|sp_change_users_login|sp_password|' + QUALIFIED_USER_FLAG_LIST.map((q) => `${q}-user|${q}_user`).join('|');
const STORE_GRAMMAR_MARKS = String.raw`管理员|管理账号|管理帐号|员工|测试号|体验号|演示号`;
// A shell prompt's `]$` / `:~$` / `:~/dir$` / `:/dir$` (lead, session 19: only `:~$` woke, held-out-21's `ana@dev-lt:~/infra$`
// was taken by the reference engine alone), found from its `$` in a pass of its own (ScanGroup `dollar`): any new first
// character among the marks (a `$` too) made that whole scan 3× slower on access logs (session 14).
// rest16a: a hash line's `:$id$` (`x:$apr1$…`, `x:$$apr1$$…`), a Nagios macro's `$USERn$=`; login19: `|$id$` (sqlite3's
// `x|$2b$…`), `$pbkdf2-sha512$`.
const STORE_GRAMMAR_DOLLAR = String.raw`\$(?<=\]\$)|\$(?<=:[~/][^\s$#]{0,120}\$)|\$(?<=[\w.-]:!?\$)(?=\$?(?:apr1|2[abxy]|[1-9]|md5|sha1|y|gy|argon2)\$)|\$(?<=[\w.-]\|\$)(?=\$?(?:apr1|2[abxy]|[1-9]|md5|sha1|y|gy|argon2)\$)|\$(?<=[\w.-](?::!?|\|)\$)(?=(?:pbkdf2|PBKDF2)(?:-sha\d{1,3}|-SHA\d{1,3})?\$)|\$(?<=(?:^|\n)[ \t]{0,16}\$USER\d{1,3}\$)`;
const STORE_GRAMMAR_TRIGGER = String.raw`edit[ \t]+"?[a-z]|login[ \t]+user[ \t]|(?:add|set)[ \t][^\r\n]{0,300}?name=|(?:add|create|modify|set)[ \t]+name[ \t]|管理员|管理账号|管理帐号|员工|(?:console|admin(?:istrator)?|management)[ \t]+user[ \t]|(?:full|user)[ \t]+name[ \t]*[:：]|logged[ \t]+in[ \t]+user|user[ \t]+login[ \t]*:|ipa[ \t]|addprinc|add_principal|ank[ \t]|getprinc|get_principal|cpw[ \t]|change_password|delprinc|delete_principal|modprinc|modify_principal|ktadd|xst[ \t]|ktrem|\/admin@|-samid|client\.|radosgw-admin|passwd\/user|[_-]user(?:name)?[= ]|obclient|auth[ \t]+[a-z][\w.-]{0,31}[ \t]+\S|acl[ \t]+setuser|changeuserpassword|updateuser|dropuser|getuser|createuser|host(?:ssl|nossl)?[ \t]+[\w,-]{1,64}[ \t]+[a-z][\w.-]{0,31}[ \t]+[\d.:a-f]{2,45}\/\d|tiup|emqx_ctl|reset-password|elasticsearch-users|(?:create|created|add|added|delete|deleted|update|updated)[ \t]+user[ \t]|user[ \t][^\r\n]{0,100}?name="|username_in|robot\$|<name>|users:|accounts:|denied[ \t]+for[ \t]+user|password[ \t]+for|drop[ \t]+user|rename[ \t]+user|grant[ \t]|revoke[ \t]|(?:dn|user(?:name)?|principal|connectionname|ldapagentname)["']?[ \t]*[:=|][ \t]*["']?cn=|\]\$|:[~/][^\s$#]{0,120}\$|[\w.-]:\$\$?(?:apr1|2[abxy]|[1-9]|md5|sha1|y|gy|argon2)|[\w.-]\|\$\$?(?:apr1|2[abxy]|[1-9]|md5|sha1|y|gy|argon2)|[\w.-](?::!?|\|)\$pbkdf2(?:-sha\d{1,3})?\$|[\w.-][:|]<secret-\d+>[ \t]*\r?$|contact_name|^[ \t]*\$user\d{1,3}\$|:[ \t]*(?:eap|xauth|ntlm)[ \t]|^\[\+\][ \t]+[a-z][\w-]{1,15}[ \t]+\d|bundle_|userpwd|userpass|http_auth|basic_?auth|credentials\(|sam[ \t]*=|samaccountname|^[ \t]*\[(?:users|accounts|user[ _-]?accounts|logins|userlist)\]|client[ \t]+server[ \t]+secret|^[ \t]*(?:eap|xauth|ntlm)(?:-[\w-]{0,40})?[ \t]*\{|[ \t]in[ \t]+packet\b|^[ \t]*\|[ \t]*(?:user|username|user_name|login|account)[ \t]*\||^[ \t]*id[ \t]+name[ \t]+callin|account[ \t][^\r\n]{0,100}?name="|sharepoint\.(?:com|cn)\/personal\/|(?:经办|复核|审核|审批|授权|发起)[ \t]*[:：]|pppoe|broadband|dialup|adsl[_-]|宽带|^[ \t]*users[ \t]+[a-z][\w.-]{0,31}:(?:cl|cr|nt):|object[ \t]+(?:api)?user[ \t]+"|^[ \t]*declare[ \t]+[a-z][\w.-]{0,31}[ \t]*\r?$|please[ \t]+(?:type|enter)[^\r\n]{0,40}?user[ \t]?name|user[ \t]?name[ \t]*\(|login[ \t]+as[ \t]*:|user[ \t]?name[ \t]+for[ \t]+'|userid[ \t]*=|(?:sqlplus|expdp|impdp|exp|imp|sqlldr|dgmgrl|rman|conn(?:ect)?)[ \t][^\r\n]{0,80}?\/|(?:user(?:_?name)?|login(?:_?name)?|account)\\"[ \t]*:|"(?:u|usr|user|login|account)"[ \t]*:[ \t]*"[^"\r\n]{1,40}"[ \t]*,[ \t]*"(?:p|pw|pwd|pass|passwd|password)"|(?:key|name)="[^"\r\n]{0,40}(?:user(?:_?name)?|log[io]n(?:_?name)?)"[^<>\r\n]{0,160}>[a-z]|<add[ \t]+key="[^"\r\n]{0,40}(?:user|log[io]n)|[\w.-]:!\$\$?(?:apr1|2[abxy]|[1-9]|md5|sha1|y|gy|argon2)|[\w.-]:!?<secret-\d+>(?::[\d:]{0,64})?[ \t]*\r?$|^[ \t]*#[^\r\n]*(?:rolename|hashuserrealm|realm\.properties|tokens\.properties|users\.properties|user(?:name)?[ \t]*[:=][ \t]*password)|pdbedit[ \t][^\r\n]*-[a-z]*l|net(?:\.exe)?[ \t]+(?:sessions?|files?)[ \t]*\r?$|(?:ssh|plink|putty|kitty|mosh|sftp|autossh|ssh-copy-id)(?:\.exe)?["']?[ \t][^\r\n]{0,400}?[a-z][\w.-]{0,31}@[\w.$-]|"tolist"[ \t]*:|(?:号|账号|帐号|账户|用户名?|account|login)(?:[ \t]*[:：])?[ \t]*[a-z][\w.-]{0,31}[ \t]+\/[ \t]+[^\s\/]{4,64}|^[ \t]*[|｜](?:[^|｜\r\n]{0,80}[|｜]){0,12}?[ \t]*(?:账号|帐号|用户名|登录名|登录账号|user(?:[ _-]?name)?|login(?:[ _-]?name)?|account)[ \t]*[|｜]|loginmodule[^\r\n]{0,200}?[ \t]user|"name"[ \t]*:[ \t]*"[^"\r\n]{1,40}"[ \t]*,[ \t]*(?:"email"[ \t]+:|"(?:x_shadow|password_hash)")|${namedValuePairTrigger(LOGIN_PAIR_KEYS)}|@(?:rmtuser|loginame|login_?name|user_?name)[ \t]*=|sp_(?:addlinkedsrvlogin|addlogin|droplogin|grantlogin|denylogin|revokelogin|addsrvrolemember|dropsrvrolemember|defaultdb|change_users_login|password)[ \t]|(?:create|alter|drop)[ \t]+(?:login|user)[ \t]+\[|^[ \t]*(?:user[_-]?name|login[_-]?name|login[_-]?id)[ \t]*[=:：][ \t]*\d{6,20}[ \t]*\r?$|^[ \t]*(?:usename|rolname|user_?name|login_?name)[ \t]*\|[^\r\n]*\r?$|(?:用户|账号|帐号)(?:名)?[ \t]*(?:[:：][ \t]*)?\d{6,20}[ \t]*(?:[(（][^()（）\r\n]{1,30}[)）][ \t]*)?(?:认证|登录|登陆|注销|上线|下线|鉴权)`;
/** The built-in rules, in the order they run. */
export const RULES: readonly RedactionRule[] = [
  {
    id: 'private-key',
    nameKey: 'rule.private-key',
    description: 'PEM and PGP private key blocks (RSA, EC, DSA, OpenSSH, PKCS#8, encrypted), OpenVPN static keys (tls-auth / tls-crypt), PuTTY private lines; certificates and public keys are kept',
    category: 'secret',
    optional: false,
    placeholder: 'PRIVATE-KEY',
    scan: { words: 'private|static key' },
    trigger: /private key|private-lines|openvpn static key/i,
    identity: 'pemBody',
    patterns: [
      {
        // Whole block on one line: JSON-escaped (`\n`) keys in service-account files, one-line dumps.
        // Escaped line breaks next to the markers stay, so the JSON keeps its shape.
        regex: /(?<begin>-{4,5} ?BEGIN (?<type>[A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?) ?-{4,5})(?:\\r)?(?:\\n)?(?<secret>.*?)(?:\\r)?(?:\\n)?(?<end>-{4,5} ?END \k<type> ?-{4,5})/,
        targets: [{ group: 'secret' }],
        validate: 'nonEmptyKeyBody',
      },
    ],
    block: {
      // PuTTY .ppk files: the lines after `Private-Lines: N` up to `Private-MAC:` are the key.
      begin: /-{4,5} ?BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)? ?-{4,5}|-{4,5}BEGIN OpenVPN Static key V\d-{4,5}|^Private-Lines: *\d+/,
      end: /-{4,5} ?END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)? ?-{4,5}|-{4,5}END OpenVPN Static key V\d-{4,5}|^Private-MAC:/,
    },
  },
  {
    id: 'file-layout',
    nameKey: 'rule.file-layout',
    description: "credentials a file's layout places without a key word on the line: the password of .pgpass lines (host:port:db:user:password), Subversion's cached logins (svn.simple), OpenVPN's auth-user-pass file (user, then password), and CSV cells under a password, login, name or street-address column (browser password and autofill exports, HR tables, CRM and helpdesk people columns; a second table after a blank line reads its own header), and LDIF, vCard and iCalendar items: names, logins, phones, streets and password hashes under their attributes and properties",
    category: 'secret',
    optional: false,
    placeholder: 'SECRET',
    layoutOnly: true,
    // Every line of such an item: these rules exist only in the rule sets of those items. In a pass of its own (session 17, secret18):
    // a `^.` among the marks took the first character of a line from the marks of other rules starting there (the marks scan resumes
    // after its hit), so `用户 x 的口令` under a `cat ~/.pgpass` section woke user-name only without the prefilter.
    scan: { layout: '^.' },
    trigger: /\S/,
    patterns: [
      // ---- login22 (session 21): the login of a .pgpass line is half the credential (fixtures README, service accounts): taken
      // whatever it looks like (`oa_app_hg`), a built-in or stock one (`postgres`, `sysdba`) and `*` kept.
      {
        layout: 'pgpass',
        regex: /^(?!#)(?:[^:\\\r\n]|\\.)+:(?:\d+|\*):(?:[^:\\\r\n]|\\.)+:(?<user>[A-Za-z][\w.-]{0,62}):(?<secret>(?:[^\\\r\n]|\\.)+?)\r?$/,
        targets: [{ group: 'user', kind: 'USER' }],
        validate: 'pgpassLogin',
      },
      // ---- end login22
      {
        layout: 'pgpass',
        // `\:` and `\\` escape inside fields; `*` matches any host, port, db or user.
        regex: /^(?!#)(?:[^:\\\r\n]|\\.)+:(?:\d+|\*):(?:[^:\\\r\n]|\\.)+:(?:[^:\\\r\n]|\\.)+:(?<secret>(?:[^\\\r\n]|\\.)+?)\r?$/,
        targets: [{ group: 'secret' }],
        validate: 'realSecret',
      },
      {
        layout: 'svn-auth',
        regex: /^(?<secret>[^\r\n]+?)\r?$/,
        targets: [{ group: 'secret' }],
        validate: 'svnHashValue',
      },
      {
        layout: 'openvpn-auth',
        regex: /^[ \t]*(?<user>\S+)[ \t]*\r?$/,
        targets: [{ group: 'user', kind: 'USER' }],
        validate: 'firstLineLogin',
      },
      {
        layout: 'openvpn-auth',
        regex: /^(?<secret>\S+)[ \t]*\r?$/,
        targets: [{ group: 'secret' }],
        validate: 'secondLinePassword',
      },
      {
        // rsyncd.secrets: `login:password` (a `@group:password` line too); comments kept.
        layout: 'rsync-secrets',
        regex: /^[ \t]*@?(?<user>[A-Za-z][\w.-]{0,31}):(?<secret>[^\s:][^\r\n]*?)[ \t]*\r?$/,
        targets: [{ group: 'user', kind: 'USER' }, { group: 'secret' }],
      },
      {
        // Exim's passwd.client: `host:login:password` (the host may be a `*.domain` pattern; the
        // login an address, which the email rule took already); comments kept.
        layout: 'exim-passwd',
        regex: /^[ \t]*(?!#)[^\s:]+:(?:(?<user>[A-Za-z][\w.-]{0,63})|[^\s:]+):(?<secret>[^\r\n]*?)[ \t]*\r?$/,
        targets: [{ group: 'user', kind: 'USER' }, { group: 'secret' }],
        validate: 'realSecret',
      },
      {
        // davfs2's `secrets`: `<url or mount point> <user> <password>` (a proxy's line `<proxy> <user> <password>` too); comments kept.
        layout: 'davfs2-secrets',
        regex: /^[ \t]*(?!#)\S+[ \t]+(?:"[^"\r\n]+"|[^\s"]+)[ \t]+(?:"(?<qsecret>[^"\r\n]+)"|(?<secret>[^\s"#]\S*))[ \t]*\r?$/,
        targets: [{ group: 'qsecret' }, { group: 'secret' }],
        validate: 'clientFlagSecret',
      },
      {
        // A file that holds a password alone (Ambari's `password.dat`): its bare lines.
        layout: 'password-file',
        regex: /^(?<secret>[^\s#][^\s]{0,200})\r?$/,
        targets: [{ group: 'secret' }],
        validate: 'realSecret',
      },
      {
        // A client's password file: the password alone on its line.
        layout: 'rsync-secrets',
        regex: /^(?<secret>[^\s:#][^\s:]{0,200})\r?$/,
        targets: [{ group: 'secret' }],
      },
      {
        layout: 'csv',
        regex: /(?<=^|,)"?(?<secret>[^,\r\n"]+)"?(?=,|\r?$)/,
        targets: [{ group: 'secret' }],
        validate: 'csvSecretColumn',
      },
      {
        layout: 'csv',
        regex: /(?<=^|,)"?(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})"?(?=,|\r?$)/,
        targets: [{ group: 'user', kind: 'USER' }],
        validate: 'csvUserColumn',
      },
      {
        layout: 'csv',
        // A display name may carry a remark in brackets (Tencent Meeting `汤雅琴（财务-汤雅琴）`, `张伟(产品部)`), a
        // desk or role before it (a visitor log's 登记人 `前台-包小雨`), and a cell may list several people (Moka's
        // 面试官 `缪晨阳;钮海峰`, `张伟、李娜`).
        regex: /(?<=^|,"?|[;；、/][ \t]?)(?:[\u4e00-\u9fa5]{1,6}[-－])?(?<name>[\u4e00-\u9fa5]{2,4})(?:[(（][^,()（）"\r\n]{1,24}[)）])?(?=[ \t]?[;；、/]|"?(?:,|\r?$))/,
        targets: [{ group: 'name', kind: 'NAME' }],
        validate: 'csvNameColumn',
      },
      {
        layout: 'csv',
        // cjk25 (session 23): a minority or foreign name in Han with its middle dot (`艾力·买买提`) under a name header.
        regex: CSV_DOTTED_NAME,
        targets: [{ group: 'name', kind: 'NAME' }],
        validate: 'csvDottedNameColumn',
      },
      {
        layout: 'csv',
        // A nobiliary particle may stand between (`Hendrik de Vries`, `Ludwig van der Berg`).
        // name25 (session 23): letters of Latin Extended-A and a hyphenated word too (`Wojciech Zieliński`, `Anna Nowak-Kowalczyk`), four words.
        // dir26 (session 24): a family name of Mac/Mc/O' (`Fiona MacLeod`, `Lachlan McAllister`, `Aoife O'Brien`).
        regex: /(?<=^|,)"?(?<latin>[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž]{1,15}(?:-[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž]{1,15})?(?:(?: (?:van|von|de|der|den|da|di|du|del|della|dos|das|do|le|la|ten|ter|bin|binti|ibn|al)){0,2} (?:Ma?c|O['’])?[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž]{1,15}(?:-[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž]{1,15})?){1,3}|[A-Z]{2,15}(?: [A-Z]{2,15}){1,2})"?(?=,|\r?$)/,
        targets: [{ group: 'latin', kind: 'NAME' }],
        validate: 'csvLatinNameColumn',
      },
      {
        // A roster's identity-number column (北森 `证件号`, `证件号码`, `护照号`) holding a foreign passport's number (here, not in the passport rule: a trigger for a
        // bare 9-digit cell cost every log line the digits scan wakes)
        // (9 digits, a letter and 8 digits, two letters and 7) where the other rows hold 身份证 numbers; not
        // a row whose 证件类型 says it is another document.
        layout: 'csv',
        // A 9-character European passport number (Dutch `NXK4P81R2`: letters and digits mixed) only in a row that says 护照/passport.
        regex: /(?<=^|,)"?(?<doc>[A-Z]{1,2}\d{7,8}|\d{9}|[A-Z]{1,2}[A-Z0-9]{6,7}\d)"?(?=,|\r?$)/,
        targets: [{ group: 'doc', kind: 'PASSPORT' }],
        validate: 'csvPassportColumn',
      },
      {
        // A CSV cell holding a person's Latin name and its login in brackets (JumpServer `Marco Bellini(mbellini)`),
        // whatever the column: the login must be made of the name (m + bellini, marco.bellini, bellinim).
        layout: 'csv',
        regex: /(?<=^|,)"?(?<latin>[A-Z][a-z]{1,15}(?:-[A-Za-z][a-z]{1,15})? [A-Z][a-z]{1,15}(?:-[A-Za-z][a-z]{1,15})?)[ \t]?[(（](?<user>[a-z][a-z0-9._-]{1,31})[)）]"?(?=,|\r?$)/,
        targets: [{ group: 'latin', kind: 'NAME' }, { group: 'user', kind: 'USER' }],
        validate: 'latinNameWithLogin',
      },
      {
        layout: 'csv',
        // name22: a quoted cell only whole (a quoted address with commas is the next pattern's, not its first part).
        regex: /(?<=^|,)(?:"(?=[^,\r\n"<>]{4,160}")|(?!"))(?<address>[^,\r\n"<>]{4,160})"?(?=,|\r?$)/,
        targets: [{ group: 'address', kind: 'ADDRESS' }],
        validate: 'csvAddressColumn',
      },
      // --- name22 (session 21): one part of a person's name under a first-, last- or given-name column (`"Mikael","","Virtanen"`,
      // `Aigerim,Nurlanovna,…`, `"佳琪","","万"`, `Dvořák`, `O'Neil`, `SCHNEIDER`), see formats.ts CSV_NAME_PART_COLUMN; and a
      // quoted address cell with commas in it (`"ул. Абая 52, кв. 17, Алматы 050008"`), which the cell above cannot hold.
      {
        layout: 'csv',
        // name25 (session 23): a particle before a family name (`De Luca`, `van Dijk`, `de Graaf`).
        regex: /(?<=^|,)"?(?<part>(?:(?:De|Di|Da|Del|Della|Van|Von|Le|La|van|von|de|di|da|del|della|le|la|dos|das|ten|ter) (?:(?:der|den|la) )?)?[A-ZÀ-ÖØ-Þ\u0100-\u017f][a-zß-öø-ÿ\u0100-\u017f]{1,24}(?:[-'’][A-ZÀ-ÖØ-Þ\u0100-\u017f]?[a-zß-öø-ÿ\u0100-\u017f]{1,24})?|[A-Z]{2,24}|[\u4e00-\u9fa5]{1,3})"?(?=,|\r?$)/,
        targets: [{ group: 'part', kind: 'NAME' }],
        validate: 'csvNamePartColumn',
      },
      {
        layout: 'csv',
        regex: /(?<=^|,)"(?<address>[^"\r\n<>]{4,160},[^"\r\n<>]{1,160})"(?=,|\r?$)/,
        targets: [{ group: 'address', kind: 'ADDRESS' }],
        validate: 'csvAddressColumn',
      },
      // addr25 (session 23): a cell under a bare `Address` column (Mailchimp, a contact list) when it reads as a street, not an
      // IP address or a host (street-address-keyed.ts isStreetCell).
      {
        layout: 'csv',
        regex: /(?<=^|,)(?:"(?<address>[^"\r\n<>]{4,160})"|(?<plain>[^,"\r\n<>]{4,160}))(?=,|\r?$)/,
        targets: [{ group: 'address', kind: 'ADDRESS' }, { group: 'plain', kind: 'ADDRESS' }],
        validate: 'csvBareAddress25',
      },
      // --- end name22
      // --- num25 (session 23): a national, tax or identity number under a column that names it (WooCommerce's `Codice fiscale`,
      // a CRM export's `CPF`, `NIK`, `tax_id`): the column's format, its shape or check (national-ids.ts isNationalIdCell).
      {
        layout: 'csv',
        regex: /(?<=^|,)"?[ \t]?(?<idnum>[A-Z0-9](?:[A-Z0-9]|[ ./()-](?=[A-Z0-9(])){5,24}\)?)[ \t]?"?(?=,|\r?$)/i,
        targets: [{ group: 'idnum', kind: 'IDNUM' }],
        validate: 'csvNationalIdColumn',
      },
      // --- end num25
      // --- dir26 (session 24): LDIF, vCard and iCalendar items (directory-layout.ts): names, logins, phones, streets, secrets.
      ...DIR26_LAYOUT_PATTERNS,
      // --- end dir26
    ],
  },
  {
    id: 'url-credentials',
    nameKey: 'rule.url-credentials',
    description: 'user and password in URLs: scheme://user:password@host, Go MySQL DSNs user:password@tcp(host)/db, and such a URL encoded in base64 (Kubernetes Secret data)',
    category: 'secret',
    optional: false,
    placeholder: 'SECRET',
    // `://` in base64 at each of its three alignments (a Kubernetes Secret's `data:`): `Oi8v`, `ovL`, and
    // `6Ly` then 8 or 9, as words from their letters on (marks starting at `o` or `6` made the marks
    // scan about 20 % slower on the bench).
    scan: { marks: '@', words: 'oi8v|ovl|ly8|ly9' },
    // Each start scans at most 2048 characters once (no repeat backtracks over another): on a 64 KiB
    // line of `sqlplus/` or `:` the unbounded forms took minutes (adversarial-lines.test.ts).
    trigger: /:\/\/[^\s@/]*:[^\s@]{0,2048}@|:\/\/[^\s:@/]{1,256}@[^\s:@/]{1,256}:[^\s@]{0,2048}@|oi8v|ovl|6ly|:[^\s@]{0,2048}@(?:[^\s@]{0,256}@){0,3}(?:tcp|unix|udp)\(|(?:jdbc:oracle:\w+:|sqlplus|rman|expdp|impdp|sqlldr|conn|disql|dgmgrl|userid)[^\r\n]{0,2048}?\/[^\s@/]{0,2048}@/i,
    patterns: [
      {
        // The password runs to the last `@` before the host, so `p@ss` in a password is covered.
        // `#` is allowed in the password: RFC 3986 wants it escaped, configuration files rarely do.
        // Session 20 (fp21): the login may be a mail address, unescaped (Symfony's `smtp://ordini@bellavita.it:pw@smtps.aruba.it:465`,
        // `imaps://li.na@corp.cn:pw@mail.corp.cn`), as mail DSNs write it.
        regex: /(?<![\w+.-])[a-z][a-z0-9+.-]{1,30}:\/\/(?<user>[^\s:@/?#"'<>[\]]*(?:@[^\s:@/?#"'<>[\]]{1,256})?):(?<secret>[^\s/?"'<>]*)@(?=[^\s@/?#"'<>]*(?:[/?#:"'<>\s\]]|$))/i,
        targets: [{ group: 'user', kind: 'USER' }, { group: 'secret', kind: 'SECRET' }],
        validate: 'urlPassword',
      },
      {
        // go-sql-driver/mysql: `user:password@tcp(10.0.0.5:3306)/db?parseTime=true` has no scheme.
        regex: /(?<![\w.%+:/@-])(?<user>[\w.-]+):(?<secret>[^\s"'@]+(?:@[^\s"'@]+)*)@(?:tcp|unix|udp)\(/,
        targets: [{ group: 'user', kind: 'USER' }, { group: 'secret', kind: 'SECRET' }],
        validate: 'urlPassword',
      },
      {
        // Oracle's user/password@service: JDBC thin/OCI URLs and the sqlplus family's logon argument,
        // the same grammar in SQL*Plus and its clones' `conn`/`connect` command (DM `disql`, `dgmgrl`),
        // after rman's `target`/`auxiliary`/`catalog` and Data Pump's `userid=`; a password with `@` or a
        // blank is double-quoted (`conn FIN/"p@ss word"@host:5236`). The built-in accounts (`sys`,
        // `SYSDBA`, DM's `SYSAUDITOR`, the `scott` demo) are no one's login: only their password goes.
        regex: /(?:jdbc:oracle:(?:thin|oci8?):|(?:^|[\s"'>;])(?:(?:sqlplus|rman|expdp|impdp|exp|imp|sqlldr|disql|dgmgrl)(?:\.exe)?\s+(?:-\S+\s+)*|conn(?:ect)?[ \t]+|(?<=[ \t])(?:target|auxiliary|catalog)[ \t]*(?:=[ \t]*)?)(?:(?:target|auxiliary|catalog)[ \t]*(?:=[ \t]*)?|userid=)?)(?:(?=(?:sys|system|sysdba|sysauditor|syssso|sysdbo|sysman|sysbackup|sysdg|syskm|dbsnmp|scott)\/)[\w.$#]+|(?<user>[\w.$#]+))\/(?:"(?<qsecret>[^"\r\n]+)"|(?<secret>[^\s@"'/]+))@/i,
        targets: [{ group: 'user', kind: 'USER' }, { group: 'secret', kind: 'SECRET' }, { group: 'qsecret', kind: 'SECRET' }],
        validate: 'urlPassword',
      },
      {
        // A URL with credentials in base64 (Kubernetes Secret `data:` values, encoded settings):
        // `amRiYzpteXNxbDovL2VycDpQd2Qh…` is `jdbc:mysql://erp:Pwd!…@…`. The whole encoded value goes.
        regex: /(?<![A-Za-z0-9+/=])(?<secret>[A-Za-z0-9+/]{24,4096}={0,2})(?![A-Za-z0-9+/=])/,
        targets: [{ group: 'secret' }],
        validate: 'encodedUrlCredentials',
      },
    ],
  },
  {
    id: 'connection-string',
    nameKey: 'rule.connection-string',
    description: 'passwords in database connection strings (ADO.NET, ODBC, JDBC): Password=/Pwd= up to the next `;`, spaces and braces included; URL forms (mongodb://, postgres://, mysql://) are url-credentials',
    category: 'secret',
    optional: false,
    placeholder: 'SECRET',
    scan: { words: 'password|pwd' },
    trigger: /(?:password|pwd)\s*=/i,
    gate: 'connectionContext',
    patterns: [
      {
        // In a URL's query (JDBC `?user=x&amp;password=pw&amp;sslmode=…` in an XML attribute) the value ends at
        // `&` (an escaped `&amp;` too); in a `;`-separated string an XML/HTML entity (`&amp;`, `&quot;`) is
        // one character of the value, its `;` no separator. A SQL `N'…'` literal is its quoted text.
        regex: /(?<![\w-])(?:(?<=[?&]|&amp;)(?:password|pwd)\s*=\s*(?<qsecret>[^&;"'\s<]+)|(?:password|pwd)\s*=\s*N?(?<secret>\{[^}\r\n]*\}|"[^"\r\n]*"|'[^'\r\n]*'|(?:[^;"'\s&]|&(?:amp|quot|lt|gt|apos|#\d{1,7}|#x[0-9a-f]{1,6});|&(?!(?:amp|quot|lt|gt|apos|#\d{1,7}|#x[0-9a-f]{1,6});))(?:(?:[^;"'\r\n&]|&(?:amp|quot|lt|gt|apos|#\d{1,7}|#x[0-9a-f]{1,6});|&(?!(?:amp|quot|lt|gt|apos|#\d{1,7}|#x[0-9a-f]{1,6});))*(?:[^;"'\s&]|&(?:amp|quot|lt|gt|apos|#\d{1,7}|#x[0-9a-f]{1,6});|&(?!(?:amp|quot|lt|gt|apos|#\d{1,7}|#x[0-9a-f]{1,6});)))?))/i,
        targets: [{ group: 'secret' }, { group: 'qsecret' }],
        validate: 'connectionPassword',
      },
    ],
  },
  {
    id: 'cloud-key',
    nameKey: 'rule.cloud-key',
    description: 'provider keys by their format: AWS, GitHub, GitLab, Slack and Feishu/Lark webhooks, Google, Azure, Stripe, OpenAI, SendGrid, npm, Alibaba Cloud, Tencent Cloud',
    category: 'secret',
    optional: false,
    placeholder: 'TOKEN',
    scan: { words: String.raw`akia|asia|github_pat_|glpat-|hooks\.slack|hook/|aiza|_live_|_test_|whsec_|npm_|ltai|akid|accountkey|sharedaccess|sharedsecret|secret|oy2|conda|accesskey|access_key|access-key|qshell|mc alias|mc config|ossutil|obsutil|coscmd|uuid|id":|altak|sk =|password:|recovery`, marks: String.raw`gh[pousr]_|xox[abcdeposr]-|(?<![A-Za-z0-9_-])sk-|(?<![A-Za-z0-9])SG\.|密码|密碼|恢复密钥` },
    trigger: /akia|asia|gh[pousr]_|github_pat_|glpat-|access[_-]?key|qshell|mc[ \t]+(?:alias|config)[ \t]|ossutil|obsutil|coscmd|xox[abcdeposr]-|hooks\.slack\.com|\/bot\/v2\/hook\/|aiza|accountkey|sharedaccess|sharedsecret|[sr]k_(?:live|test)_|whsec_|(?<![a-z0-9_-])sk-|(?<![a-z0-9])sg\.|npm_|ltai|akid|oy2[a-z0-9]{43}|secret_?(?:access_?)?key|conda(?![^\s/"']*?conda)[^\s/"']*\/t\/|(?:^|[\s{,])["']?uuid["']?[ \t]*:[ \t]*["']?[0-9a-f]{8}-|"id"[ \t]*:[ \t]*"[^"\r\n]{8,64}"|altak|^[ \t]*sk[ \t]*[=:][ \t]*[a-z0-9+/]{32}|^[ \t]*(?:numerical[ \t]+)?(?:password|密码|密碼)[ \t]*[:：][ \t]*\r?$|(?:recovery[ \t]*(?:password|key)|恢复密钥)[^\r\n]{0,60}?\d{6}-\d{6}-/i,
    patterns: [
      { regex: /(?<![A-Za-z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![A-Za-z0-9])/ },
      {
        regex: /(?<![A-Za-z0-9])(?:aws_?)?secret_?(?:access_?)?key["']?\s*[:=]\s*["']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/i,
        targets: [{ group: 'secret', kind: 'SECRET' }],
      },
      { regex: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,251}|github_pat_[A-Za-z0-9_]{22,255})(?![A-Za-z0-9_])/ },
      { regex: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,}/ },
      // Session 21 (secret22): also Slack's client token and session cookie (`xoxc-`, `d=xoxd-…`, URL-encoded in a cookie
      // header or a log: `%2F`, `%2B`, `%3D`) and its refresh token (`xoxe-`).
      { regex: /(?<![A-Za-z0-9-])xox[abcdeposr]-(?:[A-Za-z0-9-]|%[0-9A-Fa-f]{2}){10,}/ },
      {
        regex: /hooks\.slack\.com\/(?:services|workflows|triggers)\/(?<secret>[A-Za-z0-9_/-]{16,})/,
        targets: [{ group: 'secret' }],
      },
      {
        // Feishu / Lark custom bots: the hook id is the whole credential.
        regex: /open\.(?:feishu\.cn|larksuite\.com)\/open-apis\/bot\/v2\/hook\/(?<secret>[A-Za-z0-9-]{16,})/,
        targets: [{ group: 'secret' }],
      },
      { regex: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/ },
      {
        regex: /(?<![A-Za-z0-9])(?:AccountKey|SharedAccessKey|SharedAccessSignature|SharedSecret)\s*=\s*(?<secret>[^;"'\s<]+)/i,
        targets: [{ group: 'secret', kind: 'SECRET' }],
      },
      // pk_live_ / pk_test_ are publishable keys, public by design: kept.
      { regex: /(?<![A-Za-z0-9_])(?:(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,}|whsec_[A-Za-z0-9]{20,})/ },
      {
        regex: /(?<![A-Za-z0-9_-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/,
        validate: 'mixedCaseKey',
      },
      {
        // Session 17 (secret18): the `sk-` + 32 lower-case hex keys of DeepSeek, 阿里云百炼/DashScope (通义千问), Moonshot-style
        // OpenAI-compatible gateways (One API, New API channels): no upper case, so not mixedCaseKey's; hex with digits and letters.
        regex: /(?<![A-Za-z0-9_-])sk-[0-9a-f]{32}(?![A-Za-z0-9_-])/,
        validate: 'hexKey',
      },
      { regex: /(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/ },
      { regex: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/ },
      { regex: /(?<![A-Za-z0-9])LTAI[A-Za-z0-9]{12,20}(?![A-Za-z0-9])/ },
      { regex: /(?<![A-Za-z0-9])AKID[A-Za-z0-9]{32}(?![A-Za-z0-9])/ },
      {
        // Anaconda channel tokens (anaconda.org, Anaconda Server mirrors): `https://conda.x.com/t/<token>/channel`.
        regex: /:\/\/[^\s/"'@]*conda[^\s/"'@]*\/t\/(?<secret>[A-Za-z0-9_-]{8,})(?=\/)/i,
        targets: [{ group: 'secret' }],
      },
      {
        // An access key ID under its own name (Huawei KooCLI/OBS `"accessKeyId"`, `access_key_id`, Qiniu
        // `AccessKey:`): providers without a fixed prefix use 16–40 upper-case letters and digits (Huawei,
        // MinIO) or 40 of base64url (Qiniu). A digit and a capital in it: `YOUR_ACCESS_KEY_ID` stays.
        regex: /(?<![A-Za-z0-9])(?<kq>["']?)(?:[A-Za-z]{1,20}[_.-]?)?(?:[Aa]ccess|ACCESS)[_-]?(?:[Kk]ey|KEY)(?:[_-]?(?:[Ii]d|ID))?\k<kq>[ \t]*[:=][ \t]*(?<vq>["']?)(?<ak>(?=[A-Za-z0-9_-]{0,39}\d)(?=[A-Za-z0-9_-]{0,39}[A-Z])[A-Za-z0-9_-]{16,40})\k<vq>(?![A-Za-z0-9_/+=.-])/,
        targets: [{ group: 'ak' }],
      },
      {
        // Object-storage CLIs given a key pair as arguments: Qiniu `qshell account <AK> <SK> <name>`, MinIO
        // `mc alias set <alias> <url> <AK> <SK>` (`mc config host add`), Aliyun `ossutil config -i AK -k SK`,
        // Huawei `obsutil config -i=AK -k=SK`, Tencent `coscmd config -a AK -s SK`.
        regex: /(?:^|[\s/\\>])(?:qshell(?:\.exe)?[ \t]+account[ \t]+(?:--[ \t]+)?(?<qak>(?:<[A-Z]+-\d+>|[A-Za-z0-9_-]{16,64}))[ \t]+(?<qsk>[A-Za-z0-9_-]{16,64})|mc(?:\.exe)?[ \t]+(?:alias[ \t]+set|config[ \t]+host[ \t]+add)[ \t]+\S+[ \t]+\S+[ \t]+(?<mak>(?:<[A-Z]+-\d+>|[A-Za-z0-9_+/=-]{3,128}))[ \t]+(?<msk>[A-Za-z0-9_+/=-]{8,128})|(?:ossutil(?:64)?|obsutil|coscmd)(?:\.exe)?[ \t]+config[ \t](?:[^\r\n]{0,256}?[ \t])?-[ia][ \t=]+(?<oak>(?:<[A-Z]+-\d+>|[A-Za-z0-9_-]{12,64}))(?:[^\r\n]{0,256}?[ \t])?-[ks][ \t=]+(?<osk>[A-Za-z0-9_+/=-]{12,128}))(?![^\s])/,
        targets: [{ group: 'qak' }, { group: 'qsk', kind: 'SECRET' }, { group: 'mak' }, { group: 'msk', kind: 'SECRET' }, { group: 'oak' }, { group: 'osk', kind: 'SECRET' }],
      },
      // NuGet.org API keys: `oy2` and 43 lower-case letters and digits (keyed by a feed URL in NuGet.Config).
      { regex: /(?<![A-Za-z0-9])oy2[a-z0-9]{43}(?![A-Za-z0-9])/ },
      {
        // A proxy client's user id is its password (Clash/mihomo `uuid: …` of a vmess/vless/tuic proxy, sing-box
        // `"uuid"`, v2rayN's `"id"` of any entry, Xray's `"users": [{ "id": … }]`): see proxyUserId.
        regex: /(?:^|[\s{,])(?<kq>["']?)(?:uuid|id)\k<kq>[ \t]*:[ \t]*(?<vq>["']?)(?<secret>[\w.!#%&*+=?@^~-]{8,64})\k<vq>[ \t]*(?:[,}]|\r?$)/,
        targets: [{ group: 'secret', kind: 'SECRET' }],
        validate: 'proxyUserId',
      },
      // Baidu AI Cloud (百度智能云) access keys: `ALTAK` and 16–40 letters and digits (`~/.bce/credentials` `ak = …`).
      { regex: /(?<![A-Za-z0-9])ALTAK[A-Za-z0-9]{16,40}(?![A-Za-z0-9])/ },
      {
        // Its secret key on the next line, `sk = <32 hex>` (bce CLI; `sk:` in SDK YAML): the key name is too
        // short to be a secret word anywhere else, the value's shape and the line's grammar say it.
        regex: /^[ \t]*sk[ \t]*[=:][ \t]*(?<q>["']?)(?<secret>[0-9a-f]{32}|[A-Za-z0-9+/]{40})\k<q>[ \t]*\r?$/,
        targets: [{ group: 'secret', kind: 'SECRET' }],
      },
      {
        // A BitLocker recovery password where it is named (`Recovery key: 418396-…`, `恢复密钥 …`): eight
        // groups of six digits.
        regex: /(?:[Rr]ecovery[ \t]*(?:[Pp]assword|[Kk]ey)|恢复密钥)[^\r\n]{0,60}?(?<secret>(?<!\d)\d{6}(?:-\d{6}){7}(?![\d-]))/,
        targets: [{ group: 'secret', kind: 'SECRET' }],
      },
    ],
    // manage-bde's `Numerical Password:` ⏎ `ID: {…}` ⏎ `Password:` ⏎ the 48 digits (数字密码 / 密码 in Chinese):
    // a heading alone on its line opens the next one, taken only in the recovery password's shape.
    opensValueOnNextLine: 'recoveryPasswordHeading',
    nextLineValue: /^[ \t]*(?<secret>\d{6}(?:-\d{6}){7})[ \t]*\r?$/,
  },
  {
    id: 'auth-header',
    nameKey: 'rule.auth-header',
    description: 'HTTP credentials: Authorization / Proxy-Authorization values, API-key and token headers, Cookie and Set-Cookie values (cookie names kept), curl -u user:password, and `Basic <base64>` anywhere when it decodes to user:password',
    category: 'secret',
    optional: false,
    placeholder: 'TOKEN',
    // Not `auth` or `sess` alone: `X-Auth:` and `X-Session-Id:` are also secret-assignment's, and
    // module names like `auth.session` would wake this rule on every line.
    scan: {
      words: 'authori|cookie',
      // Only where a header name ends (`X-Api-Key:`) or `Basic` is followed by its credentials.
      // `headerName` is `/basic\s+[a-z0-9+/]{8}|[\w.-]*["']?\s*:/i` tried at the hit, with the end of
      // the hit's name run found once per run: that regex, tried at each of the hits on a long run
      // (`keykeykey…`), walked the rest of the run every time (rule-set.ts).
      placed: { words: 'key|token|secret|sig|pass|basic', at: 'headerName' },
      marks: String.raw`-u\s|--user|--proxy-user`,
    },
    // `basic …` last: first among the alternatives it slowed every log line that wakes this rule.
    trigger: /authori[sz]ation|cookie|(?<![a-z0-9-])(?=[a-z0-9-]*?(?:key|token|secret|auth|signature|session|password))[a-z0-9-]+[\x22']?\s*:|(?<!\S)(?:-u|--user|--proxy-user)\s|basic\s+[a-z0-9+/]{8}/im,
    patterns: [
      {
        // Schemes whose credentials are a parameter list, or an access key and its signature
        // (S3's `AWS AKID:sig`, Aliyun `OSS`, Huawei `OBS`, Qiniu `QBox`, UpYun, Kingsoft `KS3`): the rest of the value goes.
        regex: /(?<![\w-])(?:proxy-)?authori[sz]ation["']?\s*[:=]\s*(?<oq>["']?)(?<scheme>digest|oauth|aws4-hmac-sha256|hmac-sha256|hmac|signature|sharedkey(?:lite)?|mac|aws|oss|obs|qbox|qiniu|upyun|ks3)\s+(?<secret>[^\r\n]*?)\s*\k<oq>,?\s*$/i,
        targets: [{ group: 'secret' }],
      },
      {
        regex: new RegExp(String.raw`(?<![\w-])(?:proxy-)?authori[sz]ation["']?\s*[:=]\s*(?:\[[ \t]*)?["']?(?:(?:bearer|basic|token|apikey|api-key|key|jwt|sso-key|ssws|negotiate|ntlm|kerberos|splunk|gosign)\s+)?(?!(?:digest|oauth|aws4-hmac-sha256|hmac-sha256|hmac|signature|sharedkey(?:lite)?|mac|aws|oss|obs|qbox|qiniu|upyun|ks3|${SIGNING_SCHEME})\s)(?<secret>[^\s"',;]+)`, 'i'),
        targets: [{ group: 'secret' }],
        validate: 'realSecret',
      },
      {
        regex: /(?<![\w-])(?<key>x-(?=[a-z0-9-]*?(?:key|token|secret|auth|signature|session|password))[a-z0-9-]*|api-?key|apikey|private-token|ocp-apim-subscription-key|access-token|auth-token)["']?\s*:\s*(?:\[[ \t]*)?["']?(?<secret>[^\s"',;]+)/i,
        targets: [{ group: 'secret' }],
        validate: 'headerKey',
      },
      {
        // Every value of a Cookie header; names stay so the agent can see which cookies were sent.
        // `(?<=(?<![\w-])cookie["']?\s*:\s*["']?(?:[^;\r\n"']*;\s*)*)` as a forward scan: that
        // look-behind, tried from every place a pair could start, was quadratic (linear-regexp.ts).
        regex: new ListStartRegExp(/(?<![\w-])cookie["']?\s*:\s*(?:\[[ \t]*)?["']?/i, String.raw`(?<name>[^\s=;,"']+)=(?<secret>[^;\r\n"']*)`, 'i'),
        targets: [{ group: 'secret' }],
        validate: 'cookieValue',
      },
      {
        // Set-Cookie: only the cookies; Path, Expires, Domain … are attributes (setCookieValue). Session 20 (fp21): every
        // cookie of the list, as a client's log joins them (`Set-Cookie: UID=…; vc3=…; _d=…`), not the first alone.
        regex: new ListStartRegExp(/(?<![\w])set-cookie["']?\s*:\s*["']?/i, String.raw`(?<name>[^\s=;,"']+)=(?<secret>[^;\r\n"']*)`, 'i'),
        targets: [{ group: 'secret' }],
        validate: 'setCookieValue',
      },
      {
        // `Basic b3JkZXI6cGFzcw==` quoted in a log message or a config value, away from its header:
        // only when the base64 decodes to `user:password`.
        regex: /(?<![\w-])basic\s+(?<secret>[A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/i,
        targets: [{ group: 'secret' }],
        validate: 'basicCredentials',
      },
      {
        // (Session 19, secret20: the password quoted apart from the login, `-u x:'a!b'`, `--user "x":"pw"`, as a shell joins them.)
        regex: /(?:^|\s)(?:-u|--user|--proxy-user)\s+["']?(?<user>[^\s:"']+)["']?:["']?(?<secret>[^\s"']+)/,
        targets: [{ group: 'user', kind: 'USER' }, { group: 'secret', kind: 'SECRET' }],
        validate: 'curlPassword',
      },
    ],
  },
  {
    id: 'jwt',
    nameKey: 'rule.jwt',
    description: 'JSON Web Tokens (eyJ….eyJ….signature)',
    category: 'secret',
    optional: false,
    placeholder: 'TOKEN',
    scan: { words: 'eyj' },
    trigger: /eyj/i,
    patterns: [{ regex: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/ }],
  },
  {
    id: 'url-secret-param',
    nameKey: 'rule.url-secret-param',
    description: "URL query parameters named like secrets: token, access_token, api_key, password, sig, signature, code, session ids; a person's opaque id (u=, uid=, openid=, unionid=)",
    category: 'secret',
    optional: false,
    placeholder: 'SECRET',
    // The trigger's parameter start and keyword: a word elsewhere on the line (`auth.session`) wakes nothing;
    // or a query string pasted without its `?` (`：sign=…&timestamp=…`): a keyword, `=value&name=`.
    scan: {
      marks: [
        String.raw`[?&;][\w.-]*(?:${['token', 'key', 'secret', 'pass', 'pwd', 'sig', 'auth', 'code', 'sess', 'sid', 'cred', 'jwt', 'otp', 'ticket', 'hash'].map(anyCase).join('|')})`,
        // Its `&name=` (a superset of the trigger's second form): it starts only at `&`. Not from
        // the keyword (a start at every t, k, s, p, a made the scan 3× slower), nor at `=` (as
        // common in logs: the marks scan took 3× as long), and never with a leading `[\w.-]*`,
        // which backtracks over every start of a long word run.
        String.raw`&[\w.-]+=`,
        // A person's opaque id as a parameter (`&amp;u=4c1e…`, `?openid=…`): USER_ID_PARAM.
        String.raw`[?&;](?:u|uid|user_?id|openid|unionid)=`,
      ].join('|'),
    },
    trigger: /[?&;](?=[\w.-]*?(?:token|key|secret|pass|pwd|sig|auth|code|sess|sid|credential|jwt|otp|ticket|hash))[\w.-]*=|[?&;](?:u|uid|user_?id|openid|unionid)=[a-z0-9_-]{16}|(?:^|[\s:：，,(（])(?=[\w.-]*?(?:token|key|secret|pass|pwd|sig|auth))[\w.-]*=[^&\s]{1,2048}&[\w.-]+=/i,
    gate: 'secretUrlParam',
    patterns: [
      {
        regex: /(?:(?<=[?&;])|(?<=^|[\s:：，,(（])(?=[\w.-]+=[^&\s]{1,2048}&[\w.-]+=))(?<key>[\w.-]*(?:token|key|secret|pass|pwd|sig|auth|code|sess|sid|credential|jwt|otp|ticket|hash)[\w.-]*)=(?<secret>(?:[^&\s"'#<>;?,)]|\)(?![\]\s.,;:)]|$))+)/i,
        targets: [{ group: 'secret' }],
        // The `;` of an escaped quote (`&quot;password=…`) is not a parameter separator.
        // Session 20 (fp21): nor does the value run on over a CSV field's `,` (a LastPass export's `otpauth://…?secret=X,,Name`)
        // or a Markdown link's `)` (`…?token=X)](https://…)`).
        validate: 'urlParamKey',
        kind: 'fromKey',
      },
      {
        // Who shared or opened a link, as an opaque id: Tencent Docs `&u=<32 hex>`, WeChat `openid=`.
        regex: /(?<=[?&;])(?:u|uid|user_?id|openid|unionid)=(?<secret>[A-Za-z0-9_-]{16,128})(?=[&#"'\s<]|$)/i,
        targets: [{ group: 'secret', kind: 'USER' }],
        validate: 'opaqueUserId',
      },
    ],
  },
  {
    id: 'secret-assignment',
    nameKey: 'rule.secret-assignment',
    description: 'values of keys named like secrets (password, passwd, pwd, secret, token, api_key, access_key, client_secret, auth, credential, private_key, 密码 …) in key=value, key: value, JSON, XML elements and attributes, INI, YAML, .env, environment tables, command-line flags (mysql -p, sshpass -p, net use), PowerShell secure strings and SQL',
    category: 'secret',
    optional: false,
    placeholder: 'SECRET',
    scan: {
      // The gate's other forms (SPECIAL_FORMS in rule-validators.ts): their words wake the rule anywhere.
      // Remote-desktop logs' prose: `password accepted: x`, `password x verified` (by their verbs).
      // ZooKeeper's `'digest,'` wakes by `digest,'`: a word starting with a quote made the shared words
      // scan ~15 % slower on the bench (session 10).
      // Database and remote-shell clients by name (their flags), `connect to` (Db2), the hashes of
      // .htpasswd lines, PuTTY/KiTTY session files' `Password\`.
      words: 'super password|password simple|password hash|password cipher|irreversible-cipher|\\$c\\$|\\$h\\$|insecure-password|stats auth|scram-sha-256\\$|md5|cleartext-password|crypt-password|md5-password|sha-password|sha2-password|nt-password|lm-password|login ok|login incorrect|chpasswd|passwd --stdin|identified\\\\040|secure:|option key|panel address|panel url|link/|password incorrect|password mismatch|password wrong|wrong password|invalid password|bad password|admin\\.password|initialadminpassword|node-token|server/token|vault-token|logonticket|verification code|hint|key><value|addauth|send:|send "|send \'|send --|send -raw|screen\\.send|sendline\\(|expyear|expmonth|exp_year|exp_month|sp_addlogin|sp_password|hdbsql|hdbuserstore|esxcli|racadm|cipher |password 7|key 7|community |pveapitoken|pbsapitoken|pve!|pam!|pbs!|a0="mysql|a0="mariadb|alter user|create user|login "|name><values>|name><value>|encrypted|\\{aes|\\{3des|shutdown|clear-text|sqlcmd|osql|isql|bcp |mongo|psexec|paexec|ldapsearch|ldapmodify|ldapadd|ldapdelete|ldapwhoami|ldappasswd|ldapcompare|ldapmodrdn|ldapexop|smbclient|rpcclient|smbcacls|smbget|winexe|net rpc|net ads|lftp|connect to|password\\\\|passwd\\\\|pwd\\\\|\\$apr1\\$|\\$2y\\$|\\$2a\\$|\\$2b\\$|\\$1\\$|\\$5\\$|\\$6\\$|\\$md5\\$|\\$sha1\\$|\\{sha\\}|\\{ssha\\}|identified|mysql|mariadb|sshpass|securestring|cmdkey|net use|net\\.exe use|reg_|key content|twfid|redis-cli|add key|powershell|pwsh|new pdo|pdo->__construct|verified|accepted|rejected|a2=|d2key|skey=|superkey|clientkey|stkey=|key =>|key=>|cts-hmac-|cts-cmac|rc4-hmac|des3-cbc-|arcfour-hmac|mysapsso2|td><td|digest,\'|digest:|protected="|' +
        // Admin CLIs' password arguments (admin-cli.ts), device directives, crypt hashes, printed secrets (rest15b).
        // Redis `AUTH pw` wakes by the words' `auth `: a `^AUTH` mark made the marks scan ~25 % slower on access logs (a V8 cliff).
        ADMIN_CLI_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') +
        '|auth |' +
        // Session 20 (secret21): a network device's configuration (network-device.ts).
        DEVICE_SECRET_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') +
        '|d-i |k10|new password is|temporary password|find-generic-password|find-internet-password|secret-tool|pass show|bw get password|keyring get|\\$y\\$' +
        // Session 15 (secret16): the places the password-shape patterns read (password-shape.ts).
        '|communit|pre-share|psk |psk=|psk:|key=|key0=|key1=|key2=|key3=|key4=|key5=|key6=|key7=|key8=|key9=|pwd=|pw=|pass=|pwd:|pw:|pass:|&p=|\\?p=|password|passwd|passphrase|secret|credential|\\$user|taos |beeline|mosquitto_|ipmitool|cqlsh|rabbitmqadmin|influx|eap "|xauth "|credentials\\(|\\{xor\\}|jdjhjd|jdj5jd|jdjijd|\\$7\\$' +
        // Session 16 (secret17): secrets a format prints without a key (printed-secrets.ts).
        '|' + PRINTED_SECRET_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') +
        // Session 18 (secret19): a `login:password` string under Bundler's `BUNDLE_<HOST>` (user-name's word too).
        '|bundle_' +
        // Session 19 (secret20) — begin: secrets a tool places by its own grammar (tool-secrets.ts).
        '|' + TOOL_SECRET_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') +
        // Session 19 (secret20) — end.
        // Session 21 (secret22): captures', scanners' and notes' secrets (captured-secrets.ts).
        '|' + CAPTURED_SECRET_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') +
        // Session 22 (intlkey23): password and door-code words of other languages (intl-secrets.ts).
        '|' + INTL_SECRET_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') +
        // Session 23 (acct25): account and cloud tools' secrets (account-secrets.ts).
        '|' + ACCOUNT_SECRET_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') +
        // script26 (session 24): bank-account labels of other languages (script26.ts).
        '|' + SCRIPT26_SECRET_WORDS.join('|'),
      // The gate's key words, only in a name placed like an assigned key and named like a secret.
      // `sess` only where it can make a secret name alone (`sessionId`, `session__id`, `PHPSESSID`),
      // not in every `session`; `session_token` is found by its other word.
      placed: { words: 'founderpw|masterpw|controlpw|authpw|cryptopw|privpw|superpw|syspw|dbapw|sapw|bindpw|dbpw|mypw|userpw|adminpw|rootpw|smtppw|mailpw|ftppw|ldappw|proxypw|sqlpw|keypw|storepw|trustpw|wifipw|vncpw|rdppw|sshpw|apppw|loginpw|authcode|appkey|pass|pwd|psk|secret|token|key|auth|cred|cookie|sessid|sessionid|session_|session-|session\\.|sesskey|jwt|bearer|pin|seed|salt|dsid|mrhsession|bduss|sessdata|z_c0|autologin|cvv|cvc|cvn|answer|totp|bcrypt|rnd|jscode|js_code', at: 'assignedKey' },
      // MobaXterm's [Passwords] `ssh22:user@host=…` wake by the `@` url-credentials and email scan for
      // already: a `^(?:ssh|…)` alternative made the whole marks scan 3× slower (a V8 cliff).
      marks: String.raw`(?<![A-Za-z])[Pp][Ww](?![A-Za-z])|密码|口令|密钥|令牌|私钥|关键内容|验证码|答案|医保|社保|社会保障|医疗保险|面板地址|安全入口|@|` + PRINTED_SECRET_MARKS + /* Session 22 (intlkey23) */ `|${INTL_SECRET_MARKS}` + /* script26 */ `|${SCRIPT26_SECRET_MARKS}`,
      // MobaXterm's [Credentials] `name=DOMAIN\login:password` from its backslash (its own pass).
      backslash: String.raw`\\[a-z](?<=[A-Z0-9]{2}\\{1,2}[a-z])`,
    },
    // The keyword test is cheap; the gate then looks at each key in its place (the exact test).
    trigger: new RegExp(/^[ \t]*(?:[a-z][\w.-]{0,31}|<user-\d+>)[ \t]*[=:][ \t]*[^\s=,][^\s,]{0,255}[ \t]*(?:,|\r?$)|rnd|js_?code|logonticket|verification code|hint|医保|社保|社会保障|医疗保险|sp_addlogin|pass|pwd|pw\b|psk|secret|token|key|auth|cred|cookie|sess|jwt|bearer|twfid|pin|seed|salt|dsid|bduss|z_c0|autologin|cvv|cvc|cvn|answer|totp|答案|send|<\/key>[ \t]*<value[\s>]|addauth[ \t]+digest[ \t]|[|｜][^|｜\r\n]*[|｜]|"exp_?(?:year|month)"|redis-cli|hdbsql|hdbuserstore|esxcli|snmp-(?:server|agent)[ \t]+community[ \t]|cipher[ \t]+(?:%\^%#|%@%@|\$1[a-z]\$)|@(?:pve|pam|pbs)![\w.-]{1,64}[ \t]+[0-9a-f]{8}-|a0="(?:mysql|mariadb)|login[ \t]+"|<\/name>[ \t]*(?:<values>[ \t]*)?<value>|\{(?:aes|3des)|shutdown|clear-text|encrypted|sqlcmd|osql|isql|bcp\s|mongo|psexec|paexec|ldap[a-z]+\s|smbclient|rpcclient|smbcacls|smbget|winexe|net\s+(?:rpc|ads)\s|lftp|connect\s+to\s|\$(?:apr1|2[aby]|[156]|md5|sha1)\$|\{s?sha\}|identified|mysql|mariadb|sshpass|securestring|cmdkey|net(?:\.exe)?\s+use|powershell|pwsh|密码|口令|密钥|令牌|私钥|关键内容|^(?:ssh|sftp|ftp|rdp|telnet|vnc)\d*:[^@=\s]+@|=[A-Z][A-Z0-9-]{1,14}\\[a-z][\w.-]*:\S|pdo(?:->__construct)?\(|(?<![\w.-])a2[ \t]*[=:]|\)[ \t]+\(0x[0-9a-f]{16}|mysapsso2|<\/td>[ \t]*<td[\s>]|^(?:[a-z][\w.-]{0,31}|<user-\d+>)@[a-z0-9][\w.-]{0,120}:[ \t]+\S{1,128}[ \t]*\r?$|'digest,'|digest:[\w.-]+:[a-z0-9+/]{27}=|<mrng:connections\b|验证码|simple[ \t]|irreversible-cipher|\$[ch]\$\d\$|stats[ \t]+auth[ \t]|^"[^"\s]{1,63}"[ \t]+"(?:md5[0-9a-f]{32}|scram-sha-256\$)|login[ \t]+(?:ok|incorrect)|identified\\040|secure:[ \t]*v1:|^[ \t]*option[ \t]+key[ \t]|面板地址|安全入口|panel[ \t]+(?:address|url)|\/link\/[a-z0-9]{16}|node-token|vault-token|k10[0-9a-f]{32}|snmp[ \t]+community[ \t]|snmp-server[ \t]+host[ \t]|communit|pre-share|\$USER\d|\{xor\}|jdj[5hi]jd|\$7\$|(?:^|\s)-p|(?:eap|xauth)[ \t]+"|[?&]p=|bundle_[a-z0-9_]{2,80}["']?[ \t]*[:=][ \t]*["']/im.source + `|${ADMIN_CLI_TRIGGER}|${PRINTED_SECRET_TRIGGER}` + /* Session 19 (secret20) */ `|${TOOL_SECRET_TRIGGER}` + /* Session 20 (secret21) */ `|${DEVICE_SECRET_TRIGGER}` + /* Session 21 (secret22) */ `|${CAPTURED_SECRET_TRIGGER}` + /* Session 22 (intlkey23) */ `|${INTL_SECRET_TRIGGER}` + /* Session 23 (acct25) */ `|${ACCOUNT_SECRET_TRIGGER}` + /* script26 */ `|${SCRIPT26_SECRET_TRIGGER}`, 'im'),
    gate: 'assignedSecretKey',
    patterns: [
      {
        // INI, .env, YAML, properties: `DB_PASSWORD=p@ss word` — the rest of the line is the value
        // (minus a YAML ` # comment`).
        regex: new RegExp(String.raw`^[ \t]*(?:-[ \t]+)?(?:export[ \t]+|set[ \t]+)?(?<kq>["']?)(?<key>${KEY})\k<kq>[ \t]*(?:=|:(?!//)|：)[ \t]*(?<secret>[^\s"'\`{[|>&*!][^\r\n]*?)(?:[ \t]+#[^\r\n]*)?[ \t]*\r?$`, 'i'),
        targets: [{ group: 'secret' }],
        // A line of several `k=v` pairs is not one value: the inline pattern takes its tokens.
        validate: 'wholeLineAssignment',
        kind: 'fromKey',
      },
      {
        // Triple-quoted values (grafana.ini, TOML, Python): `password = """Gf#x;y"""` — the quotes
        // let `#` and `;` stand inside without starting a comment.
        regex: new RegExp(String.raw`${NOT_KEY_BEFORE}(?<key>${KEY})${SEP}(?<q>"""|''')(?<secret>(?:(?!\k<q>)[^\r\n]){1,200})\k<q>`, 'i'),
        targets: [{ group: 'secret' }],
        validate: 'assignmentKey',
        kind: 'fromKey',
      },
      {
        // Quoted values: JSON, XML attributes, quoted assignments, PHP/Ruby hashes, escaped JSON in logs.
        regex: new RegExp(String.raw`${NOT_KEY_BEFORE}(?<key>${KEY})${KEY_QUOTE}${SEP}(?:[NE](?='))?(?<q>\\?["'\`]|&quot;)(?<secret>(?:(?!\k<q>)(?:\\.|[^\\\r\n]))*)\k<q>`, 'i'),
        targets: [{ group: 'secret' }],
        validate: 'assignmentKey',
        kind: 'fromKey',
      },
      {
        // XML element text: <password>…</password>, <db:Password>…, CDATA. The text runs to a closing tag
        // or the line's end (then not after a blank): in usage text (`mysql -p<password> -h <host>`,
        // `-p<PASSWORD> --all-databases`) the tags are placeholders.
        regex: new RegExp(String.raw`<(?:[\w-]+:)?(?<key>${KEY})(?:\s[^<>]*)?>(?:<!\[CDATA\[(?<secret>.*?)\]\]>|(?<text>(?=[^<\r\n]*<\/)[^<\r\n]+|[^<\s][^<\r\n]*(?=\r?$)))`, 'i'),
        targets: [{ group: 'secret' }, { group: 'text' }],
        validate: 'namedElementValue',
        kind: 'fromKey',
      },
      {
        // <add key="DbPassword" value="…"/>, <property name="password" value="…"/>, a router's or a device's data model (ZTE
        // `<DM name="Pass" val="…"/>`), API tools' environments (`{"key": "token", "type": "secret", "current_value": "…"}`),
        // HAR cookies and form params (`{"name": "ERPSESSID", "value": "…"}`): a name/value pair (name-value-pair.ts, the
        // mechanism and value names the login pairs use; session 18, secret19) whose name is a secret's (the validator).
        regex: new RegExp(namedValuePair(SECRET_PAIR_KEY, { xml: String.raw`[^"'\r\n]*`, json: String.raw`(?:\\.|[^"\\\r\n])+` }, 'secret', 'key'), 'i'),
        targets: [{ group: 'secret' }, { group: 'secretj' }],
        validate: 'namedElementValue',
        kind: 'fromKey',
      },
      {
        // <entry key="token">…</entry>: the element's text under a secret's name.
        regex: /(?<![\w-])(?:key|name)\s*=\s*(?<q>["'])(?<key>[^"'<>]{1,80})\k<q>(?:\s+[\w:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*?\s*>(?<text>[^<\r\n]+)</i,
        targets: [{ group: 'text' }],
        validate: 'namedElementValue',
        kind: 'fromKey',
      },
      {
        // Unquoted inline values in logs and URLs-less forms: `login failed password=hunter2 user=bob`.
        regex: new RegExp(String.raw`${NOT_KEY_BEFORE}(?<key>${KEY})${KEY_QUOTE}${SEP}(?<secret>${UNQUOTED_VALUE})`, 'i'),
        targets: [{ group: 'secret' }],
        validate: 'inlineAssignment',
        kind: 'fromKey',
      },
      {
        // Remote-desktop logs (TeamViewer, AnyDesk): `password accepted: tv9x7k`, `password Ad!x9 verified`;
        // a value between `password` and the verb holds a digit or a symbol (`password was verified` stays).
        regex: /\bpassword[ \t]+(?:(?:accepted|verified|rejected)[ \t]*:[ \t]*(?<secret>[^\s,;)]{1,64})|(?=[^\s,;:=]{0,63}[\d!@#$%^&*])(?<value>[^\s,;:=]{4,64})[ \t]+(?:verified|accepted|rejected|expires|expiring)\b)/i,
        targets: [{ group: 'secret' }, { group: 'value' }],
      },
      {
        // Prose (meeting transcripts, chats, VNC viewers): `the test account is x with password Okf!Sso2026,`,
        // `(password Vnc#Print07 from ~/.vnc/passwd)`, `my password is Qw3rty!x.`: a value with a letter, a
        // digit and a symbol or both cases (`with password authentication`, `using password SHA256` stay).
        regex: /(?:\b(?:with|using|and|new|the|my|your|his|her|their)[ \t]+|\()password[ \t]+(?:is[ \t]+|was[ \t]+|set[ \t]+to[ \t]+)?(?<secret>(?=[^\s,;()"']{0,63}\d)(?=[^\s,;()"']{0,63}[A-Za-z])(?=[^\s,;()"']{0,63}(?:[!@#$%^&*_+=~?.-][^\s,;()"']|[a-z][^\s,;()"']{0,62}[A-Z]|[A-Z][^\s,;()"']{0,62}[a-z]))[^\s,;()"']{6,64}?)(?=[.,;)]?(?:[ \t]|\r?$))/i,
        targets: [{ group: 'secret' }],
        validate: 'proseEnglishPassword',
      },
      {
        // Password hints (Windows Setup's `local account created x (…, hint "女儿生日0917")`, `PasswordHint=`,
        // `密码提示：…`, macOS `dscl . -create /Users/x hint "…"`): the hint gives the password away; a
        // Chinese passphrase after 密码是 too.
        regex: /(?:(?:password|pwd)[ _-]?hint|密码提示(?:问题)?)["']?[ \t]*(?:[:=：][ \t]*)?["'“]?(?<hint>[^"'”\s,;:：=][^"'”\r\n,;]{0,62}[^"'”\s,;])|(?:\baccount\b[^\r\n]{0,120}?|\/Users\/\S+[ \t]+(?:AuthenticationHint[ \t]+)?)\bhint[ \t]*(?:[:=][ \t]*)?["“](?<acchint>[^"”\r\n]{2,64})["”]|(?:密码|口令)(?:是|为|為)[ \t]*(?<cjk>[\u4e00-\u9fa5]{1,12}[\x21-\x7e]{2,32}|[\x21-\x7e]{1,32}[\u4e00-\u9fa5]{1,12}[\x21-\x7e]{0,32})(?![\x21-\x7e\u4e00-\u9fa5])/i,
        targets: [{ group: 'hint' }, { group: 'acchint' }, { group: 'cjk' }],
        validate: 'passwordHint',
      },
      {
        // Device verification codes (Hikvision/EZVIZ `萤石验证码 QZKMVT`, Hik-Connect `Verification Code: ABCDEF`):
        // six capitals, the key to the device's stream; a report's online verification code (学信网 `在线验证码:
        // AX8K3Q7M2PLD9W4R`, 10–20 capitals and digits: anyone holding it reads the record); and a medical or social insurance card number
        // behind its label (`医保卡号：A33010019920118X7K`, `社保卡号: …`).
        regex: /(?:验证码|[Vv]erification [Cc]ode)(?:[ \t]*[:：])?[ \t]*(?<code>[A-Z]{6}|(?=[A-Z0-9]{0,19}\d)(?=[A-Z0-9]{0,19}[A-Z])[A-Z0-9]{10,20})(?![A-Za-z0-9])|(?:医保|社保|社会保障|医疗保险)(?:卡)?(?:卡号|号码|编号|个人编号|号|卡)[ \t]*(?:[:：][ \t]*)?(?<card>(?=[A-Z0-9]{0,19}\d{6})[A-Z0-9]{8,20})(?![A-Za-z0-9])/,
        targets: [{ group: 'code' }, { group: 'card', kind: 'ID' }],
      },
      {
        // Calls and pairs: PHP `define( 'DB_PASSWORD', 'x' )`, `os.environ.setdefault("API_TOKEN", "x")`,
        // `config.set('smtp.password', 'x')` — the value runs to its own closing quote.
        regex: new RegExp(String.raw`(?<q>["'])(?<key>${KEY})\k<q>[ \t]*,[ \t]*(?<q2>["'])(?<secret>(?:(?!\k<q2>)[^\r\n])+)\k<q2>[ \t]*[),\]]`, 'i'),
        targets: [{ group: 'secret' }],
        validate: 'argumentArray',
        kind: 'fromKey',
      },
      {
        // Argument arrays (Docker, Kubernetes, JSON): `["--db-password", "x y", …]`.
        regex: new RegExp(String.raw`(?<q>["'])--?(?<key>${KEY})\k<q>[ \t]*,[ \t]*(?<q2>["'])(?<secret>[^"'\r\n]+)\k<q2>`, 'i'),
        targets: [{ group: 'secret' }],
        validate: 'argumentArray',
        kind: 'fromKey',
      },
      {
        // Command-line flags: `--password hunter2`, `-Password hunter2`, `--db-pass "x y"`.
        regex: new RegExp(String.raw`(?<=^|\s)--?(?<key>${KEY})(?:[ \t]+|=)(?:(?<q>["'])(?<qsecret>[^"'\r\n]+)\k<q>|(?<secret>[^\s"'-][^\s"']*))`, 'i'),
        targets: [{ group: 'qsecret' }, { group: 'secret' }],
        validate: 'commandLineFlag',
        kind: 'fromKey',
      },
      {
        // OpenVPN's management interface: `password "Auth" <password>` (also "Private Key", "HTTP Proxy").
        regex: /(?<![\w-])password[ \t]+"(?:Auth|Private Key|HTTP Proxy|SOCKS Proxy)"[ \t]+(?<secret>[^\s'"]+)/,
        targets: [{ group: 'secret' }],
        validate: 'realSecret',
      },
      {
        // Configuration directives `key value` (redis.conf `requirepass x`, `masterauth x`), alone on
        // their line, and redis' `CONFIG SET requirepass x`. A plain word is prose (`password changed`).
        regex: new RegExp(String.raw`^[ \t]*(?<key>${KEY})[ \t]+(?<secret>[^\s"'=:#;]\S*)[ \t]*\r?$`, 'i'),
        targets: [{ group: 'secret' }],
        validate: 'directiveLine',
        kind: 'fromKey',
      },
      {
        regex: new RegExp(String.raw`(?<![\w-])config[ \t]+set[ \t]+(?<key>${KEY})[ \t]+(?<secret>[^\s"'=:#;]\S*)`, 'i'),
        targets: [{ group: 'secret' }],
        validate: 'directiveLine',
        kind: 'fromKey',
      },
      {
        // `net user <login> <password> /add`: the account's new password.
        regex: /(?:^|[\s>])net(?:\.exe)?[ \t]+user[ \t]+[^\s/]+[ \t]+(?<secret>[^\s/*"'][^\s"']*)(?=[ \t]+\/|[ \t]*\r?$)/i,
        targets: [{ group: 'secret' }],
        validate: 'realSecret',
      },
      {
        // Key, spaces, quoted value: SQL `PASSWORD 'x'`, nginx/Apache style directives.
        regex: new RegExp(String.raw`${NOT_KEY_BEFORE}(?<key>${KEY}|identified[ \t]+by)[ \t]+(?<q>["'])(?<secret>[^"'\r\n]+)\k<q>`, 'i'),
        targets: [{ group: 'secret' }],
        validate: 'directiveValue',
        kind: 'fromKey',
      },
      {
        // mysql -pSecret (no space: the MySQL client's own syntax).
        // Quoted too (`-p'devR00t#56'`, as shell scripts and Vagrant provisioners write it); a
        // shell variable in the quotes (`-p"$MYSQL_PWD"`) is a reference, not the password.
        // In single quotes the shell expands nothing: `-p'My$ql#1'` is the password as written (a
        // whole `'${DB_PASS}'` is still a template's reference).
        // `-p` in lower case only: `-P9030` is the port (session 15, secret16: the `i` flag took it as the password).
        regex: new RegExp(String.raw`(?:^|[\s/("';&|])(?:${['mysql', 'mysqldump', 'mysqladmin', 'mariadb', 'mariadb-dump'].map(anyCase).join('|')})(?:\.[Ee][Xx][Ee])?\s(?:[^\r\n]*?\s)?-p(?:'(?!\$\{?[A-Za-z_]\w*\}?')(?<sq>[^'\s][^'\r\n]*)'|"(?<qsecret>[^"$\s][^"$\r\n]*)"|(?<secret>[^\s"'-][^\s"']*))`),
        targets: [{ group: 'sq' }, { group: 'qsecret' }, { group: 'secret' }],
        validate: 'mysqlFlagSecret',
      },
      {
        // Environment listings as a table (PowerShell `Get-ChildItem Env:`): NAME, spaces, value.
        regex: new RegExp(String.raw`^(?<key>[A-Z](?=[A-Z0-9_]*?(?:PASS|PWD|SECRET|TOKEN|KEY|AUTH|CRED|COOKIE|SESS))[A-Z0-9_]*)[ \t]{2,}(?<secret>\S(?:[^\r\n]*\S)?)[ \t]*\r?$`),
        targets: [{ group: 'secret' }],
        validate: 'assignmentKey',
        kind: 'fromKey',
      },
      {
        // PowerShell: ConvertTo-SecureString 'plain' -AsPlainText; Windows: net use … /user:x password
        // (also in a script kept as XML CDATA, FortiClient's `<on_connect>`: the password ends before `]]>`).
        regex: /ConvertTo-SecureString\s+(?:-(?:String|AsPlainText|Force)\s+)*(?<q>['"])(?<secret>[^'"\r\n]+)\k<q>|(?:^|[\s/("';&|>[])net(?:\.exe)?\s+use\b[^\r\n]*?\s\/u(?:ser)?:\S+\s+(?<pw>[^\s/*"'<][^\s"'<]*?)(?=\]\]>|[\s"'<]|$)/i,
        targets: [{ group: 'secret' }, { group: 'pw' }],
      },
      {
        // `net use Z: \\server\share password /user:DOMAIN\u`: the password before the options.
        regex: /(?:^|[\s/("';&|>])net(?:\.exe)?\s+use\s+(?:[A-Za-z]:\s+|\*\s+)?\\\\\S+\s+(?<secret>[^\s/*"'][^\s"']*)(?=\s+\/|\s*\r?$)/i,
        targets: [{ group: 'secret' }],
        validate: 'realSecret',
      },
      {
        // `powershell -enc <base64 of UTF-16LE>`: the encoded command, when it holds a credential.
        regex: /(?:^|[\s"'(])(?:powershell|pwsh)(?:\.exe)?["']?\s(?:[^\r\n]*?\s)?-e(?:nc(?:odedcommand)?|c)?\s+(?<secret>[A-Za-z0-9+/]{16,}={0,2})(?![A-Za-z0-9+/=])/i,
        targets: [{ group: 'secret' }],
        validate: 'encodedCommandSecret',
      },
      {
        // Session 17 (secret18): an account store's section (Apache Shiro / Zeppelin `shiro.ini`, svnserve `passwd`, Trac/Mercurial-style
        // `[users]`, `[accounts]`): `login = password[, role …]` — the section above says so (validator). user-name's block takes the login
        // (its item grammar is this one's, so both modes of the engine see these lines).
        regex: /^[ \t]*(?<login>(?:[A-Za-z][\w.-]{0,31}|<USER-\d+>))[ \t]*[=:][ \t]*(?<secret>[^\s=,][^\s,]{0,255})[ \t]*(?:,[ \t]*[\w*:.-]{1,64}[ \t]*){0,16}\r?$/,
        targets: [{ group: 'secret' }],
        validate: 'usersSectionPassword',
      },
      {
        // Session 17 (secret18): a list of `user:password` strings under a credential key (ngrok `basic_auth: ["u:pw"]`,
        // `auth = ['u:pw']`): the first entry's password (the user is user-name's; Traefik's `users: ["u:$apr1$…"]` is user-name's hash line).
        regex: /(?<![\w-])(?:basic_?auth|auth|credentials)["']?[ \t]*[:=][ \t]*\[[ \t]*(?<q>["'])[^"'\s:]{1,64}:(?<secret>[^"'\s]{1,256})\k<q>/i,
        targets: [{ group: 'secret' }],
        validate: 'realSecret',
      },
      {
        // Session 18 (secret19): a `login:password` string under Bundler's `BUNDLE_<HOST>: "x:pw"` (`export BUNDLE_…="x:pw"`): the password
        // half (user-name's `pair` grammar takes the login half). (.curlrc's `user = "x:pw"` waits for a wake word that hides no other rule's.) Quoted, and not
        // a URL (`"http://…"`), a reference (`"x:${PW}"`) or an owner and group (`user = "www-data:www-data"`, `"1000:1000"`, `root:wheel`).
        regex: /(?:^|[\s{,;])["']?BUNDLE_[A-Z0-9_]{2,80}["']?[ \t]*[:=][ \t]*(?<q>["'])(?<login>[^\s"':/]{1,64}):(?<secret>[^\s"':/][^\s"']{2,255})\k<q>/i,
        targets: [{ group: 'secret' }],
        validate: 'loginPairPassword',
      },
      {
        // Session 17 (secret18): a secret-named key whose value is boxed with its variants (Apipost/Postman/Hoppscotch
        // environments `"appSecret": {"current_value": "…"}`, Spring's `/actuator/env` `"db.password": {"value": "…"}`).
        regex: new RegExp(boxedValue(SECRET_PAIR_KEY, String.raw`(?:\\.|[^"\\\r\n])+`, 'secret', 'key'), 'i'),
        targets: [{ group: 'secret' }],
        validate: 'namedElementValue',
        kind: 'fromKey',
      },
      {
        // Windows credential manager: `cmdkey /add:server /user:DOMAIN\u /pass:secret`.
        regex: /(?:^|[\s/("';&|>])cmdkey(?:\.exe)?\s[^\r\n]*?\/pass:(?:"(?<q>[^"\r\n]+)"|(?<secret>[^\s"/][^\s"]*))/i,
        targets: [{ group: 'q' }, { group: 'secret' }],
      },
      {
        // `reg query` output: name, REG_SZ, value (`ProxyPassword    REG_SZ    x`).
        regex: new RegExp(String.raw`^[ \t]+(?<key>${KEY})[ \t]+REG_(?:SZ|EXPAND_SZ|MULTI_SZ)[ \t]+(?<secret>\S(?:[^\r\n]*\S)?)[ \t]*\r?$`, 'i'),
        targets: [{ group: 'secret' }],
        validate: 'assignmentKey',
        kind: 'fromKey',
      },
      {
        // sshpass -p secret (the password as its own argument).
        regex: /(?:^|[\s/("';&|])sshpass(?:\.exe)?(?:\s+-[a-oq-zA-Z]\S*)*\s+-p\s*(?:(?<q>["'])(?<qsecret>[^"'\r\n]+)\k<q>|(?<secret>[^\s"'-][^\s"']*))/,
        targets: [{ group: 'qsecret' }, { group: 'secret' }],
      },
      {
        // Database and remote-shell clients' password flags, each client with its own letter: SQL
        // Server `sqlcmd`/`osql`/`bcp` and Sybase `isql` `-P pw`, MongoDB's shells and tools and
        // Sysinternals `psexec` `-p pw`, OpenLDAP's `ldapsearch … -w pw`. A flag followed by another
        // flag (`-p --authenticationDatabase`) prompts; `$VAR`/`%VAR%` is a reference.
        regex: /(?:^|[\s/\\("';&|>])(?:(?:sqlcmd|SQLCMD|osql|OSQL|isql|bcp)(?:\.exe)?[ \t](?:[^\r\n|;&]{0,512}?[ \t])?-P[ \t]*|(?:mongo(?:sh|dump|restore|export|import|stat|top|files)?|[Pp]s[Ee]xec(?:64)?|[Pp]a[Ee]xec)(?:\.exe)?[ \t](?:[^\r\n|;&]{0,512}?[ \t])?-p[ \t]+|ldap(?:search|modify|add|delete|whoami|passwd|compare|modrdn|exop)[ \t](?:[^\r\n|;&]{0,512}?[ \t])?-w[ \t]+)(?:(?<q>["'])(?<qsecret>[^"'\r\n]+)\k<q>|(?<secret>[^\s"'-][^\s"']*))/,
        targets: [{ group: 'qsecret' }, { group: 'secret' }],
        validate: 'clientFlagSecret',
      },
      {
        // SQL Server's stored procedures: `sp_addlogin 'login', 'password'[, 'db']` (also with
        // `@loginame =`/`@passwd =` and `N'…'` literals) and `sp_password 'old', 'new'[, 'login']`
        // (`NULL` for no old one). A built-in login (`sa`, `guest`) is no one's: only the password goes.
        regex: /(?<![\w.])(?:sp_addlogin[ \t]+(?:@loginame[ \t]*=[ \t]*)?N?'(?:(?=(?:sa|guest|admin|administrator|test)')[^'\r\n]+|(?<login>[^'\s]{1,128}))'[ \t]*,[ \t]*(?:@passwd[ \t]*=[ \t]*)?N?'(?<secret>[^'\r\n]{1,128})'|sp_password[ \t]+(?:@old[ \t]*=[ \t]*)?(?:NULL|N?'(?<pw>[^'\r\n]{0,128})')[ \t]*,[ \t]*(?:@new[ \t]*=[ \t]*)?N?'(?<qpw>[^'\r\n]{1,128})')/i,
        targets: [{ group: 'login', kind: 'USER' }, { group: 'secret' }, { group: 'pw' }, { group: 'qpw' }],
        validate: 'sqlLoginProcedure',
        },
        {
        // SAP HANA's `hdbsql … -p pw` and `hdbuserstore SET <key> <host:port> <user> <pw>`; ESXi's
        // `esxcli system account add|set … -p|--password pw -c|--password-confirmation pw` (only that
        // namespace: `-p` is a portgroup or a path elsewhere in esxcli).
        regex: /(?:^|[\s/\\("';&|>])(?:[Hh]dbsql(?:\.exe)?[ \t](?:[^\r\n|;&]{0,512}?[ \t])?-p[ \t]+|esxcli[ \t]+system[ \t]+account[ \t]+(?:add|set)[ \t](?:[^\r\n|;&]{0,512}?[ \t])?(?:-p|--password)(?:[ \t]+|=)|[Hh]dbuserstore(?:\.exe)?[ \t]+(?:-[A-Za-z][ \t]+)*(?:SET|set)[ \t]+[^\s"']+[ \t]+[^\s"']+[ \t]+[^\s"']+[ \t]+)(?:(?<q>["'])(?<qsecret>[^"'\r\n]+)\k<q>|(?<secret>[^\s"'-][^\s"']*))/,
        targets: [{ group: 'qsecret' }, { group: 'secret' }],
        validate: 'clientFlagSecret',
      },
      {
        // SQL that sets a password without quotes or IDENTIFIED BY (SAP HANA, Exasol-style): `ALTER USER
        // x PASSWORD Initial#2026a NO FORCE_FIRST_PASSWORD_CHANGE`, `CREATE USER x PASSWORD "pw"`. The
        // unquoted value must hold a non-letter: `ALTER USER x PASSWORD EXPIRE` sets none.
        regex: /(?<![\w-])(?:create|alter)[ \t]+(?:restricted[ \t]+)?user[ \t]+"?[A-Za-z_][\w$#.-]{0,62}"?[ \t]+password[ \t]+(?:"(?<qsecret>[^"\r\n]+)"|(?<secret>(?=[^\s"';]*[^A-Za-z\s"';])[^\s"';]+))/i,
        targets: [{ group: 'qsecret' }, { group: 'secret' }],
        validate: 'clientFlagSecret',
      },
      {
        // Network devices' stored credentials: Cisco's reversible type 7 (`password 7 0822…`, `key 7 …`,
        // `secret 7 …`), SNMP communities (`snmp-server community <name> RO`), Huawei/H3C ciphertexts
        // (`password cipher %^%#…%^%#`, `irreversible-cipher $1c$…$`, `%@%@…%@%@`).
        regex: /(?:^|[ \t])(?:(?:password|secret|key(?:-string)?)[ \t]+7[ \t]+(?<t7>[0-9A-Fa-f]{4,})(?=[ \t]|\r?$)|snmp-server[ \t]+community[ \t]+(?<community>[^\s"']+)|snmp-agent[ \t]+community[ \t]+(?:read|write)[ \t]+(?:simple[ \t]+)?(?!cipher[ \t])(?<community2>[^\s"']+)|(?:irreversible-)?cipher[ \t]+(?<cipher>%\^%#\S+?%\^%#|%@%@\S+?%@%@|\$1[a-z]\$\S+?\$(?=[ \t]|\r?$)))/,
        targets: [{ group: 't7' }, { group: 'community' }, { group: 'community2' }, { group: 'cipher' }],
      },
      {
        // esxcli's confirmation of the same password (`-c|--password-confirmation`), its own match.
        regex: /(?:^|[\s/\\("';&|>])esxcli[ \t]+system[ \t]+account[ \t]+(?:add|set)[ \t](?:[^\r\n|;&]{0,512}?[ \t])?(?:-c|--password-confirmation)(?:[ \t]+|=)(?:(?<q>["'])(?<qsecret>[^"'\r\n]+)\k<q>|(?<secret>[^\s"'-][^\s"']*))/,
        targets: [{ group: 'qsecret' }, { group: 'secret' }],
        validate: 'clientFlagSecret',
      },
      {
        // Proxmox's token.cfg (`user@pve!tokenid <uuid>`): an API token's secret by its owner and id;
        // auditd's EXECVE record of a MySQL client (`a0="mysql" a1="-uroot" a2="-pSecret"`).
        regex: /(?<![\w.-])[A-Za-z][\w.-]{0,63}@(?:pve|pam|pbs)![\w.-]{1,64}[ \t]+(?<pw>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])|(?<![\w])a0="(?:mysql\w*|mariadb[\w-]*)"(?:[ \t]+a\d{1,3}="[^"\r\n]*"){0,32}?[ \t]+a\d{1,3}="(?:-p|--password=)(?<secret>[^"\s]+)"/,
        targets: [{ group: 'pw', kind: 'TOKEN' }, { group: 'secret' }],
        validate: 'clientFlagSecret',
      },
      {
        // Dell iDRAC's racadm: `racadm set iDRAC.Users.4.Password x`, the legacy `racadm config -g
        // cfgUserAdmin -o cfgUserAdminPassword -i 4 x`; Proxmox API tokens `PVEAPIToken=user@realm!id=uuid`.
        regex: /racadm[ \t]+(?:set[ \t]+[\w.#]*\.Password|config[ \t]+-g[ \t]+cfgUserAdmin[ \t]+-o[ \t]+cfgUserAdminPassword(?:[ \t]+-i[ \t]+\d+)?)[ \t]+(?:(?<q>["'])(?<qsecret>[^"'\r\n]+)\k<q>|(?<secret>[^\s"'-][^\s"']*))|(?:PVE|PBS)APIToken=[^\s!=]{1,64}![\w.-]{1,64}[=:](?<token>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/,
        targets: [{ group: 'qsecret' }, { group: 'secret' }, { group: 'token', kind: 'TOKEN' }],
      },
      {
        // The same clients' `user<sep>password` arguments: Samba `smbclient -U DOMAIN\user%pw` (also
        // rpcclient, smbcacls, smbget, winexe, `net rpc`/`net ads`), `lftp -u user,pw` (session 17, secret18: after a quoted `-e 'cmd; cmd'` too), IBM Db2
        // `CONNECT TO db USER x USING pw` (the CLP, db2diag, JDBC traces). A built-in account
        // (`administrator%pw`, `-u anonymous,x`) is no one's login: only its password goes.
        regex: /(?:^|[\s/\\("';&|>])(?:(?:smbclient|rpcclient|smbcacls|smbget|winexe|net[ \t]+(?:rpc|ads))(?:\.exe)?[ \t](?:[^\r\n|;&]{0,512}?[ \t])?(?:-U[ \t]*|--user=)["']?(?:[\w.-]{1,30}[\\/]{1,2})?(?:(?=(?:root|admin|administrator|guest|anonymous)%)[\w.-]+|(?<user>[A-Za-z][\w.-]{0,31}))%(?<secret>[^\s"']+)|lftp[ \t](?:(?:[^\r\n|;&'"]|'[^'\r\n]{0,256}'|"[^"\r\n]{0,256}"){0,512}?[ \t])?-u[ \t]+["']?(?:(?=(?:root|admin|anonymous|ftp)[,])[\w.-]+|(?<login>[A-Za-z][\w.-]{0,31})),(?<pw>[^\s"']+)|connect[ \t]+to[ \t]+[\w.$#@-]+(?:[ \t]+in[ \t]+\w+[ \t]+mode)?[ \t]+user[ \t]+(?<db2user>[A-Za-z][\w$#@.-]{0,29})[ \t]+using[ \t]+(?:(?<q>["'])(?<qpw>[^"'\r\n]+)\k<q>|(?<usingpw>[^\s"';]+)))/i,
        targets: [{ group: 'user', kind: 'USER' }, { group: 'login', kind: 'USER' }, { group: 'db2user', kind: 'USER' }, { group: 'secret' }, { group: 'pw' }, { group: 'qpw' }, { group: 'usingpw' }],
        validate: 'clientFlagSecret',
      },
      {
        // Apache/nginx `.htpasswd` (and lighttpd, Traefik, Docker registry, Kibana) `user:hash`: MD5
        // `$apr1$`, bcrypt `$2y$`, SHA-crypt `$5$`/`$6$`, `{SHA}`/`{SSHA}`; /etc/shadow's line adds
        // its day counts. The hash goes (it can be cracked) and the login with it (a built-in account
        // stays).
        regex: /^(?:(?=(?:root|admin|administrator|guest|anonymous|test|user|default)(?::))[\w.-]+|(?<user>[A-Za-z][\w.@-]{0,63})):(?<secret>\$(?:apr1|2[aby]|1|5|6|md5|sha1)\$[./A-Za-z0-9$=]{8,}|\{SHA\}[A-Za-z0-9+/]{27}=|\{SSHA\}[A-Za-z0-9+/]{20,}={0,2})(?::\d*){0,8}[ \t]*\r?$/,
        targets: [{ group: 'user', kind: 'USER' }, { group: 'secret' }],
      },
      {
        // PuTTY/KiTTY session files write `Name\value\` (`ProxyPassword\Px!x\`, `Password\…\`).
        regex: new RegExp(String.raw`^(?<key>${KEY})\\(?<secret>[^\\\r\n]+)\\[ \t]*\r?$`, 'i'),
        targets: [{ group: 'secret' }],
        validate: 'assignmentKey',
        kind: 'fromKey',
      },
      {
        // Credentials stored encrypted are still credentials (whoever has the domain key or the
        // profile decrypts them): WebLogic `{AES256}…`/`{AES}…`/`{3DES}…` values (boot.properties,
        // config.xml), Firefox logins.json `"encryptedUsername"`/`"encryptedPassword"` and any key
        // named `encrypted…` holding a long base64 or hex value.
        regex: /\{(?:AES(?:256)?|3DES)\}(?<aes>[A-Za-z0-9+/]{16,}={0,2})|(?<kq>["']?)(?<key>encrypted[_-]?[A-Za-z]{0,30})\k<kq>[ \t]*[:=][ \t]*["']?(?=[A-Za-z0-9+/_-]{0,511}\d)(?<secret>[A-Za-z0-9+/_-]{24,512}={0,2})(?![A-Za-z0-9+/=])/,
        targets: [{ group: 'aes' }, { group: 'secret' }],
      },
      {
        // Server configuration attributes that are secrets by their element: Tomcat's `<Server
        // shutdown="…">` (the word that stops the server, not the stock `SHUTDOWN`), WildFly/Elytron
        // `<credential-reference clear-text="…"/>`.
        regex: /<Server\b[^<>]{0,200}?[ \t]shutdown[ \t]*=[ \t]*"(?!SHUTDOWN")(?<shutdown>[^"\r\n]{4,})"|<credential-reference\b[^<>]{0,200}?[ \t]clear-text[ \t]*=[ \t]*"(?<secret>[^"\r\n]+)"/,
        targets: [{ group: 'shutdown' }, { group: 'secret' }],
        validate: 'clientFlagSecret',
      },
      {
        // IMAP `LOGIN "user" "password"` as a client's protocol trace writes it (`C: A001 LOGIN …`, a
        // tag with a digit); the server's `A001 OK LOGIN completed` is no command.
        regex: /(?:^|[:>][ \t]*)(?=[A-Za-z.]{0,15}\d)[A-Za-z0-9.]{1,16}[ \t]+[Ll][Oo][Gg][Ii][Nn][ \t]+"(?:\\.|[^"\\\r\n])*"[ \t]+(?:"(?<qsecret>(?:\\.|[^"\\\r\n])+)"|(?<secret>[^\s"{][^\s"]*))/,
        targets: [{ group: 'qsecret' }, { group: 'secret' }],
        validate: 'clientFlagSecret',
      },
      {
        // Name/value elements (VMware Horizon's `<param><name>password</name><values><value>x</value>`,
        // SOAP and config exports): the value of an element named like a secret.
        // (Session 22, intlkey23: in a namespace too, SoapUI's `<con:property><con:name>keystorePassword</con:name><con:value>x`.)
        regex: /<(?:[\w-]{1,20}:)?name>(?<key>[^<>\r\n]{1,60})<\/(?:[\w-]{1,20}:)?name>[ \t]*(?:<(?:[\w-]{1,20}:)?values>[ \t]*)?<(?:[\w-]{1,20}:)?value>(?<secret>[^<\r\n]+)<\/(?:[\w-]{1,20}:)?value>/i,
        targets: [{ group: 'secret' }],
        validate: 'namedElementValue',
        kind: 'fromKey',
      },
      {
        // redis-cli -a secret / --pass secret (the server password as its own argument).
        regex: /(?:^|[\s/("';&|])redis-cli(?:\.exe)?\s(?:[^\r\n]*?\s)?(?:-a|--pass|--askpass)\s+(?:(?<q>["'])(?<qsecret>[^"'\r\n]+)\k<q>|(?<secret>[^\s"'-][^\s"']*))/,
        targets: [{ group: 'qsecret' }, { group: 'secret' }],
        // Session 21 (secret22): `-a "$REDIS_PW"`, `-a %REDIS_PW%` name where the password is, they are none.
        validate: 'clientFlagSecret',
      },
      {
        // NuGet.Config `<apikeys>`: the key is the feed's URL, the value the API key.
        regex: /<add[ \t]+key[ \t]*=[ \t]*"https?:\/\/[^"\s]+"[ \t]+value[ \t]*=[ \t]*"(?<secret>[^"\s]{20,})"/i,
        targets: [{ group: 'secret' }],
        validate: 'randomValue',
      },
      {
        // Remote Desktop (.rdp) settings are `name:type:value`: `password 51:b:01000000D08C…`.
        regex: /^(?<key>[A-Za-z][\w ]{0,40}?):[sb]:(?<secret>\S(?:[^\r\n]*\S)?)[ \t]*\r?$/,
        targets: [{ group: 'secret' }],
        validate: 'assignmentKey',
      },
      {
        // .netrc / _netrc: `machine host login user password secret` on one line, or `password
        // secret` alone on its own line (the multi-line form); PAM lines have more words.
        regex: /^[ \t]*(?:machine[ \t]+\S+|default)(?:[ \t]+(?:login|account|port)[ \t]+\S+)*[ \t]+password[ \t]+(?<secret>\S+)/,
        targets: [{ group: 'secret' }],
        validate: 'realSecret',
      },
      {
        regex: /^[ \t]*password[ \t]+(?<secret>\S+)[ \t]*\r?$/,
        targets: [{ group: 'secret' }],
        validate: 'barePassword',
      },
      {
        // Chinese prose: `账号 zhoumin 密码 Share!2026zm`, `密码是Abc@123` — one token of printable
        // ASCII after the word (not `密码 错误`, `密码 reset`, `密码 SHA256 加密`), also after a verb (`宽带账号密码还是
        // ct20200818 吧`, `密码改成 …`), and a keypad code (`门锁密码 730519#`).
        regex: /(?:密码|口令)(?:(?:还是|就是|仍是|改成|改为|设为|设置为|换成|是|为|為)[ \t]*|[ \t]+)(?<secret>[\x21-\x7e]{4,64})(?![\x21-\x7e])/,
        targets: [{ group: 'secret' }],
        validate: 'proseChinesePassword',
      },
      {
        // What was typed, quoted after a password failure: `密码错误 (输入: Demo#8888)`, `口令校验失败，输入=Ab12!x`.
        // Brackets close the value (they rarely end a password and always end such a remark).
        regex: /(?:密码|口令)[^\r\n]{0,12}?输入(?:的是|为)?(?:[ \t]*[:：=])?[ \t]*(?<secret>[\x21-\x27\x2a-\x7e]{4,64})(?![\x21-\x27\x2a-\x7e])/,
        targets: [{ group: 'secret' }],
        validate: 'proseChinesePassword',
      },
      {
        // HeidiSQL's exported settings: `Servers\ERP\Password<|||>1<|||>7B3A…` (name, type, value).
        regex: new RegExp(String.raw`\\(?<key>${KEY})<\|\|\|>\d<\|\|\|>(?<secret>\S(?:[^\r\n]*\S)?)[ \t]*\r?$`, 'i'),
        targets: [{ group: 'secret' }],
        validate: 'assignmentKey',
        kind: 'fromKey',
      },
      {
        // MobaXterm.ini: [Passwords] `ssh22:deploy@10.0.0.5=<stored>`, [Credentials] `office=XXSOFT\login:password`.
        regex: /^(?:(?:ssh|sftp|ftp|rdp|telnet|vnc)\d*:(?<user>[^@=\s]+)@[^=\s]+=|[\w .-]+=[A-Z][A-Z0-9-]{1,14}\\(?<login>[a-z][\w.-]{1,19}):)(?<secret>\S+)[ \t]*\r?$/,
        targets: [{ group: 'user', kind: 'USER' }, { group: 'login', kind: 'USER' }, { group: 'secret' }],
        validate: 'realSecret',
      },
      {
        // PHP PDO in a stack trace: `PDO->__construct('mysql:host=…', 'user', 'password')`.
        regex: /(?:new[ \t]+PDO|PDO->__construct)\((?<q1>['"])[^'"\r\n]*\k<q1>,[ \t]*(?<q2>['"])[^'"\r\n]*\k<q2>,[ \t]*(?<q3>['"])(?<secret>[^'"\r\n]+)\k<q3>/i,
        targets: [{ group: 'secret' }],
        validate: 'realSecret',
      },
      {
        // A cell of a `|` table under a password or a login column (Airflow `connections get -o plain`:
        // `id | conn_id | … | login | password | …`, psql/mysql client output, Markdown credential tables).
        // The header is looked for above by the validator; `None`, `-`, masks and placeholders stay. A row
        // is read when something else on it wakes the rule (Airflow's `get_uri` column, `mysql`, an `@`):
        // waking every line with a `|` would run the rule on every pipe-separated log line.
        regex: /(?<=[|｜])[ \t]*(?<secret>[^|｜\s](?:[^|｜\r\n]{0,126}[^|｜\s])?)[ \t]*(?=[|｜]|\r?$)/,
        targets: [{ group: 'secret' }],
        validate: 'pipeSecretColumn',
      },
      {
        regex: /(?<=^|[|｜])[ \t]*(?<user>[A-Za-z][\w.-]{1,63})[ \t]*(?=[|｜])/,
        targets: [{ group: 'user', kind: 'USER' }],
        validate: 'pipeUserColumn',
      },
      {
        // What an auto-login script sends after a password or OTP prompt (the validator reads the line
        // before): Tabby `- expect: 'OTP:'` ⏎ `send: 'x'`, Tcl expect `expect "*assword:"` ⏎ `send "x\r"`,
        // SecureCRT `crt.Screen.Send "x" & chr(13)`, pexpect `child.sendline('x')`.
        regex: /^[ \t]*(?:-[ \t]+)?send:[ \t]*(?:(?<q>["'])(?<qsecret>[^"'\r\n]{1,128}?)(?:\\[rn])?\k<q>|(?<secret>[^\s"'#]\S{0,127}))[ \t]*\r?$|(?:^|[ \t;{.])(?:send(?:[ \t]+(?:--|-raw))?|[Ss]creen\.[Ss]end)[ \t]+(?<q2>["'])(?<secret2>[^"'\r\n]{1,128}?)(?:\\[rn])*\k<q2>|\.sendline\([ \t]*(?<q3>["'])(?<secret3>[^"'\r\n]{1,128})\k<q3>[ \t]*\)/,
        targets: [{ group: 'qsecret' }, { group: 'secret' }, { group: 'secret2' }, { group: 'secret3' }],
        validate: 'sendAfterSecretPrompt',
      },
      {
        // KeePass/KeePassXC XML exports: `<String><Key>Password</Key><Value ProtectInMemory="True">x</Value>`,
        // `<Key>TimeOtp-Secret-Base32</Key><Value>…</Value>` — the value of an entry field named like a secret.
        regex: /<Key>(?<key>[^<>\r\n]{1,80})<\/Key>[ \t]*<Value(?:\s[^<>]*)?>(?<secret>[^<\r\n]+)<\/Value>/i,
        targets: [{ group: 'secret' }],
        validate: 'namedElementValue',
        kind: 'fromKey',
      },
      {
        // ZooKeeper's CLI authenticating with a digest identity: `addauth digest dubbo:pw` (the password in
        // clear; `setAcl … digest:user:<hash>` is the hash, taken by the pattern below).
        regex: /(?<![\w-])addauth[ \t]+digest[ \t]+(?<user>[A-Za-z][\w.-]{0,31}):(?<secret>[^\s"']{1,128})/,
        targets: [{ group: 'secret' }],
        validate: 'clientFlagSecret',
      },
      {
        // A key with a remark in brackets before its separator: `申报密码（请勿外传）：Gs#x`, `密码(初始)=x`,
        // `Password (do not share): x`. One token of printable ASCII (`密码（可选）：无` stays).
        regex: /(?<![A-Za-z])(?:[\u4e00-\u9fa5]{0,6}(?:密码|口令)|password|passwd|pin)[ \t]*[（(][^（）()\r\n]{1,16}[）)][ \t]*[:：=][ \t]*(?<secret>[\x21-\x7e]{4,64})(?![\x21-\x7e])/i,
        targets: [{ group: 'secret' }],
        validate: 'realSecret',
      },
      {
        // The answer to a security question (密保问题): as good as the password it resets, in notes and
        // forms (`密保问题答案：外婆家在临安`, `安全问题答案: …`), Han or Latin, up to a delimiter.
        regex: /(?:密保|安全)(?:问题)?答案[ \t]*[:：=][ \t]*(?<secret>[^\s"'，,。；;）)]{1,40})/,
        targets: [{ group: 'secret' }],
        validate: 'realSecret',
      },
      {
        // A card's security code in a vault export (Bitwarden `"expYear": "2029", "code": "731"`): `code`
        // alone is no secret, after the card's expiry it is the CVV.
        regex: /"exp_?(?:year|month)"[ \t]*:[ \t]*(?:"[\w/-]{0,8}"|[\w/-]{1,8})[ \t]*,[ \t]*"(?:code|securityCode|cvv|cvc)"[ \t]*:[ \t]*"(?<secret>\d{3,4})"/i,
        targets: [{ group: 'secret' }],
      },
      {
        // Wi-Fi keys in `netsh wlan show profile … key=clear` (English and Chinese Windows).
        regex: /^[ \t]*(?:Key Content|关键内容)[ \t]*:[ \t]*(?<secret>\S(?:[^\r\n]*\S)?)[ \t]*\r?$/,
        targets: [{ group: 'secret' }],
      },
      {
        // Login tickets of Tencent clients (QQ, TIM, WeChat web) in their logs and cookies: `a2=<hex>`,
        // `d2key=…`, `skey=@…`, `p_skey=…`, `superkey=…`, `clientkey=…`: each one logs the account in.
        regex: /(?<![\w.-])(?<key>a2|d2key|skey|p_skey|superkey|stkey|clientkey|vkey|pt4_token)[ \t]*[=:][ \t]*(?<secret>[A-Za-z0-9+/_*@-]{8,256})(?![A-Za-z0-9+/_*@-])/i,
        targets: [{ group: 'secret' }],
        validate: 'realSecret',
      },
      {
        // A Ruby/Logstash hash-rocket option named just `key` (fingerprint's HMAC key): `key => "fpK3y-Xx9Qm2"`.
        // A Redis list name (`key => "logstash"`) or a sprintf reference (`%{type}`) is no key.
        regex: /(?<![\w.@\]-])key[ \t]*=>[ \t]*(?<q>["'])(?<secret>[^"'\s]{6,128})\k<q>/,
        targets: [{ group: 'secret' }],
        validate: 'hashRocketKey',
      },
      {
        // SAP's single sign-on ticket (cookie, SAP GUI and ICM traces): `MYSAPSSO2=AjQxMDMB…%2f…` logs
        // its holder in to every SAP system that trusts the issuer; base64, URL-encoded or not.
        regex: /(?<![\w-])MYSAPSSO2[ \t]*[=:][ \t]*(?<secret>[A-Za-z0-9+/%!_.*=-]{16,4096})/i,
        targets: [{ group: 'secret', kind: 'TOKEN' }],
      },
      {
        // A keytab's keys as `klist -kte -K` (MIT) prints them: the enctype, then the key itself in hex,
        // `host/app01@CORP (aes256-cts-hmac-sha1-96)  (0x6b9e…)`. Anyone holding it is that principal.
        regex: /\((?:aes|camellia|des3?|rc4|arcfour)[\w-]{0,40}\)[ \t]+\(0x(?<secret>[0-9a-fA-F]{16,128})\)/,
        targets: [{ group: 'secret' }],
      },
      {
        // A cell of an HTML table under a header naming a password (a wiki page's credential table,
        // `<tr><th>系统</th>…<th>账号</th><th>口令</th></tr>`, then a row per line): every row, not the first only.
        regex: /<td(?:\s[^<>]*)?>(?<secret>[^<>\s][^<>\r\n]{0,127})<\/td>/i,
        targets: [{ group: 'secret' }],
        validate: 'htmlSecretColumn',
      },
      {
        // ZooKeeper digest ACLs: `getAcl` prints `'digest,'dubbo:x9Qh…=` and `setAcl`/`addauth` take
        // `digest:dubbo:x9Qh…=:cdrwa`: base64 SHA-1 of `login:password`, enough to test guesses offline.
        regex: /(?:'digest,'|(?<![\w-])digest:)(?:[A-Za-z][\w.-]{0,31}|<USER-\d+>):(?<secret>[A-Za-z0-9+/]{27}=)(?![A-Za-z0-9+/=])/,
        targets: [{ group: 'secret' }],
      },
      {
        // mRemoteNG's confCons.xml root: `Protected="…"` is its master password's check value (with
        // the default master password it decrypts every connection's password).
        regex: /<mrng:Connections\b[^>\r\n]*?[ \t]Protected="(?<secret>[A-Za-z0-9+/]{32,}={0,2})"/,
        targets: [{ group: 'secret' }],
      },
      {
        // Remote-control clients' one-time codes next to the device id (向日葵 `识别码 482 119 337，验证码
        // k7w2QX`, `设备代码 … 验证码 …`): the pair lets anyone take over the desktop.
        regex: /(?:识别码|设备代码|设备码|设备 ID|设备ID)[^\r\n]{0,40}?验证码(?:[ \t]*[:：])?[ \t]*(?<secret>[A-Za-z0-9]{4,12})(?![A-Za-z0-9])/,
        targets: [{ group: 'secret' }],
      },
      {
        // A form field's value in a UI breadcrumb (Sentry `ui.input`): `input[name=\"password\"] value=x`.
        regex: new RegExp(String.raw`\bname=\\?["']?(?<key>${KEY})\\?["']?\][ \t]+value=(?<secret>[^\s"'\\,}]{1,128})`, 'i'),
        targets: [{ group: 'secret' }],
        validate: 'assignmentKey',
        kind: 'fromKey',
      },
      {
        // A Cyrus SASL password list (memcached's `sasldb` as a text file, `saslpasswd2` input):
        // `login@realm: password` alone on its line; the login unless built in, then the password.
        regex: /^(?<user>[A-Za-z][\w.-]{0,31})@(?<host>[A-Za-z0-9][\w.-]{0,120}):[ \t]+(?<secret>\S{1,128})[ \t]*\r?$/,
        targets: [{ group: 'user', kind: 'USER' }],
        validate: 'saslLogin',
      },
      {
        regex: /^(?:[A-Za-z][\w.-]{0,31}|<USER-\d+>)@(?<host>[A-Za-z0-9][\w.-]{0,120}):[ \t]+(?<secret>\S{1,128})[ \t]*\r?$/,
        targets: [{ group: 'secret' }],
        validate: 'saslLine',
      },
      {
        // A password hash tagged with its scheme (LDAP `userPassword: {SSHA}…`, Dovecot `password =
        // {SHA512-CRYPT}$6$…`): the other patterns take no value starting with `{`; a hash lets
        // whoever holds it guess the password offline. The scheme alone (`default_pass_scheme =
        // {SSHA}`) is no hash.
        regex: new RegExp(String.raw`${NOT_KEY_BEFORE}(?<key>${KEY})[ \t]*(?:=|:(?!:))[ \t]*(?<secret>\{(?:S?SHA(?:1|224|256|384|512)?|S?MD5|(?:SHA(?:256|512)-|MD5-|BLF-)?CRYPT|PBKDF2(?:-SHA(?:1|256|512))?|ARGON2I?D?|BCRYPT|SCRYPT|SSHA(?:256|512)|NTLM|PLAIN|CLEARTEXT)\}[A-Za-z0-9+/=.$_-]{4,512})`, 'i'),
        targets: [{ group: 'secret' }],
        validate: 'assignmentKey',
        kind: 'fromKey',
      },
      {
        // A property list's pair on one line (configuration profiles, `.mobileconfig`):
        // `<key>UserPassword</key><string>x</string>`, `<key>SharedSecret</key><data>base64</data>`.
        regex: /<key>(?<key>[^<>\r\n]{1,80})<\/key>[ \t]*<(?<tag>string|data)>(?<secret>[^<\r\n]+)<\/\k<tag>>/,
        targets: [{ group: 'secret' }],
        validate: 'namedElementValue',
        kind: 'fromKey',
      },
      // Server-side credential stores, one line per user (session 13, rest14a; the gate's STORED_FORMS).
      // Each store's grammar twice: the login (kept when built in or the store's own service account)
      // and the secret (kept when a placeholder, a variable or `<word>` of usage text).
      ...stored(
        // A network device's stored password (H3C/Comware `password simple|hash x` under `local-user`,
        // `super password role … simple x`, Huawei `local-user x password irreversible-cipher x`).
        /^[ \t]*(?:(?:super[ \t]+)?password(?:[ \t]+(?:level|role)[ \t]+\S+)?|local-user[ \t]+\S+[ \t]+password)[ \t]+(?:simple|hash|cipher|irreversible-cipher)[ \t]+(?<secret>\S{1,512})/i,
        // Comware's stored forms after any keyword (`snmp-agent community write cipher $c$3$…`,
        // `key authentication cipher $c$3$…`, `password hash $h$6$…`): the prefix is part of the secret.
        /(?<![\w-])(?:simple|cipher|hash|irreversible-cipher)[ \t]+(?<secret>\$[ch]\$\d\$[\w+/=$.-]{6,512})/,
        // HAProxy `userlist`: `user x password <crypt>` / `user x insecure-password <pw>` (`groups …` after).
        /^[ \t]*user[ \t]+(?<user>[A-Za-z_][\w.@-]{0,63}|<USER-\d+>)[ \t]+(?:insecure-)?password[ \t]+(?<secret>\S{1,512})/,
        // HAProxy's stats page (`stats auth x:pw`).
        /(?:^|[\s;])stats[ \t]+auth[ \t]+(?<user>[^\s:#]{1,64}):(?<secret>\S{1,256})/,
        // htpasswd items inside other files: Traefik `basicAuth.users` (`- "x:$apr1$…"`), docker labels
        // (`…basicauth.users=x:$$2y$$…`, `$` doubled), JSON arrays, nginx-ingress `auth` strings.
        /(?:^|[\s,[{(=])(?:-[ \t]+)?(?<q>["']?)(?<user>[A-Za-z_][\w.@-]{0,63}|<USER-\d+>):(?<secret>(?:\$\$?(?:apr1|2[aby]|[156]|md5|sha1)\$|\{S?SHA\})[\w./+=$]{8,512})\k<q>/i,
        // pgbouncer's `auth_file` (userlist.txt): `"x" "md5<hex>"` and `"x" "SCRAM-SHA-256$<iter>:<salt>$<key>:<key>"`.
        /^"(?<user>[^"\s]{1,63})"[ \t]+"(?<secret>md5[0-9a-f]{32}|SCRAM-SHA-256\$\d{1,7}:[A-Za-z0-9+/=]{8,128}\$[A-Za-z0-9+/=]{8,256}:[A-Za-z0-9+/=]{8,256})"/,
        // FreeRADIUS `users`/`authorize`: `x Cleartext-Password := "pw"` (Crypt-, MD5-, SHA-, NT-Password …).
        /^(?<q>"?)(?<user>[A-Za-z0-9_][\w.@-]{0,63}|<USER-\d+>)\k<q>[ \t]+(?:Cleartext|Crypt|S?MD5|S?SHA2?(?:-\d{3})?|NT|LM|User)-Password[ \t]*:=[ \t]*"(?<secret>[^"\r\n]{1,128})"/i,
        // radius.log with auth_goodpass/auth_badpass: `Login OK: [x/pw]`, `Login incorrect (…): [x/pw]`.
        /Login (?:OK|incorrect)(?:[ \t]+\([^()\r\n]{0,200}\))?:[ \t]+\[(?<user>[^\s/[\]]{1,64})\/(?<secret>(?!<)[^\]\r\n]{1,128})\]/,
        // `chpasswd` input given on the command line: `echo 'x:pw' | chpasswd`, `chpasswd <<< "x:pw"`.
        /(?:^|[\s;&|(])(?:echo|printf)[ \t]+(?:-[ne]{1,2}[ \t]+)?(?<q>["']?)(?<user>[A-Za-z_][\w.-]{0,31}|<USER-\d+>):(?<secret>[^\s"':]{1,128})\k<q>[ \t]*\|[ \t]*(?:sudo[ \t]+)?(?:\/usr\/sbin\/)?chpasswd\b/,
        /(?:^|[\s;&|(])(?:sudo[ \t]+)?(?:\/usr\/sbin\/)?chpasswd(?:[ \t]+-\w+)*[ \t]*<<<[ \t]*(?<q>["']?)(?<user>[A-Za-z_][\w.-]{0,31}|<USER-\d+>):(?<secret>[^\s"':]{1,128})\k<q>/,
        // `echo 'pw' | passwd --stdin x` (RHEL's passwd).
        /(?:^|[\s;&|(])(?:echo|printf)[ \t]+(?:-[ne]{1,2}[ \t]+)?(?<q>["']?)(?<secret>[^\s"']{1,128})\k<q>[ \t]*\|[ \t]*(?:sudo[ \t]+)?passwd[ \t]+--stdin[ \t]+(?<user>[A-Za-z_][\w.-]{0,31}|<USER-\d+>)/,
        // SQL as the MySQL client's history keeps it (`\040` for each blank): `CREATE\040USER\040'x'@'h'\040
        // IDENTIFIED\040[WITH\040plugin\040]BY\040'pw'` (the plain-blank form is taken by the patterns above).
        /(?:create|alter)\\040user\\040(?:if\\040not\\040exists\\040)?(?<q>['"`]?)(?<user>[A-Za-z_][\w$.-]{0,62}|<USER-\d+>)\k<q>(?:@(?<hq>['"`]?)[^\s'"`\\]{1,255}\k<hq>)?\\040identified\\040(?:with\\040['"]?\w{1,64}['"]?\\040)?(?:by|as)\\040(?<sq>['"])(?<secret>[^'"\r\n]{1,256})\k<sq>/i,
      ),
      // Session 14 (rest15b). Administration commands whose grammar puts a password in a place of its
      // own (admin-cli.ts: one table per grammar; the gate asks the same table).
      ...adminCliPatterns().map((regex): RulePattern => ({
        regex,
        targets: ['secret', 'qsecret', 'sq', 'dq', 'glued'].filter((g) => regex.source.includes(`(?<${g}>`)).map((group) => ({ group })),
        validate: 'anySecretGroup',
      })),
      // Session 20 (secret21) — begin: a network device's configuration, one family (network-device.ts).
      ...DEVICE_SECRET_PATTERNS.map((p): RulePattern => ({ regex: p.regex, targets: p.groups.map((group) => ({ group })), validate: 'deviceSecret' })),
      // Session 20 (secret21) — end.
      {
        // crypt(3) password hashes by their shape, whatever holds them (kickstart `rootpw --iscrypted $6$…`,
        // pfSense `<bcrypt-hash>`, preseed `…-crypted password $6$…`, cloud-init `passwd:`): bcrypt `$2y$10$`+53,
        // SHA-crypt `$5$`/`$6$` (`rounds=`), yescrypt `$y$`, MD5-crypt `$1$`+22. The hash lets one guess offline.
        regex: /(?<![\w$./])(?<secret>\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}|\$[56]\$(?:rounds=\d{1,9}\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{20,86}|\$y\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{1,64}\$[./A-Za-z0-9]{43}|\$1\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22})(?![\w$./])/,
        targets: [{ group: 'secret' }],
      },
      {
        // Debian preseed: `d-i passwd/root-password password x`, `passwd/user-password-again password x`,
        // `grub-installer/password-crypted password $6$…` (the question names a password, its type is `password`).
        regex: /^[ \t]*d-i[ \t]+[\w/.-]{0,80}password[\w/.-]{0,40}[ \t]+password[ \t]+(?<secret>\S(?:[^\r\n]{0,254}\S)?)[ \t]*\r?$/,
        targets: [{ group: 'secret' }],
        validate: 'anySecretGroup',
      },
      {
        // A k3s/RKE2 join token (`K10<CA hash>::server:<password>`, `::node:`), wherever it is printed.
        regex: /(?<![\w])(?<token>K10[0-9a-f]{32,128}::[a-z][\w-]{0,31}:[0-9a-f]{16,64})(?![\w])/,
        targets: [{ group: 'token', kind: 'TOKEN' }],
      },
      {
        // A password a tool prints once: TiDB `The new password is: '…'.`, `initial|temporary|generated password
        // [for x] is: …`, MySQL's `A temporary password is generated for root@localhost: …`.
        regex: /\b(?:new|initial|temporary|generated|random|one-time)[ \t]+password(?:[ \t]+(?:for|of)[ \t]+\S{1,64})?[ \t]+(?:is|was)(?:[ \t]*[:：])?[ \t]*(?:(?<q>["'`])(?<qsecret>[^"'`\r\n]{1,128})\k<q>|(?<secret>(?=[^\s"'`]{0,127}[\d!@#$%^&*+=?_-])[^\s"'`]{4,128}?))(?=[.,;]?(?:[ \t]|\r?$))|temporary[ \t]+password[ \t]+is[ \t]+generated[ \t]+for[ \t]+\S{1,128}:[ \t]*(?<glued>\S{1,128})/i,
        targets: [{ group: 'qsecret' }, { group: 'secret' }, { group: 'glued' }],
        validate: 'anySecretGroup',
      },
      {
        // `${VAR:default}` under a secret key (Spring `${DB_PASSWORD:x}`, SkyWalking `agent.authentication=
        // ${SW_AGENT_AUTHENTICATION:x}`, docker-compose `${DB_PASSWORD:-x}`): the default is the value in use.
        regex: new RegExp(String.raw`${NOT_KEY_BEFORE}(?<kq>["']?)(?<key>[A-Za-z][\w.-]{0,80})\k<kq>[ \t]*(?:=|:(?!:)|：)[ \t]*["']?\$\{(?<var>[A-Za-z_][\w.-]{0,80}):-?(?<secret>[^}\s"'$]{1,256})\}`),
        targets: [{ group: 'secret' }],
        validate: 'defaultOfSecretVar',
      },
      {
        // Pulumi's encrypted config values (`secure: v1:<salt>:<ciphertext>`): the stack's passphrase opens them.
        regex: /(?:^|[\s{,])secure:[ \t]*(?<secret>v1:[A-Za-z0-9+/=]{4,64}:[A-Za-z0-9+/=]{8,4096})/,
        targets: [{ group: 'secret' }],
      },
      {
        // OpenWrt uci's Wi-Fi key (`option key 'x'`, WPA's 8–63 characters; WEP's `option key '1'` is an index,
        // uhttpd's `option key '/etc/uhttpd.key'` a path).
        regex: /^[ \t]*option[ \t]+key[ \t]+(?<q>['"]?)(?<secret>(?![/~])[^'"\s]{8,63})\k<q>[ \t]*\r?$/,
        targets: [{ group: 'secret' }],
        validate: 'storedSecret',
      },
      {
        // A server panel's security entrance, the secret path that opens its login page (宝塔 `bt default`:
        // `外网面板地址: https://ip:port/<entrance>`, `安全入口: /<entrance>`, 1Panel `Panel address:`).
        regex: /(?:面板地址|安全入口|[Pp]anel[ \t]+(?:[Aa]ddress|URL|url))[ \t]*[:：][ \t]*(?:https?:\/\/[^/\s]{1,255})?\/(?<secret>(?=[a-z0-9]{0,31}\d)(?=[a-z0-9]{0,31}[a-z])[a-z0-9]{6,32})\/?[ \t]*\r?$/,
        targets: [{ group: 'secret' }],
      },
      {
        // A proxy subscription's link (SSPanel `…/link/<token>?sub=3`): the token is the account.
        regex: /\/link\/(?<secret>(?=[A-Za-z0-9]{0,63}\d)(?=[A-Za-z0-9]{0,63}[A-Za-z])[A-Za-z0-9]{16,64})(?=[?#"'\s&/]|$)/,
        targets: [{ group: 'secret', kind: 'TOKEN' }],
      },
      {
        // What a failed sign-in was tried with, logged after the reason (蓝凌 `原因=密码错误 尝试=x`,
        // `password incorrect, tried: x`).
        regex: /(?:密码错误|密码不正确|password[ \t]+(?:incorrect|mismatch|wrong)|(?:wrong|invalid|bad)[ \t]+password)[^\r\n]{0,60}?(?:尝试|输入|tried|attempt(?:ed)?|input)[ \t]*[=:：][ \t]*(?<secret>(?=[^\s,;，；()（）]{0,127}[^A-Za-z\s,;，；()（）])(?=[^\s,;，；()（）]{0,127}[A-Za-z])[^\s,;，；()（）]{6,128})/i,
        targets: [{ group: 'secret' }],
        validate: 'storedSecret',
      },
      // Session 15 (secret16): a password by its shape where the line puts a credential (password-shape.ts).
      {
        // After a word that announces one: an SNMP community (Juniper `set snmp community x authorization …`,
        // ipmitool `SNMP Community String : x`, Huawei/H3C `snmp-agent community read x`), an IKE pre-shared key
        // (Hillstone `pre-share x`, `pre-shared-key ascii-text x`, `psk x`), net-snmp's `rocommunity x` / `rwcommunity x`.
        regex: /(?:^|[\s;"'(])(?:(?:ro|rw)?community6?(?:[ \t]{1,16}(?:string|name))?(?:[ \t]{1,16}(?:read|write|ro|rw))?|pre-share(?:d-key)?|psk)[ \t]{0,16}(?:[:=：][ \t]{0,16})?(?:(?:ascii-text|plain-text|simple|cipher|key)[ \t]{1,16})?(?<q>["']?)(?<placed>[^\s"']{6,64})\k<q>(?=[\s,;]|$)/i,
        targets: [{ group: 'placed' }],
        validate: 'passwordShape',
      },
      {
        // A key that names a password inside a longer name the key vocabulary does not split (`SAPWD=`,
        // `AccessControl1Community=`, `LOCAL_ADMIN_PW=`), a Wi-Fi `key=`/`key2=`, `wpa_passphrase=`, a Nagios
        // `$USERn$=` macro of resource.cfg, a URL's `&p=`/`&pwd=`: the value if it has a password's shape.
        regex: /(?<![\w.$-])(?:(?:(?<ck>[A-Za-z_][\w.-]{0,40}?communit(?:y|ies)(?:[ _-]?(?:string|name))?|\$USER\d{1,3}\$)[ \t]*[=:：][ \t]*)|(?:(?<sk>[A-Za-z_][\w.-]{0,40}?(?:pass(?:wd|word|phrase)?|pwd|pw|secret|psk)|key\d?|(?<=[?&])(?:p|pw|pwd|pass))[=:]))(?<q>["']?)(?<v>[^\s"'&]{6,64})\k<q>(?=[\s,;&]|$)/i,
        targets: [{ group: 'v' }],
        validate: 'passwordShapeAfterKey',
      },
      {
        // A password flag of a command line, spaced, glued or quoted: `taos -u x -pPw`, `beeline -n x -p Pw`,
        // `mysql … -p'Pw'`, `mosquitto_pub -u x -P Pw`, `ipmitool -U x -P 'Pw'`, `--password=Pw`. A strong shape,
        // or both cases and a digit: `-p` is a port, a path or a mode in other tools (`-P9030`, `mkdir -p`, `-p 8080:80`).
        // `-p`/`-P` after a client the words scan wakes for (a `-p` mark would start at `-`, common in logs: scan-shape),
        // `--password`/`--passwd` anywhere (their words wake the rule).
        regex: /(?:(?:^|[\s;&|(/])(?:taos|beeline|cqlsh|rabbitmqadmin|influx|mosquitto_(?:pub|sub|rr)|ipmitool)(?:\.exe)?[ \t](?:[^\r\n|;&]{0,512}?[ \t])?-[pP](?:[ \t]+|(?=[^\s-]))|(?:^|[ \t])--pass(?:word|wd)(?:[ \t]+|=))(?<q>["']?)(?<flag>[^\s"']{6,64})\k<q>(?=[ \t;|&)]|\r?$)/,
        targets: [{ group: 'flag' }],
        validate: 'passwordShapeFlag',
      },
      {
        // Anywhere on a line that names a credential (`password`, `secret`, `credential`, `psk`, `密码` …): a token
        // with the strong shape (sbt `Credentials("realm", "host", "x", "Pw")`, `user set password 4 Pw`).
        // The token must hold a password symbol (the regex skips the others without asking the validator).
        // A token holds no `=` or `:` and starts only after one of its delimiters, so tokens never overlap: linear.
        // One followed by `=` is a key (`…&X-Amz-Expires=`), no value.
        regex: /(?<![^\s"'=:,(：（])(?<strong>[^\s"'<>()[\]{},;|=:，。；：！？、（）\u4e00-\u9fa5]{0,63}[!@#$%^&*?~][^\s"'<>()[\]{},;|=:，。；：！？、（）\u4e00-\u9fa5]{0,63})(?=[\s"',;):，。；！？、（）]|[\u4e00-\u9fa5]|$)/,
        targets: [{ group: 'strong' }],
        validate: 'passwordShapeOnCueLine',
      },
      // Session 16 (secret17): secrets a format prints without a key (printed-secrets.ts): Samba's LM/NT hashes, a
      // scheme-tagged LDAP hash, a cloud drive's share link, a share's or a card's code after its label.
      ...PRINTED_SECRET_PATTERNS.map((p): RulePattern => ({ regex: p.regex, targets: p.groups.map((group) => ({ group })), validate: 'printedSecret' })),
      // Session 19 (secret20) — begin: secrets a tool prints in its sentence or takes by position (tool-secrets.ts).
      ...TOOL_SECRET_PATTERNS.map((p): RulePattern => ({ regex: p.regex, targets: p.groups.map((group) => ({ group })), validate: 'toolSecret' })),
      // Session 19 (secret20) — end.
      // Session 21 (secret22): a Redis capture's AUTH, a password scanner's hit, a PIN in a note, Terraform's sensitive outputs (captured-secrets.ts).
      ...CAPTURED_SECRET_PATTERNS.map((p): RulePattern => ({ regex: p.regex, targets: p.groups.map((group) => ({ group })), validate: 'capturedSecret' })),
      // Session 22 (intlkey23): passwords and door codes under other languages' words (intl-secrets.ts).
      ...INTL_SECRET_PATTERNS.map((p): RulePattern => ({ regex: p.regex, targets: p.groups.map((group) => ({ group })), validate: 'intlSecret' })),
      // Session 23 (acct25): account and cloud tools' secrets, typed credential objects, door codes in English (account-secrets.ts).
      ...ACCOUNT_SECRET_PATTERNS.map((p): RulePattern => ({ regex: p.regex, targets: p.groups.map((group) => ({ group })), validate: 'accountSecret' })),
      { regex: CUT_PASSWORD_WORD_PATTERN, targets: [{ group: 'intlEq' }, { group: 'intlColon' }, { group: 'intlProse' }, { group: 'intlBare' }], validate: 'intlSecret' },
      // script26 (session 24): a bank account's number after its label in Vietnamese, Hebrew, Spanish, Czech, Arabic, Malay, Ukrainian (script26.ts).
      ...SCRIPT26_SECRET_PATTERNS,
      {
        // Values a format hides the secret in: WebSphere's `{xor}…`, Caddy's base64 of a bcrypt hash (`JDJhJDE0J…` is
        // `$2a$14$…`), mosquitto's `$7$` PBKDF2 hashes, strongSwan `ipsec.secrets` (`x : EAP "pw"`, `%any : XAUTH "pw"`).
        // (Spring Boot actuator's boxed `"x.password": { "value": "…" }` is the boxed-value pattern's, name-value-pair.ts: session 18, secret19.)
        regex: /\{xor\}(?<xor>[A-Za-z0-9+/]{4,}={0,2})|(?<![A-Za-z0-9+/])(?<b64>JDJ[5hi]JD[A-Za-z0-9+/]{60,100}={0,2})(?![A-Za-z0-9+/=])|(?<![\w$./])(?<h7>\$7\$\d{1,9}\$[A-Za-z0-9+/=]{8,64}\$[A-Za-z0-9+/=]{20,256})|(?:^|[ \t]):[ \t]*(?:EAP|XAUTH)[ \t]+"(?<eap>[^"\r\n]{1,128})"/,
        targets: [{ group: 'xor' }, { group: 'b64' }, { group: 'h7' }, { group: 'eap' }],
        validate: 'hiddenSecretValue',
      },
    ],
    opensValueOnNextLine: 'secretKeyOnItsOwnLine',
    // Session 21 (secret22): `chpasswd`'s and `newusers`' input as a here-document (`chpasswd <<'END'` ⏎ `x:pw` … `END`,
    // `cat <<EOF | sudo chpasswd`): every `login:password` line up to the delimiter (a line of another shape) holds a password
    // (newusers' `login:pw:uid:gid:…` its second field).
    itemsBlocks: [
      {
        open: PASSWORD_HEREDOC_OPENER,
        item: /^[ \t]*[A-Za-z_][\w.$-]{0,31}:(?<secret>[^\s:][^:\r\n]{0,127}?)(?=:\d*:\d*:|[ \t]*\r?$)/,
        validate: 'heredocPassword',
        kind: 'SECRET',
        end: /^(?![ \t]*[A-Za-z_][\w.$-]{0,31}:\S)/,
      },
    ],
    // `<Value>` of unattend.xml, `"value": "…",` of a JSON key/value list.
    // Not a PEM key's first line (`sshPrivateKey: |` ⏎ `-----BEGIN …`): the private-key block takes the whole key.
    // composer's auth.json maps a host to its token (`"bearer": {` ⏎ `"satis.example.com": "…"`); any other
    // `"key": …` line is a pair of its own, no value of the opener.
    // Not a YAML pair, a list item, a comment or a Salt separator (`root_password:` ⏎ `  file: x`: a map, no value).
    // (Session 22, intlkey23: a transcript's client-line marker before the value, swaks' `~> `/` -> `.)
    nextLineValue: /^[ \t]*(?:[~-]>[ \t]+)?(?!-{4,5} ?BEGIN )(?!(?!value:)[\w.-]+:(?:[ \t]|\r?$))(?!-[ \t]+(?!value:))(?!-{3,}[ \t]*\r?$)(?!#)(?:<[Vv]alue>|<string>|(?:-[ \t]+)?value:[ \t]*|"value"[ \t]*:[ \t]*|"(?=[A-Za-z0-9][\w-]*(?:\.[\w-]+)+(?::\d{1,5})?")[^"\r\n]+"[ \t]*:[ \t]*)?(?!"[^"\r\n]*"[ \t]*:)["']?(?<secret>[^<\s"'](?:[^<\r\n]*[^<\s"',])?)["']?(?:<\/[\w:.-]+>)?[ \t]*,?[ \t]*\r?$/,
  },
  {
    id: 'high-entropy',
    nameKey: 'rule.high-entropy',
    description: 'random-looking strings (≥ 20 characters, letters and digits, Shannon entropy ≥ 3.5 bits/char, ≥ 3.0 for hex) within a few words after a secret-like name; base64 JSON that holds a password, auth or token field (Kubernetes .dockerconfigjson, encoded config); bare hashes and UUIDs are kept',
    category: 'secret',
    optional: false,
    placeholder: 'SECRET',
    // The trigger wants a run of 20 such characters within 32 of the word.
    // Chromium's encrypted values in hex (`v10`/`v11` + nonce + cipher text: `763130…`) as sqlite's
    // `.dump` writes a blob (`X'763130…'`; the digits scan has one shape only, so by its `x'`); in a
    // table, by their column (file-layout's CSV_SECRET_COLUMN).
    scan: { words: "x'76313|vin:|vin ", placed: { words: 'key|secret|token|pass|pwd|cred|sig|hmac|licen|private|bearer|eyj|session|sid', at: 'randomRun' }, marks: '密码|密钥|令牌|车辆识别代|车架号' },
    trigger: /(?:key|secret|token|passw|pwd|credential|signature|(?<![a-z])(?:sig|sid)(?![a-z])|hmac|licen[cs]e|private|bearer|session|密码|密钥|令牌)[^\r\n]{0,32}?[A-Za-z0-9+/_-]{20}|eyJ[A-Za-z0-9+/]{30}|76313[01][0-9a-f]{24}|(?:车辆识别代[号码]|车架号|\bvin)[^\r\n]{0,12}?[a-hj-npr-z0-9]{17}/i,
    patterns: [
      {
        // A Chromium `Login Data`/`Web Data`/`Cookies` value as sqlite prints it (`.dump`'s `X'763130…'`,
        // or `hex(password_value)` near a secret word): `v10`/`v11` then a 12-byte nonce, the cipher text and a 16-byte tag (12 bytes or more are read as one),
        // whatever the column or the tool (Chrome, Edge, Brave, Chromium-based 360/QQ browsers).
        regex: /(?<![0-9A-Fa-f])(?<secret>76313[01](?:[0-9A-F]{24,}|[0-9a-f]{24,}))(?![0-9A-Za-z])/,
        targets: [{ group: 'secret' }],
      },
      {
        regex: /(?<name>key|secret|token|passw(?:or)?d|pwd|credential|signature|(?<![a-z])(?:sig|sid)(?![a-z])|hmac|licen[cs]e|private|bearer|session|密码|密钥|令牌)(?<gap>[^\r\n]{0,32}?)(?<![A-Za-z0-9+/_-])(?<secret>[A-Za-z0-9+/_-]{20,}={0,2})(?![A-Za-z0-9+/=_-])/i,
        targets: [{ group: 'secret' }],
        validate: 'randomNearSecretWord',
      },
      {
        // A vehicle identification number after its label (行驶证 `车辆识别代号: LGXCE4CB8P2071953`, `车架号`, `VIN:`):
        // 17 characters without I, O and Q whose ninth is the check digit (ISO 3779, GB 16735), which a part
        // number or a serial of the same length almost never passes.
        regex: /(?:车辆识别代[号码]|车架号(?:码)?|(?<![A-Za-z])VIN(?:[ \t]{0,2}(?:[Nn]o\.?|码|号))?)[ \t]{0,4}[:：=]?[ \t]{0,4}(?<secret>[A-HJ-NPR-Z0-9]{17})(?![A-Za-z0-9])/,
        targets: [{ group: 'secret' }],
        validate: 'vehicleIdentificationNumber',
      },
      {
        // `eyJ…` is base64 of `{"`: a JSON document. Redacted when it decodes to one with a
        // credential field (`{"auths":{"registry":{"password":…`); JWTs were taken by the jwt rule.
        regex: /(?<![A-Za-z0-9+/=_-])eyJ[A-Za-z0-9+/_-]{30,}={0,2}(?![A-Za-z0-9+/=_-])/,
        validate: 'encodedCredentials',
      },
    ],
  },
  {
    id: 'email',
    nameKey: 'rule.email',
    description: 'e-mail addresses (also URL-encoded with %40), with internationalized domains (公司.cn, xn--…) and local parts (jürgen@…, 陈静@…)',
    category: 'personal',
    optional: false,
    placeholder: 'EMAIL',
    scan: { marks: '@|%40' },
    trigger: /[\p{L}\p{N}_.%+-](?:@|%40)[\p{L}\p{N}-]+\.\p{L}/iu,
    identity: 'emailAt',
    patterns: [
      {
        // Internationalized domains (`zhang.san@公司.cn`, `li@例子.中国`, punycode `xn--fiqs8s`):
        // labels of any letters. Local parts in Latin letters with accents (`jürgen.groß@…`), or
        // a short run of Han characters that does not continue a Chinese sentence (`陈静@…`).
        regex: /(?:(?<![\p{Script=Latin}\p{N}_.%+-])[\p{Script=Latin}\p{N}._%+-]*[\p{Script=Latin}\p{N}_%+-]|(?<![\p{Script=Han}\p{Script=Latin}\p{N}_.%+-])\p{Script=Han}{1,4})(?:@|%40)(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+(?<tld>[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{2,59}|中国|中國|公司|网络|網絡|香港|台湾|台灣|[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]{2,24})(?![\p{Script=Latin}\p{N}_-]|\.[\p{Script=Latin}\p{N}])/u,
        // `git@github.com:org/repo.git` is an SSH remote, not a person.
        validate: 'personalEmail',
      },
    ],
  },
  {
    id: 'cn-id',
    nameKey: 'rule.cn-id',
    description: 'PRC resident identity numbers (18 characters, valid ISO 7064 MOD 11-2 check character)',
    category: 'personal',
    optional: false,
    placeholder: 'CNID',
    scan: { digits: PERSONAL_DIGITS, marks: FULL_WIDTH_DIGITS },
    trigger: /\d{17}|\d{6}[ -]\d{8}[ -]\d{3}|[０-９]{17}/,
    identity: 'upperCase',
    patterns: [
      {
        // In full-width digits (`１２０１０４１９９５…`), as an IME or an OCR writes them.
        regex: /(?<![0-9A-Za-z０-９])[1-9１-９][\d０-９]{16}[\dXx０-９ＸｘX](?![0-9A-Za-z０-９])/,
        validate: 'fullWidthCnId',
      },
      {
        // Also written in groups, 6-8-4, as people copy it from a card (`440305 19851112 4029`); and
        // glued to the one letter of a student's national registry number (全国学籍号 `G<身份证>`,
        // `J<身份证>`, `L<身份证>`), the check character deciding as everywhere.
        // Session 17 (name18): and a CFCA personal certificate's subject, the id type's letter before it (`CN=051@姓名@Z<身份证>@1`).
        regex: /(?:(?<![0-9A-Za-z])|(?<=(?<![0-9A-Za-z])[GJL])|(?<=@[A-Z]))[1-9]\d{5}(?<s>[ -]?)(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\k<s>\d{3}[\dXx](?![0-9A-Za-z]|[ -]\d)/,
        validate: 'cnIdNumber',
      },
    ],
  },
  // --- idnum23 (session 22) ---
  {
    id: 'national-id',
    nameKey: 'rule.national-id',
    description: "other countries' national identity, tax and social-security numbers beside their names (RFC/CURP, NIR, Iqama, 주민등록번호, СНИЛС/ИНН, codice fiscale, CPF, DNI/NIE, Steuer-ID, SV-Nummer, マイナンバー, CCCD, Aadhaar, SSN, NINO, BSN, PESEL, TC Kimlik, NRIC, HKID, 身分證, NIK, Thai ID, personnummer, CNP …) when their check digit holds; a CURP, a codice fiscale, a SNILS or a CPF alone by its shape and check; passports under other languages' words",
    category: 'personal',
    optional: false,
    placeholder: 'IDNUM',
    scan: {
      words: NATIONAL_ID_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
      marks: NATIONAL_ID_MARKS,
      placed: { words: NATIONAL_ID_SHORT_WORDS.map((w) => w.replace(/\./g, '\\.')).join('|'), at: NATIONAL_ID_SHORT_AT },
    },
    trigger: NATIONAL_ID_TRIGGER,
    identity: 'upperCase',
    patterns: NATIONAL_ID_PATTERNS.map((p): RulePattern => ({ regex: p.regex, targets: [{ group: p.group, ...(p.kind !== undefined ? { kind: p.kind } : {}) }], validate: 'nationalId' })),
  },
  // --- end idnum23 ---
  // --- num25 (session 23) ---
  {
    id: 'national-number-alone',
    nameKey: 'rule.national-number-alone',
    description: "national numbers whose printed shape is distinctive with no name beside them: a Brazilian CPF `ddd.ddd.ddd-dd` and a Thai id `d-dddd-ddddd-dd-d` when their check digits hold; national mobiles in their own grouping: Brazil `(11) 98427-3615`, the UK `07700 900123`, the Netherlands `06-41827365`, Germany `0151 23456789`; an Emirates ID `784-YYYY-NNNNNNN-C` (Luhn)",
    category: 'personal',
    optional: false,
    placeholder: 'IDNUM',
    // The digits scan the personal-number rules share; the trigger is one of digit-shape.ts's (its cheap pre-check).
    scan: { digits: PERSONAL_DIGITS },
    trigger: new RegExp(NATIONAL_SHAPE_TRIGGER, 'i'),
    identity: 'digitsOnly',
    patterns: [
      { regex: CPF_ALONE, targets: [{ group: 'cpf' }], validate: 'cpfAlone' },
      { regex: THAI_ID_ALONE, targets: [{ group: 'thid' }], validate: 'thaiIdAlone' },
      { regex: MOBILE_ALONE, targets: [{ group: 'mobile', kind: 'PHONE' }], validate: 'nationalMobileAlone' },
      // ids26 (session 24): an Emirates ID `784-YYYY-NNNNNNN-C` (Luhn).
      { regex: EMIRATES_ID_ALONE, targets: [{ group: 'eid' }], validate: 'emiratesIdAlone' },
    ],
  },
  // --- end num25 ---
  {
    id: 'payment-card',
    nameKey: 'rule.payment-card',
    description: 'payment card numbers: 13–19 digits (spaces or dashes allowed), known issuer prefix and length, Luhn-valid; UnionPay (62) without Luhn only when written in groups or next to a card keyword; IBANs (country length, mod-97 check)',
    category: 'personal',
    optional: false,
    placeholder: 'CARD',
    // A person's account numbers by their label (住房公积金 `个人账号,001140823617`): the label's 账号 wakes them.
    scan: { digits: PERSONAL_DIGITS, marks: '账号' },
    trigger: /\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d|3[47]\d{2}[ -]\d{6}[ -]\d{5}|(?:个人|公积金|社保|医保|缴存人?)账号/,
    identity: 'digitsOnly',
    patterns: [
      {
        // 住房公积金, 社保 and 医保 statements: the person's account number under its label (`个人账号,0011…`,
        // `公积金账号：…`, `个人公积金账号 …`); the employer's `单位账号` is no one's.
        regex: /(?:个人(?:公积金|社保|医保)?|公积金|社保|医保|缴存人?)账号["']?(?:[ \t]*[,:：=][ \t]*|[ \t]+)["']?(?<account>\d{8,20})(?!\d)/,
        targets: [{ group: 'account', kind: 'ACCOUNT' }],
      },
      {
        // Commas may separate fields (CSV); `,123` right after would be a thousands separator, but not `,200.00`: an
        // amount in the next cell (a campus-card export's `银行卡,金额`; session 17, name18).
        // lead (session 19): nor after `+`, a phone's country code (`phone=+4915112345678` read as a Visa number).
        regex: /(?<![\d.:/+-]|\d[ -])(?:\d{4}[ -]?){3,4}\d{1,4}(?![\d-]|[.:]\d|,\d{3}(?![\d.]))/,
        validate: 'cardNumber',
      },
      {
        // lead (session 19): an IBAN, grouped by four or not (`DE89 3704 0044 0532 0130 00`, `IE29AIBK93115212345678`):
        // the country's length and the mod-97 check (rule-validators.ts ibanNumber).
        regex: /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/,
        validate: 'ibanNumber',
      },
      {
        // Amex is grouped 4-6-5.
        regex: /(?<![\d.-])3[47]\d{2}([ -])\d{6}\1\d{5}(?![\d-])/,
        validate: 'amexNumber',
      },
    ],
  },
  {
    id: 'phone',
    nameKey: 'rule.phone',
    description: 'phone numbers: international (+86 138 0013 8000), mainland China mobile (1[3-9] + 9 digits, not inside longer digit runs, also in full-width digits), China landlines (010-12345678), North American ((555) 123-4567, 555-123-4567)',
    category: 'personal',
    optional: false,
    placeholder: 'PHONE',
    // `+` and a non-zero digit, as the trigger's international form: `+0800` and `+00:00` (time zones
    // in journal and dmesg lines) woke 354 lines of the real outputs that no rule could change.
    // intlphone23 (session 22): a phone word wakes the rule too (national-phone.ts: `Tel. 06 48 21 93 57`, `SĐT 0903 614 285`).
    scan: { digits: PERSONAL_DIGITS, marks: String.raw`\+[1-9]|${FULL_WIDTH_DIGITS}|${NATIONAL_PHONE_MARKS}`, words: NATIONAL_PHONE_WORDS },
    trigger: new RegExp(/1[3-9]\d(?:\d{8}|[ -]\d{4}[ -]\d{4})|\+[1-9]\d{0,2}[ .-]?\(?\d|\(\d{3}\)\s?\d{3}[-.]\d{4}|\d{3}-\d{3}-\d{4}|\d{3}\.\d{3}\.\d{4}|0\d{2,3}\)?-\d{7}|0\d{2,3}-\d{3,4}[ -]\d{4}|\(0\d{2,3}\) ?\d{3,4}[- ]?\d{4}|[０-９]/.source + `|${NATIONAL_PHONE_TRIGGER}`, 'im'),
    identity: 'digitsOnly',
    patterns: [
      {
        // Full-width digits, alone or mixed with ASCII ones, grouped by ideographic spaces or dashes
        // (OCR output, IME input, Excel cells typed in Chinese): `１３８ １０２４ ６６５３` with U+3000 spaces, `1３9-1０2５-7７8４`.
        regex: /(?<![\d０-９])(?:(?:[+＋]|00|００)?[8８][6６][ \u3000\-－]?)?[1１][3-9３-９][\d０-９](?:[ \u3000\-－]?[\d０-９]){8}(?![\d０-９])/,
        validate: 'fullWidthPhone',
      },
      {
        // Mainland China mobile, optionally with +86 / 0086 / (+86); never part of a longer number,
        // a decimal, a version or a time.
        // `86-138…` and `86 138 …` without the plus too.
        // After a colon only when a letter precedes it (vCard `TEL;TYPE=CELL:186…`, `tel:`), not a time.
        regex: /(?<![\d.:/+#-]|\d[ -])(?:(?:\+|00)?86[ -]?|\(\+?86\)[ -]?)?1[3-9]\d(?:\d{8}|[ -]\d{4}[ -]\d{4})(?!\d|[.:-]\d)|(?<=[A-Za-z]:)1[3-9]\d{9}(?!\d|[.:-]\d)/,
        validate: 'notMeasurement',
      },
      {
        // International E.164 with separators: + country code, 8–15 digits in all.
        regex: /(?<![\w+])\+[1-9]\d{0,2}(?:[ .-]?\(?\d{1,4}\)?){2,5}(?![\d]|[.:]\d)/,
        validate: 'internationalPhone',
      },
      {
        // North American: (555) 123-4567, 555-123-4567, 555.123.4567, 1-555-123-4567.
        regex: /(?<![\w.+-])(?:1[ .-])?(?:\([2-9]\d{2}\)[ ]?\d{3}[-.]\d{4}|[2-9]\d{2}(?<s>[-.])\d{3}\k<s>\d{4})(?![\w-]|\.\d)/,
        validate: 'notMeasurement',
      },
      // --- intlphone23 (session 22): a national number after a phone word, in ~20 languages (national-phone.ts).
      { regex: NATIONAL_PHONE, targets: [{ group: 'national' }], validate: 'nationalPhone' },
      // --- end intlphone23
      {
        // China landline with area code: 010-12345678, 0755-1234567, (021) 6438-1234, and the
        // subscriber number in two groups as people write it: 010-6552 9988, 021-6438-2299.
        regex: /(?<![\w.+-])(?:\(?0[1-9]\d{1,2}\)?-[2-9]\d{6,7}|0[1-9]\d{1,2}-[2-9]\d{2,3}[- ]\d{4}|\(0[1-9]\d{1,2}\)[ ]?[2-9]\d{2,3}[- ]?\d{4})(?![\w-]|\.\d)/,
      },
    ],
  },
  {
    id: 'passport',
    nameKey: 'rule.passport',
    description: 'PRC passport numbers (E or G + 8 digits, E + letter + 7 digits) next to a word that names them (护照, passport, 证件); any country\'s passport or visa number (one or two letters and 6–9 digits, or 8–9 digits) right after its label (`Passport/Travel Document Number:`, `Visa No.:`, `护照号码：`)',
    category: 'personal',
    optional: false,
    placeholder: 'PASSPORT',
    // The number itself wakes the rule too (its context may be a CSV header, not the line),
    // through the digit scan the other personal numbers share: no scan of its own.
    scan: { words: 'passport|travel document|visa', marks: '护照|證件|证件|签证', digits: PERSONAL_DIGITS },
    // The number the pattern needs (the context words alone redact nothing; a hex run such as `ef0123456` is no number).
    trigger: /(?<![a-z0-9])(?:[eg]\d{8}|e[a-z]\d{7})(?![a-z0-9])|(?:passport|travel document|visa|护照|签证)[^\r\n:：=]{0,30}?(?:no\.?|number|#|号码?|编号)[ \t]*[:：=][ \t]*(?:[a-z]{1,2}\d{6,9}|\d{8,9})(?![a-z0-9])|(?:number|no\.?) of (?:the |your )?(?:passport|travel document)[ \t]*[:：=][ \t]*[a-z]{0,2}\d{6,9}(?![a-z0-9])|(?:passport|护照)[ \t]*[(（][ \t]*(?:no\.?|#|号码?)[ \t:：]*[a-z]{0,2}\d{6,9}(?![a-z0-9])|(?:passport|护照)[ \t]*(?:[:：][ \t]*)?[a-z]{1,2}\d{6,9}(?![a-z0-9])|passport[_-]?(?:no|number|num|nr)["']?[ \t]*[:：=][ \t]*["']?(?:[a-z]{1,2}\d{6,9}|\d{8,9})(?![a-z0-9])|护照号码?[ \t]*(?:[:：=][ \t]*)?(?:[a-z]{1,2}\d{6,9}|\d{8,9}|[a-z][a-z0-9]{8})(?![a-z0-9])|(?:passport|护照)(?:\t|[ \t]*[:：,|][ \t]*)\d{8,9}(?![\d.,:/-])|护照[ \t]*(?:[:：][ \t]*)?[a-z][a-z0-9]{8}(?![a-z0-9])/i,
    identity: 'upperCase',
    patterns: [
      {
        regex: /(?<![A-Za-z0-9])(?:[EG]\d{8}|E[A-HJ-NP-Z]\d{7})(?![A-Za-z0-9])/,
        // In a record (an HR export's row, often an HTML table with its header far above), the cell
        // after a resident id or a travel permit already replaced.
        context: { words: ['passport', '护照', '護照', '证件', '證件', '<CNID-', '<PERMIT-'], before: 32 },
      },
      {
        // Other countries' shapes (`K0918273`, `C01X00T47` is not one: letters inside), and a visa's
        // number, only right after a label that names the document and its number.
        regex: /(?<![A-Za-z])(?:[Pp]assport|PASSPORT|[Tt]ravel [Dd]ocument|TRAVEL DOCUMENT|[Vv]isa|VISA|护照|签证)(?:[ \t/_-]*(?:[Bb]ook|BOOK|[Tt]ravel [Dd]ocument|TRAVEL DOCUMENT|[Ff]oil|FOIL))?[ \t]*(?:[Nn]o\.?|NO\.?|[Nn]umber|NUMBER|#|号码?|编号)[ \t]*[:：=][ \t]*(?<doc>[A-Z]{1,2}\d{6,9}|\d{8,9})(?![A-Za-z0-9])/,
        targets: [{ group: 'doc' }],
      },
      {
        // The label's other orders (session 15, rest16b): a Schengen form's `13. Number of travel document: EH3571902`, a
        // mail's `bring your passport (No. Z7481936)`, `护照（号码：…）`.
        regex: /(?<![A-Za-z])(?:(?:[Nn]umber|NUMBER|[Nn]o\.?|NO\.?) of (?:the |your )?(?:[Pp]assport|PASSPORT|[Tt]ravel [Dd]ocument|TRAVEL DOCUMENT)[ \t]*[:：=][ \t]*|(?:[Pp]assport|PASSPORT|护照)[ \t]*[(（][ \t]*(?:[Nn]o\.?|NO\.?|#|号码?)[ \t:：]*)(?<doc>[A-Z]{1,2}\d{6,9}|\d{8,9})(?![A-Za-z0-9])/,
        targets: [{ group: 'doc' }],
      },
      {
        // The number right after the document's word, no `No.` between (a form's free-text cell `护照 TZ8836412`,
        // `Passport: K0918273`, `passport X1234567`): letters first, so a year or a count after the word stays.
        regex: /(?<![A-Za-z])(?:[Pp]assport|PASSPORT|护照)[ \t]*(?:[:：][ \t]*)?(?<doc>[A-Z]{1,2}\d{6,9})(?![A-Za-z0-9])/,
        targets: [{ group: 'doc' }],
      },
      // --- name20 (session 19) ---
      {
        // A number under its key in JSON, a form or a query (`"passportNo":"533918274"`, `passport_number=E1234567`,
        // `护照号 758412096`); a roll's cell after the document's word (`护照<TAB>758412096`, `passport, 533918274`); a
        // German-style number with letters inside after 护照 (`护照 C4XJ7R2M9`): nine capitals and digits, three digits at
        // least, so a word stays. Every ASCII form holds six digits in a row, as digit-shape.ts's condition needs.
        regex: new RegExp(
          String.raw`(?<![A-Za-z])(?:[Pp]assport|PASSPORT)[_-]?(?:[Nn]o|NO|[Nn]umber|NUMBER|[Nn]um|[Nn]r)["']?[ \t]*[:：=][ \t]*["']?(?<keyed>[A-Z]{1,2}\d{6,9}|\d{8,9})(?![A-Za-z0-9])` +
            String.raw`|护照号码?[ \t]*(?:[:：=][ \t]*)?(?<hanKeyed>[A-Z]{1,2}\d{6,9}|\d{8,9}|${ALNUM_PASSPORT})(?![A-Za-z0-9])` +
            String.raw`|(?<![A-Za-z])(?:[Pp]assport|PASSPORT|护照)(?:\t|[ \t]*[:：,|][ \t]*)(?<cell>\d{8,9})(?![\d.,:/-])` +
            String.raw`|护照[ \t]*(?:[:：][ \t]*)?(?<alnum>${ALNUM_PASSPORT})(?![A-Za-z0-9])`,
        ),
        targets: [{ group: 'keyed' }, { group: 'hanKeyed' }, { group: 'cell' }, { group: 'alnum' }],
      },
      // --- end name20 ---
    ],
  },
  {
    id: 'travel-permit',
    nameKey: 'rule.travel-permit',
    description: 'Hong Kong / Macao / Taiwan travel permits (往来港澳通行证 C…, 回乡证 H/M…, 台胞证 8 digits, 往来台湾通行证 T/L…) next to a word that names them',
    category: 'personal',
    optional: false,
    placeholder: 'PERMIT',
    scan: { words: 'permit', marks: '通行证|通行證|回乡证|回鄉證|台胞证|台胞證', digits: PERSONAL_DIGITS },
    trigger: /permit|通行[证證]|回[乡鄉][证證]|台胞[证證]|\b[CWHMTL][A-Z]?\d{7,8}\b/i,
    identity: 'upperCase',
    patterns: [
      {
        regex: /(?<![A-Za-z0-9])(?:[CWHMTL][A-Z]?\d{7,10}|\d{8}(?:\(\w\))?)(?![A-Za-z0-9])/,
        context: { words: ['permit', '通行证', '通行證', '回乡证', '回鄉證', '台胞证', '台胞證', '<PASSPORT-', '<PERMIT-'], before: 40 },
        validate: 'notMeasurement',
      },
    ],
  },
  {
    id: 'home-user',
    nameKey: 'rule.home-user',
    description: 'user names in home paths (/home/alice, /Users/alice, C:\\Users\\alice, C:/Users/alice, JSON-escaped C:\\\\Users\\\\alice), removable-media mounts (/media/alice/…, /run/media/alice/…) and login variables (USER=, USERNAME=, LOGNAME=); built-in profiles (Public, Default, All Users, Administrator …) and /root are kept',
    category: 'personal',
    optional: false,
    placeholder: 'USER',
    // No new first characters in the words scan (`%`, `/` are everywhere in logs): `%2Fhome%2F` is
    // found as `home%2f`, `%5CUsers%5C` as `users`.
    // Oracle's Windows ORACLE_BASE (`D:\app\<user>\product\…`, `…\app\client\<user>\…`) by `app\`.
    scan: { words: 'home/|home%2f|users|media/|documents and|account name|user name|dav/|app\\\\', marks: '^(?:export\\s+)?(?:USER|USERNAME|LOGNAME|SUDO_USER)=|帐户名|账户名称' },
    trigger: /[a-z]:\\{1,2}app\\{1,2}|\/home\/|\/Users\/|dav\/|\/media\/[^/\s]+\/|(?:%5c|%2f)(?:users|home)(?:%5c|%2f)|\\users\\|:\/users\/|documents and settings|^(?:export\s+)?(?:user|username|logname|sudo_user)=|^[ \t]*(?:account name|user name|帐户名|账户名称)[ \t]*:/im,
    patterns: [
      {
        // Oracle on Windows installs under the installing user's ORACLE_BASE: `D:\app\lina\product\
        // 19.0.0\dbhome_1`, the client under `C:\app\client\lina\product\…` (also with doubled backslashes).
        regex: /(?<![\w])[A-Za-z]:\\{1,2}app\\{1,2}(?:client\\{1,2})?(?<secret>(?!client\\)[A-Za-z][\w.-]{0,63})\\{1,2}(?=(?:product|oradata|admin|diag|cfgtoollogs|audit|checkpoints|fast_recovery_area|flash_recovery_area|oraInventory)\\)/i,
        targets: [{ group: 'secret' }],
        validate: 'windowsProfileUser',
      },
      {
        // Names may be any letters: /home/张伟, /Users/José. A service's home with folders under it (`/home/ftp/<user>/`,
        // `/home/www/site/`, `/home/git/repositories/`) is no person's: its folders are the FTP server's or the site's.
        regex: /(?<![\w.~-])(?:\/(?:var|export|data))?\/home\/(?!(?:ftp|www|www-data|wwwroot|nobody|git|svn|httpd|nginx|apache)\/)(?<secret>[\p{L}\p{N}_][\p{L}\p{N}_.@-]{0,63})(?=[/\s"'`:;,)\]}>|]|$)/u,
        targets: [{ group: 'secret' }],
        validate: 'homeFolderUser',
      },
      {
        // URL-encoded in a query string or an access log: `file=C%3A%5CUsers%5Calice%5C…`, `%2Fhome%2Falice`.
        regex: /(?:%5C|%2F)(?:%5C|%2F)?(?:Users|home)(?:%5C|%2F)(?:%5C|%2F)?(?<secret>[\p{L}\p{N}_.-]{1,64}|(?:%[0-9A-F]{2})+)(?=%5C|%2F|[&\s"']|$)/iu,
        targets: [{ group: 'secret' }],
        validate: 'windowsProfileUser',
      },
      {
        // udisks mounts removable media per user: /media/alice/U盘, /run/media/alice/DATA. Only
        // with a folder after the name, and not the shared mount points (/media/cdrom, /media/usb0).
        regex: /(?<![\w.~-])(?:\/run)?\/media\/(?<secret>(?!(?:cdrom|floppy|usb|sd[a-z]|disk|hdd|images?|uploads?|static|files?|assets|videos?|audio|photos?|music|public|data|backup|external|media|tmp)\d*\/)[\p{L}\p{N}_][\p{L}\p{N}_.@-]{0,63})(?=\/)/u,
        targets: [{ group: 'secret' }],
        validate: 'homeFolderUser',
      },
      {
        // macOS: /Users with a capital U (REST paths are /users/…).
        regex: /(?<![\w.~:-])\/Users\/(?<secret>[\p{L}\p{N}_][\p{L}\p{N}_.@ -]{0,63}?)(?=[/"'`:;,)\]}>|]|\s|$)/u,
        targets: [{ group: 'secret' }],
        validate: 'homeFolderUser',
      },
      {
        // Windows: a name may hold spaces when a path separator follows it (C:\Users\John Smith\…).
        // Without a separator after it, the name ends at CJK punctuation too (`C:\Users\周敏，系统 …`).
        regex: /(?:(?:(?<![\w])[A-Za-z]:)?\\{1,4}(?:users|documents and settings)\\{1,4}|(?<![\w])[A-Za-z]:\/(?:users|documents and settings)\/)(?<secret>[^\\/"'<>|:*?\s](?:[^\\/"'<>|:*?\r\n\t]{0,62}[^\\/"'<>|:*?\s])?(?=\\|\/)|[^\\/"'<>|:*?\s,;，。、；：）】」]{1,64})/i,
        targets: [{ group: 'secret' }],
        validate: 'windowsProfileUser',
      },
      {
        // WebDAV, CalDAV and CardDAV principals: `/dav/fanzq/calendar/`, Nextcloud's `/remote.php/dav/files/alice/`.
        regex: /\/(?:web|cal|card)?dav\/(?:(?:files|principals(?:\/users)?|calendars|addressbooks)\/)?(?<secret>[A-Za-z][\w.-]{1,31})(?=\/)/i,
        targets: [{ group: 'secret' }],
        validate: 'homeFolderUser',
      },
      {
        // Windows security events: `Account Name: alice` (machine accounts end in `$`).
        regex: /^[ \t]*(?:Account Name|User Name|帐户名|账户名称|帐户名称)[ \t]*:[ \t]*(?<secret>[^\s\\$-](?:[^\r\n]*[^\s$])?)[ \t]*\r?$/,
        targets: [{ group: 'secret' }],
        validate: 'accountNameUser',
      },
      {
        regex: /^(?:export\s+)?(?:USER|USERNAME|LOGNAME|SUDO_USER)=(?<secret>[^\s"']+)\r?$/,
        targets: [{ group: 'secret' }],
        validate: 'loginVariableUser',
      },
    ],
  },
  {
    id: 'user-name',
    nameKey: 'rule.user-name',
    description: 'login names outside paths: after keys named like a user (user=, User:, username, login, owner, account, DefaultUser, ProxyUsername, 用户名, 用户, 账号, 创建者 …, also in XML elements, RDP `username:s:`, prefs.js `"…userName", "x"`, JSON name/value pairs and `Format-List` columns), after `started/run/created … by`, in `net user NAME`, Windows `DOMAIN\\login` accounts, ssh_config `User`, public-key comments (`user@host`), sshd/PAM/sudo log lines, WeChat ids, gh/glab hosts.yml `users:` maps, vaultcmd identities and generic targets, lower-case `uid` keys (cookies, LDAP); a DOMAIN\\ prefix stays; built-in and service accounts (root, SYSTEM, admin, nobody …) are kept',
    category: 'personal',
    optional: false,
    placeholder: 'USER',
    // `user` followed by what makes it a key (`user=`, `User:`, `<DefaultUser>`, `"ProxyUsername"=`),
    // not every `user` of a log line (`user action: clicked`). `account` only where it sits like a
    // key (`account=`, `SamAccountName    :`); `DOMAIN\login` from its backslash.
    scan: {
      // Clients by name (their `-U`/`-u`/`-l` flags), SQL's `create user`…, DM's
      // `user(`, db2diag's `AUTHID`, PuTTY session files' `UserName\`. The Common Log Format's login
      // column (`host ident login [06/Dec/2026:…`): see `bracket` below.
      words: 'useradd|adduser|usermod|user  |login  |user\'\\]|user"\\]|db->user|admin=|bin/bash|bin/zsh|bin/sh|bin/ksh|bin/fish|with password|and password|the password|operator|assumerole|assume-role|arn:aws|acs:ram|account created|account deleted|account removed|account added|d account|d local account|d user account|people,|users,|responsibility|esxcli|recordname:|logon as|logged on as|vboxauthsimple/users/|acct="|authentication for|cannot login|rejected password|session for|racadm|chage |faillock|lastlog|userdel |pam_tally|pts/|proxyuser\\.|name><value>|tmp/hive/|ldap user|user id|target"|rolesessionname|role-session-name|local-user|usercode|user_code|authenticating as|account \\{name=|started by user|find-generic-password|find-internet-password|add-generic-password|add-internet-password|scp |rsync |sftp |sshfs |ssh-copy-id|psql|ksql|gsql|vsql|pg_dump|pg_restore|pg_basebackup|sys_dump|sys_restore|sqlcmd|osql|isql|bcp |clpplus|mysql|mariadb|mongo|psexec|paexec|clickhouse-client|smbclient|rpcclient|smbcacls|smbget|lftp|plink|pscp|psftp|kitty|putty|ssh |create user|alter user|create role|alter role|create login|alter login|user\\(|authid|security realm|name\\\\|default principal|user=|user:|user :|user =|user：|user"|user\'|user>|usr=|usr:|username|user_name|user-name|user name|user_id|userid|net user|net\\.exe user|owner|login|logon|started by|run by|launched by|created by|executed by|initiated by|requested by|submitted by|modified by|changed by|edited by|viewed by|accessed by|deleted by|updated by|approved by|rejected by|exported by|uploaded by|downloaded by|locked by|unlocked by|granted to|assigned to|password for|publickey for|interactive/pam for|session opened|session closed|of user|sshd:|tty=|ssh-rsa |ssh-ed25519 |ssh-dss |ecdsa-sha2-|sk-ssh-|user "|user \'|account "|account \'|user@host:|authenticating to|user<|s-1-5-21-|access denied: \'|mobafont|password:|users:|uid=|identity:|generic:target=|principalname|user\\.name"|adaccount|aduser|authentication of \\[|cn=recipients/cn=|wxid_|uin=|uin:|uin：|uin :|uin ：|tencent files|auth users|password mismatch|hier_|alias|operator\\]|user\\]|username\\]|login\\]|owner\\]|last modified|last updated|last changed|last edited|last saved|set_id=|esmtpsa|valid users|write list|read list|admin users|allowusers|denyusers|plainusers|user_alias|all=\\(|defaults:|td><td|identity=|identity =|sending identity|pam_succeed_if|password"|password_hash"|passwd"|pwd"|pwd_hash"|pwdhash"|passwd_hash"|passwordhash"|uk=|uk"|type  source|p4client|ok upload|ok download|fail upload|fail download|ok mkdir|ok delete|ok rename|ftp 0 |ftp 1 |binary_path_name|exe -|exe" -|lastloggedon|mailnickname|get-mailbox|set-mailbox|get-casmailbox|set-casmailbox|add-mailbox|remove-mailbox|get-remotemailbox|get-localuser|set-localuser|remove-localuser|disable-localuser|enable-localuser|rdp-tcp#|ica-tcp#|execstart=|' + STORE_GRAMMAR_WORDS + '|' + [...USER_FLAG_WORDS, ...LOG_PROSE_WORDS, ...LOGIN_SLOT_WORDS, /* intlkey23 */ ...INTL_LOGIN_WORDS, /* acct25 */ ...ACCOUNT_TOOL_LOGIN_WORDS, /* cjk25 */ ...CN_LOGIN25_WORDS].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
      // squid's native access.log: the login column sits between the URL and `HIER_…/peer`.
      marks: String.raw`发起人|(?:经办|复核|审核|审批|发起)[ \t]*[:：]|用户|登录名|账号|帐号|账户|帐户|创建者|所有者|微信|导出人|操作人|操作员|制单人|提交人|申请人|经办人|经办员|录入人|录入员|复核人|复核员|打印人|打印员|审核人|审核员|收费员|开单人|开单员|登记人|登记员|收银员|记账人|记账员|发货人|发货员|启动人|执行人|标识|修改|更新|创建|编辑|变更|客户端|默认主体|运行中|断开|${STORE_GRAMMAR_MARKS}|${INTL_LOGIN_MARKS /* intlkey23 */}|${ACCOUNT_TOOL_LOGIN_MARKS /* acct25 */}|${CN_LOGIN25_MARKS /* cjk25 */}`,
      // `user` of ssh_config (`    User daiqing`) only at a line start.
      placed: { words: 'account|user|admin|change|active|disc|add|auth', at: /users(?<=(?:^|\n)[ \t]*users)[ \t]+[a-z][\w.-]{0,31}:(?:cl|cr|nt):|user(?<=(?:^|\n)[ \t]*\|[ \t]*user)[ \t]*\||account(?<=(?:^|\n)[ \t]*\|[ \t]*account)[ \t]*\||add(?<=(?:^|\n)add)[ \t][^\r\n]{0,300}?name=|auth(?<=(?:^|\n)auth)[ \t]|user(?<=(?:^|\n)user)[ \t]+--|(?:active|disc)(?<=(?:^|\n)[ >][a-z][\w.-]{0,19}[ \t]{1,40}(?:[\w#-]{1,32}[ \t]{1,40})?\d{1,5}[ \t]{1,12}(?:active|disc))[ \t]|change[ \t]+(?:\d+[ \t]+)?(?:[a-z/]+[ \t]+)?(?:\([\w+]+\)[ \t]+)?(?:on[ \t]+\d{4}\/\d\d\/\d\d(?:[ \t]+\d\d:\d\d:\d\d)?[ \t]+)?by[ \t]+[a-z][\w.-]{0,31}@[\w.-]|(?<=,[ \t]?)(?:admin(?:istrator)?|user)s?[ \t]*(?:,|\r?\n|$)|account(?:_?name)?["']?[ \t]*(?:[=:：]|["'][ \t]*,)|user(?<=(?:^|\n)[ \t]*user)[ \t]+[a-z]|user(?<=(?:^|\n)[ \t]*user)[ \t]+=[ \t]*[a-z]|user [a-z][\w.-]{0,31}: (?:authentication failure|not found|password mismatch)|user(?:name)?["']?[ \t]*=>|(?<=\s--?)user(?:name)?[ =]["']?[a-z]|username[ \t]+"|user_[a-z][\w.-]{0,31}="[^"\s]+"[ \t]*(?:\\|;|[ \t]user_|\r?\n|$)|user [a-z][\w.-]{0,31}, password [^\s,;)]/i },
      // MobaXterm bookmarks wake by the word `MobaFont` every bookmark line carries, ssh's prompt
      // `deploy@host's password:` by `password:` (a quote or `#` as a marks first character would be
      // a new one, common in logs).
      // DOMAIN\login from its backslash, with the look-behind after the literal (one before it, or a
      // `^…` start, made the scan 40–60 % slower), in its own pass (see RedactionRule.scan).
      // psql's `\password x` (a backslash as a words-scan first character would slow that scan).
      backslash: String.raw`\\[a-z](?<=[A-Z0-9]{2}\\{1,2}[a-z])|\\password[ \t]`,
      // The Common Log Format's login column (`host ident login [06/Dec/2026:…`), only where the login is
      // not `-`: from the date's bracket, in a pass of its own (indexOf of `[`, then this regex there).
      // Waking by the date (`dec/20` among the words) ran the whole rule on every access-log line (5×
      // slower); a line-start mark (`^…`) slowed the marks scan on every log by ~20 %.
      bracket: String.raw`\[\d{1,2}\/[A-Z][a-z]{2}\/\d{4}:(?<=(?:^|\n)[!-~]+[ \t]+[!-~]+[ \t]+[A-Za-z][\w.@-]{0,63}[ \t]+\[\d{1,2}\/[A-Z][a-z]{2}\/\d{4}:)|\[\+\](?<=(?:^|\n)\[\+\])(?=[ \t]+[A-Za-z][\w-]{1,15}[ \t]+\d)`,
      dollar: STORE_GRAMMAR_DOLLAR,
    },
    trigger: new RegExp(`${/(?<![\w.-])uk["']?[ \t]*[=:][ \t]*\d{6}|change[ \t]+(?:\d+[ \t]+)?(?:[a-z/]+[ \t]+)?(?:\([\w+]+\)[ \t]+)?(?:on[ \t]+\d{4}\/\d\d\/\d\d(?:[ \t]+\d\d:\d\d:\d\d)?[ \t]+)?by[ \t]+[a-z][\w.-]{0,31}@[\w.-]|p4client[ \t]*=|^[a-z_][a-z0-9._-]{0,31}:[^:\s]{0,200}:\d{4,5}:\d{1,10}:[^:\r\n]{0,256}:\/[^:\s]{0,255}:\/(?:usr\/)?(?:local\/)?bin\/(?:ba|z|k|fi|)sh[ \t]*\r?$|(?:account|user(?:name)?|login)[ \t]+(?:is|was)[ \t]+\S+[ \t]+(?:with|and)[ \t]+(?:the[ \t]+)?password\b|operator(?:[_-]?(?:id|name|code|account|no))?["']?[ \t]*[:=：]|(?:assume-?role|acs:ram::|arn:aws)[^\r\n]{0,240}?session[_-]?name"?[ \t]*[:=]|(?:local|user)[ \t]+account[ \t]+(?:created|deleted|removed|added)|(?:created|deleted|removed|added)[ \t]+(?:local[ \t]+)?(?:user[ \t]+)?account|^#[ \t]+[a-z][\w.-]{1,31},[ \t]*(?:people|users)[ \t]*,|user[ \t]+[a-z][a-z0-9_]{1,29}[ \t]+responsibility|esxcli[ \t]|^recordname:|log(?:on|in|ged on|ged in) as [a-z][\w.-]{0,31} with password|vboxauthsimple\/users\/|^[ \t]*user(?:name)?[ \t]+=[ \t]*[a-z]|帐户|账户|acct="|authentication for '?[a-z]|username '[a-z]|cannot login [a-z]|\buser [a-z][\w.-]{0,31}@[\d.:a-f]{3,45} |rejected password for user |logged in using |session for [a-z]|racadm|chage[ \t]|faillock(?:[ \t]|\r?$)|^when[ \t]+type[ \t]+source[ \t]+valid|lastlog[ \t]|userdel[ \t]|pam_tally|pts\/\d|proxyuser\.|<\/name>[ \t]*<value>|tmp\/hive\/|ldap user |user id[ \t]*=|target"[ \t]*:|role-?session-?name|^[ \t]*local-user[ \t]|^[ \t]*username[ \t]+[a-z][\w.-]{0,31}[ \t]+(?:privilege|password|secret|algorithm-type|view|nopassword|autocommand)\b|user_?code[ \t]*=|(?:登录|登陆|登入|注销|登出)|account[ \t]*\{name=|started by user |security[ \t]+\w+-(?:generic|internet)-password|(?:scp|rsync|sftp|sshfs|ssh-copy-id)[ \t]|(?:^|[\s/\\("';&|>])(?:psql|ksql|gsql|vsql|pg_dump|pg_restore|pg_basebackup|sys_dump|sys_restore|sqlcmd|osql|isql|bcp|clpplus|mysql\w*|mariadb|mongo\w*|psexec|paexec|clickhouse-client|smbclient|rpcclient|smbcacls|smbget|lftp|plink|pscp|psftp|kitty|putty|ssh)(?:\.exe)?[ \t]|(?:create|alter)[ \t]+(?:user|role|login)[ \t]|\\password[ \t]|user\(|authid|name\\|^[!-~]+[ \t]+[!-~]+[ \t]+[a-z][\w.@-]{0,63}[ \t]+\[\d{1,2}\/[a-z]{3}\/\d{4}:|(?:user(?:[_-]?(?:name|id))?|log[io]n(?:[_-]?(?:name|no|id))?|owner|usr|uid|account(?:_?name)?|local[_-]?admin(?:istrator)?|admin(?:istrator)?[_-]?(?:name|login))["']?[ \t]*(?:[=:：>]|["'][ \t]*,)|^[ \t]+users:[ \t]*\r?$|^[ \t]*(?:标识|identity)[ \t]*:|generic:target=[^/\r\n]{1,41}\/|(?:started|run|launched|created|executed|initiated|requested|submitted|modified|changed|edited|viewed|accessed|deleted|updated|approved|rejected|exported|uploaded|downloaded|locked|unlocked) by[ \t]|(?:granted|assigned) to[ \t]|(?:user|account)[ \t]+["'][a-z]|user [a-z][\w.-]*: (?:authentication failure|not found|password mismatch)|user@host:|authenticating to \S+ as '|authenticating as [a-z]|'s password:|access denied: '[a-z][\w.-]*' [a-z]+ |user(?:name)?<\|\|\|>|^[a-z][a-z0-9-]{1,14}\\[a-z][\w.-]*[ \t]+s-1-5-21-|(?:导出|操作|制单|提交|申请|经办|录入|复核|打印|审核|收费|开单|登记|收银|记账|发货|发起|启动|执行)(?:人|员)(?:[ \t]*[:：=]|[ \t]+[a-z])|(?:经办|复核|审核|审批|授权|发起)[ \t]*[:：][ \t]*[a-z]|#\d{2,3}#\d%|net(?:\.exe)?[ \t]+user[ \t]|machine[ \t]+\S+[ \t]+login[ \t]|<[\w:]*(?:user(?:[_-]?(?:name|id))?|log[io]n(?:[_-]?name)?|owner)>|[ \t]in[ \t]+security[ \t]+realm[ \t]|^[ \t]*(?:user name|用户名)[ \t]{2,}|用户|登录名|账号|帐号|创建者|所有者|微信|[A-Z0-9]{2}\\{1,2}[a-z]|^[ \t]*user[ \t]|^(?:ssh-|ecdsa-|sk-ssh-)|(?:password|publickey|keyboard-interactive\/pam) for |session (?:opened|closed) for user |of user |sshd: |: tty=|principalname"|user\.name"|(?:user(?:name)?|login)["']?[ \t]*=>|(?:^|\s)--?(?:user(?:name)?|login)[ =]|-ad(?:account|user)|username[ \t]+"|authentication of \[|\/cn=recipients\/cn=|wxid_|uin[ \t]*[=:：]|tencent files[\\/]|(?:^|[ \t])user_[a-z][\w.-]{0,31}="[^"\s]+"[ \t]*(?:\\|;|[ \t]user_|\r?$)|^[ \t]*auth users[ \t]*=| HIER_|user [a-z][\w.-]{0,31}, password [^\s,;)]|(?:修改|更新|创建|编辑|变更|last[ \t]+(?:modified|updated|changed|edited|saved))[^\r\n]{0,30}?\d[ \t]+by[ \t]+[a-z]|[:：=][ \t]*(?:[\w-]{4,40}|<user-\d+>),[ \t]*alias[ \t:：=]|(?:operator|operator_?name|user(?:_?name)?|login|owner|account|uid|user\]\[(?:name|id))\][ \t]*[!=]=|<key>[a-z]*(?:user(?:_?name)?|log[io]n(?:_?name)?|authname)<\/key>|\bset_id=|[ \t]A=[a-z][\w-]{0,30}:[a-z]|uid=[a-z][\w.-]{0,31},(?:ou|dc|cn)=|^[ \t]*(?:valid users|invalid users|admin users|write list|read list)[ \t]*=|^[ \t]*(?:allow|deny)users[ \t]|^[ \t]*-?plainusers[ \t=]|^[ \t]*user_alias[ \t]|^[a-z][\w.-]{0,31}[ \t]+all[ \t]*=[ \t]*\(|^defaults:[a-z]|(?:客户端|默认主体|default principal)[ \t]*[:：][ \t]*[a-z][\w.-]{0,31}[ \t]?@[ \t]?[a-z]|<\/td>[ \t]*<td[\s>]|(?:^|[\s;-])identity[ \t]*=|sending identity |pam_succeed_if|"name"[ \t]*:[ \t]*"[^"\r\n]{1,40}"[ \t]*,[ \t]*"(?:password|passwd|pwd)|^[ \t]*(?:[a-z][\w.-]{0,31}|<user-\d+>)[ \t]*:[ \t]*[^\s,]{1,128}[ \t]*,[ \t]*(?:[\w-]{1,40}[ \t]*,[ \t]*){0,8}[\w-]{0,40}(?:admin(?:istrator)?|user)s?[ \t]*\r?$|(?:登录|登陆)(?:账号|帐号|账户|帐户|名|用户名?)|useradd[ \t]|adduser[ \t]|usermod[ \t]|^[ \t]*(?:[a-z][\w.-]{0,40}?)?(?:user(?:name)?|login)[ \t]{2,}[a-z][\w.-]{1,31}[ \t]*\r?$|(?:->|\[['"])(?:(?:db|control|admin|ssh|smtp|mail|ldap|bind|sql|ftp|proxy)_?)?(?:user(?:name)?|login|auth_?name|auth_?user)(?:['"]\])?[ \t]*=|admin=[a-z]|user(?:_?name)?(?:hint)?[ \t]+reg_(?:sz|expand_sz)[ \t]|lastloggedon(?:sam)?user[ \t]+reg_|^[ \t]*(?:alias|mailnickname)[ \t]+:[ \t]+[a-z]|\] (?:ok|fail) (?:login|upload|download|mkdir|rmdir|delete|rename|chmod):|(?:s?ftps?|ssh) [01] \S+ [ci][ \t]*\r?$|-(?:mailbox|casmailbox|mailboxpermission|mailboxstatistics|mailboxfolderpermission|localuser|remotemailbox)\b[^\r\n]{0,512}?[ \t]-identity[ \t]|^[ >][a-z][\w.-]{0,19}[ \t]+(?:[\w#-]{1,32}[ \t]+)?\d{1,5}[ \t]+(?:active|disc|conn|connq|listen|运行中|断开|已断开|活动|已连接|侦听)[ \t]|(?:\.exe["']?[ \t]|execstart=)[^\r\n]{0,200}?-u[ \t]+[a-z][\w.-]{1,31}[ \t]+-p[ \t]/.source}|${triggerOf(RSYNCD_PASSWORD_MISMATCH)}|${STORE_GRAMMAR_TRIGGER}|${USER_FLAG_TRIGGER}|${LAST_ARG_LOGIN_TRIGGER}|${PINYIN_LOGIN_TRIGGER.source}|${LOG_PROSE_TRIGGER}|${LOGIN_SLOT_TRIGGER}|${INTL_LOGIN_TRIGGER}|${ACCOUNT_TOOL_LOGIN_TRIGGER /* acct25 */}|${CN_LOGIN25_TRIGGER /* cjk25 */}`, 'im'),
    patterns: [
      {
        // `user=chenjing`, `User: zhangsan`, `Owner=wangwei`, `"ProxyUsername"="zhouqiang"`,
        // `S:"Username"=webops`, `username:s:XXSOFT\gaoyan` (.rdp), `创建者: XXSOFT\zhaolei`,
        // `登录用户=kangjing`, `系统账号 lusq` (Chinese keys take a blank too), prefs.js
        // `user_pref("mail.server.server2.userName", "fanzq")`.
        // At most one space before the separator: the line scans look for `user=`, `user :` ….
        regex: /(?<![\w.\-\u4e00-\u9fa5])(?<kq>["']?)(?<key>(?:[A-Za-z][\w.-]*?)?(?:user(?:[_-]?(?:name|id|code))?|log[io]n(?:[_-]?(?:name|no|id))?|owner|usr|uid|account(?:_?name)?)|[\u4e00-\u9fa5]{0,4}?(?:用户名?|登录名|登录账号|(?:账号|帐号|账户|帐户)(?:名称?|开通|已开通|分配|创建)?)|创建者|所有者|(?:导出|操作|制单|提交|申请|经办|录入|复核|打印|审核|收费|开单|登记|收银|记账|发货|发起|启动|执行)(?:人|员)|local[_-]?admin(?:istrator)?|admin(?:istrator)?[_-]?(?:name|login))\k<kq>(?: ?(?:=|:|：)|(?<=[\u4e00-\u9fa5])[ \t](?![ \t])|(?<=["'])[ \t]*,(?![ \t]*["'](?:value|data)["'][ \t]*:))[ \t]*(?:s:)?(?<vq>["']?)(?:[A-Za-z][\w.-]{0,30}\\{1,2})?(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})(?![\w@/\\=%$-]|\.\w)\k<vq>(?![ \t]*[:=])/i,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // Perforce names who did what as `user@workspace`: `p4 changes` (`Change 482113 on 2026/03/20 by
        // x@ws 'msg'`), `p4 describe` (`Change 482113 by x@ws on …`), `p4 filelog` (`change 9 edit on … by
        // x@ws (text)`), `p4 opened -a` (`edit default change (text) by x@ws`). A workspace named after its
        // owner (`x_ws_client`, `x-laptop`) gives the login away again: its leading login goes too.
        regex: /\b[Cc]hange[ \t]+(?:\d+[ \t]+)?(?:[a-z/]+[ \t]+)?(?:\([\w+]+\)[ \t]+)?(?:on[ \t]+\d{4}\/\d\d\/\d\d(?:[ \t]+\d\d:\d\d:\d\d)?[ \t]+)?by[ \t]+(?<user>[A-Za-z][\w.-]{0,31})@(?:(?<wsuser>\k<user>)(?=[_.-][\w.-]))?/,
        targets: [{ group: 'user' }, { group: 'wsuser' }],
        validate: 'anyLoginGroup',
      },
      {
        // The Perforce workspace (`p4 set`'s `P4CLIENT=x (set)`, .p4config, `set P4CLIENT=x`): one person's
        // client on one machine, named for them (`lizhy_ws_client`, `zhangsan-laptop`).
        regex: /(?<![\w-])P4CLIENT[ \t]*=[ \t]*(?<client>[A-Za-z][\w.-]{2,63})(?![\w.-])/i,
        targets: [{ group: 'client' }],
        validate: 'anyLoginGroup',
      },
      {
        // Baidu's user key (百度网盘/贴吧 logs, share links, API replies: `uname=x uk=1102938475613`,
        // `share/home?uk=…`, `"uk":…`): the account's number, which names it as well as the login.
        regex: /(?<![\w.-])(?<kq>["']?)uk\k<kq>[ \t]*[=:][ \t]*(?<uk>\d{6,16})(?![\d.])/,
        targets: [{ group: 'uk' }],
      },
      {
        // Kafka's PlainLoginModule in sasl.jaas.config: `user_<login>="<password>"` declares one
        // login and its password per option, each option ending in `\` (continued) or `;` (last)
        // or followed by the next `user_` option. No blank in the value: a `user_agent="Mozilla/5.0 (…)"`
        // field of a log line is not one.
        // ZooKeeper's DigestLoginModule writes one option per line, the last one alone ending in `;`,
        // the others in nothing: `    user_super="x"` indented alone on its line is one too (the
        // built-in `super`/`admin` stay, their passwords go).
        regex: /(?:^|[ \t])user_(?<user>[A-Za-z][A-Za-z0-9._-]{0,31})="(?<secret>[^"\s]{1,200})"(?=[ \t]*(?:\\|;|[ \t]user_))|^[ \t]+user_(?!(?:agent|id|name|type)=)(?:(?:super|admin)(?==)|(?<alone>[A-Za-z][A-Za-z0-9._-]{0,31}))="(?<secret2>[^"\s]{1,200})"[ \t]*\r?$/,
        targets: [{ group: 'user' }, { group: 'secret', kind: 'SECRET' }, { group: 'alone' }, { group: 'secret2', kind: 'SECRET' }],
      },
      {
        // A user option whose value is `login:password` (etcdctl `--user=root:x`, `ETCDCTL_USER=root:x`,
        // `curl --user deploy:x`): the password after the colon, a digit or a symbol in it (`--user=app:app`,
        // docker's `--user=1000:1000` are a login and a group).
        regex: /(?<![\w.-])(?:--|[A-Za-z][A-Za-z0-9]*_)?user(?:=|[ \t]+)["']?[A-Za-z][\w.-]{0,31}:(?=[^\s"'@]{0,127}[\d!#$%^&*?~+])(?<secret>[^\s"'@:]{1,128})["']?(?=\s|$)/i,
        targets: [{ group: 'secret', kind: 'SECRET' }],
      },
      {
        // …and its login, when it is a person's (not `root`).
        regex: /(?<![\w.-])(?:--|[A-Za-z][A-Za-z0-9]*_)?user(?:=|[ \t]+)["']?(?<user>[A-Za-z][\w.-]{0,31}):[^\s"'@:]{1,128}["']?(?=\s|$)/i,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // redis ACL (users.acl, redis.conf): `user replica on >p4ss ~* +psync`, the password after `>`;
        // only on a line with ACL rules (`on`/`off`, `~keys`, `+cmd`/`-@cat`, `&channel`, `nopass`),
        // looked for once at the line start (after `user[ \t]+` it would rescan the line per blank).
        regex: /^(?=[^\r\n]*[ \t](?:on|off|~\S|[+-]@?\w|&\S|nopass|allkeys|allcommands)(?:[ \t]|\r?$))[ \t]*user[ \t]+[^\s>]{1,64}[ \t]+(?:[^\s>]{1,200}[ \t]+){0,16}>(?<secret>\S{1,200})/,
        targets: [{ group: 'secret', kind: 'SECRET' }],
      },
      {
        // Both in one remark of a log: `failed to send mail (user nas-notify, password NasMail!2026)`.
        regex: /(?<![\w.-])user (?<user>[A-Za-z][\w.-]{0,31}), password (?<secret>[^\s,;)]{1,64})/i,
        targets: [{ group: 'user' }, { group: 'secret', kind: 'SECRET' }],
      },
      {
        // rsyncd.conf `auth users = rsync_erp, wangxiaogang` (a comma or blank list; `@group` and a
        // `:ro`/`:rw`/`:deny` suffix allowed): up to four logins of the list.
        regex: /^[ \t]*auth users[ \t]*=[ \t]*(?<user>[A-Za-z][\w.-]{1,31})(?::[a-z]{2,4})?(?:(?:[ \t]*,[ \t]*|[ \t]+)@?(?<user2>[A-Za-z][\w.-]{1,31})(?::[a-z]{2,4})?)?(?:(?:[ \t]*,[ \t]*|[ \t]+)@?(?<user3>[A-Za-z][\w.-]{1,31})(?::[a-z]{2,4})?)?(?:(?:[ \t]*,[ \t]*|[ \t]+)@?(?<user4>[A-Za-z][\w.-]{1,31}))?/i,
        targets: [{ group: 'user' }, { group: 'user2' }, { group: 'user3' }, { group: 'user4' }],
        validate: 'loginName',
      },
      {
        // rsyncd's log: `auth failed on module backup from host (10.0.0.5) for liming: password mismatch`.
        regex: RSYNCD_PASSWORD_MISMATCH,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // squid's native access.log: `time elapsed client CODE/status bytes METHOD URL login HIER_…/peer type`;
        // `-` where nobody logged in.
        regex: /^\d{9,10}\.\d{3}[ \t]+\d+[ \t]+\S+[ \t]+[A-Z_]+\/\d{3}[ \t]+\d+[ \t]+[A-Z]+[ \t]+\S+[ \t]+(?<user>[A-Za-z][\w.@-]{1,63}) HIER_/,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // LDAP distinguished names of people: `dn: uid=zhengli,ou=people,dc=corp,dc=com` (a bind DN's
        // `cn=svc-app,ou=services` names a service account, kept as the tuned app.env wants).
        regex: /(?<![\w-])uid=(?<user>[A-Za-z][A-Za-z0-9._-]{1,31}),(?:ou|dc|cn)=/i,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // login19: OpenSSH's `AllowUsers x y@10.0.0.0/8` / `DenyUsers x`, TigerVNC's `PlainUsers=x,y` (see LOGIN_LIST_LINE).
        regex: LOGIN_LIST_LINE,
        targets: [{ group: 'user' }, { group: 'user2' }, { group: 'user3' }, { group: 'user4' }],
        validate: 'loginListLine',
      },
      {
        // Samba share lists (`valid users = @"DOM\group" liming, wangfang`) and sudoers (`User_Alias
        // DBA = liming, wangfang`, `liming  ALL=(ALL) ALL`, `Defaults:liming !requiretty`): up to four
        // logins of a list; `@group`, `%group` and quoted groups are skipped, and upper-case sudoers
        // aliases (`DBA  ALL=(oracle) …`).
        regex: /^[ \t]*(?:(?:valid users|invalid users|admin users|write list|read list)[ \t]*=|User_Alias[ \t]+[A-Z][A-Z0-9_]*[ \t]*=)[ \t]*(?:(?:[@+&%]"[^"\r\n]*"|[@+&%]\S+)[ \t,]+)*(?<user>[A-Za-z][\w.-]{1,31})(?:[ \t]*,[ \t]*|[ \t]+)?(?<user2>[A-Za-z][\w.-]{1,31})?(?:[ \t]*,[ \t]*|[ \t]+)?(?<user3>[A-Za-z][\w.-]{1,31})?(?:[ \t]*,[ \t]*|[ \t]+)?(?<user4>[A-Za-z][\w.-]{1,31})?|^(?![A-Z][A-Z0-9_]*[ \t])(?<sudoer>[A-Za-z][\w.-]{1,31})[ \t]+ALL[ \t]*=[ \t]*\(|^Defaults:(?<defaults>[A-Za-z][\w.-]{1,31})[ \t]/,
        targets: [{ group: 'user' }, { group: 'user2' }, { group: 'user3' }, { group: 'user4' }, { group: 'sudoer' }, { group: 'defaults' }],
        validate: 'anyLoginGroup',
      },
      {
        // Exim's mainlog: who signed in to submit (`P=esmtpsa … A=dovecot_plain:liuyang`) and who
        // failed (`authenticator failed … (set_id=caiwu01)`).
        regex: /(?:[ \t]A=[a-z][\w-]{0,30}:|(?<![\w-])set_id=)(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})(?![\w@.-])/,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // A property list's pair on one line (`.mobileconfig`): `<key>UserName</key><string>x</string>`,
        // an IPsec payload's `<key>XAuthName</key>`.
        regex: /<key>(?<key>[A-Za-z]*?(?:user(?:_?name)?|log[io]n(?:_?name)?|authname))<\/key>[ \t]*<string>(?:[A-Za-z][\w.-]{0,30}\\{1,2})?(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})<\/string>/i,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // `请登录账号 lujing1984`: the sign-in account's word in a sentence (the key pattern above wants
        // its Chinese key at the start of a word).
        regex: /(?:登录|登陆)(?:账号|帐号|账户|帐户|名|用户名?)(?:[ \t]*[:：=][ \t]*|[ \t]+)(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})(?![\w@.\\/:-])/,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // 802.1X identities: iwd `EAP-PEAP-Phase2-Identity=`, `EAP-Identity=`, wpa_supplicant
        // `identity="…"`, an EAP client's `sending identity x` (not `anonymous_identity`, not PolicyKit's
        // `Identity=unix-user:x`, whose login follows a colon).
        regex: /(?:(?:^|[\s;-])identity[ \t]*=[ \t]*(?<vq>"?)|sending identity[ \t]+)(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})(?![\w@.:\\/-])\k<vq>/i,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // PAM's `pam_succeed_if.so user in backup_nas:jumpadmin` (also `notin`, `=`, `!=`): up to four
        // logins of a `:` list (`user ingroup wheel` names a group).
        regex: /pam_succeed_if\.so\b[^\r\n]*?[ \t]user[ \t]+(?:in|notin|=|!=)[ \t]+(?<user>[A-Za-z][\w.-]{1,31})(?::(?<user2>[A-Za-z][\w.-]{1,31}))?(?::(?<user3>[A-Za-z][\w.-]{1,31}))?(?::(?<user4>[A-Za-z][\w.-]{1,31}))?/,
        targets: [{ group: 'user' }, { group: 'user2' }, { group: 'user3' }, { group: 'user4' }],
        validate: 'anyLoginGroup',
      },
      {
        // A JSON account whose `name` comes with its password (RabbitMQ `export_definitions`:
        // `"users":[{"name":"shovel","password_hash":"…"}]`): the name is a login.
        regex: /"name"[ \t]*:[ \t]*"(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})"[ \t]*,[ \t]*"(?:password|passwd|pwd)(?:_?hash)?"[ \t]*:/i,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // Jetty/ActiveMQ realm files (`jetty-realm.properties`, `realm.properties`): `login: password,
        // role …` under their `username: password [,rolename ...]` comment; the password, and the login
        // unless built in.
        regex: /^[ \t]*(?<user>[A-Za-z][\w.-]{0,31})[ \t]*:[ \t]*(?<secret>[^\s,]{1,128})[ \t]*,[ \t]*(?:[\w-]{1,40}[ \t]*,[ \t]*){0,8}[\w-]{0,40}(?:admin(?:istrator)?|user)s?[ \t]*\r?$/i,
        targets: [{ group: 'user' }],
        validate: 'realmLogin',
      },
      {
        // …and the password (after the login's placeholder, when the pattern above took the login).
        regex: /^[ \t]*(?:[A-Za-z][\w.-]{0,31}|<USER-\d+>)[ \t]*:[ \t]*(?<secret>[^\s,]{1,128})[ \t]*,[ \t]*(?:[\w-]{1,40}[ \t]*,[ \t]*){0,8}[\w-]{0,40}(?:admin(?:istrator)?|user)s?[ \t]*\r?$/i,
        targets: [{ group: 'secret', kind: 'SECRET' }],
        validate: 'realmLine',
      },
      {
        // A cell of an HTML table under a header naming a login (`<th>账号</th>`, `<th>Username</th>`).
        regex: /<td(?:\s[^<>]*)?>(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})<\/td>/i,
        targets: [{ group: 'user' }],
        validate: 'htmlUserColumn',
      },
      {
        // `<DefaultUser>zhoujie</DefaultUser>`, `<UserName>…</UserName>`.
        regex: /<(?:[\w-]+:)?(?<key>[A-Za-z]*?(?:user(?:[_-]?(?:name|id))?|log[io]n(?:[_-]?name)?|owner))>(?:[A-Za-z][\w.-]{0,30}\\{1,2})?(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})<\//i,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // `started by liuyang`, `last modified by lina`, `net user zhaolei /domain`, .netrc's
        // `machine host login liuyang`.
        regex: /(?:(?:^|\s)machine[ \t]+\S+[ \t]+login[ \t]+|(?<![A-Za-z])(?:started|run|launched|created|executed|initiated|requested|submitted|modified|changed|edited|viewed|accessed|deleted|updated|approved|rejected|exported|uploaded|downloaded|locked|unlocked)[ \t]+by[ \t]+(?:user[ \t]+|(?:helpdesk|help[ -]desk|support|admin(?:istrator)?|operator|technician|engineer|agent)[ \t]+(?=[A-Za-z][\w.-]{0,31}[ \t]*[(（]))?|(?:granted|assigned)[ \t]+to[ \t]+(?:user[ \t]+)?|(?:^|[\s>])net(?:\.exe)?[ \t]+user[ \t]+)(?<vq>["']?)(?:[A-Za-z][\w.-]{0,30}\\{1,2})?(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})(?![\w@/\\-]|\.\w)\k<vq>/i,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // Database and remote-shell clients name the login in a flag: PostgreSQL/Kingbase/openGauss
        // `psql`/`ksql`/`gsql -U x`, `sqlcmd`/`isql`/`bcp -U x`, `mysql -u x`/`-ux`, `mongo -u x`,
        // `psexec -u DOMAIN\x`, `smbclient -U x%pw`, `lftp -u x,pw`; PuTTY's `plink`/`pscp`/`psftp`
        // and `ssh` `-l x`. Only after the client's name: `sort -u`, `ps -U` are other flags. Not a
        // role word (`-u report`, `-U readonly`: a service login, and a common word).
        // The clients and tools of admin-cli.ts's USER_FLAG_CLIENTS and POSITIONAL_LOGINS (one table, rest16a).
        regex: userFlagPattern(),
        targets: [{ group: 'user' }, { group: 'poslogin' }, { group: 'poslogin1' }, { group: 'poslogin2' }],
        validate: 'userFlagLogin',
      },
      {
        // SQL that creates a login or sets its password: `CREATE USER x IDENTIFIED BY …` (Oracle, DM,
        // MySQL `'x'@'%'`), `ALTER USER x …`, `CREATE ROLE x WITH LOGIN PASSWORD …`, `ALTER ROLE x
        // PASSWORD …` (PostgreSQL, Kingbase), SQL Server `CREATE LOGIN x WITH PASSWORD = …`; psql's
        // `\password x`; TDengine `CREATE USER x PASS 'pw'`, `ALTER USER x PASS 'pw'`. Only with the password clause after
        // it: `create user accounts` is prose.
        regex: /(?<![\w-])(?:(?:create|alter)[ \t]+(?:user|role|login)[ \t]+(?:if[ \t]+not[ \t]+exists[ \t]+)?(?<q>["'`]?)(?<user>[A-Za-z][\w$#.-]{0,62})\k<q>(?:@\S+)?(?=[ \t]+(?:identified[ \t]+(?:by|with|externally|globally)\b|(?:with[ \t]+)?(?:(?:encrypted|unencrypted|login|superuser|nosuperuser|createdb|createrole|inherit)[ \t]+)*password[ \t]*(?:=[ \t]*)?(?:["'<]|N')|password[ \t]+(?=[^\s"';]*[^A-Za-z\s"';])[^\s"';]|pass[ \t]+["']|with[ \t]+login\b|set[ \t]+(?:plaintext[ \t]+|encrypted[ \t]+)?password[ \t]))|\\password[ \t]+(?<vq>["']?)(?<pwuser>[A-Za-z][\w$#.-]{0,62})\k<vq>[ \t]*\r?$)/i,
        targets: [{ group: 'user' }, { group: 'pwuser' }],
        validate: 'anyLoginGroup',
      },
      {
        // Account tools and the logs that name one login per line (held-out-13's families):
        // auditd `acct="x"`; LightDM/GDM `Greeter start authentication for x`, `username 'x'`; ESXi hostd
        // `User x@10.0.0.1 logged in`, `Cannot login x@ip`, `Rejected password for user x from`; iDRAC's
        // Lifecycle log `logged in using x, from`, `The session for x from`, `racadm set ….UserName x`;
        // Proxmox `user:x@pve:`, `x@pam`; `chage -l x`, `faillock --user x`, `lastlog -u x`, `pam_tally2
        // -u x`, `userdel [-r] x`; last/who/lastlog rows (`x  pts/3  10.0.0.1 …`); Hadoop
        // `hadoop.proxyuser.x.hosts`, `<name>…UserName</name><value>x</value>`, Hive's `/tmp/hive/x/`,
        // `LDAP user x`; ADO.NET `user id=x;`; WindTerm/Tabby `"…target" : "x@host"`; STS `--role-session-name
        // x`; Cisco `username x privilege|secret|password …`, Huawei `local-user x password|privilege …`.
        regex: /(?:^|[\s'])acct="(?<acct>[A-Za-z_][\w.-]{0,31})"|(?:[Gg]reeter start authentication for|[Ss]tarted with service '[\w-]{1,32}', username) '?(?<greeter>[A-Za-z_][\w.-]{0,31})'?(?=[\s,.]|$)|(?:\bUser|[Cc]annot login) (?<esx>[A-Za-z][\w.-]{0,31})@[0-9a-fA-F.:]{3,45}(?=[ \t]|\r?$)|[Rr]ejected password for user (?<esx2>[A-Za-z][\w.-]{0,31}) from |[Ll]ogged in using (?<idrac>[A-Za-z][\w.-]{0,31}),? from |[Tt]he session for (?<idrac2>[A-Za-z][\w.-]{0,31}) from |racadm[ \t]+set[ \t]+[\w.#]*\.User[Nn]ame[ \t]+(?<q>["']?)(?<idrac3>[A-Za-z][\w.-]{0,31})\k<q>(?=[ \t]|\r?$)|(?<![\w.@-])(?<pve>[A-Za-z][\w.-]{0,31})@(?:pve|pam|pbs)(?=[:!,\s]|$)|(?:^|[\s;&|#>])(?:chage[ \t]+(?:-l|--list)|faillock[ \t]+--user|lastlog[ \t]+(?:-u|--user)|pam_tally2?[ \t]+(?:-u|--user)|userdel(?:[ \t]+-[rf]{1,2})?)[ \t]+(?<tool>[a-z_][\w.-]{0,31})(?=[ \t]+-|[ \t]*\r?$)|^(?<tty>[a-z_][\w.-]{0,31})[ \t]+(?:[+-][ \t]+)?pts\/\d+[ \t]|hadoop\.proxyuser\.(?<proxy>[A-Za-z][\w-]{0,31})\.(?:hosts|groups|users)\b|<name>[\w.-]{0,80}?(?:[Uu]ser[_-]?[Nn]ame|[Uu]ser)<\/name>[ \t]*<value>(?<xml>[A-Za-z][\w.-]{0,31})<\/value>|\/tmp\/hive\/(?<hive>[A-Za-z][\w.-]{0,31})\/|LDAP user (?<ldap>[A-Za-z][\w.-]{0,31})(?=[\s,.;:]|$)|(?:^|[;"'\s])[Uu]ser [Ii][Dd][ \t]*=[ \t]*(?<uid>[A-Za-z][\w.-]{0,31})(?=[ \t]*(?:;|["'<&]|\r?$))|"[\w.]{0,40}[Tt]arget"[ \t]*:[ \t]*"(?<target>[A-Za-z][\w.-]{0,31})@[\w.-]{1,253}"|--?[Rr]ole-?[Ss]ession-?[Nn]ame(?:[ \t]+|=)(?<sts>[A-Za-z][\w.-]{0,63})(?=[ \t]|\r?$)|^[ \t]*username[ \t]+(?<cisco>[A-Za-z][\w.-]{0,31})[ \t]+(?:privilege|password|secret|algorithm-type|view|nopassword|autocommand)\b|^[ \t]*local-user[ \t]+(?<huawei>[A-Za-z][\w.-]{0,31})(?:[ \t]+(?:password|privilege|service-type|level|ftp-directory|state)\b|(?:[ \t]+class[ \t]+(?:manage|network))?[ \t]*\r?$)|esxcli[ \t]+system[ \t]+account[ \t]+(?:add|set|remove)[ \t](?:[^\r\n|;&]{0,256}?[ \t])?(?:-i|--id)(?:[ \t]+|=)["']?(?<esxid>[A-Za-z][\w.-]{0,31})["']?(?=[ \t]|\r?$)|^RecordName:[ \t]+(?<dscl>[A-Za-z][\w.-]{0,31})(?:[ \t]+(?<dscl2>[A-Za-z][\w.-]{0,31}))?[ \t]*\r?$|[Ll]og(?:on|in|ged on|ged in) as (?<as>[A-Za-z][\w.-]{0,31}) with password\b|^[ \t]*(?:USER|User|user|USERNAME|UserName|Username|username)[ \t]+=[ \t]*(?<ini>[A-Za-z][\w.-]{0,31})[ \t]*\r?$/,
        targets: [{ group: 'acct' }, { group: 'greeter' }, { group: 'esx' }, { group: 'esx2' }, { group: 'idrac' }, { group: 'idrac2' }, { group: 'idrac3' }, { group: 'pve' }, { group: 'tool' }, { group: 'tty' }, { group: 'proxy' }, { group: 'xml' }, { group: 'hive' }, { group: 'ldap' }, { group: 'uid' }, { group: 'target' }, { group: 'sts' }, { group: 'cisco' }, { group: 'huawei' }, { group: 'esxid' }, { group: 'dscl' }, { group: 'dscl2' }, { group: 'as' }, { group: 'ini' }],
        validate: 'accountToolLogin',
      },
      {
        // Account commands as typed (rest14a): `useradd [options] x`, `adduser`, `usermod -aG wheel x` — the
        // login is the last argument; only a command at the line's start, after
        // a prompt, `sudo`, `;`, `&&`, `|` or `(` (prose that names the command keeps its next word).
        // Session 16 (login17): one table of such commands (admin-cli.ts LAST_ARG_LOGIN_COMMANDS), after a shell
        // history's number and time too.
        regex: lastArgLoginPattern(),
        targets: [{ group: 'user' }],
        validate: 'lastArgLogin',
      },
      {
        // A login handed to a JVM as a system property (`-Dsentinel.dashboard.auth.username=x`, `-Dnacos.user=x`,
        // `-Dspring.datasource.username=x`): the key's own pattern wants no `-D` glued before it.
        regex: /(?:^|[\s"'])-D[\w.-]{0,80}?[.-](?:user(?:name)?|login)=(?<q>["']?)(?<user>[A-Za-z][\w.-]{0,31})\k<q>(?=[\s"']|$)/i,
        targets: [{ group: 'user' }],
        validate: 'storedLogin',
      },
      {
        // Two-column tables of a secret store's fields or a stack's outputs: `vault kv get`'s `username    x`,
        // `pulumi stack output`'s `dbAdminUser     x` — a key ending in user/username/login, blanks, one value.
        regex: /^[ \t]*(?<key>(?:[A-Za-z][\w.-]{0,40}?)?(?:[Uu]ser(?:[Nn]ame)?|USER(?:NAME)?|[Ll]ogin|LOGIN))[ \t]{2,}(?<user>[A-Za-z][\w.-]{1,31})[ \t]*\r?$/,
        targets: [{ group: 'user' }],
        validate: 'storedLogin',
      },
      {
        // PHP configuration objects and arrays: 禅道 `$config->db->user = 'x';`, `$db['default']['username'] = 'x';`,
        // `$cfg->dbuser = "x";`; login17: indexed by a variable or a number (phpMyAdmin `$cfg['Servers'][$i]['user']`,
        // LibreNMS `$config['snmp']['v3'][0]['authname']`), a qualified login key (`controluser`, `authname`, `smtp_user`).
        regex: /\$[A-Za-z_]\w{0,40}(?:->\w{1,40}|\[(?:['"]\w{1,40}['"]|\$\w{1,20}|\d{1,3})\]){0,6}(?:->|\[['"])(?:(?:db|control|admin|ssh|smtp|mail|ldap|bind|sql|ftp|proxy)_?)?(?:user(?:name)?|login|auth_?name|auth_?user)(?:['"]\])?[ \t]*=[ \t]*(?<q>['"])(?<user>[A-Za-z][\w.-]{0,31})\k<q>/,
        targets: [{ group: 'user' }],
        validate: 'storedLogin',
      },
      {
        // An admin console's operation log names the operator as `admin=x` after the operation (Coremail
        // `[ADMIN] op=reset_password admin=x target=…`, `action=… operator=x`).
        regex: /(?:^|[ \t])(?:op|action|cmd)=\S{1,64}(?:[ \t]+\S{1,128}){0,6}?[ \t]+(?:admin|operator)=(?<user>[A-Za-z][\w.-]{1,31})(?=[ \t]|\r?$)/,
        targets: [{ group: 'user' }],
        validate: 'storedLogin',
      },
      {
        // Logins by the grammar of the tool that writes them (session 12, rest12): an `operator` key with a
        // login-shaped value (a `_` or a digit: `"operator":"xz_hejiani"`, `operator_id=op_0317`; Kubernetes'
        // `operator: Exists` is a word; a dotted properties key too, `upyun.operator=x`); an STS role session after AssumeRole (Aliyun `sessionName=x`, AWS
        // `RoleSessionName: x`); SQL Server's own ERRORLOG (`Logon   Login failed for user 'x'`: the
        // server's account database, unlike a client's exception); an account created or deleted by
        // name (Windows Setup's `local account created x (`, `created user account x`); ldapsearch's
        // entry comment (`# x, people, example.com`) above its `dn:`; Oracle's `user X responsibility "…"`
        // (EBS Forms); a login told in prose with its password (`the test account is x with password …`).
        regex: /(?<![\w-])["']?operator(?:[_-]?(?:id|name|code|account|no))?["']?[ \t]*[:=：][ \t]*["']?(?<oper>[A-Za-z][A-Za-z-]*(?:_|\d)[\w.-]{0,30})(?![\w@.-])|(?:[Aa]ssume-?[Rr]ole|acs:ram::|arn:aws)[^\r\n]{0,240}?(?<![\w-])(?:[Rr]ole[_-]?)?[Ss]ession[_-]?[Nn]ame"?[ \t]*[:=][ \t]*["']?(?<sts>[A-Za-z][\w.@-]{1,63})(?![\w@.-])|\bLogon[ \t]+Login (?:failed|succeeded) for user '(?:[A-Za-z][\w.-]{0,30}\\)?(?<mssql>[A-Za-z][\w.-]{1,31})'|(?:\b(?:[Ll]ocal|[Uu]ser)[ \t]+account[ \t]+(?:created|deleted|removed|added)|\b(?:[Cc]reated|[Dd]eleted|[Rr]emoved|[Aa]dded)[ \t]+(?:local[ \t]+)?(?:user[ \t]+)?account)(?:[ \t]*:)?[ \t]+["']?(?!(?:successfully|success|ok|failed|for|by|on|in|at|with|from|to|the|a|an|and|was|is|has|named|called)\b)(?<created>[A-Za-z][\w.-]{0,30}[\w-])["']?(?=[ \t]*(?:[(,;]|\.?\r?$)|[ \t]+(?:with|on|in|by|for|at)\b)|^#[ \t]+(?<ldif>[A-Za-z][\w.-]{1,31}),[ \t]*(?:people|users)[ \t]*,[ \t]*[\w-]+(?:\.[\w-]+)+[ \t]*\r?$|\b[Uu]ser[ \t]+(?<ebs>[A-Z][A-Z0-9_]{1,29})[ \t]+responsibility\b|\b(?:[Aa]ccount|[Uu]ser(?:name)?|[Ll]ogin)[ \t]+(?:is|was)[ \t]+["']?(?<told>[A-Za-z][\w.-]{0,30}[\w-])["']?[ \t]+(?:with|and)[ \t]+(?:the[ \t]+)?password\b/,
        targets: [{ group: 'oper' }, { group: 'sts' }, { group: 'mssql' }, { group: 'created' }, { group: 'ldif' }, { group: 'ebs' }, { group: 'told' }],
        validate: 'grammarLogin',
      },
      {
        // An account record (`/etc/passwd`, `getent passwd`) of a person: uid 1000–59999 and a login shell,
        // wherever its home is (`/srv/x`, `/opt/x`, `/data/home/x`; under /home/ home-user takes it too), and
        // the home's last folder when it is the login (`/opt/x` is no program folder here).
        regex: /^(?<login>[a-z_][a-z0-9._-]{0,31}):[^:\s]{0,200}:(?<uid>\d{4,5}):\d{1,10}:[^:\r\n]{0,256}:(?:(?:\/[^:\s/]{1,64}){0,8}\/(?<home>\k<login>)|\/[^:\s]{0,255}):\/(?:usr\/)?(?:local\/)?bin\/(?:ba|z|k|fi|)sh[ \t]*\r?$/,
        targets: [{ group: 'login' }, { group: 'home' }],
        validate: 'passwdLogin',
      },
      {
        // VirtualBox's VRDE users (`VBoxAuthSimple/users/<login>` extradata, its value the password's SHA-256).
        regex: /VBoxAuthSimple\/users\/(?<vrde>[A-Za-z][\w.-]{0,31})"?(?:[ \t]*=[ \t]*|[ \t]+)"?(?<vrdehash>[0-9a-fA-F]{64})(?![\w])/,
        targets: [{ group: 'vrde' }, { group: 'vrdehash', kind: 'SECRET' }],
        validate: 'clientLoginGroup',
      },
      {
        // CIFS mounts name the login and its password together: `mount -t cifs … -o user=x%pw,vers=3`
        // (also `username=`), as smbclient's `-U x%pw`.
        regex: /(?:-o[ \t]+|-fstype=[\w]{1,16},)(?:[^\s,]{1,256},){0,32}user(?:name)?=(?<mntuser>[A-Za-z][\w.-]{0,31})%(?<mntpw>(?![0-9A-Fa-f]{2}(?:[\w.-]*@|[,\s]|$))[^\s,"']+)/,
        targets: [{ group: 'mntuser' }, { group: 'mntpw', kind: 'SECRET' }],
        validate: 'clientLoginGroup',
      },
      {
        // Database server logs: DM `login failed: user(WANGYI), ip(…)`, IBM Db2's db2diag `AUTHID  : X`.
        regex: /(?<=[\s:：,(])user\((?<user>[A-Za-z][\w$#.-]{1,31})\)(?=[,;，\s]|$)|(?<![\w-])AUTHID[ \t]*:[ \t]*(?![Dd][Bb]2|[Dd][Aa][Ss][Uu][Ss][Rr])(?<authid>[A-Za-z][\w$#@.-]{0,29})(?=[ \t]|\r?$)/,
        targets: [{ group: 'user' }, { group: 'authid' }],
        validate: 'anyLoginGroup',
      },
      {
        // PuTTY/KiTTY session files write `Name\value\`: `UserName\dba_li\`, `ProxyUsername\x\`.
        regex: /^(?<key>[A-Za-z]*?(?:user(?:_?name)?|log[io]n(?:_?name)?))\\(?:[A-Za-z][\w.-]{0,30}\\{1,2})?(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})\\[ \t]*\r?$/i,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // WebLogic's security realm messages: `User chenzq in security realm myrealm has had 5 invalid
        // login attempts` (BEA-090078), `… User erp_op in security realm … locked` (`weblogic` is the
        // stock administrator).
        regex: /(?<![\w-])User[ \t]+(?!weblogic[ \t]|system[ \t])(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})[ \t]+in[ \t]+security[ \t]+realm[ \t]/,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // A login in brackets before the outcome of a sign-in, as Chinese OA/ERP servers log it
        // (Seeyon `[tangsy] 登录成功 [10.3.1.4]`, `[x] 登录失败 第3次`, `[x] 注销`); not a log level
        // or a module tag (`[INFO] 用户登录`, `[INFO][Login] 用户登录成功`).
        regex: /(?<!\])\[(?!(?:Login|Logon|Logout|Auth|SSO|Session|Security|INFO|WARN|WARNING|ERROR|ERR|DEBUG|TRACE|FATAL|NOTICE|CRIT|CRITICAL|ALERT|EMERG|SEVERE|FINE|FINER|FINEST|CONFIG|main)\])(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})\][ \t]*(?=(?:用户)?(?:登录|登陆|登入|注销|退出登录|登出)(?:成功|失败|异常|超时)?|(?:OK|FAIL) (?:LOGIN|UPLOAD|DOWNLOAD|MKDIR|RMDIR|DELETE|RENAME|CHMOD):)/,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // The FTP transfer log (xferlog of wu-ftpd, vsftpd, ProFTPD): `… /home/ftp/x/a.pdf b _ i r cuijingyi ftp 0 * c`:
        // the login after the access mode `r`, a real account (`a`nonymous and `g`uest name an e-mail or a guest).
        regex: /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4} \d+ \S+ \d+ [^\r\n]{1,4096}? [ab] [_CTU]{1,3} [oid] r (?<user>[A-Za-z][A-Za-z0-9._-]{0,31}) (?:ftp|sftp|ftps|ssh|tftp) [01] \S+ [ci][ \t]*\r?$/,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // Android `dumpsys account`: `Account {name=yuxin_z, type=com.example}` (an e-mail is the e-mail
        // rule's); Jenkins `Started by user Full Name (login)`; macOS `security find-generic-password
        // -a x` / `-ga "x"`; scp/rsync/ssh targets `user@host:path`.
        regex: /Account[ \t]*\{name=(?<account>[A-Za-z][A-Za-z0-9._-]{1,63})(?=,[ \t]*type=)|Started by user [^()\r\n]{1,60}\((?<jenkins>[A-Za-z][A-Za-z0-9._-]{1,31})\)|security[ \t]+(?:find|add|delete)-(?:generic|internet)-password\b[^\r\n]{0,256}?[ \t]-[a-z]{0,8}a[ \t]+(?<q>["']?)(?<keychain>[a-z][a-z0-9._-]{1,31})\k<q>(?=[ \t]|\r?$)|(?:^|[\s;&|(])(?:scp|rsync|sftp|sshfs|ssh-copy-id)(?:\.exe)?[ \t](?:[^\r\n|;&]{0,512}?[ \t])?["']?(?<target>[A-Za-z][A-Za-z0-9._-]{1,31})@(?:\[[0-9A-Fa-f:]{2,39}\]|[A-Za-z0-9][\w.-]{0,252}):/,
        targets: [{ group: 'account' }, { group: 'jenkins' }, { group: 'keychain' }, { group: 'target' }],
        validate: 'clientLoginGroup',
      },
      {
        // The login column of the Common/Combined Log Format (Apache, nginx, Tomcat, Squid):
        // `10.2.0.7 - zhoumy [19/Mar/2026:09:13:02 +0800] "GET …` (`-` is no login).
        regex: /^[!-~]+[ \t]+[!-~]+[ \t]+(?<user>[A-Za-z][\w.@-]{0,63})[ \t]+\[\d{1,2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2}[ \t][+-]\d{4}\][ \t]+"/,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // A login in a registry value named for one, as `reg query` prints it (`UsernameHint    REG_SZ
        // cloud-win-zyf` under Terminal Server Client\Servers, Winlogon's `DefaultUserName`, LogonUI's
        // `LastLoggedOnSAMUser    REG_SZ    XXSOFT\x`): a DOMAIN\ prefix stays. (PuTTY's `ProxyUsername` is kept, as before.)
        regex: /^[ \t]*(?<key>(?:Default|AltDefault|LastUsed)?User(?:_?[Nn]ame)?(?:Hint)?|LastLoggedOn(?:SAM)?User|LastUsedUsername)[ \t]+REG_(?:SZ|EXPAND_SZ)[ \t]+(?:[A-Za-z0-9][\w.-]{0,30}\\{1,2}|\.\\)?(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})[ \t]*\r?$/,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // `query user` / `quser` rows (en-US `USERNAME  SESSIONNAME  ID  STATE  IDLE TIME  LOGON TIME`, zh-CN
        // `用户名 会话名 ID 状态 空闲时间 登录时间`): the first column, `>` marking the current session, then an optional
        // session name, the session id and its state.
        regex: /^[ >](?<user>[A-Za-z][A-Za-z0-9._-]{0,19})[ \t]+(?:[\w#-]{1,32}[ \t]+)?\d{1,5}[ \t]+(?:Active|Disc|Conn|ConnQ|Listen|运行中|断开|已断开|活动|已连接|侦听)(?=[ \t]+(?:none|无|\.|\d))/,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // A service's command line that logs in as its login and password (`sc qc` BINARY_PATH_NAME `"…\FinSync.exe"
        // -u svc_finsync_qy -p FsSvc!2026qy`, a Linux agent's `ExecStart=… -u x -p y`); not a port (`-p 8080`).
        regex: /(?:\.exe["']?|[\w-]\/[\w.-]+)[ \t]{1,8}(?:[^\r\n]{0,200}?[ \t])?-u[ \t]{1,8}(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})[ \t]+-p[ \t]+(?<q>["']?)(?<svcpw>(?!\d{1,5}(?:[ \t]|\r?$))[^\s"']{3,128})\k<q>(?=[ \t]|\r?$)/,
        targets: [{ group: 'user' }, { group: 'svcpw', kind: 'SECRET' }],
        validate: 'clientLoginGroup',
      },
      {
        // `net user` output and other two-column listings: `用户名                 zhaolei`;
        // PowerShell `Format-List`: `SamAccountName    : weizh`, Exchange `Get-Mailbox`'s `Alias : ouyang.lin`.
        regex: /^[ \t]*(?:(?<key>用户名|User name)[ \t]{2,}|(?<key2>[A-Za-z]*?(?:user(?:_?name)?|account(?:_?name)?|log[io]n(?:_?name)?)|Alias|MailNickname)[ \t]+:[ \t]+)(?:[A-Za-z][\w.-]{0,30}\\{1,2})?(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})[ \t]*\r?$/i,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // Windows accounts written DOMAIN\login (`XXSOFT\caoym`, `<Author>XXSOFT\shenyue</Author>`,
        // `用户: XXSOFT\dba_luwei`): an upper-case NetBIOS domain and a lower-case login. Registry
        // keys (`SOFTWARE\Classes`) and paths (`C:\tools`, `\\server\share`) do not have that shape.
        regex: /(?<![\w\\$-])(?<domain>[A-Z][A-Z0-9-]{1,14})\\{1,2}(?<user>[a-z][a-z0-9._-]{1,19})(?![\w\\/$-]|\.\w)/,
        targets: [{ group: 'user' }],
        validate: 'domainLogin',
      },
      {
        // Kerberos ticket caches: Windows `klist` (`#0>	客户端: yangshuo @ XXSOFT.LOCAL`, zh-CN) and MIT
        // `klist` (`Default principal: yangshuo@XXSOFT.LOCAL`, `默认主体:`): the signed-in user's
        // principal, the login before its upper-case realm. A service principal (`host/…@REALM`) has a `/`.
        regex: /(?:客户端|默认主体|Default principal)[ \t]*[:：][ \t]*(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})(?=[ \t]?@[ \t]?[A-Z][A-Z0-9-]*(?:\.[A-Z0-9-]+)*(?![\w.@-]))/,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // ssh_config and similar `Keyword value` files: `    User daiqing`.
        regex: /^[ \t]*User[ \t]+(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})[ \t]*\r?$/,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // The comment of an OpenSSH public key (authorized_keys, *.pub): `ssh-ed25519 AAAA… daiqing@LAPTOP`.
        regex: /^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-\S+|sk-ssh-\S+)[ \t]+AAAA[A-Za-z0-9+/=]+[ \t]+(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})@[\w.-]+[ \t]*\r?$/,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // sshd, PAM and sudo lines (auth.log, journald): `Accepted password for liuyang from`,
        // `session opened for user xueyan(uid=1007)`, `New session 3 of user liuyang.`,
        // `sshd: liuyang [priv]`, sudo's `liuyang : TTY=pts/2 ; PWD=…`.
        regex: /(?:(?:Accepted|Failed) (?:password|publickey|keyboard-interactive\/pam) for (?:invalid user )?|session (?:opened|closed) for user |session \S+ of user )(?<user>[A-Za-z][A-Za-z0-9._-]{0,30}[A-Za-z0-9_-])(?=[\s(.]|$)|\bsshd: (?<sshd>[A-Za-z][A-Za-z0-9._-]{1,31})(?= \[priv\]|@(?:pts|notty))|(?:^|[\s"])(?<sudoer>[A-Za-z][A-Za-z0-9._-]{1,31}) : (?:TTY|PWD|USER|COMMAND)=/,
        targets: [{ group: 'user' }, { group: 'sshd' }, { group: 'sudoer' }],
        validate: 'authLogLogin',
      },
      {
        // A login quoted after the word: nginx `user "zhouxin" was not found`, PostgreSQL `for user
        // "liuyang"`, Confluence `User 'fengqian' (…)`; Apache `user liqiang: authentication failure`.
        // Not SQL Server's `Login failed for user 'crm_app'`: it names a database login.
        regex: /(?<![\w-])(?<!Login failed for[ \t]+)(?:user|account)[ \t]+(?:(?<q>["'])(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})\k<q>(?![@\w])|(?<bare>[A-Za-z][A-Za-z0-9._-]{1,31})(?=: (?:authentication failure|not found|password mismatch)))/i,
        targets: [{ group: 'user' }, { group: 'bare' }],
        validate: 'anyLoginGroup',
      },
      {
        // MySQL slow/general log `# User@Host: dba_li[dba_li] @ host [10.0.0.7]`; `ssh -v`'s
        // `Authenticating to host:22 as 'deploy'` and its `deploy@host's password:` prompt; VNC viewers'
        // `CConnection: authenticating as x (password …)`; Subversion's
        // mod_authz_svn `Access denied: 'liqiang' GET erp:/trunk/…`.
        regex: /User@Host:[ \t]+(?<user>[A-Za-z][\w.-]{0,31})\[(?<user2>[A-Za-z][\w.-]{0,31})\]|Authenticating to \S+ as '(?<ssh>[A-Za-z][\w.-]{0,31})'|(?<![\w-])[Aa]uthenticating as (?<as>[A-Za-z][\w.-]{0,30}[A-Za-z0-9_])(?=[\s(,;]|$)|(?:^|[>\]][ \t]+)(?<prompt>[A-Za-z][\w.-]{0,31})@[\w.-]+'s password:|Access denied: '(?<svn>[A-Za-z][\w.-]{0,31})' (?:GET|PUT|POST|DELETE|PROPFIND|PROPPATCH|REPORT|OPTIONS|MKCOL|COPY|MOVE|LOCK|UNLOCK|CHECKOUT|MERGE|MKACTIVITY) /,
        targets: [{ group: 'user' }, { group: 'user2' }, { group: 'ssh' }, { group: 'as' }, { group: 'prompt' }, { group: 'svn' }],
        validate: 'anyLoginGroup',
      },
      {
        // Windows event XML (4624/4625/4648 …): `<Data Name='TargetUserName'>tangjing</Data>`, and other
        // elements that name their value by an attribute (`<entry key="username">…<`).
        regex: /<[\w:-]+[ \t]+(?:Name|name|key)[ \t]*=[ \t]*(?<q>["'])(?<key>[A-Za-z]*?(?:user(?:_?name)?|log[io]n(?:_?name)?|account(?:_?name)?))\k<q>[ \t]*>(?:[A-Za-z][\w.-]{0,30}\\{1,2})?(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})</i,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // Jira and Confluence write the login twice: `url: /…; user: liuyang INFO liuyang 542x1843x1 …`
        // (the second time before the request id).
        regex: /; user: \S+ (?:INFO|WARN|ERROR|DEBUG|TRACE|FATAL) (?<user>[A-Za-z][\w.-]{1,31}) \d{1,6}x\d{1,9}x\d{1,4} /,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // Windows Credential Manager (`vaultcmd /listcreds`, zh-CN and en): `标识: XXSOFT\yinxue`,
        // `Identity: yinxue_vpn`; and a generic credential's target named `<service>/<login>`
        // (`资源: LegacyGeneric:target=SangforAtrust/yinxue_vpn`), printed before its identity line.
        regex: /^[ \t]*(?:标识|Identity)[ \t]*:[ \t]*(?:[A-Za-z0-9][\w.-]{0,30}\\{1,2})?(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})[ \t]*\r?$|(?<![\w-])(?:LegacyGeneric|Generic):target=[A-Za-z][\w .-]{0,40}\/(?<target>[A-Za-z][A-Za-z0-9._-]{1,31})[ \t]*\r?$/,
        targets: [{ group: 'user' }, { group: 'target' }],
        validate: 'anyLoginGroup',
      },
      {
        // `whoami /all` prints the domain in lower case: `xxsoft\gaoyuan S-1-5-21-…`.
        regex: /^(?<domain>[a-z][a-z0-9-]{1,14})\\(?<user>[a-z][\w.-]{1,19})[ \t]+S-1-5-21-/,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // HeidiSQL's exported settings (`Servers\ERP\User<|||>1<|||>liuqiang`) and MobaXterm bookmarks
        // (`#109#0%10.0.0.5%22%deploy%…`: session type, host, port, login).
        regex: /\\(?<key>[A-Za-z]*User(?:name)?)<\|\|\|>\d<\|\|\|>(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})[ \t]*\r?$|#\d{2,3}#\d%[^%\s]+%\d*%(?<bookmark>[A-Za-z][A-Za-z0-9._-]{1,31})%/i,
        targets: [{ group: 'user' }, { group: 'bookmark' }],
        validate: 'anyLoginGroup',
      },
      {
        // A WeChat id beside its name: `微信 yxg_sales`, `微信号：wxid_abc123`.
        regex: /微信(?<key>号|账号|ID)?[ \t]*(?:[:：][ \t]*)?(?<user>[A-Za-z][\w-]{5,19})(?![\w@.-])/i,
        targets: [{ group: 'user' }],
        validate: 'wechatId',
      },
      {
        // JSON name/value lists (HAR form params, Postman): `{"name": "username", "value": "yanglu"}`;
        // CI variables (GitLab, GitHub, Azure DevOps exports): `{"key": "PIPELINE_OWNER", "value": "x"}`.
        regex: /"(?:name|key)"[ \t]*:[ \t]*"(?<key>[A-Za-z_]*?(?:user(?:_?name)?|log[io]n(?:_?name)?|account|owner))"[ \t]*,[ \t]*"value"[ \t]*:[ \t]*"(?<user>[A-Za-z][A-Za-z0-9._-]{1,31})"/i,
        targets: [{ group: 'user' }],
        validate: 'loginName',
      },
      {
        // Logins in the grammar of servers and clients the key patterns above do not read: MongoDB's
        // `"principalName":"x"` and ECS `"user.name":"x"`; Logstash/Ruby/PHP `user => "x"`; `--user x`;
        // PowerShell AD cmdlets' `-Identity x`; OpenVPN's management `username "Auth" x`;
        // Elasticsearch's `Authentication of [x]`; Exchange's LegacyDN `/cn=Recipients/cn=x`; WeChat
        // ids (`wxid_…`, in paths too); QQ numbers after `uin=` and in `Tencent Files\<number>\`.
        regex: /"(?:principalName|user\.name|userPrincipalName)"[ \t]*:[ \t]*"(?<principal>[A-Za-z][\w.-]{1,31})"|(?<![\w.-])["']?(?:[\w.]*?_)?(?:user(?:name)?|login)["']?[ \t]*=>[ \t]*["'](?<arrow>[A-Za-z][\w.-]{1,31})["']|(?:^|\s)--?(?:username|login|user=)(?:[ \t]+|=)?["']?(?<flag>[A-Za-z][\w.-]{1,31})(?![\w@:/\\=-])|(?:^|\s)--?user[ \t]+["']?(?<paired>[A-Za-z][\w.-]{1,31})(?=["']?[ \t]+--?p(?:ass(?:word)?)?[ \t=])|(?:-AD(?:Account\w*|User)|-(?:Mailbox|CASMailbox|MailboxPermission|MailboxStatistics|MailboxFolderPermission|LocalUser|RemoteMailbox))\b[^\r\n]{0,512}?[ \t]-Identity[ \t]+["']?(?<adid>[A-Za-z][\w.-]{1,31})(?=["']?(?:[ \t]+-|[ \t]*[|;]|[ \t]*\r?$))|(?<![\w-])username[ \t]+"(?:Auth|HTTP Proxy|SOCKS Proxy)"[ \t]+(?<ovpn>[^\s'"]+)|Authentication of \[(?<realm>[A-Za-z][\w.-]{1,31})\]|\/cn=Recipients\/cn=(?<legacy>[A-Za-z][\w.-]{1,40})|(?<![A-Za-z0-9_])(?<wxid>wxid_[a-z0-9]{6,24})(?![A-Za-z0-9_])|(?<![A-Za-z0-9])(?:[a-z]+_)?uin[ \t]*[=:：][ \t]*(?<uin>[1-9]\d{4,10})(?!\d)|Tencent Files[\\/]+(?<qqdir>[1-9]\d{4,10})(?=[\\/])/i,
        targets: [{ group: 'principal' }, { group: 'arrow' }, { group: 'flag' }, { group: 'paired' }, { group: 'adid' }, { group: 'ovpn' }, { group: 'realm' }, { group: 'legacy' }, { group: 'wxid' }, { group: 'uin' }, { group: 'qqdir' }],
        validate: 'anyLoginGroup',
      },
      {
        // Who last changed a file, after the date (`最后修改 2026-03-11 by ops_kongwei`, `Last modified
        // 2026-03-11 14:02 by liqiang`); an account's alias next to its id (AnyDesk `Local ID: 1284609377,
        // alias xu.tingting@ad`, WeChat `wxid:wxid_…, alias:tangxueqin_1990`); a login compared in a
        // pipeline conditional (Logstash `if [operator] == "wanghuiling"`, `[user][name] != "x"`).
        regex: /(?:修改|更新|创建|编辑|变更|last[ \t]+(?:modified|updated|changed|edited|saved))(?:时间|于|[ \t]+on|[ \t]+at)?[ \t:：]*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?[ \t]+by[ \t]+(?<dated>[A-Za-z][\w.-]{1,31})(?![\w@-])|(?:\bid|wxid)[ \t]*[:：=][ \t]*(?:[\w-]{4,40}|<USER-\d+>),[ \t]*alias(?:[ \t]*[:：=][ \t]*|[ \t]+)(?<alias>[A-Za-z][\w.-]{1,40}(?:@[A-Za-z][\w-]{0,40})?)(?![\w.@-])|(?:(?:\[[\w@]{1,32}\])?\[(?:operator|operator_?name|user(?:_?name)?|login|owner|account|uid)\]|\[user\]\[(?:name|id)\])[ \t]*(?:==|!=)[ \t]*(?<q>["'])(?<field>[A-Za-z][\w.-]{1,31})\k<q>/i,
        targets: [{ group: 'dated' }, { group: 'alias' }, { group: 'field' }],
        validate: 'anyLoginGroup',
      },
      // Account stores and identity tools by their grammar (rest15a): see STORE_GRAMMAR_LOGINS. One pattern per
      // grammar, so the engine skips each on a line without its literal (one regex of them all ran on every line
      // the rule woke: 17 % slower on the bench).
      ...STORE_GRAMMAR_LOGINS.map(
        (regex): RulePattern => ({ regex, targets: STORE_GRAMMAR_GROUPS.filter((group) => regex.source.includes(`(?<${group}>`)).map((group) => ({ group })), validate: 'storeGrammarLogin' }),
      ),
      // Logins in application logs' prose (applog1): `user x logged in`, `Login failed for username 'x'`, `signed in as x`, `actor=x` (log-prose.ts).
      ...LOG_PROSE_LOGINS,
      // login21 (session 20): logins named by their grammar (login-slots.ts).
      ...LOGIN_SLOT_PATTERNS,
      // Session 22 (intlkey23): logins under other languages' keys and account nouns (intl-logins.ts).
      ...INTL_LOGIN_PATTERNS,
      // Session 23 (acct25): logins as account tools take and print them, display names' logins, prose (account-tools.ts).
      ...ACCOUNT_TOOL_LOGIN_PATTERNS,
      // cjk25 (session 23): traditional and spaced-out Chinese keys, Baidu's uname, a shop's service login, Han nicknames (cn-logins25.ts).
      ...CN_LOGIN25_PATTERNS,
      {
        // A person's name in pinyin as a login, wherever it stands on a line that speaks of accounts (pinyin1,
        // session 16): `1f2a3c4d tianwei a/1000021 LOGIN FROM …`, `VALUES (1,'x','用户不存在')`, `wb_huangshiqi`,
        // `srm_qa_lvmin`, `ssh sima.junchi@…` (pinyin-name.ts: a common surname, one or two given syllables, no English
        // word, place or brand). Last, so every grammar above names its own values first; the cue words are wakes.
        regex: /(?<![\w.@/\\$%&+-])(?<user>[a-z][a-z0-9]{1,39}(?:[._-][a-z0-9]{1,39}){0,3})(?![\w/\\(=+-]|\.[a-z0-9])/,
        targets: [{ group: 'user' }],
        validate: 'pinyinLogin',
      },
    ],
    opensValueOnNextLine: 'userKeyOnItsOwnLine',
    // rest15a: every key of a `users:` map (Salt `users:`/`mysql.users:`, Puppet `profile::…::admin_users:`), every
    // `- name: x` of a `users:` list (cloud-init `users:`, `chpasswd.users:`), every bare `- x`.
    itemsBlocks: [
      // Session 16 (login17) — stores and listings whose every line is an account, opened by what announces them:
      // a Jetty/Rundeck/ActiveMQ/Karaf realm file's comment (`# username: password [,rolename ...]`, `HashUserRealm`, a
      // `realm.properties`/`tokens.properties`/`users.properties` heading) — `login: secret, role …` up to a blank line;
      {
        open: /^[ \t]*#[^\r\n]*(?:rolename|hashuserrealm|realm\.properties|tokens\.properties|users\.properties|user(?:name)?[ \t]*[:=][ \t]*password)/i,
        item: /^[ \t]*(?<key>[A-Za-z][\w.-]{0,31})[ \t]*[:=][ \t]*(?<value>[^\s,]{1,128})[ \t]*,[ \t]*[\w:-]{1,40}(?:[ \t]*,[ \t]*[\w:-]{1,40}){0,8}[ \t]*\r?$/,
        validate: 'realmItemLogin',
        kind: 'USER',
        end: /^[ \t]*\r?$/,
      },
      // a Markdown/pipe table whose header names a login column (`| 系统 | 地址 | 账号 | 初始密码 |`, `| Host | Username |`): its
      // rows hold no word that wakes a rule, so each row up to the table's end is read by every rule (the column
      // validators judge the cells by the header);
      // login18: psql's result of a catalog query whose first column is the login (`select usename, valuntil from pg_user`,
      // `rolname` of pg_roles/pg_authid, a `username |` column): ` x | …` rows up to `(n rows)`, a blank line or a prompt.
      // psql pads every cell of its aligned output with a blank, header included; its expanded display (`\x`) writes
      // each record as `usename          | crm_app` from the line's start — a key and a value, not a header, and the
      // lines after it are the record's other keys (session 21, held-out-23: `application_name`, `client_addr` taken).
      {
        open: /^[ \t]+(?:usename|rolname|user_?name|login_?name)[ \t]*\|[^\r\n]*\r?$/i,
        item: /^[ \t]*(?<key>[A-Za-z][\w.$-]{0,62})[ \t]*(?:\||\r?$)/,
        validate: 'tableItemLogin',
        kind: 'USER',
        end: /^[ \t]*\(\d+[ \t]+rows?\)|^[ \t]*\r?$|^[^\s|]*[=#>]{1,2}[ \t]|^-\[ RECORD /,
      },
      {
        // (Session 22, intlkey23: WP-CLI's `user_login` column too.)
        open: /^[ \t]*[|｜](?:[^|｜\r\n]{0,80}[|｜]){0,12}?[ \t]*(?:账号|帐号|用户名|登录名|登录账号|user(?:[ _-]?(?:name|login))?|login(?:[ _-]?name)?|account)[ \t]*[|｜]/i,
        item: /^[ \t]*[|｜](?<key>)/,
        validate: 'tableRowUnderHeader',
        kind: 'USER',
        // A SQL client's `+----+----+` borders are part of the table (`select user, host from mysql.user`).
        end: /^[ \t]*(?:[^|｜+\s]|\r?$)/,
      },
      // Samba `pdbedit -L` (`x:uid:Full Name`) and `pdbedit -L -w` (`x:uid:LM:NT:[U ]:LCT-…:`) up to the next prompt;
      {
        open: /(?:^|[\s$#>])pdbedit(?:[ \t]+-[A-Za-z-]+)*[ \t]+-[A-Za-z]*L/,
        item: /^(?<key>[A-Za-z][\w.-]{0,31}):\d{1,10}:/,
        validate: 'tableItemLogin',
        kind: 'USER',
        end: /^[ \t]*\r?$|[\]~][ \t]?[$#%][ \t]|^[ \t]*[$#>][ \t]/,
      },
      // Windows `net session` (`\\client  login  [type]  opens  idle`) and `net file` (`id  path  login  locks`), zh-CN and
      // en-US alike, up to the command's closing message or the next prompt.
      {
        open: /(?:^|[\s>])net(?:\.exe)?[ \t]+sessions?[ \t]*\r?$/i,
        item: /^\\\\[\w.:-]{1,253}[ \t]+(?<key>[A-Za-z][\w.-]{0,31})[ \t]{2,120}(?:[^\r\n]{0,40}?[ \t])?\d{1,6}[ \t]{1,40}\d{1,4}:\d\d:\d\d[ \t]*\r?$/,
        validate: 'tableItemLogin',
        kind: 'USER',
        end: /命令成功完成|command completed|^[A-Za-z]:\\[^>\r\n]{0,200}>/i,
      },
      {
        open: /(?:^|[\s>])net(?:\.exe)?[ \t]+files?[ \t]*\r?$/i,
        item: /^\d{1,12}[ \t]{1,40}\S[^\r\n]{0,260}?[ \t]{2,64}(?<key>[A-Za-z][\w.-]{0,31})[ \t]+\d{1,6}[ \t]*\r?$/,
        validate: 'tableItemLogin',
        kind: 'USER',
        end: /命令成功完成|command completed|^[A-Za-z]:\\[^>\r\n]{0,200}>/i,
      },
      {
        open: /^[ \t]*(?:-[ \t]+)?(?:[\w.:-]*?[:._])?(?:users|accounts):[ \t]*(?:#[^\r\n]*)?\r?$/i,
        item: /^[ \t]*(?:-[ \t]+(?:name:[ \t]*)?(?<q>["']?)(?<secret>[A-Za-z][\w.-]{0,31})\k<q>|(?<kq>["']?)(?<key>[A-Za-z][\w.-]{0,31})\k<kq>:)[ \t]*(?:#[^\r\n]*)?\r?$/,
        validate: 'blockItemLogin',
        kind: 'USER',
      },
      // rest16a: credential stores written as a section or a block whose every entry is `login <sep> secret`, whatever
      // tool reads them: an INI section named for its accounts (svnserve `passwd`'s `[users]`, Trac/Mercurial-style
      // `[users]`, `[accounts]`; not `[Credentials]`, whose keys are settings: ossutil's `accessKeyID=`) up to the next `[section]`; a Caddyfile `basicauth [matcher] {` /
      // `basic_auth {` block (`login <hash>`) up to its `}`; pppd's `chap-secrets`/`pap-secrets` table under its
      // `# client server secret IP addresses` header (`"x" server "pw" ips`) up to a blank line.
      {
        open: /^[ \t]*\[(?:users|accounts|user[ _-]?accounts|logins|userlist)\][ \t]*\r?$/i,
        item: /^[ \t]*(?<key>[A-Za-z][\w.-]{0,31})[ \t]*[=:][ \t]*(?<value>[^\s=][^\r\n]{0,255}?)[ \t]*\r?$/,
        validate: 'sectionItemLogin',
        kind: 'USER',
        end: /^[ \t]*\[/,
      },
      {
        open: /^[ \t]*basic_?auth\b[^{}\r\n]{0,200}\{[ \t]*\r?$/i,
        item: /^[ \t]*(?<key>[A-Za-z][\w.@-]{0,63})[ \t]+(?<value>\S{16,512})(?:[ \t]+\S{1,128})?[ \t]*\r?$/,
        validate: 'sectionItemLogin',
        kind: 'USER',
        end: /^[ \t]*\}/,
      },
      {
        open: /^[ \t]*#[ \t]*client[ \t]+server[ \t]+secret[ \t]+ip[ \t]+addresses[ \t]*\r?$/i,
        item: /^[ \t]*(?<q>"?)(?<key>[A-Za-z][\w.@-]{0,63})\k<q>[ \t]+(?:"[^"\r\n]{0,128}"|\S{1,128})[ \t]+(?<value>"[^"\r\n]{1,256}"|\S{1,256})(?:[ \t]+[^\r\n]{0,512})?\r?$/,
        validate: 'sectionItemLogin',
        kind: 'USER',
        end: /^[ \t]*\r?$/,
      },
      // strongSwan swanctl.conf `secrets { eap-x { id = login  secret = … } }`: the id of an EAP/XAUTH/NTLM secret.
      {
        open: /^[ \t]*(?:eap|xauth|ntlm)(?:-[\w-]{0,40})?[ \t]*\{[ \t]*\r?$/i,
        item: /^[ \t]*id(?:-[\w-]{1,40})?[ \t]*=[ \t]*(?<q>"?)(?<key>[A-Za-z][\w.-]{0,31})\k<q>[ \t]*\r?$/,
        validate: 'tableItemLogin',
        kind: 'USER',
        end: /^[ \t]*\}/,
      },
      // Account lists as tools print them, up to a blank line: `ipmitool user list` (`ID  Name  Callin  Link Auth …`
      // ⏎ `3   x   true   true   true   ADMINISTRATOR`), a SQL client's result whose first column is the login
      // (`| user | host |` ⏎ `| x | % |`: `select user, host from mysql.user`, `show users`).
      {
        open: /^[ \t]*ID[ \t]+Name[ \t]+Callin[ \t]+Link[ \t]+Auth\b/i,
        item: /^[ \t]*\d{1,3}[ \t]+(?<key>[A-Za-z][\w.-]{0,31})[ \t]+(?:true|false)[ \t]/,
        validate: 'tableItemLogin',
        kind: 'USER',
        end: /^[ \t]*\r?$/,
      },
      {
        open: /^[ \t]*\|[ \t]*(?:user|username|user_name|login|account)[ \t]*\|/i,
        item: /^[ \t]*\|[ \t]*(?<key>[A-Za-z][\w.-]{0,31})[ \t]*\|/,
        validate: 'tableItemLogin',
        kind: 'USER',
        end: /^[ \t]*\r?$|^\d+ rows? in set|^Empty set/,
      },
    ],
    // The value of a `"key": "username",` pair, or the first key of a YAML `users:` map, itself a map (`    alice:`).
    nextLineValue: /^[ \t]*(?:"value"[ \t]*:[ \t]*"(?=[^"\r\n]*"[ \t]*,?[ \t]*\r?$)|(?=[A-Za-z][A-Za-z0-9._-]{1,38}:[ \t]*\r?$))(?!(?:root|admin|administrator|guest|test|user|sa|default)["':])(?<secret>[A-Za-z][A-Za-z0-9._-]{1,38})["':]/i,
  },
  {
    id: 'person-name',
    nameKey: 'rule.person-name',
    description: 'Chinese personal names (a known surname, two to four characters) beside a word that names a person: 姓名 (also 姓    名 as forms pad it), 联系人, 负责人, 维护人, 开户名, 全名, 注册的所有人, 用户名, 同事, 我是…的, 本人, X人 roles (授权人, 操作人 …), 作者, a job title before it (财务总监严春梅) or 老师/先生/女士 after it, name=/nick=/DisplayName=/FullName=/RegisteredOwner/LDAP CN=, JSON with escaped quotes, prefs.js pairs; a name right before its e-mail address (`张伟 <zhangwei@…>`, `何佳琪(hejq@…)`); the speaker of a chat export line (`2026-03-30 16:58:12 龚雅婷`) and the other side in its header; after 客户/顾客/访客 and 发给/转给/抄送; last in a document name (`客户清单-康静.xlsx`); Latin full names in profile name fields (gaia_name, full_name, realName), mail address headers (`Tao, Yiming` too), meeting participants; after English role words (customer, employee, organizer=), 实名 and couriers (配送员); after its document\'s kind (`劳动合同-卢志强-签字版.docx`); with a department in brackets or called before 你/您; a pinyin login\'s name (smbusers), a Confluence mention\'s display name, a handover\'s `→`, a title\'s last brackets, LDIF base64 `cn::` (CSV columns headed 姓名/联系人 are file-layout\'s)',
    category: 'personal',
    optional: false,
    placeholder: 'NAME',
    // CSV columns headed 姓名/联系人 are file-layout's (a CSV item gets that rule on every row).
    // A word wakes it only where two Han characters follow within its trigger's reach, so
    // `user action: clicked` in a log wakes nothing. The e-mail and chat forms start at a Han
    // character: ASCII log lines never wake them. A mail header's Latin display name wakes by the `@` of
    // its address (the e-mail rule's mark already; a `^From|To|Cc…` mark cost the marks scan ~10 %).
    scan: {
      placed: { words: 'registeredto|registered_to|name|nick|owner|holder|user|cn=|sigtext|signature|parameters:|binding parameter|remark|alias|customer|employee|organizer|organiser|attendee|participant|assignee|reporter|approver|requester|contact|recipient|courier|driver|patient|passenger|applicant|operator|description|descr|remark|comment|note|uploader|installer|bannertext|by |' + PERSON_PROSE_HAN_NEAR.join('|') + '|' + PERSON_CN25_HAN_NEAR.join('|') /* cjk25 */, at: 'hanNear' },
      // Keys that only ever hold a person's full name, whatever script (`"gaia_name": "Jiayi Luo"`).
      // Every `<verb> by` user-name wakes on: the words scan takes `run by` whole, so person-name's placed `by ` never sees it.
      words: 'laptop-|desktop-|notebook-|fin-|ws-|gecos|user-fullname|full-name|computername|spouse|husband|wife|s macbook|s iphone|s ipad|s imac|gaia_name|full_name|full name|fullname|surname|given name|family name|first name|last name|middle name|point of contact|contact person|contact name|emergency contact|next of kin|real_name|realname|display_name|displayname|user_name|participant|attendee|organizer|organiser|name_on_card|nameoncard|cardholder|card_holder|holder_name|holdername|cn::|displayname::|gecos::|firstname|lastname|middlename|givenname|familyname|first_name|last_name|middle_name|given_name|family_name|bin/bash|bin/zsh|bin/sh|bin/fish|bin/ksh|bin/tcsh|bin/csh|bin/dash|in real life|useradd|usermod|adduser|ssid|created by|added by|approved by|requested by|modified by|updated by|owned by|maintained by|managed by|submitted by|reviewed by|assigned by|installed by|changed by|edited by|drawer>|payee>|checker>|reviewer>|invoicer>|drawername>|payeename>|checkername>|reviewername>|invoicername>|run by|started by|launched by|executed by|initiated by|viewed by|accessed by|deleted by|rejected by|exported by|uploaded by|downloaded by|locked by|unlocked by|callerid|display=|s mum|s dad|nas-|s-iphone|s-ipad|s-macbook|s-imac|macbook-pro-|macbook-air-|imac-|iphone-|ipad-|friendlyname|friendly_name|' + [...PERSON_PROSE_WORDS, ...PERSON_CJK_WORDS /* namecjk23 */].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
        // nameeu23 (session 22): person-eu.ts's keys, role words and phrasings.
        + '|' + PERSON_EU_WORDS.join('|')
        // name25 (session 23): person-latin.ts's role words, verbs and keys.
        + '|' + PERSON_LATIN_WORDS.join('|')
        // script26 (session 24): script26.ts's Malay joins, name keys, national numbers' labels.
        + '|' + SCRIPT26_NAME_WORDS.join('|'),
      // name21 (session 20): a chat export's speaker after the message's time in brackets (`[10:02] Rahul Sharma: 好的`,
      // WhatsApp `[12/05/26, 09:15:40] Ana Souza: …`): its own pass, at `[`, only before two capitalised words.
      bracket: String.raw`\[(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4},?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]?[AaPp][Mm])?\][ \t]{1,2}[A-ZÀ-Þ][a-zß-ÿ]+[ \t]+[A-ZÀ-Þ]` + '|' + PERSON_EU_BRACKET,
      marks: String.raw`姓氏?["']?[ \t]*[:：=]|检验者|报销单|请假单|离职证明|在职证明|收入证明|体检报告|个税申报|儿子|女儿|丈夫|妻子|爱人|审核者|检验人|受理民警|房东|曾用名|承办人|制表|添加人|注释|值班记录|兹证明|姓[ \t\u3000]*名|名字|联系人|实名|(?:配送|派送|快递|投递|送货|外卖)员|骑手|负责人|维护|申请人|经办人|开户名|户[ \t\u3000]*名|收件人|收货人|持卡人|全名|所有人|用户|同事|我是|我叫|本人|员工|(?:授权|审批|审核|操作|处理|发起|提交|签收|值班|对接|报修|创建|修改|登记|填表|汇总|代理|担保|监护|收款|付款|制单|记账|复核|导出|录入|交接|移交|经手|联络|验收|保管|领用|借用|使用|申报|发货|取件|入住|乘车|乘机|就诊|出差|请假|参会|出席|报销|推荐|内推|持证|被访|受访)人|登记员|面试官|作者|接待|教师|工友|客服|班主任|护工|店长|导购|(?:帐号|账号|账户|帐户)名称|签名|由[ \t]*[\u4e00-\u9fa5]{2,3}[ \t]*(?:操作|处理|审批|审核|提交|发起|创建|修改|负责|维护|执行|确认|签收|添加|删除)|老师|先生|女士|小姐|总监|经理|主管|主任|总裁|董事长|维护|汇总|经办|签字|签收|操作员|[\u4e00-\u9fa5][-_－](?:共享|个人|私人|备份|资料|文档|文件夹)[\\/]|医[生师]|护士|药师|会员|患者|就诊人|病人|寄件|收件|关于|的[ \t]*(?:iPhone|iPad|iMac|MacBook|Mac|Apple|AirPods|手机|电脑|笔记本)|[男女](?:<\/td>|[,，\t|]|[ \t]|\r?$)|已同意|已拒绝|已驳回|审批中|待审批|已转交|已撤回|已办理|已抄送|客户|顾客|访客|发给|发送给|转给|转发给|交给|寄给|抄送|授权给|分配给|指派给|交接给|派给|转办给|会话|聊天|@|[\u4e00-\u9fa5]\.(?:xlsx?|docx?|pdf|pptx?|csv|zip|rar|7z|jpe?g|png|wps|et)|[\u4e00-\u9fa5](?:[ \t]*(?:\r?$|[)）|｜]|["”]?[ \t]*[(（<,，/|][ \t]*[\w.%+-]+@))|开票员|收款员|复核员|审核员|业务员|法定代表人|法人代表|委托代理人|报销人|开票人|寄件人|发件人|显示名|[\u4e00-\u9fa5][ \t\u3000]*(?:[,，:：][ \t\u3000]*)?(?:\+86|1[3-9]\d|[＋１])|[\u4e00-\u9fa5][-_－](?:身份证|简历|劳动合同|合同|入职|离职|报销|差旅|工资|体检|社保|户口|学历|毕业证|护照|证件|述职|绩效|请假|转正|个税|纳税|完税|收入证明|在职证明|银行流水|征信|公积金|医保|结婚证|学位证|驾驶证|居住证)|[\u4e00-\u9fa5](?<=\d[ \t\u3000]{0,3}[/,，、|][ \t\u3000]{0,3}[\u4e00-\u9fa5])|[\u4e00-\u9fa5](?=[ \t]?[(（][\da-z])|(?:待审|已审|审批中|审核中|同意|驳回|拒绝|退回|待签|已签|已阅|待办|已办|处理|处理中)[)）]|[\u4e00-\u9fa5][ \t]{1,4}(?:新建|创建|修改|删除|更新|添加|编辑|提交|审批|审核|确认|登记|录入|发起|导出|上传|下载)|备注|昵称|个人[)）]|[\u4e00-\u9fa5](?:[ \t\u3000]{2}|\t)|[\u4e00-\u9fa5][ \t]?\((?:Available|Busy|Away|DoNotDisturb|BeRightBack|Offline|OffWork|InACall|InAMeeting|Presenting|OutOfOffice)\)|[\u4e00-\u9fa5][，,][ \t]*\d{4}年|[\u4e00-\u9fa5][ \t\u3000]*(?:身份证|护照|港澳居民来往内地通行证|港澳通行证|台胞证)[ \t\u3000:：]*(?:<|\d|[A-Z]\d)|[\u4e00-\u9fa5]\.(?:ipynb|txt|md|ofd|xmind|vsd|mpp|odt|ods|odp|rtf|eml|msg|mp4|mp3|m4a|wav|amr|mov|heic|bmp|gif|tif|webp)|(?:身份证|简历|劳动合同|合同|入职|离职|报销|差旅|工资|体检|社保|户口|学历|毕业证|护照|证件|述职|绩效|请假|转正)(?:复印件|扫描件|正反面|照片|原件|材料|申请|证明)?[-_－][\u4e00-\u9fa5]|[\u4e00-\u9fa5][ \t]?[(（](?:[\u4e00-\u9fa5]{0,6}(?:部|组|科|处|中心|前台|行政|人事|财务|法务|运维|客服|销售|采购|主管|经理|总监|助理|专员|工程师|老师|班长|组长)|HR|IT|PM|QA)[)）]|[\u4e00-\u9fa5](?:[ \t]+|[ \t]*[，,][ \t]*)[你您]|[\u4e00-\u9fa5]["'][ \t]*\r?$|[\u4e00-\u9fa5][)）][ \t]*(?:→|->|=>|⇒)|[\u4e00-\u9fa5][ \t\u3000]+(?:申请|负责|专用|值班|使用|个人)|纳税人|子女|配偶|出租方|出租人|承租方|承租人|赡养人|扶养人|[\u4e00-\u9fa5][ \t]+(?:\d{4}[\d*]{7}|<CARD-)|工资条|工资单|薪资单|薪资条|薪酬单|工资明细|[\u4e00-\u9fa5][ \t]?[(（](?:分机|工号|座机|内线|[Ee]xt|EXT)|尊敬的|您好|你好|转交|移交|消息对象|[\u4e00-\u9fa5]\([1-9]\d{4}|[\u4e00-\u9fa5][-_－](?:身份证|简历|劳动合同|入职|离职|体检|社保|户口|学历|学位|毕业证|护照|述职|绩效|转正|工资|薪资|调岗|请假|病假|offer|Offer)|投保人|被保险人|被保人|受益人|权利人|共有人|产权人|买受人|出卖人|转让方|受让方|甲方|乙方|经纪人|居间人|附属卡|(?:描述|备注|说明|安装|上传)(?:人|者)?[ \t]*[:：]|审判|陪审员|书记员|民警|值班|最后编辑|最后修改|整理|编写|撰写|管理员|业主|户主|妈妈|爸爸|家长|同志|—|人[ \t\u3000:：]|员[ \t\u3000:：]|[\u4e00-\u9fa5][-_－的][ \t]?(?:笔记本|电脑|台式机|主机|手机|平板|工作站|述职|简历|临时|Think|Mac|MBP|iMac|iPhone|iPad|Surface|NB|PC)` + '|' + PERSON_PROSE_MARKS + '|' + PERSON_EU_MARKS + '|' + PERSON_CJK_MARKS + '|' + PERSON_LATIN_MARKS + '|' + PERSON_CN25_MARKS + '|' + SCRIPT26_NAME_MARKS, // script26: script26.ts; nameeu23: person-eu.ts; namecjk23: person-cjk.ts; name25: person-latin.ts; cjk25: person-cn25.ts
    },
    trigger: new RegExp(`${/(?:laptop|desktop|notebook|fin|ws)-(?:[a-z]{2,8}-)?[a-z]{5,18}(?![a-z0-9])|(?:儿子|女儿|丈夫|妻子|爱人|spouse|wife|husband)[ \t\u3000]*(?:[:：][ \t\u3000]*)?[\u4e00-\u9fa5]{2}|[-_－][\u4e00-\u9fa5]{2}(?:[-_－ \t,，;；'")）/\\@]|$)|full-name[ \t]+["']?[a-z]+ [a-z]|^uid[ \t]+(?:\[[^\]\r\n]{1,12}\][ \t]+)?[a-z]+ [a-z]|['’]s[ \t]+(?:macbook|imac|iphone|ipad)|[\u4e00-\u9fa5]{2}[-_－](?:共享|个人|私人|备份|资料|文档|文件夹)[\\/]|<name-\d+>[ \t]*[/｜|][ \t]*[a-z]{2,15},? [a-z]{2}|(?:医[生师]|护士|药师|会员|患者|就诊人|病人|寄件|收件)方?[ \t\u3000]*[:：=]?[ \t\u3000]*[\u4e00-\u9fa5]{2}|(?:停用|禁用|启用|新增|删除|离职|入职|锁定|解锁|注销|冻结)[ \t]*[=:：][ \t]*\d{1,4}[ \t]*[(（][\u4e00-\u9fa5]{2}|关于[\u4e00-\u9fa5]{2,4}?(?:同志)?的?(?:转正|入职|离职|辞职|请假|休假|调岗|调动|晋升|加薪|调薪|录用|聘用|任命|任职|出差|报销|借款|奖励|处分)|(?:姓[ \t\u3000]*名|联系人|申请人|经办人|负责人|审批人|报销人|收款人|收件人|收货人|出差人|请假人|使用人|领用人)"[^\r\n]{0,60}?"(?:value|text|content)"|(?:surnames?|given[ _]names?|family[ _]names?|first[ _]names?|last[ _]names?|middle[ _]names?)(?:\(s\))?(?:[ \t]+(?:and|of|\()[^:：\r\n]{0,60}?)?[ \t]*[:：][ \t]*[a-z]|(?:point of contact|contact person|contact name|emergency contact(?: name)?|next of kin)[ \t]*[:：][ \t]*[a-z]|full name[ \t]*[:：=][ \t]*[a-z]|(?:姓[ \t\u3000]*名|名字|联系人|实名|(?:配送|派送|快递|投递|送货|外卖)员|骑手|负责人|维护|申请人|经办人|开户名|户[ \t\u3000]*名|收件人|收货人|持卡人|全名|所有人|用户|同事|我是|我叫|本人|员工|(?:授权|审批|审核|操作|处理|发起|提交|签收|值班|对接|报修|创建|修改|登记|填表|汇总|代理|担保|监护|收款|付款|制单|记账|复核|导出|录入|交接|移交|经手|联络|验收|保管|领用|借用|使用|申报|发货|取件|入住|乘车|乘机|就诊|出差|请假|参会|出席|报销|推荐|内推|持证|被访|受访)人|登记员|面试官|客户名称|客户签名|客户姓名|作者|接待|教师|家长|工友|客服|班主任|辅导员|护工|店长|店员|导购|办税人员|办税员|(?:帐号|账号|账户|帐户)名称|签名|总监|经理|主管|主任|name|nick|owner|holder|user|sig|cn=|customer|employee|organi[sz]er|attendee|participant|assignee|reporter|approver|requester|contact|recipient|courier|driver|patient|passenger|applicant|operator)[^\r\n]{0,24}?[\u4e00-\u9fa5]{2}|[\u4e00-\u9fa5]{2}[ \t]+(?:维护|汇总|接待|经办|签字|签收)|[\u4e00-\u9fa5]{2}[ \t]*[)）]|[\u4e00-\u9fa5]{2}[ \t]?[(（]?(?:老师|先生|女士|小姐)|[\u4e00-\u9fa5a-z][ \t]?\((?:available|busy|away|donotdisturb|berightback|offline|offwork|inacall|inameeting|presenting|outofoffice)\)|[\u4e00-\u9fa5]{2}[，,][ \t]*\d{4}年\d{1,2}月|[\u4e00-\u9fa5]{2}[ \t\u3000]*(?:身份证|护照|港澳居民来往内地通行证|港澳通行证|台胞证)[ \t\u3000:：]*(?:<|\d|[a-z]\d)|由[ \t]*[\u4e00-\u9fa5]{2,3}[ \t]*(?:操作|处理|审批|审核|提交|发起|创建|修改|负责|维护|执行|确认|签收|添加|删除)|[\u4e00-\u9fa5]["”]?[ \t]*(?:[(（<]|[,，/|](?:[ \t]*[(（<])?)[ \t]*[\w.%+<-]+[@>]|[\u4e00-\u9fa5]{2}[ \t]*\r?$|(?:[\u4e00-\u9fa5]{2}|[a-z],? [a-z]{2,16})(?:[ \t\u3000]*[|｜\t]|[ \t\u3000]{2})|(?:parameters:|binding parameter)[^\r\n]{0,24}?[\u4e00-\u9fa5]{2}|[\u4e00-\u9fa5]{2}[ \t]+(?:总经理|副总经理|经理|总监|主任|主管|董事长|总裁)|^[ \t]*[\u4e00-\u9fa5]{2,3}[ \t]*[|｜]|[\u4e00-\u9fa5]{2}的[ \t]*(?:iphone|ipad|imac|macbook|mac|apple|airpods|手机|电脑|笔记本)|[\u4e00-\u9fa5]{2}(?:<\/td>\s*<td[^>]*>|[ \t]*[,，\t|][ \t]*|[ \t]+)[男女](?![\u4e00-\u9fa5])|操作员[ \t:：]*[\w.-]{1,20}[ \t]*[(（][\u4e00-\u9fa5]{2}|^[ \t]*[[【](?:已同意|已拒绝|已驳回|审批中|待审批|已转交|已撤回|已办理|已抄送)[\]】]|(?:客户|顾客|访客)(?:[ \t]*[:：][ \t]*|[ \t]+)[\u4e00-\u9fa5]{2}|[\u4e00-\u9fa5][人员](?:[ \t\u3000]*[:：][ \t\u3000]*|[ \t\u3000]+)[\u4e00-\u9fa5]{2}|(?:—|–|--)[ \t]*[\u4e00-\u9fa5]{2,3}(?:[ \t]+(?:写于|记于|编写|整理|起草|拟稿|于|\d{4}|[\u4e00-\u9fa5]{1,8}(?:部|组|科|室|处|中心|团队))|[ \t]*\r?$)|(?:发给|发送给|转给|转发给|交给|寄给|抄送|授权给|分配给|指派给|颁发给|借给|租给|分给|交接给|派给|转办给)[ \t]*[\u4e00-\u9fa5]{2}|(?:会话|聊天对象)[ \t]*[:：]|与[ \t]*[\u4e00-\u9fa5]{2,3}[ \t]*的聊天|^(?:from|to|cc|bcc|reply-to|sender|author|committer)[ \t]*:[^\r\n]*[a-z]"?[ \t]*<<email-|(?:gaia|full|real|display|user)_?name["']?[ \t]*[:=][ \t]*["']?[a-z]+(?:-[a-z]+)? [a-z]|(?:name_?on_?card|card_?holder(?:_?name)?|holder_?name|姓[ \t\u3000]*名|持卡人|英文名)["']?[ \t]*[:：=][ \t]*["']?[a-z]+,? [a-z]|[-_][\u4e00-\u9fa5]{2,3}\.(?:xlsx?|docx?|pdf|pptx?|csv|zip|rar|7z|jpe?g|png|wps|et)(?![a-z])|开票员|收款员|复核员|审核员|业务员|法定代表人|法人代表|委托代理人|报销人|开票人|寄件人|发件人|显示名|[\u4e00-\u9fa5]{2}[ \t\u3000]*(?:[,，:：][ \t\u3000]*)?<phone-\d|[\u4e00-\u9fa5]{2}[-_－](?:身份证|简历|劳动合同|合同|入职|离职|报销|差旅|工资|体检|社保|户口|学历|毕业证|护照|证件|述职|绩效|请假|转正|个税|纳税|完税|收入证明|在职证明|银行流水|征信|公积金|医保|结婚证|学位证|驾驶证|居住证)|<phone-\d+>[ \t\u3000]*[/,，、|][ \t\u3000]*[\u4e00-\u9fa5]{2}|[\u4e00-\u9fa5]{2}[ \t]?[(（]\d{5}|[\u4e00-\u9fa5]{2}[ \t]*[(（][^()（）\r\n]{0,25}(?:待审|已审|审批中|审核中|同意|驳回|拒绝|退回|待签|已签|已阅|待办|已办|处理|处理中)[)）]|\d[ \t]+[\u4e00-\u9fa5]{2,3}[ \t]+(?:新建|创建|修改|删除|更新|添加|编辑|提交|审批|审核|确认|登记|录入|发起|导出|上传|下载)|(?:remark|alias|备注|昵称)[ \t]*[:：=][ \t]*["']?[\u4e00-\u9fa5]{2}|个人[)）][ \t\u3000]*[:：]|@[\u4e00-\u9fa5]{2}|[\u4e00-\u9fa5]{2}[ \t]?[(（][a-z][a-z0-9._-]{0,31}[)）]|[[,][ \t]*"(?:姓[ \t\u3000]*名|联系人|经办人|申请人|审批人|负责人|收件人|收货人)"[ \t]*[,\]]|[-_][\u4e00-\u9fa5]{2,3}\.(?:ipynb|txt|md|ofd|xmind|vsdx?|mpp|odt|ods|odp|rtf|eml|msg|mp4|mp3|m4a|wav|amr|mov|heic|bmp|gif|tiff?|webp)(?![a-z])|<t[dh]?(?:[ \t][^<>]{0,200})?>[ \t]*(?:姓[ \t\u3000]*名|联系人|经办人|申请人|审批人|负责人|收件人|收货人)[ \t]*<\/t[dh]?>|(?:身份证|简历|劳动合同|合同|入职|离职|报销|差旅|工资|体检|社保|户口|学历|毕业证|护照|证件|述职|绩效|请假|转正)(?:复印件|扫描件|正反面|照片|原件|材料|申请|证明)?[-_－][\u4e00-\u9fa5]{2}|(?:participant|attendee|organi[sz]er)s?\b[^\r\n]{0,40}?[a-z] [a-z]|[\u4e00-\u9fa5]{2}[ \t]?[(（](?:[\u4e00-\u9fa5]{0,6}(?:部|组|科|处|中心|前台|行政|人事|财务|法务|运维|客服|销售|采购|主管|经理|总监|助理|专员|工程师|老师|班长|组长)|HR|IT|PM|QA)[)）]|(?:^|[，,。！!？?；;])[ \t]*[\u4e00-\u9fa5]{2,3}(?:[ \t]+|[ \t]*[，,][ \t]*)[你您]|(?:<user-\d+>|[a-z][\w.-]{0,31})[ \t]*[:=,][ \t]*["']?[\u4e00-\u9fa5]{2,4}["']?[ \t]*\r?$|[(（][\u4e00-\u9fa5]{2,3}[)）][ \t]*(?:→|->|=>|⇒)|(?:name|title|label|description|comment)(?:<\/key>[ \t]*<string>|["']?[ \t]*[:=][ \t]*)[^\r\n]{0,60}?[(（][\u4e00-\u9fa5]{2,3}[)）]|^(?:cn|displayname|gecos)::|^(?:dsAttrTypeStandard:)?realname:[ \t]*\r?$|^(?:[a-z_][a-z0-9._-]{0,31}|<user-\d+>):[^:\s]{0,200}:\d{1,10}:\d{1,10}:[^:\r\n]{2}|in real life:[ \t]*[^ \t\r\n]|^user:[^:\s@]{1,64}@[\w.-]{1,32}:[01]?:\d{0,12}:[^:\r\n]|"(?:first|last|middle|given|family)_?name"[ \t]*:[ \t]*"[^"\s]|(?:(?:first|last|middle|given|family)[_-]?names?|surnames?)["']?[ \t]*(?:=>|[:=])[ \t]*["']?[a-zà-þĀ-ž]{2}|<(?:(?:first|last|given|family)_?name|surname)>[a-zà-þ]{2}|姓氏?["']?[ \t]*[:：=][ \t]*["']?[\u4e00-\u9fa5]{1,2}["']?[ \t]*[,，;；&]?[ \t]*["']?名|[(（][\u4e00-\u9fa5]{2,5}[)）][ \t]*(?:["'<]|\r?$)|[\u4e00-\u9fa5]{2}[ \t\u3000]+(?:申请|负责|专用|值班|使用|个人)|ed by [\u4e00-\u9fa5]{2}|(?:纳税人|子女|配偶|出租方|出租人|承租方|承租人|赡养人|扶养人)(?:姓名)?[ \t\u3000]*(?:[:：][ \t\u3000]*)?[\u4e00-\u9fa5]{2}|[\u4e00-\u9fa5]{2}[ \t]+(?:[\u4e00-\u9fa5]{2,10}[ \t]+)?(?:<card-\d|\d{4}[\d*]{7})|(?:工资条|工资单|薪资单|薪资条|薪酬单|工资明细)[ \t]*[-_－—–:：|][ \t]*[\u4e00-\u9fa5]{2}|[\u4e00-\u9fa5]{2}[ \t]?的[ \t]?(?:工资条|工资单|薪资单|薪资条|薪酬单|报销单|请假单|离职证明|在职证明|收入证明|体检报告|个税申报)|[\u4e00-\u9fa5]{2}[ \t]?[(（](?:分机|工号|座机|内线|ext)|<(?:drawer|payee|checker|reviewer|invoicer)(?:name)?>[\u4e00-\u9fa5]{2}|尊敬的[ \t\u3000]*[\u4e00-\u9fa5]{2}|[\u4e00-\u9fa5]{2}[ \t]*(?:您好|你好)|(?:经办|转交|移交)[ \t\u3000]*(?:[:：][ \t\u3000]*)?[\u4e00-\u9fa5]{2}|(?:投保人|被保险人|被保人|受益人|权利人|共有人|产权人|买受人|出卖人|转让方|受让方|出租方|承租方|甲方|乙方|经纪人|居间人|附属卡)(?:姓名)?(?:[(（][\u4e00-\u9fa5]{1,4}[)）])?(?:[ \t\u3000]*[:：][ \t\u3000]*|[ \t\u3000]+)[\u4e00-\u9fa5]{2}|(?:description|desc|remarks?|comments?|notes?|uploader|installer|描述|备注|说明|安装|上传)(?:人|者)?["']?[ \t]*[:：=][ \t]*["']?[\u4e00-\u9fa5]{2}|by[ \t]+[\u4e00-\u9fa5]{2}|[\u4e00-\u9fa5]{2}[ \t]+的[ \t]*(?:iphone|ipad|手机|电脑|笔记本)|(?:useradd|usermod|adduser)\b[^\r\n]{0,200}?[ \t](?:-c|--comment|--gecos)(?:[ \t]+|=)["'][a-z\u4e00-\u9fa5]|^消息对象[:：]|ssid(?:[ \t]{0,2}名称)?["']?[ \t]{0,4}[=:：]?[ \t]{0,4}["']?(?:[a-z][a-z]{1,5}){3}(?:[-_ .'"]|\r?$)|ssid["']?[ \t]{0,4}(?:[=:：]|[ \t]val(?:ue)?=|[ \t])[ \t]{0,4}["']?[a-z]{6,20}(?:[-_ .'"]|\r?$)|[a-z]s-(?:iphone|ipad|macbook|imac)|friendly_?name["']?[ \t]*[:=][ \t]*["']?[a-z]{2,8} [a-z]{2,8}["']?[ \t]*(?:[,;][ \t]*)?\r?$|(?:macbook-pro|macbook-air|imac|iphone|ipad)-[a-z]{2,6}-?[a-z]{2,6}|[a-z]{2,6}-?[a-z]{2,6}-(?:iphone|ipad|macbook|imac)|^[ \t]*(?:subject|messagesubject|thread-topic|主题|邮件主题)[ \t]*[:：][^\r\n]{0,80}?[\u4e00-\u9fa5]{2}[-_－](?:身份证|简历|劳动合同|入职|离职|体检|社保|户口|学历|学位|毕业证|护照|述职|绩效|转正|工资|薪资|调岗|请假|病假|offer)|^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2} [^\r\n()]{0,29}[\u4e00-\u9fa5]\([1-9]\d{4,10}\)[ \t]*\r?$|^[ \t]*alias[ \t]+[^\s<>]{1,64}[ \t]+[a-z]{2,16}(?:-[a-z]{2,16})? [a-z]|(?:检验者|审核者|检验人|受理民警|房东|曾用名|承办人|制表|添加人)(?:签章|签字)?[ \t\u3000:：]{0,8}[\u4e00-\u9fa5]{2}|兹证明[ \t\u3000]*[\u4e00-\u9fa5]{2}|(?:comment|descr|note|remark|alias|registered_?to|bannertext|注释|值班记录)[^\r\n]{0,40}?[\u4e00-\u9fa5]{2}|gecos["']?[ \t]*[:=]|--gecos|user-fullname|given names?[ \t]+[a-z]{2}|(?:callerid|display=|nas-|['’]s[ \t]+(?:mum|mom|dad)|业主|户主|最后编辑|最后修改|整理|编写|撰写)|["'][ \t]{0,4},[ \t]{0,4}["'](?:<email-|[\w.%+-]{1,64}@)|^[^\s@:]{2,20} [^\s@:]{2,20}@[\w.-]{1,63}[ \t]/.source}|${PERSON_PROSE_TRIGGER}|${PERSON_EU_TRIGGER}|${PERSON_CJK_TRIGGER /* namecjk23 */}|${PERSON_LATIN_TRIGGER /* name25 */}|${PERSON_CN25_TRIGGER /* cjk25 */}|${SCRIPT26_NAME_TRIGGER /* script26 */}`, 'im'), // nameeu23: person-eu.ts
    patterns: [
      {
        // The English key starts where its run of letters does (the look-behind before
        // `[A-Za-z_.-]*?`): a key word must end that run (what follows it is never a letter), so a
        // start inside the run finds the same key word and name, only after rescanning the run
        // from every letter, quadratic on `nick_nick_…` (195 ms at 4 KB).
        regex: /(?<key>真实姓名|检验者|婚姻登记员|登记员|面试官|客户名称|客户签名|客户姓名|审核者|检验人|受理民警|房东|曾用名|承办人签章|承办人|制表人|制表|添加人|姓[ \t\u3000]*名|名字|紧急联系人|联系人|实名|(?:配送|派送|快递|投递|送货|外卖)员|骑手|负责人|维护人|维护|申请人|经办人|开户名|户[ \t\u3000]*名|收件人|收货人|持卡人|全名|注册的所有人|所有人|显示名称|显示名|用户名|用户|同事|员工|本人|作者|接待|教师|家长|工友|客服|班主任|辅导员|护工|店长|店员|导购|办税人员|办税员|(?:帐号|账号|账户|帐户)名称|签名|(?:授权|审批|审核|操作|处理|发起|提交|签收|值班|对接|报修|创建|修改|登记|填表|汇总|代理|担保|监护|收款|付款|制单|记账|复核|导出|录入|交接|移交|经手|联络|验收|保管|领用|借用|使用|申报|发货|取件|入住|乘车|乘机|就诊|出差|请假|参会|出席|报销|推荐|内推|持证|被访|受访)人|(?<![A-Za-z])CN(?==)|(?<![A-Za-z_.-])[A-Za-z_.-]*?(?:nick(?:_?name)?|name|owner|holder|user|sig(?:nature)?(?:_?text)?|customer|employee|organi[sz]er|attendee|participant|assignee|reporter|approver|requester|contact|recipient|courier|driver|patient|passenger|applicant|operator))(?:[ \t\u3000]*全[ \t\u3000]*称)?(?:\\?["'])?(?:[ \t]*(?:[:：=>(（])[ \t]*|(?<=["'])[ \t]*,[ \t]*|[ \t]{2,}|[ \t]?)(?:\{[ \t]*"value"[ \t]*:[ \t]*)?(?:(?:母亲|父亲|配偶|丈夫|妻子|爱人|儿子|女儿|哥哥|姐姐|弟弟|妹妹)[ \t]*|[\u4e00-\u9fa5]{1,8}?(?:部|组|科|处|中心|室)[ \t\u3000]+)?(?<vq>\\?["']?)(?<name>[\u4e00-\u9fa5]{2,4})(?![\u4e00-\u9fa5])(?:[ \t]*[(（](?!(?:dba|sre|ops|devops|dev|qa|pm|po|hr|hrbp|it|cto|ceo|cfo|coo|cio|vp|gm|admin)[)）])(?<login>[A-Za-z][A-Za-z0-9._-]{1,31})[)）])?/i,
        // `操作人 钱磊 (qianlei)`: the login in brackets after the name is the same person's.
        // A role in the brackets (`负责人 汤文涛 (DBA)`, `(SRE)`, `(HR)`) is no login.
        targets: [{ group: 'name' }, { group: 'login', kind: 'USER' }],
        validate: 'personName',
      },
      {
        // A login with its person's name in brackets (session 15, rest16b): Yearning `提交人 dev_xiongjy(熊嘉怡)`,
        // `ops.li2(李娜)`. The login must read as one (a `_`, `.` or digit in it), so `mode(自动)`, `type(文本)` are no
        // logins. The match starts at the bracket (a start at every letter cost Chinese text); the validator reads the login.
        // Session 17 (name18): also after a blank or a quote (`admin user besadm_czl (常梓琳) login`, `User "linyuxuan" (林宇轩)`,
        // `用户 20231184 (姜雨婷) 认证成功`, `<mail> (梁浩南)`).
        regex: /[(（](?<=(?:[a-z0-9]|<(?:USER|EMAIL)-\d+>)["']?[ \t]?[(（])(?<name>[\u4e00-\u9fa5]{2,4})[)）]/,
        targets: [{ group: 'name' }],
        validate: 'loginBracketName',
      },
      {
        // A family member by the relation (session 15, rest16b): a form's `Spouse: 芮子轩 (passport …)`, an OCR'd record's
        // `(儿子 景浩)`, `紧急联系: 妻子 何静` — not what follows the word (`儿子 生日`, `丈夫 申请`).
        regex: /(?:儿子|女儿|丈夫|妻子|爱人|[Ss]pouse|SPOUSE|[Ww]ife|WIFE|[Hh]usband|HUSBAND)[ \t\u3000]*(?:[:：][ \t\u3000]*)?(?<name>[\u4e00-\u9fa5]{2,3})(?![\u4e00-\u9fa5])/,
        targets: [{ group: 'name' }],
        validate: 'titleOwner',
      },
      {
        // A person after the desk, department or role a record files them under (session 15, rest16b): TP-Link DHCP
        // remarks `总经理-华建军`, a Juniper address-book entry `财务-邵丹-PC`, a visitor log's `前台-包小雨`, a machine
        // named for its user (RustDesk `FIN-PC-陈磊`, `LAPTOP-王芳`); not a topic after the desk (`技术-方案`, `财务-报表`).
        // Only where the name ends the line or a bracketed or barred part (person-name's marks wake those lines: a wake
        // of its own, the desk words before a hyphen, cost the marks scan ~7 % on Chinese text).
        regex: /(?:(?:总经理|副总经理|总经办|董事长|总裁|总监|经理|主管|财务|会计|出纳|人事|人力|行政|前台|研发|开发|测试|运维|销售|市场|采购|法务|客服|产品|设计|技术|仓库|保安|司机|助理)(?:部|组)?|(?<![A-Za-z0-9])(?:[A-Z]{2,8}-)?(?:PC|NB|WS|LAPTOP|DESKTOP|MBP|MBA|IMAC))[-_－](?<name>[\u4e00-\u9fa5]{2,3})(?=[ \t]*(?:\r?$|[)）|｜])|["'][ \t]*\r?$)/,
        targets: [{ group: 'name' }],
        validate: 'deskName',
      },
      {
        // A machine named for its user in pinyin (session 15, rest16b): a department, role or device prefix, then a
        // surname and a given name glued in capitals (Bacula `Name = WS-DINGYUTONG-fd`, fscan `[->]FIN-ZHAOYUTING`, an
        // audit log's `LAPTOP-WEIYUHANG`); not a server's, a place's or a share's name (`WS-PRINTSRV01`, `FIN-DB01`,
        // `LAPTOP-8H2K3L`, `NB-HANGZHOU`, `FIN-SHARE`).
        regex: /(?<![A-Za-z0-9-])(?:[A-Z]{2,8}-)?(?:LAPTOP|DESKTOP|NOTEBOOK|FIN|WS)-(?:[A-Z]{2,8}-)?(?<pinyin>[A-Z]{5,18})(?![A-Za-z0-9])/,
        targets: [{ group: 'pinyin' }],
        validate: 'pinyinMachineName',
      },
      {
        // Latin full names in more name fields (session 15, rest16b): Junos `full-name "Wu Haoran"`, a GnuPG key's `uid`
        // line (`uid  [ultimate] Ren Junjie (release signing) <…>`), a Mac or phone named after its owner
        // (`ComputerName "Jiang Ruxuan's MacBook Air"`).
        regex: /full-name[ \t]+(?<q>["']?)(?<latin>[A-Z][a-z]{1,15}(?:-[A-Za-z][a-z]{1,15})?(?: [A-Z][a-z]{1,15}(?:-[A-Za-z][a-z]{1,15})?){1,2})\k<q>(?![\w@.-])|^uid[ \t]+(?:\[[^\]\r\n]{1,12}\][ \t]+)?(?<uid>[A-Z][a-z]{1,15}(?:-[A-Za-z][a-z]{1,15})?(?: [A-Z][a-z]{1,15}(?:-[A-Za-z][a-z]{1,15})?){1,2})(?:[ \t]+\([^()\r\n]{0,60}\))?[ \t]*<<EMAIL-\d+>>|(?<own>[A-Z][a-z]{1,15} [A-Z][a-z]{1,15})['’]s[ \t]+(?:MacBook|iMac|iPhone|iPad)(?![a-z])/,
        targets: [{ group: 'latin' }, { group: 'uid' }, { group: 'own' }],
        validate: 'ownerLatinName',
      },
      {
        // A person named first in an IT record's free text (session 14, rest15b): a comment, description or note
        // (`comment=邹明轩-laptop`, `comment="iPhone-骆思琪"`, `description 财务-何倩-工位`, `"note":"潘景文 建, …"`,
        // `Description=苏文杰 财务共享中心`, `<descr><![CDATA[袁泓]]>`, `注释: 孟凡 于 …`, `值班记录：熊斌 配置`, a banner
        // `"BannerText": "叶梓媛 周六 …"`): up to three short `-`/`_` segments before it (a device, a department), then
        // a known surname's 2–3 characters ending at a separator, a quote, `家`/`的`, or the line's end.
        // Session 15 (rest16b): plurals and aliases of those keys (FileZilla `<Option Name="Comments">叶志强 个人目录`, Nagios
        // `alias  于欢 (运维值班)`, SQLyog `RegisteredTo=王凌云`), and blank-separated words before the name (Hillstone
        // `description "研发部 戴雨欣 远程办公"`, wsadmin `-description "人事库 钟浩然 申请"`).
        regex: /(?<=(?<![A-Za-z])(?:comments?|description|descr|notes?|remarks?|alias|registered_?to|bannertext|注释|值班记录)["']?(?:[ \t]{0,8}[=:：>][ \t]{0,32}|[ \t]{1,24})["'“]?(?:<!\[CDATA\[)?(?:[^\s"'=<>_-]{1,12}[-_]|[\u4e00-\u9fa5]{2,6}[ \t]{1,4}){0,3})(?<name>[\u4e00-\u9fa5]{2,4}?)(?=[-_ \t,，、"'”\]<(（]|[家的]|\r?$)/i,
        targets: [{ group: 'name' }],
        validate: 'freeTextName',
      },
      {
        // `兹证明 殷浩然 同志（身份证号：…）` (a certificate's opening).
        regex: /兹证明[ \t\u3000]*(?<name>[\u4e00-\u9fa5]{2,4}?)[ \t\u3000]*(?:同志|先生|女士|[（(](?=性别|男|女|身份证|公民身份))/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // `我是财务部的林晓雯`, `我叫王芳`.
        regex: /(?:我是|我叫|本人是)(?:[\u4e00-\u9fa5A-Za-z0-9]{1,10}?的)?(?<name>[\u4e00-\u9fa5]{2,4})(?![\u4e00-\u9fa5])/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // A job title before the name (`财务总监严春梅`), an honorific after it (`金凤老师`).
        regex: /(?:总监|经理|主管|主任)[ \t]?(?<name>[\u4e00-\u9fa5]{2,3})(?![\u4e00-\u9fa5])|(?<called>[\u4e00-\u9fa5]{2,3})(?=[ \t]?[(（]?(?:老师|先生|女士|小姐))/,
        targets: [{ group: 'name' }, { group: 'called' }],
        validate: 'titledName',
      },
      {
        // A display name before its address: `袁浩 <yuanhao@…>`, `何佳琪(hejiaqi@…)`, `薛妍 (<EMAIL-1>)`,
        // mail headers' `"王海涛" <wanght@…>` and `"采购部-梁晓燕" <…>`, `冯倩, fengqian@…`, `曹文静 / cao@…`.
        regex: /(?<![\u4e00-\u9fa5])(?<name>[\u4e00-\u9fa5]{2,4})(?=["”]?[ \t]*(?:[(（<]|[,，/|](?:[ \t]*[(（<])?)[ \t]*(?:<EMAIL-\d+>|[\w.%+-]+@))/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // A job title after the name (`深圳华科 黎志远 总经理`), a signature line (`王海涛 | 华东区销售经理`),
        // an Apple device (`熊杰的 MacBook Pro`, `方磊的 iPhone`), an operator and its number (`操作员 0027 (庞丽娟)`).
        regex: /(?<=^|[\s(（:：])(?<titled>[\u4e00-\u9fa5]{2,3})[ \t]+(?:总经理|副总经理|经理|总监|主任|主管|董事长|总裁)(?![\u4e00-\u9fa5])|^[ \t]*(?<signed>[\u4e00-\u9fa5]{2,3})[ \t]*[|｜][ \t]*[\u4e00-\u9fa5A-Za-z]{0,12}?(?:经理|总监|主管|主任|工程师|专员|助理|总裁|董事长|顾问|销售|会计|出纳)|(?<![\u4e00-\u9fa5])(?<owner>(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|长孙|宇文|司徒|令狐|夏侯|端木|南宫|独孤)[\u4e00-\u9fa5]{2}|[\u4e00-\u9fa5]{2,3})[ \t]?的[ \t]*(?:iPhone|iPad|iMac|MacBook|Mac|Apple|AirPods|手机|电脑|笔记本)|操作员[ \t:：]*[\w.-]{1,20}[ \t]*[(（](?<operator>[\u4e00-\u9fa5]{2,4})[)）]/,
        targets: [{ group: 'titled' }, { group: 'signed' }, { group: 'owner' }, { group: 'operator' }],
        validate: 'anyChineseName',
      },
      {
        // The steps of an approval record (WeCom, DingTalk, Feishu): `[已同意] 财务审核 龚晓雯  2026-03-18 14:37`.
        regex: /^[ \t]*[[【](?:已同意|已拒绝|已驳回|审批中|待审批|已转交|已撤回|已办理|已抄送)[\]】][ \t]*(?:[\u4e00-\u9fa5]{1,8}[ \t]+)?(?<name>[\u4e00-\u9fa5]{2,3})(?![\u4e00-\u9fa5])/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // A value bound to a query (MyBatis `==> Parameters: 邓雅琴(String), …`, Hibernate `binding
        // parameter [1] as [VARCHAR] - [范志明]`), a name beside its gender in a table row (`许梦,女`,
        // `<td>许梦</td><td>女</td>`).
        regex: /Parameters:[ \t]*(?:[^\r\n]*?,[ \t]*)?(?<bind>[\u4e00-\u9fa5]{2,4})\((?:String|NString)\)|binding parameter \[\d+\] as \[\w+\] - \[(?<bound>[\u4e00-\u9fa5]{2,4})\]|(?<![\u4e00-\u9fa5])(?<gendered>[\u4e00-\u9fa5]{2,4})(?:<\/td>\s*<td[^>]*>|[ \t]*[,，\t|][ \t]*)[男女](?![\u4e00-\u9fa5])/,
        targets: [{ group: 'bind' }, { group: 'bound' }, { group: 'gendered' }],
        validate: 'anyChineseName',
      },
      {
        // A name before what the person does for the item: `（沈悦 维护，…）`, `（行政部 车俊杰 汇总）`.
        regex: /(?<=[(（\s])(?<name>[\u4e00-\u9fa5]{2,3})[ \t]+(?:维护|汇总|接待|经办|签字|签收)(?=[，,。)）\s]|$)/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // The agent of a passive sentence: `由 曹一鸣 操作`, `由王芳审批`.
        regex: /由[ \t]*(?<name>[\u4e00-\u9fa5]{2,3}?)[ \t]*(?:操作|处理|审批|审核|提交|发起|创建|修改|负责|维护|执行|确认|签收|添加|删除)/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // A comment's attribution: `# … pgpass.conf  (财务共享, 何军)` — the name closes the parenthesis, a date may follow it
        // (`(script payload, 覃雅琴 2026-11)`).
        regex: /^[ \t]*(?:#|\/\/|;|--|::|REM\s)[^\r\n]*?[(（][^()（）\r\n]{0,30}?[,，、][ \t]*(?<name>[\u4e00-\u9fa5]{2,3})(?:[ \t]+\d{4}(?:[-/.]\d{1,2}){0,2})?[ \t]*[)）]/i,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // A customer or visitor named in a log line (`(客户 林慧敏 回访电话)`, `顾客：王芳`): a blank or a
        // colon between, so `客户端`, `客户信息` are no key; and the person something is sent or
        // copied to (`发给谢婷婷`, `抄送 周敏`); name20: handed over or dispatched to (`交接给 霍子涵`, `派给 韦嘉`, `转办给 …`).
        regex: /(?:客户|顾客|访客)(?:[ \t]*[:：][ \t]*|[ \t]+)(?<name>[\u4e00-\u9fa5]{2,3})(?![\u4e00-\u9fa5])|(?:发给|发送给|转给|转发给|交给|寄给|抄送给?|授权给|分配给|指派给|颁发给|借给|租给|分给|交接给|派给|转办给)[ \t]*(?<to>[\u4e00-\u9fa5]{2,3})(?![\u4e00-\u9fa5])/,
        targets: [{ group: 'name' }, { group: 'to' }],
        validate: 'roleName',
      },
      {
        // The other side of a chat export's header: `会话：IT 服务台 ↔ 龚雅婷`, `与龚雅婷的聊天记录`.
        regex: /(?:会话|聊天对象)[ \t]*[:：][^\r\n↔⇄]{0,40}(?:↔|⇄|<->)[ \t]*(?<name>[\u4e00-\u9fa5]{2,4})[ \t]*\r?$|与[ \t]*(?<with>[\u4e00-\u9fa5]{2,3})[ \t]*的聊天/,
        targets: [{ group: 'name' }, { group: 'with' }],
        validate: 'anyChineseName',
      },
      {
        // An office document named after its person, last in its name (`客户清单-康静.xlsx`, `报销单_王芳.pdf`).
        regex: /(?<=[\u4e00-\u9fa5A-Za-z0-9)）][-_])(?<name>[\u4e00-\u9fa5]{2,3})\.(?:xlsx?|docx?|pdf|pptx?|csv|zip|rar|7z|jpe?g|png|wps|et)(?![A-Za-z0-9])/,
        targets: [{ group: 'name' }],
        validate: 'documentOwner',
      },
      {
        // Latin full names where only a person's name can stand: Chrome/Edge profile `"gaia_name": "Jiayi Luo"`,
        // `full_name`, `realName`, a display name; and mail headers' `CC: Xu Mingyuan <xu.mingyuan@…>`
        // (the address is the e-mail rule's already). A given name may be hyphenated
        // (Cantonese `Kwok Wing-yan`, `Jean-Pierre`); a mail client's alias line names the person before the address
        // (mutt `alias boss Chan Siu-ming <…>`).
        regex: /(?<![\w-])(?<kq>["']?)(?:gaia_name|[Ff]ull[ _]?[Nn]ame|FULL[ _]?NAME|[Rr]eal_?[Nn]ame|[Dd]isplay_?[Nn]ame|[Uu]ser_?[Nn]ame|USER_?NAME|REAL_?NAME|DISPLAY_?NAME|[Nn]ame_?[Oo]n_?[Cc]ard|[Cc]ard_?[Hh]older(?:_?[Nn]ame)?|[Hh]older_?[Nn]ame|姓[ \t\u3000]*名|持卡人|英文名)\k<kq>[ \t]*[:：=][ \t]*(?<vq>["']?)(?<latin>[A-Z][a-z]{1,15}(?:-[A-Za-z][a-z]{1,15})?(?:,? [A-Z][a-z]{1,15}(?:-[A-Za-z][a-z]{1,15})?){1,2}|[A-Z]{2,15}(?:,? [A-Z]{2,15}){1,2})\k<vq>(?![\w@.-])|(?:^(?:From|To|C[Cc]|B[Cc][Cc]|Reply-To|Sender|Author|Committer)[ \t]*:|,)[ \t]*(?<mq>"?)(?<mailed>[A-Z][a-z]{1,15}(?:-[A-Za-z][a-z]{1,15})?(?:,? [A-Z][a-z]{1,15}(?:-[A-Za-z][a-z]{1,15})?){1,2})\k<mq>[ \t]*<<EMAIL-\d+>>|^[ \t]*alias[ \t]+[^\s<>]{1,64}[ \t]+(?<aliased>[A-Z][a-z]{1,15}(?:-[A-Za-z][a-z]{1,15})?(?: [A-Z][a-z]{1,15}(?:-[A-Za-z][a-z]{1,15})?){1,2})[ \t]*<<EMAIL-\d+>>/,
        targets: [{ group: 'latin' }, { group: 'mailed' }, { group: 'aliased' }],
        validate: 'latinFullName',
      },
      {
        // The speaker line of a chat export (WeCom, WeChat, QQ, DingTalk): a date, a time, the name.
        regex: /^[ \t]*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ T]\d{1,2}:\d{2}(?::\d{2})?[ \t]+(?:[A-Za-z0-9]+[-_ ])?(?<name>[\u4e00-\u9fa5]{2,4})[ \t]*\r?$/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // Where forms and records put a person (held-out-10): the roles of an invoice, a
        // reimbursement form and a contract (`开票员: 葛春梅`, `法定代表人：卢卫东`, `签字：…`); a name
        // right before its phone number, however spaced (an OCR'd phone list: `符志伟<U+3000 ×2><PHONE-1>`);
        // a document named after its person (`\陈晓燕-身份证正反面.pdf`, `温俊杰-劳动合同.pdf`); an HTML
        // report's key cell and value cell (gpresult: `<td>显示名称</td><td>江淑敏</td>`).
        regex: /(?:开票员|收款员|复核员|审核员|业务员|法定代表人|法人代表|委托代理人|报销人|开票人|寄件人|发件人|签字)[ \t\u3000]*[:：][ \t\u3000]*(?<role>[\u4e00-\u9fa5]{2,4})(?![\u4e00-\u9fa5])|(?<![\u4e00-\u9fa5])(?<phoned>[\u4e00-\u9fa5]{2,4})(?:[ \t\u3000]*[,，:：])?[ \t\u3000]*(?=<PHONE-\d+>)|(?<=^|[\\/\s"'>：:=])(?<doc>[\u4e00-\u9fa5]{2,3})[-_－](?=(?:身份证|简历|劳动合同|合同|入职|离职|报销|差旅|工资|体检|社保|户口|学历|毕业证|护照|证件|述职|绩效|请假|转正|个税|纳税|完税|收入证明|在职证明|银行流水|征信|公积金|医保|结婚证|学位证|驾驶证|居住证)[^\\/\r\n"']*\.(?:pdf|docx?|xlsx?|zip|rar|7z|jpe?g|png)(?![A-Za-z0-9]))|<t[dh][^>]*>[ \t]*(?:显示名称|显示名|姓名|全名|真实姓名)[ \t]*<\/t[dh]>[ \t]*<td[^>]*>[ \t]*(?<cell>[\u4e00-\u9fa5]{2,4})[ \t]*<\/td>/,
        targets: [{ group: 'role' }, { group: 'phoned' }, { group: 'doc' }, { group: 'cell' }],
        validate: 'anyChineseName',
      },
      {
        // Where a name stands with no key word before it: right after its phone number and a
        // separator (`13602585517/雷振华`, `<PHONE-1>, 王芳`; not `<PHONE-1> 时长`); before an account number in brackets (AnyDesk
        // `Incoming session request: 许婷婷 (1932048815)`, `张伟(10086123)`); before the state of its
        // approval step (`财务 杭美华（待审）`, `邹立新（2026-03-18 同意）`); between a date and what the
        // person did (`2026-03-18 巫炳旭 新建`); as a contact's remark or alias (WeChat `remark:钟海涛`,
        // `备注：…`, `昵称=…`); as the individual buyer of an invoice (`购方名称(个人): 曹丽华`).
        regex: /<PHONE-\d+>[ \t\u3000]*[/,，、|][ \t\u3000]*(?<afterPhone>[\u4e00-\u9fa5]{2,4})(?![\u4e00-\u9fa5])|(?<![\u4e00-\u9fa5])(?<numbered>[\u4e00-\u9fa5]{2,4})[ \t]?[(（]\d{5,12}[)）]|(?<![\u4e00-\u9fa5])(?<pending>[\u4e00-\u9fa5]{2,3})[ \t]*[(（](?:[^()（）\r\n]{0,24}?[ \t])?(?:待审批?|已审批?|审批中|审核中|已?同意|已?驳回|已?拒绝|已?退回|待签收?|已签收?|已阅|待办|已办|已?处理|处理中)[)）]|(?<![\w-])\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?[ \t]+(?<dated>[\u4e00-\u9fa5]{2,3})[ \t]+(?:新建|创建|修改|删除|更新|添加|编辑|提交|审批|审核|确认|登记|录入|发起|导出|上传|下载)|(?<![A-Za-z])(?:remark(?:_?name)?|alias|备注名?|昵称)[ \t]*[:：=][ \t]*["']?(?<remark>[\u4e00-\u9fa5]{2,4})(?![\u4e00-\u9fa5])|[(（]个人[)）][ \t\u3000]*[:：][ \t\u3000]*(?<individual>[\u4e00-\u9fa5]{2,4})(?![\u4e00-\u9fa5])/i,
        targets: [{ group: 'afterPhone' }, { group: 'numbered' }, { group: 'pending' }, { group: 'dated' }, { group: 'remark' }, { group: 'individual' }],
        validate: 'anyChineseName',
      },
      {
        // A file named after its person with other extensions than office documents' (`客户流失分析-黎晓晨.ipynb`,
        // `发票-王芳.ofd`, `访谈-李强.mp4`).
        regex: /(?<=[\u4e00-\u9fa5A-Za-z0-9)）][-_])(?<name>[\u4e00-\u9fa5]{2,3})\.(?:ipynb|txt|md|ofd|xmind|vsdx?|mpp|odt|ods|odp|rtf|eml|msg|mp4|mp3|m4a|wav|amr|mov|heic|bmp|gif|tiff?|webp)(?![A-Za-z0-9])/,
        targets: [{ group: 'name' }],
        validate: 'documentOwner',
      },
      {
        // A spreadsheet's shared strings or an HTML table on one line whose header cells name a person
        // (`<t>姓名</t>`, `<th>联系人</th>`): every cell that is a Chinese name alone (xlsx sharedStrings
        // keep each text once, in no column, so the header word is all there is).
        regex: /<(?<tag>t|td)(?:[ \t][^<>]{0,200})?>[ \t]*(?<name>[\u4e00-\u9fa5]{2,4})[ \t]*<\/\k<tag>>/,
        targets: [{ group: 'name' }],
        validate: 'nameTableCell',
      },
      {
        // The same for a JSON table on one line whose header row names a person: `[["序号","姓名"],["1","周晓明"]]`.
        regex: /(?<=[[,][ \t]{0,3})"(?<name>[\u4e00-\u9fa5]{2,4})"(?=[ \t]*[,\]])/,
        targets: [{ group: 'name' }],
        validate: 'nameTableCell',
      },
      {
        // A rail ticket's passenger lines (12306: `1.陆某某，2026年03月23日07:30开，…`) and a name before the
        // identity document it travels or registers with (`乘车人证件：王芳 身份证 3302…`, `张伟 护照 E1234…`).
        regex: /^[ \t]*\d{1,2}[.、．][ \t]*(?<passenger>[\u4e00-\u9fa5]{2,4})[，,][ \t]*\d{4}年\d{1,2}月\d{1,2}日|(?<![\u4e00-\u9fa5])(?<holder>[\u4e00-\u9fa5]{2,4})[ \t\u3000]*(?:身份证|护照|港澳居民来往内地通行证|港澳通行证|台胞证)[ \t\u3000:：]*(?=<|\d|[A-Z]\d)/,
        targets: [{ group: 'passenger' }, { group: 'holder' }],
        validate: 'anyChineseName',
      },
      {
        // A presence roster (Teams `roster: 龚某某(Available) Ferreira, Lucas(Busy)`): a name, Chinese or
        // Latin (`Last, First` too), glued to its presence state in brackets.
        regex: /(?<![\w\u4e00-\u9fa5])(?:(?<present>[\u4e00-\u9fa5]{2,4})|(?<latinPresent>[A-Z][a-z]{1,15},? [A-Z][a-z]{1,15}))[ \t]?\((?:Available|Busy|Away|DoNotDisturb|BeRightBack|Offline|OffWork|InACall|InAMeeting|Presenting|OutOfOffice)\)/,
        targets: [{ group: 'present' }, { group: 'latinPresent' }],
        validate: 'presenceName',
      },
      {
        // A cell of a table that is not CSV — `|`-separated (ICBC payroll `1|6222…|贺志远|…`, Markdown
        // `| 华东 | 滕晓光 |`) or aligned by blanks (社保 `1     甘振华  男`, WeCom `2026/03/16   聂雨涵   NieYuHan`)
        // — whose column a header above names a person's (姓名, 户名, 负责人 …): a Chinese name, or a
        // Latin full name (`| Olga Petrova |`). The header is looked for by the validator.
        regex: /(?<=^|[|｜\t]|[|｜][ \t\u3000]|[ \t\u3000]{2})(?:(?<cell>[\u4e00-\u9fa5]{2,4})|(?<latinCell>[A-Z][a-z]{1,15}(?:,? [A-Z][a-z]{1,15}){1,2}))(?=[ \t\u3000]*(?:[|｜\t]|\r?$|[(<（](?:[^()<>（）\r\n]{0,80}@|<EMAIL-))|[ \t\u3000]{2})/,
        targets: [{ group: 'cell' }, { group: 'latinCell' }],
        validate: 'textTableNameCell',
      },
      {
        // A mention in a chat or a ticket (`@王建国 请看一下`), not an address's IDN domain (`zhang@公司.cn`);
        // a name with its login in brackets (`张伟(zhangwei) 已加入群聊`, `抄送：周敏（zhoumin02）`).
        regex: /(?<![\w.%+-])@(?<name>[\u4e00-\u9fa5]{2,4})(?![\u4e00-\u9fa5.])|(?<![\u4e00-\u9fa5])(?<named>[\u4e00-\u9fa5]{2,3})[ \t]?[(（](?<login>[a-z][a-z0-9._-]{1,31})[)）]/,
        targets: [{ group: 'name' }, { group: 'named' }, { group: 'login', kind: 'USER' }],
        validate: 'anyChineseName',
      },
      {
        // A signature: a name alone on its line under the closing of a mail or a chat message
        // (`--`, `此致` ⏎ `敬礼`, `谢谢！`, `祝好`, `Best regards,`).
        regex: /^[ \t\u3000]*(?<name>[\u4e00-\u9fa5]{2,4})[ \t\u3000]*\r?$/,
        targets: [{ group: 'name' }],
        validate: 'signatureName',
      },
      {
        // A document named after its person, the name after what the document is (a copier's job log:
        // `劳动合同-卢志强-签字版.docx`, `身份证复印件_闫佩瑶`), with or without an extension.
        regex: /(?:身份证|简历|劳动合同|合同|入职|离职|报销|差旅|工资|体检|社保|户口|学历|毕业证|护照|证件|述职|绩效|请假|转正)(?:复印件|扫描件|正反面|照片|原件|材料|申请|证明)?[-_－](?<name>[\u4e00-\u9fa5]{2,3})(?![\u4e00-\u9fa5])/,
        targets: [{ group: 'name' }],
        validate: 'documentOwner',
      },
      {
        // A meeting's people by their role (Zoom `participant joined: name="Nakamura Yuki"`, an invite's
        // `organizer: Olga Petrova`): a Latin full name, quoted or not, as the value or its `name=`.
        regex: /(?<![A-Za-z])(?:[Pp]articipant|[Aa]ttendee|[Oo]rgani[sz]er|PARTICIPANT|ATTENDEE|ORGANI[SZ]ER)s?(?:[ \t]+(?:joined|left|added|removed|admitted|invited))?(?:[ \t]*[:=][ \t]*|[ \t]+)(?:(?:[Dd]isplay_?)?[Nn]ame[ \t]*[:=][ \t]*)?(?<q>["']?)(?<latin>[A-Z][a-z]{1,15}(?:,? [A-Z][a-z]{1,15}){1,2})\k<q>(?![\w@.-])/,
        targets: [{ group: 'latin' }],
        validate: 'latinFullName',
      },
      {
        // A name with the person's department or role in brackets (`门禁找 包晓雨（前台）登记`, `张伟(财务部)`);
        // a name a chat message calls by, before 你/您 (`，邱婷婷 你把环境清单发一下`).
        regex: /(?<![\u4e00-\u9fa5])(?<dept>[\u4e00-\u9fa5]{2,3})[ \t]?[(（](?:[\u4e00-\u9fa5]{0,6}(?:部|组|科|处|中心|前台|行政|人事|财务|法务|运维|客服|销售|采购|主管|经理|总监|助理|专员|工程师|老师|班长|组长)|HR|IT|PM|QA)[)）]|(?:^|[，,。！!？?；;])[ \t]*(?<called>[\u4e00-\u9fa5]{2,3})(?:[ \t]+|[ \t]*[，,][ \t]*)(?=[你您])/,
        targets: [{ group: 'dept' }, { group: 'called' }],
        validate: 'addressedName',
      },
      {
        // A login mapped to its person's name (Samba's smbusers `lvguoqing = "吕国庆"`, the login taken
        // already); a Confluence user mention's display name in brackets after the link
        // (`<ri:user ri:userkey="…" /></ac:link>（宋嘉伟）`); who a handover goes to (`（宋嘉伟） → 韦思琪`).
        regex: /^[ \t]*(?<login><USER-\d+>|[a-z][a-z0-9._-]{2,31})[ \t]*[:=][ \t]*["']?(?<mapped>[\u4e00-\u9fa5]{2,4})["']?[ \t]*(?:\r?$|[,;#])|<\/ac:link>[ \t]*[(（](?<linked>[\u4e00-\u9fa5]{2,4})[)）]/,
        targets: [{ group: 'mapped' }, { group: 'linked' }],
        validate: 'mappedName',
      },
      {
        regex: /[(（](?:<NAME-\d+>|(?<from>[\u4e00-\u9fa5]{2,3}))[)）][ \t]*(?:→|->|=>|⇒)[ \t]*(?<handed>[\u4e00-\u9fa5]{2,3})(?![\u4e00-\u9fa5])/,
        targets: [{ group: 'from' }, { group: 'handed' }],
        validate: 'handover',
      },
      {
        // A profile or an item named after its person, the name in brackets last in its title (a
        // mobileconfig's `<key>PayloadDisplayName</key><string>XXSoft 网络配置 (丁伟强)</string>`, `title: 周报 (王芳)`).
        regex: /(?:[Nn]ame|[Tt]itle|[Ll]abel|[Dd]escription|[Cc]omment)(?:<\/key>[ \t]*<string>|["']?[ \t]*[:=][ \t]*["']?)[^\r\n<>"'()（）]{1,60}?[(（](?<name>[\u4e00-\u9fa5]{2,3})[)）][ \t]*(?:<\/string>|["']|\r?$)/,
        targets: [{ group: 'name' }],
        validate: 'titleOwner',
      },
      {
        // Who a record names by role: a medical record's `医生：封建华（工号 10572）`, `主治医师: …`, a courier
        // slip's `寄件: 何佳妮 187****5519` / `收件: 贝子健`, a shop's `会员：覃子怡`; with only a blank between,
        // a full name of three characters that a blank, a digit or a stop ends (`会员 覃子怡 手机 …`),
        // not what the role is about (`会员 积分`, `患者 信息`, `会员 时长`).
        regex: /(?:医[生师]|护士|药师|会员|患者|就诊人|病人|寄件|收件)方?[ \t\u3000]*[:：=][ \t\u3000]*(?<name>[\u4e00-\u9fa5]{2,4})(?![\u4e00-\u9fa5])|(?<![\u4e00-\u9fa5])(?:医[生师]|护士|会员|患者|病人)[ \t\u3000]+(?<spaced>[\u4e00-\u9fa5]{3})(?=[ \t\u3000]|\d|[,，。;；(（]|\r?$)/,
        targets: [{ group: 'name' }, { group: 'spaced' }],
        validate: 'recordRoleName',
      },
      {
        // The people a directory sync counted (泛微 LdapSync `停用=1 (单于飞)`, `离职: 2（王芳、李强）`).
        regex: /(?:停用|禁用|启用|新增|删除|离职|入职|锁定|解锁|注销|冻结)[ \t]*[=:：][ \t]*\d{1,4}[ \t]*[(（](?<name>[\u4e00-\u9fa5]{2,4})(?=[)）,，、;；])/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // The subject of an HR approval about a person (致远/泛微 `subject=关于端木晴转正的审批`, `关于王芳同志任职的通知`).
        regex: /关于(?<name>[\u4e00-\u9fa5]{2,4}?)(?:同志)?的?(?:转正|入职|离职|辞职|请假|休假|调岗|调动|晋升|加薪|调薪|录用|聘用|任命|任职|出差|报销|借款|奖励|处分)/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // A form control whose title names a person, then its value (WeCom `getapprovaldetail`: `"title": [ {
        // "text": "申请人", … } ], "value": { "text": "卓文杰" }`; DingTalk/Feishu form JSON alike).
        regex: /(?:姓[ \t\u3000]*名|联系人|申请人|经办人|负责人|审批人|报销人|收款人|收件人|收货人|出差人|请假人|使用人|领用人)"[^\r\n]{0,60}?"(?:value|text|content)"[ \t]*:[ \t]*(?:\{[ \t]*"(?:text|value|content)"[ \t]*:[ \t]*)?"(?<name>[\u4e00-\u9fa5]{2,4})"/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // The speaker line of a meeting transcript (飞书妙记, 腾讯会议, 钉钉闪记 exports: `冉雪松  00:00:05` alone on
        // its line, the text on the next); see speakerLine for when it is certain.
        regex: /^[ \t]*(?<name>[\u4e00-\u9fa5]{2,4})(?:[ \t\u3000]{2,}|\t)(?:\d{1,2}:)?\d{1,2}:\d{2}[ \t]*\r?$/,
        targets: [{ group: 'name' }],
        validate: 'speakerLine',
      },
      {
        // A meeting's list of people (`参会人：冉雪松、祁梦瑶、Daniel Okafor、훈 김、喻晨曦`): taken only when every
        // item of the whole line is a name (Chinese, Latin or Korean), so `参会人：产品部全体` keeps all.
        regex: /(?:参会人员?|参会者|与会人员?|与会者|出席人员?|参加人员?|参与人员?|[Aa]ttendees|ATTENDEES|[Pp]articipants|PARTICIPANTS)[ \t]*[:：][ \t]*(?<n1><NAME-\d+>|[\u4e00-\u9fa5]{2,4}|[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15}){1,2}|[\uac00-\ud7a3]{1,4}(?: [\uac00-\ud7a3]{1,4})?)(?:[ \t]*[、,，][ \t]*(?<n2><NAME-\d+>|[\u4e00-\u9fa5]{2,4}|[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15}){1,2}|[\uac00-\ud7a3]{1,4}(?: [\uac00-\ud7a3]{1,4})?))?(?:[ \t]*[、,，][ \t]*(?<n3><NAME-\d+>|[\u4e00-\u9fa5]{2,4}|[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15}){1,2}|[\uac00-\ud7a3]{1,4}(?: [\uac00-\ud7a3]{1,4})?))?(?:[ \t]*[、,，][ \t]*(?<n4><NAME-\d+>|[\u4e00-\u9fa5]{2,4}|[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15}){1,2}|[\uac00-\ud7a3]{1,4}(?: [\uac00-\ud7a3]{1,4})?))?(?:[ \t]*[、,，][ \t]*(?<n5><NAME-\d+>|[\u4e00-\u9fa5]{2,4}|[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15}){1,2}|[\uac00-\ud7a3]{1,4}(?: [\uac00-\ud7a3]{1,4})?))?(?:[ \t]*[、,，][ \t]*(?<n6><NAME-\d+>|[\u4e00-\u9fa5]{2,4}|[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15}){1,2}|[\uac00-\ud7a3]{1,4}(?: [\uac00-\ud7a3]{1,4})?))?(?:[ \t]*[、,，][ \t]*(?<n7><NAME-\d+>|[\u4e00-\u9fa5]{2,4}|[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15}){1,2}|[\uac00-\ud7a3]{1,4}(?: [\uac00-\ud7a3]{1,4})?))?(?:[ \t]*[、,，][ \t]*(?<n8><NAME-\d+>|[\u4e00-\u9fa5]{2,4}|[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15}){1,2}|[\uac00-\ud7a3]{1,4}(?: [\uac00-\ud7a3]{1,4})?))?[ \t]*(?:[(（]\d{1,3}人?[)）])?[ \t]*\r?$/,
        targets: [{ group: 'n1' }, { group: 'n2' }, { group: 'n3' }, { group: 'n4' }, { group: 'n5' }, { group: 'n6' }, { group: 'n7' }, { group: 'n8' }],
        validate: 'nameList',
      },
      {
        // The parts of a name on a travel or visa form (DS-160 `Surnames: CAI        Given Names: JINGWEN`,
        // `Family Name: Müller`, `Last Name (as in passport): Tanaka`), not `DOES NOT APPLY`.
        regex: /(?<![A-Za-z])(?:[Ss]urnames?|SURNAMES?|[Gg]iven[ _][Nn]ames?|GIVEN[ _]NAMES?|[Ff]amily[ _][Nn]ames?|FAMILY[ _]NAMES?|[Ff]irst[ _][Nn]ames?|FIRST[ _]NAMES?|[Ll]ast[ _][Nn]ames?|LAST[ _]NAMES?|[Mm]iddle[ _][Nn]ames?|MIDDLE[ _]NAMES?)(?:\(s\))?(?:[ \t]+(?:and|of|\()[^:：\r\n]{0,60}?)?[ \t]*[:：][ \t]*(?<part>[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'-]{1,20}(?: [A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'-]{1,20}){0,2})(?=[ \t]{2,}|[ \t]*[,;|]|[ \t]*\r?$)/,
        targets: [{ group: 'part' }],
        validate: 'namePart',
      },
      {
        // A name in its own script on a form in English (DS-160 `Full Name in Native Alphabet: 蔡静雯`).
        regex: /(?<![A-Za-z])[Nn]ame in (?:[Nn]ative|[Ll]ocal|[Cc]hinese|[Oo]riginal)[ \t](?:[Aa]lphabet|[Ss]cript|[Cc]haracters|[Ll]anguage)[ \t]*[:：][ \t]*(?<name>[\u4e00-\u9fa5]{2,4})(?![\u4e00-\u9fa5])/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // A contact a form names by role (DS-160 `US Point of Contact: Rebecca Hollis, Meridian …`,
        // `Emergency Contact: Tom Baker`, `Next of Kin: CHEN, YUHANG`).
        regex: /(?<![A-Za-z])(?:[Pp]oint of [Cc]ontact|POINT OF CONTACT|[Cc]ontact [Pp]erson|CONTACT PERSON|[Cc]ontact [Nn]ame|CONTACT NAME|[Ee]mergency [Cc]ontact(?: [Nn]ame)?|EMERGENCY CONTACT(?: NAME)?|[Nn]ext [Oo]f [Kk]in|NEXT OF KIN)[ \t]*[:：][ \t]*(?<latin>[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15}){1,2}|[A-Z]{2,15}(?:,? [A-Z]{2,15}){1,2})(?![\w@.-])/,
        targets: [{ group: 'latin' }],
        validate: 'latinFullName',
      },
      {
        // A folder named after its person (Nextcloud `localPath=D:/项目资料/尤欣怡-共享/`, `\\fs01\王芳-个人\`).
        regex: /(?<=[\\/])(?<name>[\u4e00-\u9fa5]{2,3})[-_－](?:共享|个人|私人|备份|资料|文档|文件夹)(?=[\\/]|\r?$)/,
        targets: [{ group: 'name' }],
        validate: 'documentOwner',
      },
      {
        // A name's romanization beside it (a booking's `入住人：蓝淑华 / LAN SHUHUA`, `张伟 | Zhang Wei`),
        // once the Chinese name is taken.
        regex: /<NAME-\d+>[ \t]*[/｜|][ \t]*(?<latin>[A-Z]{2,15}(?:,? [A-Z]{2,15}){1,2}|[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15}){1,2})(?![\w@.-])/,
        targets: [{ group: 'latin' }],
        validate: 'latinFullName',
      },
      {
        // LDIF's base64 values (`cn:: 6YOR5L2z5oCh`, written so for their non-ASCII text): a Chinese name once decoded.
        regex: /^(?:cn|displayName|gecos)::[ \t]*(?<encoded>[A-Za-z0-9+/]{4,64}={0,2})[ \t]*\r?$/,
        targets: [{ group: 'encoded' }],
        validate: 'base64ChineseName',
      },
      {
        // An account record's GECOS field (`/etc/passwd`, `getent passwd`: `login:x:uid:gid:Full Name,Room,Phone,…:home:shell`,
        // its login already a placeholder: user-name runs first)
        // and finger's `In real life:` — the first comma-separated part, a Chinese name (`周建国,运维部 402`,
        // `邓凯文 (DBA)`) or a Latin full name (`Lin Qiuyue,Finance IT`, `Hou Xiaoming,,,`) of an account a
        // person logs in with (uid 1000–59999, a login shell last), not a system account's or a service's
        // description (`System Message Bus`, `nexus:x:1101:1101:Sonatype Nexus:/opt/sonatype:/bin/false`).
        regex: /^(?:[a-z_][a-z0-9._-]{0,31}|<USER-\d+>):[^:\s]{0,200}:(?<uid>\d{1,10}):\d{1,10}:(?:(?<han>[\u4e00-\u9fa5]{2,4})(?=[ \t]*[,:(（])|(?<latin>[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15}){1,2})(?=[ \t]*[,:(]))|In real life:[ \t]*(?:(?<fhan>[\u4e00-\u9fa5]{2,4})(?=[ \t]*(?:[,(（]|\r?$))|(?<flatin>[A-Z][a-z]{1,15}(?: [A-Z][a-z]{1,15}){1,2})(?=[ \t]*(?:,|\r?$)))/,
        targets: [{ group: 'han' }, { group: 'latin' }, { group: 'fhan' }, { group: 'flatin' }],
        validate: 'gecosName',
      },
      {
        // Proxmox VE's user.cfg: `user:<id>@<realm>:<enable>:<expire>:<first name>:<last name>:<email>:…`
        // (`user:pengwenbo@pve:1:0:Peng:Wenbo:…`, `user:zxy_lab@pam:1:0:郑:晓燕:…`).
        regex: /^user:[^:\s@]{1,64}@[\w.-]{1,32}:[01]?:\d{0,12}:(?<first>[A-Z][a-z]{1,20}|[\u4e00-\u9fa5]{1,4})?:(?<last>[A-Z][a-z]{1,20}|[\u4e00-\u9fa5]{1,4})?:/,
        targets: [{ group: 'first' }, { group: 'last' }],
        validate: 'splitName',
      },
      {
        // The parts of a name as JSON keys name them (Bitwarden's identity `"firstName": "Yuhan", "lastName": "Shi"`,
        // SCIM/LDAP-style `"givenName"`, `"family_name"`).
        regex: /"(?:[Ff]irst|[Ll]ast|[Mm]iddle|[Gg]iven|[Ff]amily)_?[Nn]ame"[ \t]*:[ \t]*"(?<first>[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'-]{1,20}(?: [A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'-]{1,20}){0,2}|[\u4e00-\u9fa5]{1,4})"/,
        targets: [{ group: 'first' }],
        validate: 'splitName',
      },
      // --- name20 (session 19) ---
      {
        // The same keys outside JSON, and `surname`: a query, kwargs, YAML or a Ruby/PHP hash (`surname=Zhang
        // given_name=Wei`, `first_name: Chidi`, `'lastName' => 'Okafor'`), an XML element (`<FirstName>Wei</FirstName>`).
        // name22 (session 21): a plural key and a name in capitals, as a passport's MRZ reader logs it (`surname=SCHNEIDER
        // givenNames=KATHARINA`), and Central European letters (`Dvořáková`, `Łukasz`).
        regex: /(?<![\w-])(?<kq>["']?)(?:(?:[Ff]irst|[Ll]ast|[Mm]iddle|[Gg]iven|[Ff]amily)[_-]?[Nn]ames?|(?:FIRST|LAST|MIDDLE|GIVEN|FAMILY)_?NAMES?|[Ss]urnames?|SURNAMES?)\k<kq>[ \t]*(?:=>|[:=])[ \t]*(?<vq>["']?)(?<first>[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž'’-]{1,20}|[A-Z]{2,20})\k<vq>(?![\w@.-])|<(?<tag>(?:[Ff]irst|[Ll]ast|[Gg]iven|[Ff]amily)_?[Nn]ame|[Ss]urname)>(?<last>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’-]{1,20})<\/\k<tag>>/,
        targets: [{ group: 'first' }, { group: 'last' }],
        validate: 'splitName',
      },
      {
        // A Han name split over 姓 and 名 keys (`{"姓":"王","名":"建军"}`, `姓：欧阳 名：晨`): the two read as one name.
        regex: /(?<![\u4e00-\u9fa5])(?<kq>["']?)姓氏?\k<kq>[ \t]*[:：=][ \t]*(?<vq>["']?)(?<surname>[\u4e00-\u9fa5]{1,2})\k<vq>[ \t]*(?:[,，;；&][ \t]*)?(?<kq2>["']?)名字?\k<kq2>[ \t]*[:：=][ \t]*["']?(?<given>[\u4e00-\u9fa5]{1,2})(?![\u4e00-\u9fa5])/,
        targets: [{ group: 'surname' }, { group: 'given' }],
        validate: 'hanSplitName',
      },
      // --- end name20 ---
      {
        // A person named in brackets last in a label, a description or an element's text, alone or with
        // their duty (`"NetBackup (刘子阳)"`, VirtualBox `Name <string> = "dev-ubuntu24 (许嘉禾)"`, WindTerm
        // `"session.label" : "pay-db-master（危子健值班）"`, SSMS `<Description …>财务 U8 数据库（蒋思远负责）<`).
        regex: /[(（](?<name>[\u4e00-\u9fa5]{2,3}?)(?:负责|值班|维护|管理|使用|专用|申请)?[)）][ \t]*(?=["'<]|\r?$)/,
        targets: [{ group: 'name' }],
        validate: 'bracketOwner',
      },
      {
        // A name between blanks before what the person asked for or answers for (Cisco `description 财务 邱志宏
        // 申请 2026-03`, `端口 18 王芳 使用`).
        // Also what is the person's own (`(罗阳 个人网盘!)`, `叶志强 个人目录`).
        regex: /(?<=^|[ \t\u3000(（])(?<name>[\u4e00-\u9fa5]{2,3})[ \t\u3000]+(?:申请|负责|专用|值班|使用|个人(?:网盘|云盘|目录|文件夹|空间|电脑|笔记本|账号|帐号|邮箱|资料|文件|仓库|主页|盘))(?=[ \t\u3000]|\d|[,，;；。)）!！]|\r?$)/,
        targets: [{ group: 'name' }],
        validate: 'titleOwner',
      },
      {
        // Who did something, in English around a Chinese name (`admin created by 胡宇 on install`, `approved by 王芳`).
        regex: /(?<![A-Za-z])(?:[Cc]reated|[Aa]dded|[Aa]pproved|[Rr]equested|[Mm]odified|[Uu]pdated|[Oo]wned|[Mm]aintained|[Mm]anaged|[Ss]ubmitted|[Rr]eviewed|[Aa]ssigned|[Ii]nstalled|[Cc]hanged|[Ee]dited) by (?<name>[\u4e00-\u9fa5]{2,4})(?![\u4e00-\u9fa5])/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // A tax return's people (个税 `纳税人：闫思彤`; 专项附加扣除 `子女 闫子墨，`, `出租方 贾春林`, `共同赡养人 闫思远`).
        regex: /(?:纳税人|子女|配偶|出租方|出租人|承租方|承租人|共同赡养人|被赡养人|赡养人|被扶养人|扶养人)(?:姓名)?[ \t\u3000]*(?:[:：][ \t\u3000]*)?(?<name>[\u4e00-\u9fa5]{2,4})(?=[ \t\u3000，,；;。)）、]|\d|\r?$)/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // The parties a contract, policy or title deed names (平安 `投保人: 吕秀英`, `被保险人: 孟子涵`, 不动产 `权利人:
        // 谭振宇、苗雅静`, a lease `出租方(甲方): 鲍春华`, `乙方(签字): 钟奕辰`, `经纪人 邬海涛`, a statement's `附属卡 严思雨`):
        // the role, its bracketed side or duty, then a colon or a blank (`与投保人关系`, `甲方应当` are no key), and a
        // second owner after 、.
        regex: /(?<![\u4e00-\u9fa5])(?:投保人|被保险人|被保人|(?:身故|生存|满期|第[一二三])?受益人|权利人|共有人|产权人|买受人|出卖人|转让方|受让方|出租方|承租方|甲方|乙方|经纪人|居间人|附属卡(?:持卡人)?)(?:姓名)?(?:[(（][\u4e00-\u9fa5]{1,4}[)）])?(?:[ \t\u3000]*[:：][ \t\u3000]*|[ \t\u3000]+)(?<name>[\u4e00-\u9fa5]{2,4}?)(?=[ \t\u3000，,；;。)）(（、]|\d|\r?$)(?:、(?<name2>[\u4e00-\u9fa5]{2,4}?)(?=[ \t\u3000，,；;。)）(（]|\d|\r?$))?/,
        targets: [{ group: 'name' }, { group: 'name2' }],
        validate: 'chineseNames',
      },
      {
        // A person written first in a free-text field of an account or a device (Vault/Consul `Description: 蒋沐辰
        // 运维只读`, QNAP `描述: 周奕 外包设计`, v2rayN `"remarks": "龚晓峰的自建-…"`, miniprogram-ci `uploader: 钱浩楠`,
        // an NVR's `安装: 陆军 2025-09-03`): the name ends at a blank, a comma or 的 (`描述: 外包设计` is no name; a
        // field holding only a name, `"description":"吕浩然"`, is left: held-out-12 does not plant it).
        regex: /(?<![A-Za-z])(?:[Dd]escription|DESCRIPTION|[Dd]esc|[Rr]emarks?|REMARKS?|[Cc]omments?|[Nn]otes?|[Uu]ploader|[Ii]nstaller|描述|备注|说明|安装|上传)(?:人|者)?["']?[ \t]*[:：=][ \t]*["']?(?<name>[\u4e00-\u9fa5]{2,3})(?=的|[ \t\u3000,，;；]|\r?$)/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // Whose HR paper a mail is about, in its subject without a file name (Exchange `MessageSubject : 转发: 欧阳琳-离职证明
        // 及社保转移单`, `Subject: 王芳_简历`, `主题: 周敏-劳动合同续签`): the name before the paper's kind.
        regex: /(?:^[ \t]*(?:Subject|MessageSubject|Thread-Topic|主题|邮件主题)[ \t]*[:：])[^\r\n]{0,80}?(?<=[\s:："'“【[])(?<name>[\u4e00-\u9fa5]{2,4})[-_－](?=(?:身份证|简历|劳动合同|入职|离职|体检|社保|户口|学历|学位|毕业证|护照|述职|绩效|转正|工资|薪资|调岗|请假|病假|offer|Offer))/,
        targets: [{ group: 'name' }],
        validate: 'documentOwner',
      },
      {
        // A person's name glued in pinyin at the start of a Wi-Fi network's name (OpenWrt `option ssid 'ZhouYuTong-Home-5G'`,
        // wpa_supplicant `ssid="LiuXiaoMing_5G"`, netsh `SSID 名称 : "…"`): three capitalised pinyin syllables, a family
        // name and a given name (`ChinaNet-A7x3`, `HuaWei-5G`, `TP-LINK_5G` are no names).
        regex: /(?<![A-Za-z])(?:ssid|SSID|Ssid)(?:[ \t]{0,2}名称)?["']?[ \t]{0,4}[=:：]?[ \t]{0,4}["']?(?<pinyin>(?:[A-Z][a-z]{1,5}){3})(?=[-_ .'"]|\r?$)/,
        targets: [{ group: 'pinyin' }],
        validate: 'pinyinCamelName',
      },
      // Session 17 (name18): a person's name in a device's or a network's name, as phones and Macs name themselves
      // (`Jiangs-iPhone`, `Johns-MacBook-Pro` from "Jiang's iPhone"; a Chinese-locale Mac's `MacBook-Pro-Zhou-Lan`; `Zhou-Lan-iPad`)
      // and as people name their Wi-Fi (`<DM name="ESSID" val="Wangjiaxin-5G"/>`, `ssid=LiuXiaoming_5G`): a possessive before the
      // device (not a common or product word), or pinyin (a surname and one or two given syllables) after or before it.
      {
        regex: /(?<![A-Za-z0-9])(?<own>[A-Z][a-z]{2,14})s-(?=(?:iPhone|iPad|MacBook|iMac|Mac-mini|Apple-Watch|Galaxy|Pixel)(?![a-z]))|(?<![A-Za-z0-9])(?:MacBook-Pro|MacBook-Air|MacBook|iMac|Mac-mini|iPhone|iPad|iPad-Pro|iPad-Air)-(?<py>[A-Z][a-z]{1,5}-?[A-Z][a-z]{1,6}(?:-?[A-Z][a-z]{1,6})?)(?![\w-])|(?<![\w-])(?<py2>[A-Z][a-z]{1,5}-?[A-Z][a-z]{1,6}(?:-?[A-Z][a-z]{1,6})?)-(?=(?:iPhone|iPad|MacBook|iMac)(?![a-z]))|(?<![A-Za-z])(?:E?SSID|e?ssid|Ssid|E?Ssid)["']?[ \t]{0,4}(?:[=:：]|[ \t]val(?:ue)?=|[ \t])[ \t]{0,4}["']?(?<glued>[A-Z][a-z]{5,19})(?=[-_ .'"]|\r?$)/,
        targets: [{ group: 'own' }, { group: 'py' }, { group: 'py2' }, { group: 'glued' }],
        validate: 'deviceOwnerName',
      },
      {
        // A Windows identity's FriendlyName (Office `HKCU\…\Identity\Identities\…` `"FriendlyName"="Yiran Shao"`): the same key names
        // devices and certificates, so only a pinyin name in either order is taken (session 17, name18).
        regex: /(?<![\w-])(?<kq>["']?)(?:FriendlyName|[Ff]riendly_?[Nn]ame|FRIENDLY_?NAME)\k<kq>[ \t]*[:=][ \t]*(?<vq>["']?)(?<full>(?<first>[A-Z][a-z]{1,7}) (?<last>[A-Z][a-z]{1,7}))\k<vq>[ \t]*(?:[,;][ \t]*)?\r?$/,
        targets: [{ group: 'full' }],
        validate: 'pinyinFullNamePair',
      },
      {
        // A QQ chat export (消息管理器 → 导出为 .txt): the other side in its header (`消息对象:程雨桐`), and a speaker line's
        // QQ number in brackets after the nickname (`2026-03-21 20:15:40 阿杰(1823476509)`), the speaker's login.
        regex: /^消息对象[:：][ \t]*(?<name>[\u4e00-\u9fa5]{2,4})[ \t]*\r?$|^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}:\d{2} [^\r\n()]{0,29}[\u4e00-\u9fa5]\((?<qq>[1-9]\d{4,10})\)[ \t]*\r?$/,
        targets: [{ group: 'name' }, { group: 'qq', kind: 'USER' }],
        validate: 'qqExport',
      },
      {
        // The GECOS field given on the command line (`useradd -m -c "柴文博,研发三部,…" chaiwenbo`, `usermod --comment
        // 'Nina Kowalczyk,QA' nk`, `adduser --gecos`): its first part, Chinese or Latin, as in a passwd line.
        regex: /(?<![\w-])(?:useradd|usermod|adduser)\b[^\r\n]{0,200}?[ \t](?:-c|--comment|--gecos)(?:[ \t]+|=)(?<q>["'])(?:(?<han>[\u4e00-\u9fa5]{2,4})|(?<latin>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-Za-z][a-zß-öø-ÿ]{1,15})?(?: [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-Za-z][a-zß-öø-ÿ]{1,15})?){1,2}))(?=,|\k<q>|[ \t]+[(（])/,
        targets: [{ group: 'han' }, { group: 'latin' }],
        validate: 'gecosName',
      },
      {
        // The GECOS field in provisioning files (session 14, rest15b): cloud-init `gecos: 姜凯` / `gecos: "Lu Zheng,,,"`,
        // kickstart `user --name=x --gecos="雷晓红"`, Debian preseed `d-i passwd/user-fullname string Olivia Brandt`:
        // its first part, Chinese or Latin, as in a passwd line (a role such as `Finance WS Admin` stays).
        regex: /(?:(?<![\w-])gecos["']?[ \t]*[:=][ \t]*|(?<![\w-])--gecos(?:[ \t]+|=)|passwd\/user-fullname[ \t]+string[ \t]+)["']?(?:(?<han>[\u4e00-\u9fa5]{2,4})|(?<latin>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-Za-z][a-zß-öø-ÿ]{1,15})?(?: [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-Za-z][a-zß-öø-ÿ]{1,15})?){1,2}))(?=,|[ \t]*["']|[ \t]*\r?$)/,
        targets: [{ group: 'han' }, { group: 'latin' }],
        validate: 'gecosName',
      },
      {
        // A passport page's bilingual given-names field (`名/Given names JIAHUI`, no colon). The printed surname
        // alone (`姓/Surname LUO`, a family's common word) is left. (The MRZ line 1, `P<CHNLUO<<JIAHUI<<<…`, has no
        // wake a shared scan may take — `P<` is letter-first —: its names go as values learned from the page.)
        regex: /(?:^|[ \t])(?:名[ \t]*\/[ \t]*)?Given [Nn]ames?[ \t]+(?<given>[A-Z]{2,20}(?:[ -][A-Z]{2,20}){0,2})[ \t]*(?:\r?$|[ \t]{2})/,
        targets: [{ group: 'given' }],
        validate: 'passportName',
      },
      {
        // A name field with a remark in brackets before its separator: `中文姓名（备注，手工录入）：罗佳慧`, `姓名(拼音前)：…`.
        regex: /(?:姓[ \t\u3000]*名|名字)[ \t]*[（(][^（）()\r\n]{1,12}[)）][ \t]*[:：=][ \t]*(?<name>[\u4e00-\u9fa5]{2,4})(?![\u4e00-\u9fa5])/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // `by` before a Chinese name, whatever the verb before it (`2026-02-11 改密 by 韩悦`, `重置 by 王芳`).
        regex: /(?<![A-Za-z])by[ \t]+(?<name>[\u4e00-\u9fa5]{2,3})(?![\u4e00-\u9fa5])/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // A key,value row of a CSV export's header block (公积金 `姓名,钟晓辉,证件号码,…`).
        regex: /(?<=^|,)"?(?:姓[ \t\u3000]*名|户[ \t\u3000]*名|联系人|持卡人|开户名|职工姓名|客户姓名)"?,"?(?<name>[\u4e00-\u9fa5]{2,4})"?(?=,|\r?$)/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // A counterparty written as name and account (a bank statement's 对手信息 `"柯建平 6228…"`, `"柏文涛 中国银行
        // 6013…"`, a masked `尤晓蕾 6214****1107`).
        regex: /(?<=^|[,"\t|])(?<name>[\u4e00-\u9fa5]{2,4})[ \t]+(?:[\u4e00-\u9fa5]{2,10}[ \t]+)?(?:<CARD-\d+>|\d{4}[\d*]{7,14}\d)(?=["\t|,]|[ \t]*\r?$)/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // Whose payslip (`Subject: 2026年3月工资条 - 陶一鸣`, `陶一鸣的工资单`), and whose other HR paper (`瞿珊珊 的报销单 - 11月`).
        regex: /(?:工资条|工资单|薪资单|薪资条|薪酬单|工资明细)[ \t]*[-_－—–:：|][ \t]*(?<name>[\u4e00-\u9fa5]{2,3})(?![\u4e00-\u9fa5])|(?<![\u4e00-\u9fa5])(?<owner>[\u4e00-\u9fa5]{2,3})[ \t]?的[ \t]?(?:工资条|工资单|薪资单|薪资条|薪酬单|报销单|请假单|离职证明|在职证明|收入证明|体检报告|个税申报|报销附件|报销材料|报销凭证|发票|附件|个人资料|资料|档案|照片|证件|简历|文件夹|私人文件|个人文件|共享文件)/,
        targets: [{ group: 'name' }, { group: 'owner' }],
        validate: 'anyChineseName',
      },
      {
        // A name with an extension or staff number in brackets (`联系人力资源部 阮晓梅（分机 6021）`, `王芳(ext. 8123)`).
        regex: /(?<![\u4e00-\u9fa5])(?<name>[\u4e00-\u9fa5]{2,3})[ \t]?[(（](?:分机|工号|座机|内线|[Ee]xt\.?|EXT\.?)[ \t:：.]*\d/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // The people an e-invoice names (全电/数电 XML `<Drawer>宫晓雯</Drawer>`, `<Payee>`, `<Checker>`, `<Reviewer>`).
        regex: /<(?:Drawer|Payee|Checker|Reviewer|Invoicer|DRAWER|PAYEE|CHECKER|REVIEWER)(?:Name|NAME)?>(?<name>[\u4e00-\u9fa5]{2,4})<\//,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      {
        // A salutation (`尊敬的 邝林溪：`, SMS `尊敬的甄美玲，`, `【XX软件】莫志坚您好，`), not 尊敬的客户/用户/会员.
        regex: /尊敬的[ \t\u3000]*(?<name>[\u4e00-\u9fa5]{2,4}?)(?=[ \t\u3000]*(?:[：:，,！!]|您好|你好))|(?<=^|[】\]」"“'：:，,。！!\s>])(?<hello>[\u4e00-\u9fa5]{2,3})[ \t]*(?:您好|你好)/,
        targets: [{ group: 'name' }, { group: 'hello' }],
        validate: 'salutationName',
      },
      {
        // Who a task goes to (浪潮 `不在岗，转交 邵丽华 手机 …`, `移交给王芳`), who handled a form (`HR 经办：蔡晓琳`).
        regex: /(?:经办|转交(?:给)?|移交(?:给)?)[ \t\u3000]*(?:[:：][ \t\u3000]*)?(?<name>[\u4e00-\u9fa5]{2,3})(?=[ \t\u3000,，;；。]|\d|\r?$)/,
        targets: [{ group: 'name' }],
        validate: 'personName',
      },
      // Session 16 (name17): positions where a person's name stands, by grammar, in any tool or paper (validator
      // `placedName`: a Chinese name with a known surname, no word that calls no one, no title after a surname; a
      // Latin full name, accents allowed (`Ruairí Flanagan`, `Tobias Engström`), no account or product word).
      {
        // A role word before the name: a court's 审判长/审判员/书记员 (spaced as judgments print them), the police
        // officer who handled a certificate (经办民警), who is on duty or edited a page (`# 值班: 饶凯`, `最后编辑:
        // 司马俊驰 ·`), an administrator (`// 论坛管理员: 龚晓栋 (工会)`), an owner of a flat (`业主 岑志刚 / 蒋丽华：`),
        // with a second name after `/` or `、`.
        regex: /(?:(?<![\u4e00-\u9fa5])(?:审[ \t\u3000]*判[ \t\u3000]*[长员]|(?:人民)?陪[ \t\u3000]*审[ \t\u3000]*员|书[ \t\u3000]*记[ \t\u3000]*员|法官助理|执行员|(?:经办|办案|承办|接警|出警|值班)民警|代理律师|辩护人|业主|户主|房主)(?:[ \t\u3000]*[:：][ \t\u3000]*|[ \t\u3000]+)|(?:(?<![\u4e00-\u9fa5])(?:值班(?:人员|员)?|最后(?:编辑|修改|更新)(?:人|者)?|编辑(?:人|者)|整理(?:人|者)|对接人|处理人|借用人|跟进人|中奖人|获奖人)|管理员)[ \t\u3000]*[:：][ \t\u3000]*)(?<name>[\u4e00-\u9fa5]{2,4})(?=[ \t\u3000,，;；。、·|/)）(（]|\d|\r?$)(?:[ \t\u3000]*[/、][ \t\u3000]*(?<name2>[\u4e00-\u9fa5]{2,4})(?=[ \t\u3000,，;；。：:)）]|\r?$))?/,
        targets: [{ group: 'name' }, { group: 'name2' }],
        validate: 'placedName',
      },
      {
        // A Latin full name after a Chinese role word (SoftEther `Note … - 对接人Helena Vasquez`, pgAdmin `"Comment": "…;
        // 备用联系人 Ilse Vermeulen"`).
        regex: /(?:联系人|对接人|负责人|处理人|经办人|申请人|借用人|使用人|维护人|审批人|创建人|代理人|接口人|值班)[ \t\u3000]*(?:[:：][ \t\u3000]*)?(?<latin>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]{1,15})?(?: [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]{1,15})?){1,2})(?![\w@.-]|[a-zß-öø-ÿ])/,
        targets: [{ group: 'latin' }],
        validate: 'placedName',
      },
      {
        // A name before a kinship or a form of address (a parents' group `邵语桐妈妈 139…`, `钱思远 爸爸`, a letter's
        // `殷梓涵 同志（女，…）`); `同志们` calls a crowd.
        regex: /(?<![\u4e00-\u9fa5])(?<name>[\u4e00-\u9fa5]{2,3}?)(?:[ \t\u3000]?(?:妈妈|爸爸|家长|奶奶|爷爷|外婆|外公|姥姥|姥爷)(?![\u4e00-\u9fa5])|[ \t\u3000]*同志(?!们))/,
        targets: [{ group: 'name' }],
        validate: 'placedName',
      },
      // Session 17 (name18): a role noun before the name, whatever the role: any `…人` or `…员` (打包人, 装机人, 当事人,
      // 收费员, 调度员), not the words for no one in particular (本人, 个人, 他人, 法人, 机器人 …); the name ends at a
      // blank, a punctuation mark, a bracket or a digit. A prescription's or a work order's other hands (`调配：蒯文斌`,
      // `核对：…`, `发药：…`) stand with a colon.
      {
        regex: /(?<=[\u4e00-\u9fa5])(?<![本个他别某众家友好坏成老大小法器真外私工商名主客路恋敌文诗军华国世夫族杀超猎巨行旅情古今男女人动党官演职队学会成])[人员](?:[ \t\u3000]*[:：][ \t\u3000]*|[ \t\u3000]+)(?<name>[\u4e00-\u9fa5]{2,3}?)(?=[ \t\u3000,，;；。、·|/)）(（:：]|\d|\r?$)|(?<![\u4e00-\u9fa5])(?:调配|核对|发药|配药|复核|抄方|收方|计价)[ \t\u3000]*[:：][ \t\u3000]*(?<name2>[\u4e00-\u9fa5]{2,3}?)(?=[ \t\u3000,，;；。、·|/)）(（]|\d|\r?$)/,
        targets: [{ group: 'name' }, { group: 'name2' }],
        validate: 'placedName',
      },
      {
        // A signature after a dash (`— 卞志勇 写于 2025-09`, `—— 何晓君 产品部`, `-- 王芳`): the name, then what they did,
        // a date, their department, or the line's end.
        regex: /(?:—{1,2}|–|(?<![-\w])--)[ \t]*(?<name>[\u4e00-\u9fa5]{2,3}?)(?=[ \t]+(?:写于|记于|编写|整理|起草|拟稿|于|\d{4}|[\u4e00-\u9fa5]{1,8}(?:部|组|科|室|处|中心|团队)(?![\u4e00-\u9fa5]))|[ \t]*\r?$)/,
        targets: [{ group: 'name' }],
        validate: 'placedName',
      },
      {
        // A person in a bracketed remark: after their team (`// Apifox 环境导出 (测试组 吕敏)`), or before what they
        // did to the text (`# 组网笔记 (邵一鸣 整理, 2026-11)`).
        regex: /[(（](?:[\u4e00-\u9fa5]{1,6}(?:组|部|科|室|处|中心)[ \t\u3000]+(?<name>[\u4e00-\u9fa5]{2,3})[ \t\u3000]*[)）,，]|(?<name2>[\u4e00-\u9fa5]{2,3})[ \t\u3000]+(?:整理|编写|撰写|起草|记录|编制|制作|拟稿|审校)(?=[ \t\u3000]*[)）,，;；]))/,
        targets: [{ group: 'name' }, { group: 'name2' }],
        validate: 'placedName',
      },
      {
        // The addressee of a parcel or a letter (`…1703室 阮秋菊 收 139…`), and whom a ticket helped (`给 顾梦洁 远程装打印机`):
        // the name between blanks.
        regex: /(?<=[\s"“：:，,])(?:(?<name>[\u4e00-\u9fa5]{2,3})[ \t\u3000]+收(?=[ \t\u3000]|\d|[,，)）"”]|\r?$)|(?:给|帮|替)[ \t\u3000]+(?<name2>[\u4e00-\u9fa5]{2,3})[ \t\u3000]+(?=远程|装|配|开通|重置|改|发|传|申请|处理|安装|修|调|看|查))/,
        targets: [{ group: 'name' }, { group: 'name2' }],
        validate: 'placedName',
      },
      {
        // A name before the device or paper that is theirs (IP-guard `褚嘉明-笔记本`, tailscale `邵一鸣-MBP`, Syncthing
        // `梁书涵的ThinkPad`, `叶子轩-述职报告-2026.pptx`, a share `卢思淼-临时`); a brand before it is no name (`戴尔-笔记本`).
        regex: /(?<![\u4e00-\u9fa5A-Za-z0-9])(?<name>[\u4e00-\u9fa5]{2,3}?)(?:[-_－][ \t]?|的[ \t]?)(?:笔记本|电脑|台式机|主机|手机|平板|工作站|述职报告|述职|简历|临时|ThinkPad|Thinkpad|MacBook|Macbook|MBP|iMac|iPhone|iPad|Surface|Mac(?![a-z])|NB(?![A-Za-z])|PC(?![A-Za-z]))/,
        targets: [{ group: 'name' }],
        validate: 'placedName',
      },
      {
        // A Latin full name inside a device's or a paper's name (LAPS `Description : 研发-Anjali Venkatesan-工作站`, Syncthing
        // `name="NAS-Tobias Engström"`), and a person's own in English (`Lucas Meyer's mum`, `Ilse Vermeulen's laptop`).
        regex: /[\u4e00-\u9fa5][-_－](?<latin>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]{1,15})?(?: [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]{1,15})?){1,2})[-_－](?:工作站|笔记本|电脑|台式机|手机|平板|述职报告|简历|临时)|(?<![A-Za-z])(?:NAS|PC|NB|WS|LAPTOP|DESKTOP|Laptop|Desktop|MBP|MacBook|iMac|iPhone|iPad)[-_](?<latin2>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]{1,15})?(?: [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]{1,15})?){1,2})(?=["'<]|\r?$)|['’]s(?<=(?<![\w'’a-zß-öø-ÿ])(?<latin3>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]{1,15})?(?: [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]{1,15})?){1,2})['’]s)[ \t]+(?:mum|mom|mother|dad|father|parents?|wife|husband|son|daughter|kids?|children|laptop|desktop|phone|notebook|computer|workstation)(?![A-Za-z])/,
        targets: [{ group: 'latin' }, { group: 'latin2' }, { group: 'latin3' }],
        validate: 'placedName',
      },
      {
        // Who a phone line or a session shows (Asterisk `callerid="钱梓萱" <8012>`, a SIP header's `"Marcus Oyelaran"
        // <sip:8015@…>`, a domain client's `display="臧文静" uid=…`), a Python settings tuple of name and mail (Django
        // `ADMINS = [('欧阳靖远', 'x@…')]`), an LDAP entry's `cn: 金晓璐`, a pandas filter on a name column (`df[df['cPersonName']
        // == '仇雅楠']`), Samba `pdbedit -L`'s `login:uid:Full Name`, and the signature after a dash and a date (`— 2026-11-18 韦新宇`).
        regex: /(?<![\w-])(?:[Cc]aller_?[Ii][Dd]|CALLER_?ID|[Cc]id_?[Nn]ame|[Dd]isplay(?:_?[Nn]ame)?|DISPLAY(?:_?NAME)?)[ \t]*(?:=>?|:)[ \t]*(?<q>["']?)(?:(?<name>[\u4e00-\u9fa5]{2,4})|(?<latin>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]{1,15})?(?: [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]{1,15})?){1,2}))\k<q>(?=[ \t]*(?:<|[,;)]|\r?$)|[ \t]+[\w.-]+=)|(?<![\w"'])(?<q2>["'])(?:(?<name2>[\u4e00-\u9fa5]{2,4})|(?<latin2>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]{1,15})?(?: [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]{1,15})?){1,2}))\k<q2>[ \t]*(?:<(?:sips?:)?\+?\d{2,15}(?:@[^>\s]{0,80})?>|,[ \t]*["'](?:<EMAIL-\d+>|[\w.%+-]+@))|^(?:cn|CN|displayName|fullName)[ \t]*:[ \t]*(?<name3>[\u4e00-\u9fa5]{2,4})[ \t]*\r?$|[Nn]ame["']?\]?[ \t]*(?:==|!=|=|:)[ \t]*["'](?<name4>[\u4e00-\u9fa5]{2,4})["']|^(?:<USER-\d+>|[a-z_][a-z0-9._-]{0,31}):\d{1,10}:(?<name5>[\u4e00-\u9fa5]{2,4})[ \t]*\r?$|(?:—|–|--)[ \t]*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ \t]+(?<name6>[\u4e00-\u9fa5]{2,3})[ \t]*\r?$/,
        targets: [{ group: 'name' }, { group: 'latin' }, { group: 'name2' }, { group: 'latin2' }, { group: 'name3' }, { group: 'name4' }, { group: 'name5' }, { group: 'name6' }],
        validate: 'placedName',
      },
      {
        // A shell prompt that shows its user's full name (macOS `Ruairí Flanagan@HY-MBP-0193 ~ % …`).
        regex: /^(?<latin>[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]{1,15})?(?: [A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]{1,15}(?:-[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]{1,15})?){1,2})@[\w.-]{1,63}[ \t]+[^\r\n%$#]{0,80}[%$#][ \t]/,
        targets: [{ group: 'latin' }],
        validate: 'placedName',
      },
      {
        // `群公告 from 孔令昊`: an English `from` before a Chinese name.
        regex: /(?<![A-Za-z])[Ff]rom[ \t]+(?<name>[\u4e00-\u9fa5]{2,3})(?![\u4e00-\u9fa5])/,
        targets: [{ group: 'name' }],
        validate: 'placedName',
      },
      // Log prose and fields (person-prose.ts, session 18, name19).
      ...PERSON_PROSE_PATTERNS,
      // nameeu23 (session 22): European, Cyrillic and Arabic names (person-eu.ts).
      ...PERSON_EU_PATTERNS,
      // Korean, Japanese, Vietnamese, HL7 v2 and more Chinese grammars (person-cjk.ts, session 22, namecjk23).
      ...PERSON_CJK_PATTERNS,
      // name25 (session 23): Latin names in many languages' contexts (person-latin.ts).
      ...PERSON_LATIN_PATTERNS,
      // cjk25 (session 23): contract parties, a pharmacy's and a patient's people, office extensions, file names, dotted names (person-cn25.ts).
      ...PERSON_CN25_PATTERNS,
      // script26 (session 24): Arabic, Hebrew, Greek, Malay and Vietnamese names, upper-case transliterations (script26.ts).
      ...SCRIPT26_NAME_PATTERNS,
    ],
    // macOS dscl prints a value with non-ASCII characters on the line after its key: `RealName:` ⏎ ` 秦梦瑶`.
    // namecjk23 (session 22): a Japanese form prints the kanji name under its reading (`氏名 （フリガナ）ワタナベ ショウタ`
    // ⏎ `  渡辺 翔太` (ideographic blanks)), indented.
    opensValueOnNextLine: 'realNameKeyOnItsOwnLine',
    // nameeu23 (session 22): or a letter's address block, the name after a salutation alone on its line (`Herrn` ⏎ `Tobias
    // Brandt`, at the line's start): accented letters and a particle too (`Aurélie de Vries`).
    nextLineValue: new RegExp(String.raw`^[ \t\u3000]*(?<secret>${JAPANESE_NAME_ALONE}|[\u4e00-\u9fa5]{2,4}|[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿĀ-ž]{1,15}(?: (?:(?:de|van|von|der|da|di|du|del|la|le) ){0,2}[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿĀ-ž]{1,15}(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿĀ-ž]{1,15})?){1,2})[ \t\u3000]*\r?$`), // namecjk23: a Japanese name alone
  },
  {
    id: 'address',
    nameKey: 'rule.address',
    description: 'Chinese street addresses: a road, street or lane with its number (…路 665 弄 12 号 801 室, …大道中段 1268 号 6 栋 2 单元 1102), with the city and district before it and the building, floor and room after it; a residential address after its city without a street number (…市…区…街道嘉绿苑西区 7 幢 3 单元 402 室)',
    category: 'personal',
    optional: false,
    placeholder: 'ADDRESS',
    // Latin and Japanese addresses in log lines: person-prose.ts (session 18, name19).
    // Session 22 (addr23): street addresses of other countries and scripts (street-address.ts).
    scan: {
      marks: `号|弄|幢|栋|座[ \\t]*\\d|${ADDRESS_PROSE_MARKS}|${STREET_ADDRESS_MARKS}|${SCRIPT26_ADDRESS_MARKS /* script26 */}`,
      words: [...new Set([...ADDRESS_PROSE_WORDS, ...STREET_ADDRESS_WORDS, ...ADDR25_WORDS, ...SCRIPT26_ADDRESS_WORDS /* script26 */])].map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'),
    },
    // addr23: a numbered section of a road (`芙蓉中路一段479号`) as its quarter (`…大道中段 1268 号`).
    trigger: new RegExp(`${/(?:路|街|大道|巷|胡同|弄|村)(?:[东西南北中一二三四五六七八九十]段)?[ \t]*\d{1,5}[ \t]*(?:号|弄)|市[^\r\n]{0,40}?\d[ \t]*(?:幢|栋|号楼|座)[ \t]*\d/.source}|${ADDRESS_PROSE_TRIGGER}|${STREET_ADDRESS_TRIGGER}|${ADDR25_TRIGGER}|${SCRIPT26_ADDRESS_TRIGGER /* script26 */}`, 'i'),
    patterns: [
      {
        // A residential address without a street number (a courier's SMS: `浙江省杭州市西湖区古荡街道嘉绿苑西区
        // 7 幢 3 单元 402 室`): the city (and province) before it, a building, its unit and a room number after.
        regex: /(?<![\u4e00-\u9fa5])(?:[\u4e00-\u9fa5]{2,7}?(?:省|自治区))?[\u4e00-\u9fa5]{2,7}?市[\u4e00-\u9fa5A-Za-z]{2,30}?[ \t]*\d{1,4}[ \t]*(?:幢|栋|号楼|座)(?:[ \t]*\d{1,3}[ \t]*单元)?(?:[ \t]*\d{1,2}[ \t]*(?:楼|层))?[ \t]*\d{3,5}(?:[ \t]*(?:室|房|户))?(?!\d)/,
        validate: 'streetAddress',
      },
      {
        // A village's house number too (session 17, name18: `…华舍街道蜀阜村 88 号`), after its town, township, subdistrict or county.
        regex: /[\u4e00-\u9fa5]{2,16}?(?:路|街|大道|巷|胡同|(?<=(?:镇|乡|街道|县|区)[\u4e00-\u9fa5]{1,6})村)(?:[东西南北中一二三四五六七八九十]段)?[ \t]*\d{1,5}[ \t]*(?:号|弄)(?:[ \t]*[\u4e00-\u9fa5A-Za-z]{0,12}?[ \t]*\d{1,5}[ \t]*(?:号楼|号|弄|栋|幢|座|单元|楼|层|室|户))*(?:[ \t]*\d{3,5}(?:室)?(?!\d))?/,
        validate: 'streetAddress',
      },
      ...ADDRESS_PROSE_PATTERNS,
      // Session 22 (addr23): street addresses of other countries and scripts.
      ...STREET_ADDRESS_PATTERNS,
      // Session 23 (addr25): addresses under their key in a dozen languages, vCard ADR, LDIF (street-address-keyed.ts).
      ...ADDR25_PATTERNS,
      // script26 (session 24): Spanish, Malay, Singapore, Greek, Hebrew, Arabic and Ukrainian streets (script26.ts).
      ...SCRIPT26_ADDRESS_PATTERNS,
    ],
  },
  {
    id: 'windows-sid',
    nameKey: 'rule.windows-sid',
    description: 'Windows account SIDs of a machine or domain (S-1-5-21-…, Azure AD S-1-12-1-…); well-known SIDs such as S-1-5-18 are kept',
    category: 'personal',
    optional: false,
    placeholder: 'SID',
    scan: { words: 's-1-' },
    trigger: /s-1-5-21-|s-1-12-1-/i,
    patterns: [{ regex: /(?<![\w-])S-1-(?:5-21|12-1)-\d{1,10}-\d{1,10}-\d{1,10}(?:-\d{1,10})?(?![\w-])/ }],
  },
  {
    id: 'ipv4-public',
    nameKey: 'rule.ipv4-public',
    description: 'public IPv4 addresses (private, loopback, link-local, CGNAT, documentation, multicast and reserved ranges are kept)',
    category: 'network',
    optional: true,
    placeholder: 'IP',
    scan: { digits: String.raw`\d\.\d{1,3}\.\d{1,3}\.\d` },
    trigger: /\d\.\d{1,3}\.\d{1,3}\.\d/,
    patterns: [
      {
        // An ellipsis may stand before it (strongSwan `established between 115.236.9.42[…]...39.144.18.202[peer]`), a
        // single dot may not (`1.2.3.4.5`, `v10.1.2.3`).
        regex: /(?<![\w:-])(?<!(?:^|[^.])\.)(?:\d{1,3}\.){3}\d{1,3}(?![\w-]|\.\d)/,
        validate: 'publicIPv4',
      },
    ],
  },
  {
    id: 'ipv6-public',
    nameKey: 'rule.ipv6-public',
    description: 'global unicast IPv6 addresses (2000::/3; link-local fe80::/10, unique-local fc00::/7, loopback and documentation are kept)',
    category: 'network',
    optional: true,
    placeholder: 'IP',
    scan: { digits: String.raw`[23][0-9a-fA-F]{3}:[0-9a-fA-F]{0,4}:` },
    trigger: /[23][0-9a-f]{3}:[0-9a-f]{0,4}:/i,
    patterns: [
      {
        // netstat prints `addr:port` even for IPv6: a trailing `:port` may follow.
        regex: /(?<![\w:.])[23][0-9a-f]{3}(?::[0-9a-f]{0,4}){2,7}(?:%[\w.]+)?(?:(?![\w:])|(?=:\d{1,5}(?![\w:])))/i,
        validate: 'publicIPv6',
      },
    ],
  },
  {
    id: 'mac-address',
    nameKey: 'rule.mac-address',
    description: 'MAC addresses (aa:bb:cc:dd:ee:ff, aa-bb-…, aabb.ccdd.eeff), also inside a DHCPv6 client DUID; all-zero and broadcast are kept',
    category: 'network',
    optional: true,
    placeholder: 'MAC',
    // Four groups at least: `08:00:00` (a time) has only three.
    scan: { digits: String.raw`[0-9a-fA-F]{2}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}|[0-9a-fA-F]{2}-[0-9a-fA-F]{2}-[0-9a-fA-F]{2}-[0-9a-fA-F]{2}|[0-9a-fA-F]{4}\.[0-9a-fA-F]{4}\.|[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}` },
    trigger: /[0-9a-f]{2}[:-][0-9a-f]{2}[:-][0-9a-f]{2}|[0-9a-f]{4}\.[0-9a-f]{4}\.|[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}/i,
    identity: 'macDigits',
    patterns: [
      {
        regex: /(?<![\w:.-])(?:[0-9A-Fa-f]{2}(?<s>[:-])(?:[0-9A-Fa-f]{2}\k<s>){4}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:.-])/,
        // All-zero, broadcast and multicast (group bit set in the first octet) name no machine.
        validate: 'unicastMac',
      },
      {
        // Huawei/H3C VRP and Comware write a MAC in three dash-joined groups of four, lower case
        // (`display mac-address`: `70fd-4513-9c2e 10/- GE0/0/7 dynamic`); a hex letter at least, so a
        // digit-only `1380-0138-0000` stays, and never a UUID's middle (the dashes on both sides).
        regex: /(?<![\w:.-])(?=[0-9-]{0,13}[a-f])[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}(?![\w:.-])/,
        validate: 'unicastMac',
      },
      {
        // A DHCPv6 DUID-LLT / DUID-LL of an Ethernet interface (ipconfig's "DHCPv6 Client DUID",
        // dhclient leases): type, hardware type 1, for LLT four bytes of time, then the MAC.
        regex: /(?<![\w:.-])00(?<s>[:-])0(?<type>[13])\k<s>00\k<s>01\k<s>(?<time>(?:[0-9A-Fa-f]{2}\k<s>){4})?(?<mac>(?:[0-9A-Fa-f]{2}\k<s>){5}[0-9A-Fa-f]{2})(?![\w:.-])/,
        targets: [{ group: 'mac' }],
        validate: 'duidMac',
      },
    ],
  },
  {
    id: 'hostname',
    nameKey: 'rule.hostname',
    description: 'fully qualified host names with a known top-level domain (file names, Java packages, well-known public service domains and example domains are kept), and NetBIOS names in Windows event XML (WorkstationName, ClientName)',
    category: 'network',
    optional: true,
    placeholder: 'HOST',
    // Windows event XML names a machine by its NetBIOS name, no domain (`<Data Name='WorkstationName'>LIJUN-HOME`).
    scan: { words: `${HOST_TLD_WORDS}|workstation|clientname|computername|machinename|desktop-|laptop-|win-`, marks: HOST_TLD_MARKS },
    trigger: /[a-z0-9-]\.[a-z]{2,}|(?:workstation(?:name)?|clientname|computername|machinename)["'][ \t]*>[a-z0-9]|(?:desktop|laptop)-[a-z0-9]|win-[a-z0-9]{11}/i,
    patterns: [
      {
        // A NetBIOS name (at most 15 characters) in an element named for the machine it came from:
        // event 4624/4625/4776 `WorkstationName`, `Workstation`, RDP `ClientName`.
        regex: /<Data[ \t]+Name[ \t]*=[ \t]*(?<q>["'])(?:WorkstationName|Workstation|ClientName|ComputerName|MachineName)\k<q>[ \t]*>(?<host>[A-Za-z0-9][A-Za-z0-9-]{0,14})<\/Data>/,
        targets: [{ group: 'host' }],
        validate: 'netbiosName',
      },
      {
        // After `//` (a URL's host) but not after `dir/` (a path's file name).
        regex: /(?<![\w.@\\-]|[\w.-]\/)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?<tld>[A-Za-z]{2,24})(?![\w-]|\.[A-Za-z0-9]|\()/,
        validate: 'privateLookingHost',
      },
      {
        // Windows' default machine names, no domain: `DESKTOP-` or `LAPTOP-` and seven random characters
        // (or what the owner typed: `LAPTOP-ZYM-X1`), Windows Server's `WIN-` and eleven.
        regex: /(?<![\w.-])(?<host>(?:DESKTOP|LAPTOP)-[A-Z0-9](?:[A-Z0-9-]{0,13}[A-Z0-9])?|WIN-[A-Z0-9]{11})(?![\w.-])/,
        targets: [{ group: 'host' }],
        validate: 'netbiosName',
      },
    ],
  },
];

/**
 * The rules for an item: the table without the layout rules, or for an item with a layout
 * (formats.ts `detectLayout`) the table with that layout's patterns of them.
 */
export function rulesFor(layout: ItemLayout | undefined): readonly RedactionRule[] {
  const cached = byLayout.get(layout);
  if (cached) return cached;
  const rules = RULES.flatMap((r) => {
    if (!r.layoutOnly) return [r];
    const patterns = r.patterns.filter((p) => p.layout === layout);
    return layout !== undefined && patterns.length > 0 ? [{ ...r, patterns }] : [];
  });
  byLayout.set(layout, rules);
  return rules;
}
const byLayout = new Map<ItemLayout | undefined, readonly RedactionRule[]>();

/** Ids of the rules that are off unless asked for. */
export const OPTIONAL_RULE_IDS: readonly string[] = RULES.filter((r) => r.optional).map((r) => r.id);
