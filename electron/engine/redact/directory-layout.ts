/**
 * Directory and contact-exchange formats (session 24, dir26): items whose layout says which line holds a person's name,
 * login, phone, address or secret, with no key word the line scans wake on. Read by their layout (formats.ts
 * `detectLayout`: the item's name or its first line), so logs never pay for them:
 *
 * - **LDIF** (RFC 2849: `slapcat`, `ldapsearch` with or without `-LLL`, 389-ds `db2ldif`, FreeIPA `ipa user-show --all --raw`,
 *   Samba `samba-tool user show`/`ldbsearch`, Thunderbird's and Mozilla's address-book exports): the attributes of RFC 4519/4524,
 *   inetOrgPerson, Mozilla's and Active Directory's schemas (`cn`, `displayName`, `givenName`, `sn`, `gecos`; `uid`,
 *   `sAMAccountName`, `userPrincipalName`'s login, `mozillaNickname`; `telephoneNumber`, `mobile`, `homePhone`; `street`,
 *   `postalAddress`, `mozillaHomeStreet`; `userPassword`, `unicodePwd`, `sambaNTPassword`), a name's base64 form (`cn::`,
 *   decoded and judged, taken whole), and the person's RDN of a DN (`dn: cn=Karin Sjöberg,ou=…`, `manager: uid=kholm,…`:
 *   the `cn`/`uid` part only; `ou`, `dc`, `o` stay). Entries of groups, OUs, the config and schema stay (their objectClass
 *   or DN says so), and so do names that read as a team, a service, a room or a device.
 * - **vCard** 2.1/3.0/4.0 (RFC 2426, RFC 6350: Apple Contacts, Google Contacts, Outlook, Android and Chinese phone exports):
 *   `FN`, the components of `N` (family, given, additional), `NICKNAME`, `TEL`, messenger logins (`X-WECHAT`, `X-QQ`,
 *   `X-SKYPE`, `IMPP`), Apple's phonetic names; a group prefix (`item1.TEL`), parameters (`TEL;TYPE=cell`) and 2.1's
 *   QUOTED-PRINTABLE values (decoded to judge). `ADR` is street-address-keyed.ts's; `NOTE` goes through the line rules;
 *   `BDAY`, `UID`, `PRODID`, `VERSION` stay.
 * - **iCalendar** (RFC 5545: Thunderbird, Google Calendar, Outlook meeting requests): the `CN` of `ORGANIZER`/`ATTENDEE`
 *   (the mail is the e-mail rule's), `LOCATION` when it reads as a street address (not `Room 3.14`, `会议室A`);
 *   `DESCRIPTION` through the line rules; `TZID`, `DTSTART`, `RRULE`, `X-WR-CALNAME` stay.
 *
 * Folded continuation lines (a leading blank) are not joined: a value folded inside a name is rare (names are short).
 */
import type { LineSurroundings, RulePattern } from './rules.js';
import { isChineseName } from './validators.js';
import { isStreetCell } from './street-address-keyed.js';

export type DirectoryLayout = 'ldif' | 'vcard' | 'ical';

