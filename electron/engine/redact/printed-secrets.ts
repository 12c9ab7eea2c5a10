/**
 * Secrets a file format or a tool prints in a form of its own, with no key word beside them (session 16, secret17).
 *
 * Each form is a grammar that holds a secret wherever it is written: a Samba password file's row (its LM and NT
 * hashes), an LDAP password hash tagged with its scheme (`{SSHA}…`, printed alone by `slappasswd`, after `rootpw`,
 * in an LDIF), a cloud drive's share link and the extraction code shared with it (`提取码 x`), a gift card's code after
 * `卡密`. secret-assignment takes the patterns, the wake words and the trigger from here, and its gate asks
 * isPrintedSecretLine, so the four agree.
 */

/** An LDAP `userPassword` scheme (RFC 2307, OpenLDAP, 389-ds, Dovecot): a password hash follows it. */
const LDAP_SCHEME = String.raw`S?SHA(?:224|256|384|512)?|SMD5|MD5|CRYPT|PBKDF2(?:[_-]SHA(?:1|256|512))?|ARGON2(?:I|D|ID)?|BCRYPT|SCRYPT|SSHA(?:256|384|512)`;

/** Cloud drives whose share link is the access to the files (with its code, when one is set). */
const SHARE_LINK = String.raw`https?:\/\/(?:pan\.baidu\.com\/s\/|(?:www\.)?(?:alipan|aliyundrive)\.com\/s\/|pan\.quark\.cn\/s\/|(?:www\.)?123pan\.com\/s\/|cloud\.189\.cn\/t\/|pan\.xunlei\.com\/s\/|share\.weiyun\.com\/)`;

/**
 * Labels of a code typed to open a share or redeem a card: 提取码, 访问码, 提取密码 (a share), 卡密, 兑换码, 激活码, 充值码, 券码 (a card).
 * Not a parcel's pickup code (菜鸟驿站 `取件码 3-2-1804`): no account behind it.
 */
/** A Zabbix item key's parameter, quoted or not (the connection, the login). */
const ZABBIX_PARAM = String.raw`["']?[^"',\]\s]{0,256}["']?`;

// Session 20 (fp21): and in English, as a drive's client logs it (阿里云盘 `created share link https://www.alipan.com/s/… with
// extract code 8q2w`, `extraction code: k7x2`); a code of letters and digits only there (printedSecret): `extract code from` is prose.
const CODE_LABEL = String.raw`提取码|提取密码|访问码|访问密码|卡密|兑换码|激活码|充值码|券码|[Ee]xtract(?:ion)?[ \t]+code`;
/** A test account's label (the login and its password follow, `x / pw`). */
const TEST_ACCOUNT_LABEL = String.raw`测试号|测试[账帐]号|演示[账帐]号|体验[账帐]号`;
/** A card or share code: dash-separated groups (`JDE-7K2Q-9XM4-VLT8`) or one run of letters and digits. */
const CODE = String.raw`[A-Za-z0-9]{3,8}(?:-[A-Za-z0-9]{3,8}){1,5}|[A-Za-z0-9]{4,32}`;
const CODE_SEP = String.raw`[ \t]*[/,，、;；|][ \t]*`;

/**
 * Session 17 (secret18): a password hash in modular-crypt form, complete (scheme, cost or salt, digest of its scheme's
 * length), wherever it stands — an account store's value (OpenSearch `internal_users.yml` `hash: "$2y$12$…"`, Traefik and
 * ngrok user lists, `useradd -p '$6$…'`, an `/etc/shadow` line) or printed alone (`hash.sh -p`, `mkpasswd`, `htpasswd -nbB`):
 * each is a password that can be tried offline. bcrypt, SHA-crypt, MD5-crypt (`$1$`, `$apr1$`), yescrypt, Argon2 (bcrypt's 53
 * characters loosened to 50–56: hand-made examples and truncated copies are off by one or two).
 */
const CRYPT_HASH = String.raw`\$2[abxy]\$\d{2}\$[./A-Za-z0-9]{50,56}|\$[56]\$(?:rounds=\d{1,9}\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{43,86}|\$(?:1|apr1)\$[./A-Za-z0-9]{1,8}\$[./A-Za-z0-9]{22}|\$y\$[./A-Za-z0-9]{1,32}\$[./A-Za-z0-9]{1,86}\$[./A-Za-z0-9]{43}|\$argon2(?:id|i|d)\$v=\d{1,3}\$m=\d{1,9},t=\d{1,4},p=\d{1,3}\$[A-Za-z0-9+/]{11,64}\$[A-Za-z0-9+/]{16,128}`;

