/**
 * Session 20 (secret21): a network device's configuration — one family, one place (secret-assignment's patterns, gate,
 * trigger and wake words for it come from here).
 *
 * - Clear-text directives: Cisco/Ruijie type 0 (`username x privilege 1 password 0 pw`, `line vty` ⏎ ` password 0 pw`,
 *   `secret 0`, `key 0`), a typeless `username x [privilege n] password|secret pw`, 天融信 TopSec `… add name x password|passwd pw`,
 *   an HA heartbeat key (`ha heartbeat key x`), Ruijie's portal key (`web-auth portal key x`), TopSec's
 *   `snmp community add name x`, and the community a trap host is given (`snmp-server host <ip> [traps|informs]
 *   [version 1|2c] <community>`; SNMPv3's user is no secret).
 * - The password, secret or shared key a command line sets, clear or hashed (Cisco IOS/ASA `enable password Y encrypted`,
 *   `enable secret 5 $1$…`, a radius/tacacs server's `key "Y"` or ` key Y` under it), HPE Aruba/ProCurve
 *   `password manager user-name "x" sha1 "Y"`, `snmpv3 user "x" auth sha "Y" priv aes "Z"`.
 *
 * One validator (isDeviceSecret): a value that is no value (key-names.ts's notAValue), a word of the command itself
 * (`key chain`, `password encryption`), `public`/`private` (every device's factory community: a learned value is
 * replaced archive-wide, the word `public` in every sentence) is kept; a key, hash or tool's community also when shorter than 4 or a path.
 */
import { isCommonWord } from './common-words.js';
import { notAValue } from './key-names.js';
import { passwordShape } from './password-shape.js';