// --- Detection ------------------------------------------------------------------------------------------------------------
/** A first line that starts an LDIF file or an `ldapsearch` output (RFC 2849's `version: 1` only with the name: YAML uses it). */
const LDIF_FIRST = /^(?:dn::?[ \t]*(?:[A-Za-z][\w-]*=|[A-Za-z0-9+/]{4,}={0,2}[ \t]{0,8}$|$)|# extended LDIF[ \t]{0,8}$)/;
/** Commands whose output is LDIF, when a pasted transcript shows them at a prompt (formats.ts transcriptSection). */
export const LDIF_COMMANDS = String.raw`ldapsearch|ldapwhoami|slapcat|ldbsearch|ldapmodify|ldapadd|db2ldif|samba-tool[ \t]+(?:user|group|computer)[ \t]+show`;
export const LDIF_COMMAND_PATH = /^(?:ldapsearch|ldapwhoami|slapcat|ldbsearch|ldapmodify|ldapadd|db2ldif|samba-tool)$/;

/** The layout of a directory or contact file, from its base name (lower case) and its first line (no BOM, no CR). */
export function directoryLayout(base: string, head: string): DirectoryLayout | undefined {
  if (/\.ldif$/.test(base) || LDIF_COMMAND_PATH.test(base) || LDIF_FIRST.test(head)) return 'ldif';
  if (/\.vcf$|\.vcard$/.test(base) || /^BEGIN:VCARD[ \t]{0,8}$/i.test(head)) return 'vcard';
  if (/\.ics$|\.ical$|\.ifb$/.test(base) || /^BEGIN:VCALENDAR[ \t]{0,8}$/i.test(head)) return 'ical';
  return undefined;
}

// --- Names ----------------------------------------------------------------------------------------------------------------
// Words of a group, a team, a service, a place, a device or a schema object: a value holding one is not a person's name.
const NOT_A_PERSON = new RegExp(
  '^(?:' +
    [
      'admins?|administrators?|administrator|users?|owners?|operators?|controllers?|computers?|servers?|guests?|members?|readers?|editors?|publishers?|writers?|viewers?',
      'domain|enterprise|schema|remote|desktop|policy|creator|replicator|replication|cert|certificate|dns|dhcp|ras|ias|cloneable|protected|allowed|denied|read-only|account|accounts',
      'group|groups|team|teams|staff|department|dept|division|unit|committee|board|council|office|offices|services?|support|helpdesk|help|desk|sales|finance|billing|accounting|payroll|marketing|legal|hr|it|ops|devops|security|engineering|research',
      'room|rooms|conference|meeting|hall|lobby|reception|kiosk|printer|printers|scanner|copier|fax|phone|projector|device|devices|terminal|workstation|laptop|pc|host|node|cluster|gateway|proxy|mailbox|mail|noreply|postmaster|webmaster|info|contact|contacts|list',
      'config|configuration|schema|subschema|monitor|monitoring|backend|frontend|database|directory|ldap|manager|replica|system|daemon|bot|robot|test|testing|demo|sample|example|default|template|dummy|nobody|anonymous|unknown|unassigned|none|null|tbd',
      'backup|backups|nightly|daily|weekly|render|farm|print|scan|media|storage|sync|deploy|deployer|runner|worker|workers|camera|archive|share|shared|batch|cron|scheduler|api|bridge|relay|pipeline|export|import|sandbox|staging|production|prod|lab|vault|integration|automation|shift|queue|tier|escalation|level',
      'company|corp|corporation|inc|ltd|llc|gmbh|ab|as|oy|aps|bv|nv|sa|srl|spa|kg|plc|pty|co|association|society|club|foundation|trust|brf|school|university|college|hospital|clinic|library|watch|neighbourhood|neighborhood|residents|tenants|kommun|county',
    ].join('|') +
    ')$',
  'i',
);
// Honorifics and suffixes a name may carry (`Dr. Anna Berg`, `John Smith Jr.`), not judged as name words.
const HONORIFIC = /^(?:dr|prof|mr|mrs|ms|miss|mx|sir|dame|ing|mgr|judr|mudr|phdr|rndr|bc|herr|frau|mme|mlle|m|sr|sra|srta|don|doña|jr|sr|ii|iii|iv|phd|md|esq)\.?$/i;
/** One word of a Latin personal name: capitalised (`Sjöberg`, `McAllister`, `O'Neil`, `Tran-Hughes`, `de`), or all upper case. */
const LATIN_NAME_WORD = /^(?:(?:Ma?c|O['’]|D['’])?[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž'’]{0,24}(?:-[A-ZÀ-ÖØ-ÞĀ-ž]?[a-zß-öø-ÿĀ-ž'’]{1,24})*|[A-ZÀ-ÖØ-ÞĀ-ž]{2,24}(?:-[A-ZÀ-ÖØ-ÞĀ-ž]{2,24})?|van|von|de|der|den|da|di|du|del|della|dos|das|do|le|la|ten|ter|bin|binti|ibn|al|af|zu)$/;
const PARTICLE = /^(?:van|von|de|der|den|da|di|du|del|della|dos|das|do|le|la|ten|ter|bin|binti|ibn|al|af|zu)$/;

/** Whether a Latin value holds a word of a group, a team, a service, a place or an organisation (`Neighbourhood Watch`). */
export function hasNonPersonWord(value: string): boolean {
  return value.split(/[ \t,]+/).some((w) => NOT_A_PERSON.test(w));
}

/** Whether one word reads as a part of a person's name (Latin or Han). */
function isNameWord(word: string): boolean {
  if (/^[\u4e00-\u9fa5]{1,3}$/.test(word)) return !/^(?:无|空|未知|不详|其他|其它|客服|公司|部门|测试|管理员|系统)$/.test(word);
  if (!LATIN_NAME_WORD.test(word) || NOT_A_PERSON.test(word)) return false;
  // An upper-case word in a mixed-case name is an acronym (`BRF`, `ICU`), not a name.
  return true;
}