/**
 * Session 18 (secret19): a PBKDF2 or scrypt password hash in the form a framework stores it, complete (iterations or cost,
 * salt, digest): Jellyfin/.NET `$PBKDF2-SHA512$iterations=120000$<hex salt>$<hex digest>`, passlib `$pbkdf2-sha256$29000$<salt>$<digest>`,
 * Django `pbkdf2_sha256$600000$<salt>$<base64 digest>` (also `argon2$argon2id$…`, `scrypt$…`), Werkzeug/Flask
 * `pbkdf2:sha256:600000$<salt>$<hex digest>`, `scrypt:32768:8:1$<salt>$<hex digest>`.
 */
const KDF_HASH = String.raw`\$PBKDF2(?:-SHA(?:1|256|384|512))?\$iterations=\d{1,9}\$[0-9A-Fa-f]{8,128}\$[0-9A-Fa-f]{32,256}|\$pbkdf2(?:-sha(?:1|256|512))?\$\d{1,9}\$[./A-Za-z0-9]{4,64}\$[./A-Za-z0-9]{27,128}|pbkdf2_sha(?:1|256|512)\$\d{1,9}\$[A-Za-z0-9./+]{4,64}\$[A-Za-z0-9+/]{27,88}={0,2}|argon2\$argon2(?:id|i|d)\$v=\d{1,3}\$m=\d{1,9},t=\d{1,4},p=\d{1,3}\$[A-Za-z0-9+/]{11,64}\$[A-Za-z0-9+/]{16,128}|scrypt\$\d{1,9}\$[A-Za-z0-9./+]{4,64}\$\d{1,3}\$\d{1,3}\$[A-Za-z0-9+/]{27,128}={0,2}|pbkdf2:sha(?:1|256|512)(?::\d{1,9})?\$[A-Za-z0-9]{4,64}\$[0-9a-f]{40,128}|scrypt:\d{1,9}:\d{1,3}:\d{1,3}\$[A-Za-z0-9]{4,64}\$[0-9a-f]{64,256}`;