export const DEVICE_SECRET_PATTERNS: readonly { readonly regex: RegExp; readonly groups: readonly string[] }[] = [
  {
    regex: /(?:^|[ \t])(?:(?:password|secret|key)[ \t]+0[ \t]+(?<t0>[^\s"']+)|username[ \t]+(?!(?:and|or)[ \t])\S{1,64}[ \t]+(?:privilege[ \t]+\d{1,2}[ \t]+)?(?:password|secret)[ \t]+(?![0-9][ \t])(?<plain>[^\s"']+)(?:[ \t]+(?:encrypted|pbkdf2|nt-encrypted|mschap))?(?:[ \t]+privilege[ \t]+\d{1,2})?[ \t]*\r?$|(?:add|set|modify)[ \t]+name[ \t]+\S{1,64}[ \t]+(?:password|passwd)[ \t]+(?<tos>[^\s"']+)|(?:ha|vrrp)[ \t]+heartbeat[ \t]+key[ \t]+(?<hb>[^\s"']+)|web-auth[ \t]+portal[ \t]+key[ \t]+(?!\d[ \t])(?<portal>[^\s"']+)|snmp[ \t]+community[ \t]+(?:add|set|modify)[ \t]+name[ \t]+(?<comm>[^\s"']+)|snmp-server[ \t]+host[ \t]+[\w.-]{1,64}[ \t]+\S{1,255}(?:[ \t]+(?:trap|poll))?[ \t]+community[ \t]+(?:[08][ \t]+)?(?<asacomm>[^\s"']+)|snmp-server[ \t]+host[ \t]+\S{1,255}(?:[ \t]+(?:traps|informs))?(?:[ \t]+version[ \t]+(?:1|2c))?[ \t]+(?!(?:version|traps|informs|vrf|udp-port)\b|[\d.]{7,15}(?:[ \t]|\r?$))(?<hostcomm>[^\s"']+)|(?:secret|password)[ \t]+[89][ \t]+(?<t89>\$[89]\$[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{20,64})(?![\w$./]))/,
    groups: ['t0', 'plain', 'tos', 'hb', 'portal', 'comm', 'asacomm', 'hostcomm', 't89'],
  },
  {
    regex: new RegExp(
      String.raw`^[ \t]*(?:enable[ \t]+(?:password|secret)(?:[ \t]+level[ \t]+\d{1,2})?(?:[ \t]+\d)?[ \t]+(?<iosEnable>\S{1,256})` +
        String.raw`|(?:(?:radius|tacacs)-server[ \t][^\r\n]{0,200}?[ \t]|(?<=[ \t]))key(?:[ \t]+\d)?[ \t]+(?:"(?<iosKeyQ>[^"\r\n]{1,128})"|(?<iosKey>[^\s"]{1,128}))[ \t]*\r?$` +
        String.raw`|password[ \t]+(?:manager|operator)[ \t]+user-name[ \t]+"[^"\r\n]{1,64}"[ \t]+(?:sha1|plaintext)[ \t]+"(?<pcPass>[^"\r\n]{1,128})"` +
        String.raw`|snmpv3[ \t]+user[ \t]+"[^"\r\n]{1,64}"[ \t]+auth[ \t]+(?:sha|md5)[ \t]+"(?<pcAuth>[^"\r\n]{1,128})"(?:[ \t]+priv[ \t]+(?:aes|des)[ \t]+"(?<pcPriv>[^"\r\n]{1,128})")?)`,
    ),
    groups: ['iosEnable', 'iosKey', 'iosKeyQ', 'pcPass', 'pcAuth', 'pcPriv'],
  },
  {
    // A device's SNMP secrets given to a tool: net-snmp's `snmpwalk -v2c -c <community>` (`-c<community>` glued), SNMPv3's
    // `-A <auth passphrase>` and `-X <priv passphrase>`, Nagios/Icinga `check_snmp -C <community>`, LibreNMS
    // `lnms device:add --v2c -c <community>` (`--community=`), `onesixtyone -c`, a MikroTik `/snmp community add|set … name=<community>`.
    // Each flag after the tool's name on the line (a lookbehind: `-A` and `-X` of one command are two matches).
    // The flag is looked at first (a lookahead), the tool 400 characters back only there: the lookbehind first cost 400
    // steps at every position of a woken line (64 Ki tabs: 768 → 76 ms).
    regex: new RegExp(
      String.raw`(?<=[ \t])(?=-[cCAX]|--(?:community|authpasswd|privpasswd|auth-pass|priv-pass))(?<=(?:^|[\s;&|$#>(/])(?:snmp(?:walk|get|getnext|bulkwalk|bulkget|set|table|trap|inform|status|df|netstat|delta|usm|vacm)|check_snmp\w*|lnms[ \t]+device:add)(?:\.exe)?[ \t][^\r\n|;&]{0,400}?)` +
        String.raw`(?:-[cCAX]|--community|--authpasswd|--privpasswd|--auth-pass(?:word)?|--priv-pass(?:word)?)(?:[ \t]+|=|(?<=-c)(?=[^\s-]))(?:"(?<snmpQ>[^"\r\n]{1,128})"|'(?<snmpS>[^'\r\n]{1,128})'|(?<snmp>[^\s"'|;&]{1,128}))` +
        String.raw`|(?:^|[ \t])\/snmp[ \t]+community[ \t]+(?:add|set)(?:[ \t][^\r\n]{0,200}?)?[ \t]name=(?:"(?<mtCommQ>[^"\r\n]{1,64})"|(?<mtComm>[^\s"]{1,64}))`,
    ),
    groups: ['snmpQ', 'snmpS', 'snmp', 'mtCommQ', 'mtComm'],
  },
];

/**
 * Words that wake secret-assignment for these lines (lower case). The forms' own words (`password`, `secret`, `auth`) wake it
 * already: more words here (` key `, `user-name`, `enable password`) hid 181 wakes of other rules (scan-shape); `key ` hides none.
 */
export const DEVICE_SECRET_WORDS: readonly string[] = ['password 0', 'secret 0', 'key 0 ', 'add name ', 'heartbeat key', 'portal key', 'snmp community', 'snmp-server host', 'snmpv3', 'key ',
  // Session 20 (secret21): SNMP tools by name.
  'snmpwalk', 'snmpget', 'snmpbulk', 'snmpset', 'snmptable', 'snmptrap', 'snmpinform', 'snmpstatus', 'snmpdf', 'snmpnetstat', 'snmpdelta', 'snmpusm', 'snmpvacm', 'check_snmp', 'lnms '];

/** The trigger's and the gate's alternatives (case-insensitive): a literal of each form. */
export const DEVICE_SECRET_TRIGGER = String.raw`(?:password|secret|key)[ \t]+0[ \t]+\S|^[ \t]*username[ \t]+\S+[ \t]+(?:privilege[ \t]+\d{1,2}[ \t]+)?(?:password|secret)[ \t]+\S+(?:[ \t]+(?:encrypted|pbkdf2|nt-encrypted|mschap))?(?:[ \t]+privilege[ \t]+\d{1,2})?[ \t]*\r?$|(?:secret|password)[ \t]+[89][ \t]+\$[89]\$|(?:add|set|modify)[ \t]+name[ \t]+\S+[ \t]+(?:password|passwd)[ \t]+\S|heartbeat[ \t]+key[ \t]+\S|web-auth[ \t]+portal[ \t]+key[ \t]+\S|snmp[ \t]+community[ \t]+(?:add|set|modify)[ \t]+name[ \t]|snmp-server[ \t]+host[ \t]+\S|^[ \t]*enable[ \t]+(?:password|secret)[ \t]|^[ \t]*(?:(?:radius|tacacs)-server[ \t][^\r\n]{0,200}?[ \t])?key(?:[ \t]+\d)?[ \t]+\S+[ \t]*\r?$|^[ \t]*password[ \t]+(?:manager|operator)[ \t]+user-name|^[ \t]*snmpv3[ \t]+user[ \t]|(?:snmp(?:walk|get|getnext|bulkwalk|bulkget|set|table|trap|inform|status|df|netstat|delta|usm|vacm)|check_snmp\w*|lnms[ \t]+device:add)(?:\.exe)?[ \t][^\r\n|;&]{0,400}?[ \t](?:-[cCAX]|--community|--authpasswd|--privpasswd|--auth-pass|--priv-pass)|\/snmp[ \t]+community[ \t]+(?:add|set)(?:[ \t][^\r\n]{0,200}?)?[ \t]name=`;
const DEVICE_SECRET_TEST = new RegExp(DEVICE_SECRET_TRIGGER, 'i');

/** The gate: the line holds one of the forms. */
export function isDeviceSecretLine(line: string): boolean {
  return DEVICE_SECRET_TEST.test(line);
}

/** A word of the command in the value's place, or a factory default. */
const COMMAND_WORD = /^(?:chain|config-key|string|encrypted|plaintext|none|key|public|private|(?:your|new|my|the)?[_-]?(?:password|passwd|pass|pwd|secret|passphrase)|pw)$/i;

/** The clear-text directives' groups (the first pattern). */
const CLEAR_TEXT_DIRECTIVE = new Set(['t0', 'plain', 'tos', 'hb', 'portal', 'comm', 'asacomm', 'hostcomm']);

/** The validator of DEVICE_SECRET_PATTERNS: every group's value is one. */
export function isDeviceSecret(m: RegExpExecArray): boolean {
  const values = Object.entries(m.groups ?? {}).filter((e): e is [string, string] => e[1] !== undefined);
  if (values.length === 0) return false;
  for (const [name, v] of values) {
    // (`username admin password is encrypted`: a word of prose before the options, not a password.)
    if (notAValue(v) || COMMAND_WORD.test(v)) return false;
    if (name === 'plain' && /[ \t](?:encrypted|pbkdf2|nt-encrypted|mschap|privilege[ \t]+\d{1,2})[ \t]*\r?$/.test(m[0]) && (v.length < 4 || isCommonWord(v))) return false;
    // A directive's clear-text password may be short (`add name x password X!9`); a key, a hash or a community a tool is given is not, nor a path.
    if (!CLEAR_TEXT_DIRECTIVE.has(name) && (v.length < 4 || /^[~/\\]/.test(v))) return false;
    // An unquoted key alone on an indented line has a password's shape (not `key ENTER`, `key client.key`).
    if (name === 'iosKey' && (!passwordShape(v, 'flag') || /\.[A-Za-z]{2,4}$/.test(v))) return false;
  }
  return true;
}