/** Whether a value reads as a person's full name: a Chinese name, or two to five Latin words (particles and honorifics aside). */
export function isDirectoryPersonName(value: string): boolean {
  const v = value.trim().replace(/\\,/g, ',');
  if (v === '' || /[@\d/\\=_:<>|#]/.test(v)) return false;
  if (/^[\u4e00-\u9fa5·]{2,6}$/.test(v)) return isChineseName(v) || /^[\u4e00-\u9fa5]{2,5}·[\u4e00-\u9fa5]{2,8}$/.test(v);
  // `Sjöberg, Karin` (a directory's family-name-first display form).
  const words = v.replace(/,/g, ' ').split(/[ \t]+/).filter((w) => w !== '' && !HONORIFIC.test(w));
  const core = words.filter((w) => !PARTICLE.test(w));
  if (core.length < 2 || core.length > 5 || words.length > 6) return false;
  if (!words.every(isNameWord)) return false;
  // Upper case throughout (`KARIN SJÖBERG`) or mixed case without an acronym among capitalised words.
  const upper = core.filter((w) => /^[A-ZÀ-ÖØ-ÞĀ-ž-]+$/.test(w) && /[A-Z]{2}/.test(w.normalize('NFD').replace(/[\u0300-\u036f]/g, '')));
  return upper.length === 0 || upper.length === core.length;
}

/** Whether a value reads as one part of a person's name (a given name, a family name): one or two words, or a short Han name part. */
export function isDirectoryNamePart(value: string): boolean {
  const v = value.trim();
  if (v === '' || /[@\d/\\=_:<>|#,]/.test(v)) return false;
  if (/^[\u4e00-\u9fa5]{1,3}$/.test(v)) return isNameWord(v);
  const words = v.split(/[ \t]+/).filter((w) => !HONORIFIC.test(w));
  return words.length >= 1 && words.length <= 3 && words.some((w) => !PARTICLE.test(w)) && words.every(isNameWord);
}

// --- LDIF -----------------------------------------------------------------------------------------------------------------
/** An entry of a group, an OU, a role, a device, the config or the schema: its names are not people's. */
const NOT_A_PERSON_ENTRY = /^objectClass:[ \t]*(?:groupOfNames|groupOfUniqueNames|groupOfURLs|posixGroup|group|groupOfEntries|ipaUserGroup|ipaGroup|nestedGroup|organizationalUnit|organizationalRole|organization|domain|dcObject|locality|country|device|ieee802Device|ipHost|ipService|ipNetwork|applicationProcess|applicationEntity|simpleSecurityObject|computer|msDS-GroupManagedServiceAccount|container|builtinDomain|subschema|subentry|referral|alias|olc[A-Za-z]+|nisNetgroup|nisMap|sudoRole|mailGroup|mozillaAbGroup|printerService|dNSZone|krbContainer|krbRealmContainer|groupPolicyContainer)[ \t]{0,8}\r?$/im;
// (Comma-ended segments, then blanks: no two unbounded runs of one class meet — adversarial-lines.)
const NOT_A_PERSON_DN = /^dn::?(?:[^\r\n,]*,)*?[ \t]*(?:ou=(?:groups?|services?|system|devices?|hosts?|computers?|roles?|sudoers?|policies|netgroups)|cn=(?:config|schema|subschema|monitor|groups?|roles?|computers?|sysaccounts|etc)|cn=[^,\r\n]*,cn=(?:groups?|builtin|roles?))(?:,|[ \t]{0,8}\r?$)/im;

/** The lines of the entry above a line, from its `dn:` on (at most 4 KiB; a transcript's command above it is not the entry's). */
function entryAbove(around: LineSurroundings | undefined): string {
  if (!around?.above) return '';
  const lines = around.above(4096).replace(/\r?\n$/, '').split('\n');
  // Back to the entry's `dn:` line (or the blank line before it: an entry without its `dn:` in reach).
  let start = lines.length;
  while (start > 0 && !/^[ \t]{0,8}\r?$/.test(lines[start - 1]!)) {
    start -= 1;
    if (/^dn:/i.test(lines[start]!)) break;
  }
  return lines.slice(start).join('\n');
}
/** Whether the entry the line is in (so far) is a group's, an OU's or a system object's. */
function isNonPersonEntry(around: LineSurroundings | undefined): boolean {
  const entry = entryAbove(around);
  return NOT_A_PERSON_ENTRY.test(entry) || NOT_A_PERSON_DN.test(entry);
}

// Well-known system, built-in and directory accounts: stay (fixtures README: system accounts and bare role words).
const SYSTEM_LOGIN = /^(?:root|admin|administrator|admins|guest|nobody|nogroup|daemon|bin|sys|sync|games|man|lp|mail|news|uucp|proxy|www-data|backup|list|irc|gnats|systemd-[\w-]+|messagebus|sshd|ldap|openldap|slapd|dirsrv|krbtgt|kadmin|ipaapi|replicator|manager|directory|test|demo|default|defaultaccount|wdagutilityaccount|support|helpdesk|postgres|mysql|oracle|apache|nginx|nfsnobody|ftp|anonymous|service|system|localsystem|localservice|networkservice|sssd|samba|ntp|chrony|polkitd|dbus|avahi|tss|rpc|rpcuser|halt|shutdown|operator|adm|ro|rw|report|readonly|monitor|ansible|jenkins|deploy|git|svn)$/i;
/** A login-shaped value: a letter first, then letters, digits, `.`, `_`, `-` (1–63). */
const LOGIN_VALUE = /^[A-Za-z\u00c0-\u024f][\w.\u00c0-\u024f-]{0,63}$/;

/** Attributes of a person's (whole or part) name, in LDIF. */
const LDIF_NAME_KEYS = 'cn|commonName|displayName|name|fullName|legalName|cnPhonetic|mozillaNickname_never';
const LDIF_PART_KEYS = 'givenName|gn|sn|surname|middleName|initials_never|mozillaSecondName_never';
const LDIF_LOGIN_KEYS = 'uid|userid|sAMAccountName|mailNickname|mozillaNickname|nickname|memberUid|ipaNTUserName|logonName|gidName_never';
const LDIF_PRINCIPAL_KEYS = 'userPrincipalName|krbPrincipalName|krbCanonicalName|ipaKrbPrincipalAlias';
const LDIF_PHONE_KEYS = 'telephoneNumber|mobile|mobileTelephoneNumber|homePhone|homeTelephoneNumber|pager|pagerTelephoneNumber|facsimileTelephoneNumber|fax|otherTelephone|otherMobile|otherHomePhone|otherPager|otherFacsimileTelephoneNumber|ipPhone|otherIpPhone|mozillaHomePhone|workPhone|cellPhone';
const LDIF_ADDRESS_KEYS = 'street|streetAddress|postalAddress|homePostalAddress|registeredAddress|mozillaHomeStreet|mozillaHomeStreet2|mozillaWorkStreet2|mozillaWorkStreet|homeStreet';
const LDIF_SECRET_KEYS = 'userPassword|unicodePwd|sambaNTPassword|sambaLMPassword|ntPassword|lmPassword|clearPassword|authPassword|olcRootPW|rootpw|ipaNTHash|krbPrincipalKey|sambaPasswordHistory|dBCSPwd|supplementalCredentials';
const OPTIONS = String.raw`(?:;[\w-]+)*`;
const keys = (list: string) => list.split('|').filter((k) => !k.endsWith('_never')).join('|');

/** Decodes an LDIF base64 value as UTF-8 (undefined when it is not text). */
function decodeBase64Text(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return undefined;
  const text = Buffer.from(value, 'base64').toString('utf8');
  return /(?![\t\n\r])\p{Cc}|\ufffd/u.test(text) ? undefined : text;
}

export const DIR26_LDIF_PATTERNS: readonly RulePattern[] = [
  // A whole name (`cn: Lachlan McAllister`, `displayName: Sjöberg, Karin`, `cn;lang-sv: …`), not a group's or a service's.
  {
    layout: 'ldif',
    regex: new RegExp(String.raw`^(?:${keys(LDIF_NAME_KEYS)})${OPTIONS}:[ \t]*(?<name>[^\s:<][^\r\n]{0,120}?)[ \t]{0,8}\r?$`, 'i'),
    targets: [{ group: 'name', kind: 'NAME' }],
    validate: 'dir26LdifName',
  },
  // gecos: `Karin Sjöberg,Room 12,+46 8 643 27 19,` (the full name first; a phone in it is the phone rule's).
  {
    layout: 'ldif',
    regex: /^gecos(?:;[\w-]+)*:[ \t]*(?<name>[^\s,:][^,\r\n]{0,80}?)[ \t]{0,8}(?:,|\r?$)/i,
    targets: [{ group: 'name', kind: 'NAME' }],
    validate: 'dir26LdifName',
  },
  // A name's part (`givenName: Karin`, `sn: Sjöberg`).
  {
    layout: 'ldif',
    regex: new RegExp(String.raw`^(?:${keys(LDIF_PART_KEYS)})${OPTIONS}:[ \t]*(?<part>[^\s:<][^\r\n]{0,60}?)[ \t]{0,8}\r?$`, 'i'),
    targets: [{ group: 'part', kind: 'NAME' }],
    validate: 'dir26LdifNamePart',
  },
  // A name in base64 (`cn:: S2FyaW4gU2rDtmJlcmc=`, written so for its non-ASCII letters): decoded and judged, taken whole.
  {
    layout: 'ldif',
    regex: new RegExp(String.raw`^(?:${keys(LDIF_NAME_KEYS)}|gecos|${keys(LDIF_PART_KEYS)})${OPTIONS}::[ \t]*(?<encoded>[A-Za-z0-9+/]{4,400}={0,2})[ \t]{0,8}\r?$`, 'i'),
    targets: [{ group: 'encoded', kind: 'NAME' }],
    validate: 'dir26LdifEncodedName',
  },
  // A login (`uid: lmcallister`, `sAMAccountName: k.sjoberg`, `mozillaNickname: kajsan`, `memberUid: ptranh`).
  {
    layout: 'ldif',
    regex: new RegExp(String.raw`^(?:${keys(LDIF_LOGIN_KEYS)})${OPTIONS}:[ \t]*(?<user>[^\s:<][^\s]{0,63})[ \t]{0,8}\r?$`, 'i'),
    targets: [{ group: 'user', kind: 'USER' }],
    validate: 'dir26LdifLogin',
  },
  // A principal's login (`userPrincipalName: ksjoberg@corp.example.se`, `krbPrincipalName: ptranh@EXAMPLE.TEST`): the part before `@`.
  {
    layout: 'ldif',
    regex: new RegExp(String.raw`^(?:${LDIF_PRINCIPAL_KEYS})${OPTIONS}:[ \t]*(?<user>[^\s@:<][^\s@]{0,63})@[\w.-]{1,200}[ \t]{0,8}\r?$`, 'i'),
    targets: [{ group: 'user', kind: 'USER' }],
    validate: 'dir26LdifLogin',
  },
  // A phone (`telephoneNumber: 08-643 27 19`, `mobile: +61 415 093 286`, `homePhone: (604) 873-2196 x12`).
  {
    layout: 'ldif',
    regex: new RegExp(String.raw`^(?:${LDIF_PHONE_KEYS})${OPTIONS}:[ \t]*(?<phone>\+?[\d(](?:[\d]|[ ().\/-](?=[\d( ])){4,28}\d?)(?:[ \t]{0,3}(?:x|ext\.?)[ \t]{0,3}\d{1,6})?[ \t]{0,8}\r?$`, 'i'),
    targets: [{ group: 'phone', kind: 'PHONE' }],
    validate: 'dir26Phone',
  },
  // A street (`street: Hornsgatan 112`, `mozillaHomeStreet: 14 Wattle Street`, `postalAddress: 22 Jacaranda Cres$Toowong QLD 4066`).
  {
    layout: 'ldif',
    regex: new RegExp(String.raw`^(?:${LDIF_ADDRESS_KEYS})${OPTIONS}:[ \t]*(?<address>[^\s:<][^\r\n]{2,300}?)[ \t]{0,8}\r?$`, 'i'),
    targets: [{ group: 'address', kind: 'ADDRESS' }],
    validate: 'dir26Street',
  },
  // A password or its hash (`userPassword: {SSHA}…`, `userPassword:: e1NTSEF9…`, `unicodePwd::`, `sambaNTPassword: 8846F7…`).
  {
    layout: 'ldif',
    regex: new RegExp(String.raw`^(?:${LDIF_SECRET_KEYS})${OPTIONS}::?[ \t]*(?<secret>[^\s<][^\r\n]{0,1000}?)[ \t]{0,8}\r?$`, 'i'),
    targets: [{ group: 'secret' }],
    validate: 'dir26LdifSecret',
  },
  // The person's RDN of a DN (`dn: cn=Karin Sjöberg,mail=…`, `member: cn=Lars-Erik Holm,…`, AD's `CN=Sjöberg\, Karin,OU=…`,
  // `manager: uid=kholm,ou=people,…`): the leftmost `cn`/`uid` value only; `ou`, `dc`, `o` stay.
  {
    layout: 'ldif',
    regex: /^(?:dn|member|uniqueMember|manager|secretary|owner|roleOccupant|directReports|seeAlso|distinguishedName|assistant|managedBy)(?:;[\w-]+)*:[ \t]*(?:(?:cn|commonName)=(?<name>(?:[^,+\\\r\n]|\\.){2,120})|uid=(?<user>[A-Za-z][\w.-]{0,63}))(?=[,+]|[ \t]{0,8}\r?$)/i,
    targets: [{ group: 'name', kind: 'NAME' }, { group: 'user', kind: 'USER' }],
    validate: 'dir26Rdn',
  },
];

// --- vCard ----------------------------------------------------------------------------------------------------------------
/** A property's start: a group (`item1.`), the name, its parameters (`;TYPE=cell`, `;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE`). */
const prop = (names: string) => String.raw`^(?:[\w-]{1,20}\.)?(?:${names})(?<params>;[^:\r\n]{0,200})?:`;

/** Decodes a vCard 2.1 QUOTED-PRINTABLE value (`=E5=BD=AD`) when its parameters say so. */
function vcardValue(value: string, params: string): string {
  if (!/QUOTED-PRINTABLE/i.test(params)) return value.replace(/\\([,;\\])/g, '$1');
  try {
    return decodeURIComponent(value.replace(/=\r?$/, '').replace(/%/g, '%25').replace(/=([0-9A-Fa-f]{2})/g, '%$1'));
  } catch {
    return value;
  }
}

export const DIR26_VCARD_PATTERNS: readonly RulePattern[] = [
  // The display name (`FN:Karin Sjöberg`, `FN:彭雨萱`, `FN;CHARSET=UTF-8:…`); a company's (`FN:中国移动客服`, `FN:Northwind Freight`) stays.
  {
    layout: 'vcard',
    regex: new RegExp(String.raw`${prop('FN')}(?<name>[^\r\n]{1,200}?)[ \t]{0,8}\r?$`, 'i'),
    targets: [{ group: 'name', kind: 'NAME' }],
    validate: 'dir26VcardName',
  },
  // The components of N (family;given;additional;prefix;suffix): each part alone; the prefix and suffix stay.
  {
    layout: 'vcard',
    regex: new RegExp(String.raw`${prop('N')}(?<family>[^;\r\n]{1,80})(?=;|[ \t]{0,8}\r?$)`, 'i'),
    targets: [{ group: 'family', kind: 'NAME' }],
    validate: 'dir26VcardPart',
  },
  {
    layout: 'vcard',
    regex: new RegExp(String.raw`${prop('N')}[^;\r\n]{0,80};(?<given>[^;\r\n]{1,80})(?=;|[ \t]{0,8}\r?$)`, 'i'),
    targets: [{ group: 'given', kind: 'NAME' }],
    validate: 'dir26VcardPart',
  },
  {
    layout: 'vcard',
    regex: new RegExp(String.raw`${prop('N')}[^;\r\n]{0,80};[^;\r\n]{0,80};(?<additional>[^;\r\n]{1,80})(?=;|[ \t]{0,8}\r?$)`, 'i'),
    targets: [{ group: 'additional', kind: 'NAME' }],
    validate: 'dir26VcardPart',
  },
  // Apple's and Android's phonetic and maiden names (`X-PHONETIC-LAST-NAME:Peng`, `X-MAIDENNAME:Lindqvist`), `SORT-STRING`.
  {
    layout: 'vcard',
    regex: new RegExp(String.raw`${prop('X-PHONETIC-(?:FIRST|MIDDLE|LAST)-NAME|X-MAIDENNAME|SORT-STRING')}(?<name>[^;\r\n]{1,80}?)[ \t]{0,8}\r?$`, 'i'),
    targets: [{ group: 'name', kind: 'NAME' }],
    validate: 'dir26VcardPart',
  },
  // A nickname: a Han one is a name (`NICKNAME:峰哥`), a Latin one a login or a name (`NICKNAME:kajsan`, `NICKNAME:Bobby`).
  {
    layout: 'vcard',
    regex: new RegExp(String.raw`${prop('NICKNAME')}(?<han>[\u4e00-\u9fa5]{2,4})[ \t]{0,8}\r?$`, 'i'),
    targets: [{ group: 'han', kind: 'NAME' }],
  },
  {
    layout: 'vcard',
    regex: new RegExp(String.raw`${prop('NICKNAME')}(?<user>[A-Za-z\u00c0-\u024f][\w.\u00c0-\u024f-]{1,40})[ \t]{0,8}\r?$`, 'i'),
    targets: [{ group: 'user', kind: 'USER' }],
    validate: 'dir26LdifLogin',
  },
  // A phone (`TEL;TYPE=CELL:139 7341 8260`, `item1.TEL;type=pref:+46 70 915 38 42`, `TEL;VALUE=uri:tel:+1-555-0100`).
  {
    layout: 'vcard',
    regex: new RegExp(String.raw`${prop('TEL')}(?:tel:)?(?<phone>\+?[\d(](?:[\d]|[ ().\/-](?=[\d( ])){4,28}\d?)(?:[ \t]{0,3}(?:x|ext\.?|;ext=)[ \t]{0,3}\d{1,6})?[ \t]{0,8}\r?$`, 'i'),
    targets: [{ group: 'phone', kind: 'PHONE' }],
    validate: 'dir26Phone',
  },
  // A messenger login (`X-WECHAT:oyangkexin_97`, `X-QQ:28471936`, `X-SKYPE:karin.sjoberg`, `IMPP;X-SERVICE-TYPE=Skype:skype:kajsan`).
  {
    layout: 'vcard',
    regex: new RegExp(String.raw`${prop('X-WECHAT|X-WEIXIN|X-QQ|X-SKYPE(?:-USERNAME)?|X-MSN|X-AIM|X-ICQ|X-YAHOO|X-JABBER|X-GOOGLE-TALK|X-GTALK|X-TELEGRAM|X-LINE|X-KAKAOTALK|X-TWITTER|X-DINGTALK|IMPP')}(?:(?:xmpp|skype|aim|msnim|ymsgr|icq|im|sip|x-apple|weixin|wechat|qq|telegram|line):(?:\/\/)?)?(?<user>[A-Za-z0-9\u00c0-\u024f][\w.\u00c0-\u024f-]{1,63})(?:@[\w.-]{1,200})?[ \t]{0,8}\r?$`, 'i'),
    targets: [{ group: 'user', kind: 'USER' }],
    validate: 'dir26Messenger',
  },
];

// --- iCalendar ------------------------------------------------------------------------------------------------------------
export const DIR26_ICAL_PATTERNS: readonly RulePattern[] = [
  // `ORGANIZER;CN=Karin Sjöberg:mailto:…`, `ATTENDEE;ROLE=REQ-PARTICIPANT;CN="Tran-Hughes, Phuong";RSVP=TRUE:mailto:…`.
  {
    layout: 'ical',
    regex: /^(?:ORGANIZER|ATTENDEE|CONTACT)(?:;[^:\r\n]{0,300}?)?;CN=(?:"(?<quoted>[^"\r\n]{2,120})"|(?<name>[^;:"\r\n]{2,120}))(?=[;:]|\r?$)/i,
    targets: [{ group: 'quoted', kind: 'NAME' }, { group: 'name', kind: 'NAME' }],
    validate: 'dir26IcalName',
  },
  // A LOCATION that reads as a street address (`LOCATION:14 Marchmont Crescent\, Edinburgh EH9 1HG`); a room (`Room 3.14`) stays.
  {
    layout: 'ical',
    regex: /^LOCATION(?:;[^:\r\n]{0,200})?:(?<address>[^\r\n]{5,300}?)[ \t]{0,8}\r?$/i,
    targets: [{ group: 'address', kind: 'ADDRESS' }],
    validate: 'dir26Street',
  },
];