export const PRINTED_SECRET_PATTERNS: readonly { readonly regex: RegExp; readonly groups: readonly string[] }[] = [
  {
    regex: new RegExp(String.raw`(?<![\w$./+])(?<crypt>${CRYPT_HASH})(?![\w./+$])`),
    groups: ['crypt'],
  },
  {
    regex: new RegExp(String.raw`(?<![\w$./+])(?<kdf>${KDF_HASH})(?![\w./+$=])`),
    groups: ['kdf'],
  },
  {
    // Session 17 (secret18): HashiCorp's ACL tokens as `nomad acl bootstrap`, `nomad acl token create|self|info` and Consul print them:
    // `Secret ID    = <uuid>` (the `Accessor ID` beside it only names the token).
    regex: /^[ \t]*Secret[ \t]ID[ \t]*[=:][ \t]*(?<sid>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![\w-])/i,
    groups: ['sid'],
  },
  {
    // Samba's smbpasswd file and `pdbedit -L -w`: `user:uid:LM:NT:[flags]:LCT-<hex>:` (an LM of X's when none is kept).
    regex: /^[^\s:#][^\s:]{0,63}:\d{1,10}:(?:X{32}|NO PASSWORDX{21}|(?<lm>[0-9A-Fa-f]{32})):(?<nt>[0-9A-Fa-f]{32}):\[[A-Z ]{1,16}\]:LCT-[0-9A-Fa-f]{8}:/,
    groups: ['lm', 'nt'],
  },
  {
    // A scheme-tagged password hash anywhere (`slappasswd` prints it alone, slapd.conf's `rootpw {SSHA}…`, LDIF's
    // `userPassword: {CRYPT}$6$…`): at least 16 characters of hash after the tag, so `{SSHA}` named in prose stays.
    regex: new RegExp(String.raw`(?<![\w{}])\{(?:${LDAP_SCHEME})\}(?<hash>[A-Za-z0-9+/=.$_-]{16,512})(?![A-Za-z0-9+/=.$_-])`, 'i'),
    groups: ['hash'],
  },
  {
    // Jetty's realm files (Rundeck `realm.properties`, Jetty `etc/realm.properties`): `user: OBF:…|MD5:…|CRYPT:…[, role …]`;
    // Jetty's obfuscated `OBF:` anywhere (`jetty.sslContext.keyStorePassword=OBF:…`): no other tool writes it. (Session 18, secret19:
    // after user-name took the login, `<USER-n>:MD5:…`.) Not a key's MD5 fingerprint in pairs (`ssh_key: MD5:9f:2c:…`, fp20).
    regex: /^[ \t]*(?:[\w.@-]{1,64}|<USER-\d+>)[ \t]*[:=][ \t]*(?<realm>(?:MD5|CRYPT):(?!(?:[0-9a-f]{2}:){3})[^\s,]{8,128})[ \t]*(?:,|\r?$)|(?<![\w-])(?<obf>OBF:[0-9a-z]{8,256})(?![\w-])/,
    groups: ['realm', 'obf'],
  },
  {
    // A cloud drive's share link: the id after `/s/` opens the files (百度网盘, 阿里云盘, 夸克, 123 云盘, 天翼云盘, 迅雷, 微云).
    regex: new RegExp(String.raw`${SHARE_LINK}(?<share>[A-Za-z0-9_-]{6,64})`, 'i'),
    groups: ['share'],
  },
  {
    // The code typed with it, or a card's code: `提取码: hy26`, `(提取码 k7x2)`, `京东卡卡密(一等奖以外): JDE-… / JDE-…`.
    // (The colon's blanks are one optional group: `[ \t]*[:：]?[ \t]*` split a run of blanks every way, quadratic.)
    regex: new RegExp(String.raw`(?:${CODE_LABEL})(?:[^:：\s\r\n]{0,16}[:：]|[ \t]*[:：])?[ \t]*(?<c1>${CODE})(?![A-Za-z0-9-])(?:${CODE_SEP}(?<c2>${CODE})(?![A-Za-z0-9-]))?(?:${CODE_SEP}(?<c3>${CODE})(?![A-Za-z0-9-]))?(?:${CODE_SEP}(?<c4>${CODE})(?![A-Za-z0-9-]))?`),
    groups: ['c1', 'c2', 'c3', 'c4'],
  },
  {
    // A test account handed over in chat or a ticket as `login / password` (`CRM 测试号 crm_demo / Crm#demo-1126`, `测试账号：qa01/Qa@2026`):
    // the password after the slash, when it has a password's shape (validator; `测试号 qa01 / 明天停用` stays).
    regex: new RegExp(String.raw`(?:${TEST_ACCOUNT_LABEL})[ \t]*(?:[:：][ \t]*)?[A-Za-z][\w.@-]{1,63}[ \t]*[/／][ \t]*(?<pair>[^\s/／,，。；;、）)]{4,64})`),
    groups: ['pair'],
  },
  {
    // Session 19 (fp20): Zabbix agent 2's database plugins take the login and the password as positional parameters of an item
    // key (`zabbix_get -k 'mysql.ping["tcp://10.0.0.5:3306","zbx_monitor","<pw>"]'`, `pgsql.ping[uri,user,pw,db]`, `oracle.…`,
    // `mongodb.…`, `mssql.…`, `memcached.…`; `redis.ping[uri,pw]`): the third (Redis: the second), not a `{$MACRO}` or empty.
    regex: new RegExp(String.raw`(?<![\w.-])(?:(?:mysql|pgsql|mongodb|oracle|mssql|memcached)\.[a-z_.]{2,48}\[${ZABBIX_PARAM},${ZABBIX_PARAM},|redis\.[a-z_.]{2,48}\[${ZABBIX_PARAM},)["']?(?<zpw>(?![{$])[^"',\]\s]{1,128})["']?(?=[,\]])`),
    groups: ['zpw'],
  },
];

/** Tools and one-secret files whose output is the secret alone (their opener is rule-validators.ts's opensValueOnNextLine). */
// Session 17 (secret18): `pritunl setup-key`, and headings that name the key on the next line (rule-validators.ts KEY_HEADING).
const PRINTING_WORDS = ['icinga2 pki', 'wg gen', 'openssl rand', 'pwgen', 'kubeadm token', 'join-token', 'vncsettings', 'master.key', 'authd.pass', 'run/secrets/', 'setup-key', 'certificate key', 'encryption key', 'decryption key', 'recovery key', 'setup key', 'master key', 'api key', 'access key', 'license key', 'licence key'];

/** Plain literals of the words scan (lower case; none starts with a character common in logs or a digit: scan-shape). */
export const PRINTED_SECRET_WORDS: readonly string[] = [
  '$argon2',
  'lct-',
  'obf:',
  'crypt:',
  '{ssha',
  '{sha',
  '{smd5}',
  '{md5}',
  '{crypt}',
  '{pbkdf2',
  '{argon2',
  '{bcrypt}',
  '{scrypt}',
  // Session 18 (secret19): PBKDF2 and scrypt hashes as frameworks store them (KDF_HASH).
  'pbkdf2',
  'argon2$',
  'scrypt$',
  'scrypt:',
  // A drive's name, not its `.com/s/`: a hit that ends past `.com` would hide the host-name rule's `.com` (the words scan
  // resumes after its hit).
  'pan.baidu',
  'alipan',
  'aliyundrive',
  'pan.quark',
  'pan.xunlei',
  'cloud.189',
  'share.weiyun',
  // Session 20 (fp21): a share's code labelled in English (CODE_LABEL).
  'extract code',
  'extraction code',
  // Commands and files that print a secret alone on the next line (rule-validators.ts, opensValueOnNextLine).
  ...PRINTING_WORDS,
  // Session 19 (fp20): Zabbix agent 2's plugin keys (`mysql.` and `mongo` wake the rule already).
  'pgsql.',
  'oracle.',
  'mssql.',
  'memcached.',
  'redis.',
];

/** Marks-scan alternatives (each starts with a Han character, as the marks scan's other Chinese words). */
// None may hide another rule's mark that starts inside it (the marks scan resumes after its hit): `提取密码`/`访问密码`
// wake by secret-assignment's own `密码`, `卡密` not before `码`/`钥` (银行卡密码 is cloud-key's and high-entropy's `密码`), a test
// account by its first word before `号`/`账号` (the address rule's `号`, user-name's `账号`) — but `测试号` whole: it is
// user-name's own mark too (the login of `测试号 x / pw`), and a hit of `测试` alone would hide it (merge, session 16).
// (A negative look-ahead only: the engine names a hit's rules by matching the hit text alone, where `(?=号)` fails.)
export const PRINTED_SECRET_MARKS = String.raw`提取码|访问码|卡密(?![码碼钥])|兑换码|激活码|充值码|券码|测试号|测试(?![^号账帐])|演示(?![^账帐])|体验(?![^账帐])`;

/** The trigger's alternatives (case-insensitive) and the gate's test: a literal of each form. */
export const PRINTED_SECRET_TRIGGER = String.raw`^[ \t]*secret[ \t]id[ \t]*[=:]|\$(?:2[abxy]|[156]|apr1|y|argon2(?:id|i|d))\$[./A-Za-z0-9=]{2}|:lct-[0-9a-f]{8}:|obf:[0-9a-z]{8}|\$pbkdf2[-$]|pbkdf2_sha\d|pbkdf2:sha\d|argon2\$argon2|scrypt\$\d|scrypt:\d|[:=][ \t]*(?:md5|crypt):\S{8}|\{(?:${LDAP_SCHEME})\}[A-Za-z0-9+/=.$_-]{16}|${SHARE_LINK}|${CODE_LABEL}|${TEST_ACCOUNT_LABEL}|(?:mysql|pgsql|mongodb|oracle|mssql|memcached|redis)\.[a-z_.]{2,48}\[|` + PRINTING_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]+')).join('|');
const PRINTED_SECRET_TEST = new RegExp(PRINTED_SECRET_TRIGGER, 'i');

export function isPrintedSecretLine(line: string): boolean {
  return PRINTED_SECRET_TEST.test(line);
}

/**
 * A code after its label: letters and digits mixed (`k7x2`, `JDE-7K2Q-9XM4-VLT8`), or a short run of one kind (a share's
 * four characters `abcd`, `8866`); not a longer word or number (`提取码 download`, a year glued to a date).
 */
export function isPrintedCode(v: string): boolean {
  if (/\d/.test(v) && /[A-Za-z]/.test(v)) return true;
  return v.length <= 8 && !v.includes('-');
}