export const DIR26_LAYOUT_PATTERNS: readonly RulePattern[] = [...DIR26_LDIF_PATTERNS, ...DIR26_VCARD_PATTERNS, ...DIR26_ICAL_PATTERNS];

// --- Validators -----------------------------------------------------------------------------------------------------------
const group = (m: RegExpExecArray, name: string) => m.groups?.[name] ?? '';
type Validator = (m: RegExpExecArray, line: string, around?: LineSurroundings) => boolean;

/** Phone digits: 6 to 15, not a date or a time. */
function isPhoneValue(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 6 && digits.length <= 15 && !/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) && !/^\d{1,2}:\d{2}/.test(value.trim());
}
/** A street or postal address: LDIF's `$` line separator, vCard's and iCalendar's `\,` escapes read as commas. */
function isStreetValue(value: string): boolean {
  const v = value.replace(/\\,/g, ',').replace(/\\n/gi, ', ').replace(/\$/g, ', ');
  if (/^(?:room|rm|raum|salle|sala|sal|rum|conference|meeting|building|bldg|floor|level|hall|zoom|teams|webex|meet|https?:|online|virtual|tbd)\b/i.test(v)) return false;
  if (/(?:会议室|房间|室$)/.test(v) && !/[路街道巷号號]/.test(v)) return false;
  if (/[路街道巷弄][^\r\n]{0,20}\d{1,5}[ \t]*[号號]/.test(v)) return true;
  return isStreetCell(v.split(/,[ \t]*/)[0]!) || (v.includes(',') && isStreetCell(v));
}

export const DIR26_VALIDATORS = {
  dir26LdifName: ((m, _line, around) => isDirectoryPersonName(group(m, 'name')) && !isNonPersonEntry(around)) as Validator,
  dir26LdifNamePart: ((m, _line, around) => isDirectoryNamePart(group(m, 'part')) && !isNonPersonEntry(around)) as Validator,
  dir26LdifEncodedName: ((m, _line, around) => {
    const text = decodeBase64Text(group(m, 'encoded'));
    return text !== undefined && (isDirectoryPersonName(text) || isDirectoryNamePart(text)) && !isNonPersonEntry(around);
  }) as Validator,
  dir26LdifLogin: ((m, _line, around) => {
    const user = group(m, 'user');
    return LOGIN_VALUE.test(user) && !SYSTEM_LOGIN.test(user) && !/^(?:svc|sa|srv)$/i.test(user) && !isNonPersonEntry(around);
  }) as Validator,
  dir26LdifSecret: ((m) => {
    const secret = group(m, 'secret').trim();
    // Nothing to hide: a locked or empty marker (`*`, `!`, `{CRYPT}*`, `{CRYPT}!!`), an LDIF URL reference (`< file:///…`).
    return secret.length >= 3 && !/^(?:\{[A-Z0-9-]+\})?[*!x]{1,2}$/i.test(secret) && !secret.startsWith('<');
  }) as Validator,
  dir26Rdn: ((m, line) => {
    const user = group(m, 'user');
    // A DN under a container of groups, services or the config (`cn=Project Falcon,ou=groups,…`) names no person.
    if (/,(?:ou=(?:groups?|services?|system|devices?|hosts?|computers?|roles?|sudoers?|policies|netgroups)|cn=(?:config|schema|groups?|roles?|computers?|builtin|sysaccounts|etc))(?:,|[ \t]{0,8}\r?$)/i.test(line)) return false;
    if (user !== '') return LOGIN_VALUE.test(user) && !SYSTEM_LOGIN.test(user) && /^(?:dn|member|uniqueMember|manager|secretary|owner|roleOccupant|directReports|assistant)/i.test(m[0]);
    return isDirectoryPersonName(group(m, 'name').replace(/\\(.)/g, '$1'));
  }) as Validator,
  dir26Phone: ((m) => isPhoneValue(group(m, 'phone'))) as Validator,
  dir26Street: ((m) => isStreetValue(group(m, 'address'))) as Validator,
  dir26VcardName: ((m) => {
    const name = vcardValue(group(m, 'name'), group(m, 'params'));
    return isDirectoryPersonName(name);
  }) as Validator,
  dir26VcardPart: ((m) => {
    const raw = group(m, 'family') || group(m, 'given') || group(m, 'additional') || group(m, 'name');
    const part = vcardValue(raw, group(m, 'params'));
    // vCard 4's lists in a component (`Philip,Paul`): every item a name part.
    return part.split(',').every((p) => isDirectoryNamePart(p));
  }) as Validator,
  dir26Messenger: ((m) => {
    const user = group(m, 'user');
    return /^\d{5,12}$/.test(user) || (LOGIN_VALUE.test(user) && !SYSTEM_LOGIN.test(user));
  }) as Validator,
  dir26IcalName: ((m) => isDirectoryPersonName(group(m, 'quoted') || group(m, 'name'))) as Validator,
};
