/**
 * Street addresses under their key (session 23, addr25): the address rule's patterns for the places an app prints one
 * whole value that is an address, in the key vocabularies of a dozen languages.
 *
 * - A key and a value that reads as a postal address: a house number early on, then, after a comma, a place and its
 *   postcode (`address: Flat 402, Prestige Shantiniketan Tower B, Whitefield Main Road, Bengaluru 560048`, `"alamat":"Jl.
 *   Kemang Raya No. 27, …, Jakarta Selatan 12730"`, `adres Bağdat Cad. No:312 D:7, Caddebostan, Kadıköy/İstanbul 34728`,
 *   `Adres dostawy: ul. Marszałkowska 84/92 m. 117, 00-514 Warszawa`, `street=2214 NE Alberta St, Portland, OR 97211`).
 * - A street-only key (`address1`, `line1`, `StreetAddress`, `street`, `Straße`, `indirizzo`) and a value that is one street
 *   and nothing else: a house number and capitalised words (`1187 Rue Saint-Denis`, `2250 W 4th Ave Unit 306`) or
 *   capitalised words and a number (`Via Solferino 27`, `Vondelstraat 41-3`, `Mannerheimintie 12 B 7`), up to the value's end.
 * - Thai `ที่อยู่=99/123 ซอยสุขุมวิท 55 แขวง… 10110`: a house number, Thai words, a 5-digit postcode.
 * - vCard `ADR;TYPE=home:;;Oudegracht 231;Utrecht;;3511 AX;Nederland` (its street, town, region, postcode and country) and
 *   LDIF `postalAddress: 12 Wren Close$Bristol$BS8 2AA` (`$` separates its lines).
 * - CSV: a street-only column of an export (Shopify `Billing Address1`, WooCommerce `Indirizzo 1 (fatturazione)`, HubSpot
 *   `Street Address`, Bitwarden `address1`) and a bare `Address` column whose cell is a street (Mailchimp's fields
 *   separated by two blanks), not an IP address, a host or a MAC address.
 *
 * Kept: an IP, host, MAC, URL, path or hex value under an `address` key; a room, a building, a port, a version, a line of
 * code (`Room 301`, `Building 4`, `Port 8080`); an organisation's address (isOrganisationAddress).
 */
import type { RulePattern } from './rules.js';
import { isOrganisationAddress } from './street-address.js';

const UP = String.raw`A-ZÀ-ÖØ-Þ\u0100-\u017f`;
const LETTER = String.raw`A-Za-zÀ-ÖØ-öø-ÿ\u0100-\u017f`;

// --- Keys ---------------------------------------------------------------------------------------------------------------
// Whose or which address (`shipping_address`, `homeAddress`, `customer.address`, `StreetAddress`, `Adres dostawy`).
const KEY_PREFIX = String.raw`(?:(?:[Hh]ome|HOME|[Ss]hipping|SHIPPING|[Bb]illing|BILLING|[Dd]elivery|DELIVERY|[Mm]ailing|[Pp]ostal|[Rr]esidential|[Cc]ustomer|[Pp]ermanent|[Cc]urrent|[Cc]ontact|[Pp]atient|[Rr]egistered|[Ss]treet|STREET)[ _.-]?)?`;
// Keys whose value is a whole address or one street (English, Dutch/Polish/Turkish, German, French, Italian, Portuguese,
// Spanish, Indonesian/Malay, Russian, Vietnamese, Thai has its own).
const ADDRESS_KEY = String.raw`(?:[Aa]ddress|ADDRESS|[Aa]dres(?:se|a)?|ADRES(?:SE)?|[Aa]nschrift|[Ii]ndirizzo|[Ee]ndere[çc]o|[Dd]irecci[óo]n|[Dd]omicilio|[Mm]orada|[Aa]lamat|ALAMAT|[Аа]дрес|АДРЕС|[Đđ]ịa[ _]chỉ)`;
// Keys whose value is one street line (`address1`, `address_line_1`, `addressLine1`, `line1`, `street`, `Straße`).
const STREET_KEY = String.raw`(?:${ADDRESS_KEY}(?:[ _-]?(?:[Ll]ine)?[ _-]?1)?|[Ss]treet(?:[ _-]?1)?|STREET|[Ll]ine[ _-]?1|[Ss]tra(?:ß|ss)e|[Ss]traat|[Ee]ndere[çc]o[ _-]?1)`;
// A key's start: not inside a word, but after a camelCase or snake_case prefix too (`customerAddress`, `ship_address`).
const KEY_START = String.raw`(?:(?<![${LETTER}])|(?<=[a-z])(?=[A-Z]))`;
// A qualifier word or brackets before the colon (`Adres dostawy:`, `Address (home):`), a `: `, `=`, `=>`, JSON quotes (escaped too).
const SEP = String.raw`(?:\\?["']?\]?[ \t]*(?:=>|[:=：])[ \t]*(?![ \t])(?:\\?["'])?|(?:[ \t]+[a-zà-ÿ]{3,14})?(?:[ \t]*\([^()\r\n]{1,20}\))?[ \t]*[:：][ \t]*(?![ \t]))`;
// (each blank run ends where the blanks end: `(?![ \t])` keeps a value's failed match from retrying every shorter run.)

// --- Values -------------------------------------------------------------------------------------------------------------
// A place (`Bengaluru`, `Jakarta Selatan`, `Kadıköy/İstanbul`, `Co. Cork`).
const PLACE_WORD = String.raw`[${UP}][${LETTER}'’.-]{1,30}`;
const PLACE = String.raw`${PLACE_WORD}(?:[ \t/]${PLACE_WORD}){0,2}`;
// Postcodes after their place: 5 or 6 digits (US ZIP, IN PIN, ID, TR, DE …), SE/CZ `411 38`, PL `00-514` before its town,
// BR CEP `01310-100`, ZIP+4, NL `3511 AX`, UK `BS8 2AA`, Canada `K1A 0B1`, Eircode `P24 X2Y7`, AU/state `NSW 2000`.
const PC_AFTER = String.raw`(?:[A-Z]{2,3}[ \t]+)?(?:\d{5}(?:-\d{3,4})?|\d{6}|\d{3}[ \t]\d{2}|\d{4}[ \t]?[A-Z]{2}|[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d|[A-Z]\d{2}[ \t][A-Z0-9]{4})|[A-Z]{2,3}[ \t]+\d{4}`;
const PC_BEFORE = String.raw`(?:[A-Z]{1,2}-)?(?:\d{4,5}|\d{3}[ \t]\d{2}|\d{2}-\d{3}|\d{5}-\d{3}|\d{4}[ \t]?[A-Z]{2})`;
// A postal address: a capital, a digit or an abbreviated street type (`ul.`, `Jl.`) first, a digit before its first comma, then after a comma its place and postcode (either order).
const POSTAL = String.raw`(?=[${UP}\d]|[a-z]{1,3}\.[ \t])(?=[^\r\n"\\,]{0,40}\d)(?:[${UP}\d]|[a-z]{1,3}\.[ \t])[^\r\n"\\]{2,140}?,[ \t]*(?:${PLACE},?[ \t]+(?:${PC_AFTER})|${PC_BEFORE}[ \t]+${PLACE})(?![\w-])`;
// One street and nothing else.
const HOUSE = String.raw`\d{1,5}[A-Za-z]?(?:[-/]\d{1,4}[A-Za-z]?)?`;
const PARTICLE = String.raw`(?:de|del|la|las|los|el|di|da|do|dos|das|della|delle|dei|degli|des|du|le|les|van|von|der|den|het|am|an|im|of|the)`;
const SWORD = String.raw`(?:[${UP}][${LETTER}'’.-]{0,30}|\d{1,3}(?:st|nd|rd|th))`;
const UNIT = String.raw`(?:,?[ \t]+(?:Apt\.?|Apartment|Unit|Suite|Ste\.?|Flat|#)[ \t]*[A-Za-z0-9-]{1,6})?`;
const STREET_ONLY =
  String.raw`(?:${HOUSE},?[ \t]+${SWORD}(?:[ \t]+(?:${PARTICLE}|${SWORD})){0,5}` +
  String.raw`|(?:[a-z]{1,4}\.[ \t]+)?${SWORD}(?:[ \t]+(?:${PARTICLE}|${SWORD})){0,5},?[ \t]+(?:[Nn]o\.?[ \t]?|[Nn][º°]\.?[ \t]?)?${HOUSE}(?:[ \t]+[A-Z](?:[ \t]+\d{1,4})?)?)${UNIT}`;
// The value ends there: its closing quote, the line's end, a separator, or the next `key=`.
const VALUE_END = String.raw`(?=\\?["'<]|[ \t]*[;|\r\n]|[ \t]*$|,[ \t]*(?:\\?["'{]|[A-Za-z_]{2,30}[=:]))`;

// --- Thai, vCard, LDIF ----------------------------------------------------------------------------------------------------
const THAI = String.raw`ที่อยู่(?:[ \t]*[=:：][ \t]*|[ \t]+)["']?(?<th25>\d{1,5}(?:\/\d{1,5})?[ \t]+[\u0e00-\u0e7f][\u0e00-\u0e7f0-9 \t.,/-]{2,160}?[ \t]\d{5})(?!\d)`;
// vCard ADR (parameters, a group prefix `item1.`): the post office box and extended address, then the street (a digit in it)
// and the town, region, postcode and country.
const VCARD = String.raw`(?<![A-Za-z0-9-])ADR(?:;[^:\r\n]{1,80})?:[^;\r\n]{0,40};[^;\r\n]{0,60};(?<adr25>(?=[^;\r\n]{0,80}\d)[^;\r\n]{3,100}(?:;[^;\r\n]{0,60}){0,3}(?:;[${UP}][${LETTER}]{1,30}(?:[ \t][${UP}][${LETTER}]{1,30}){0,3})?)`;
const LDIF = String.raw`^(?:homePostalAddress|postalAddress|registeredAddress|street):[ \t]+(?<ldif25>(?=[^\r\n$]{0,60}\d)[^\r\n$]{2,80}(?:\$[^\r\n$]{0,80}){1,6})`;

// Prose that says where someone lives or is sent (`I live at 14 Wren Close, Bristol BS8 2AA`, `my new address is …`, `we
// relocated to …`, `please forward it to …`): a postal address with its place and postcode after it.
const PROSE = String.raw`(?<![${LETTER}])(?:[Ll]ive at|[Ll]iving at|[Rr]eside[sd]? at|[Rr]esiding at|[Aa]ddress[ \t]+(?:is(?:[ \t]+now)?|has[ \t]+changed[ \t]+to|changed[ \t]+to)|[Rr]elocat(?:ed|ing)[ \t]+to|[Ff]orwarded to|[Ff]orward it to|[Pp]ost(?:ed)? it to|[Ss]end it to|[Mm]oving to)[ \t]+(?![ \t])(?<prose25>${POSTAL})`;

export const ADDR25_PATTERNS: readonly RulePattern[] = [
  { regex: new RegExp(PROSE), targets: [{ group: 'prose25' }], validate: 'keyedAddress25' },
  { regex: new RegExp(String.raw`${KEY_START}${KEY_PREFIX}(?:${STREET_KEY}${SEP}|${ADDRESS_KEY}[ \t]+(?![ \t]))(?<postal25>${POSTAL})`), targets: [{ group: 'postal25' }], validate: 'keyedAddress25' },
  { regex: new RegExp(String.raw`${KEY_START}${KEY_PREFIX}${STREET_KEY}${SEP}(?<street25>${STREET_ONLY})${VALUE_END}`), targets: [{ group: 'street25' }], validate: 'keyedAddress25' },
  { regex: new RegExp(THAI), targets: [{ group: 'th25' }] },
  { regex: new RegExp(VCARD), targets: [{ group: 'adr25' }], validate: 'keyedAddress25' },
  { regex: new RegExp(LDIF), targets: [{ group: 'ldif25' }], validate: 'keyedAddress25' },
];

// What an `address` key also holds, which is no one's street: a network address, a host, a URL, a path, a hex value.
const NETWORK_VALUE = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|[0-9a-f]{1,4}::?[0-9a-f]{1,4}:|(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}|0x[0-9a-f]|:\/\/|@|\/[\w.-]+\/|\\[\w.-]+\\|(?<![a-z0-9-])[a-z0-9-]{1,63}\.(?:com|net|org|io|local|lan|internal|example)\b/i;
// Words that name no street before a number (`Room 301`, `Building 4`, `Port 8080`, `Version 2`, `Line 123`).
const NOT_A_STREET_WORD = /^(?:Room|Rm|Building|Bldg|Floor|Level|Port|Line|Version|Ver|Build|Release|Gate|Zone|Rack|Desk|Office|Hall|Lab|Ward|Bed|Box|Slot|Step|Stage|Phase|Page|Chapter|Section|Item|Row|Column|Table|Node|Server|Host|Channel|Track|Sheet|Area|Block|Sector|Terminal|Platform|Door|Window|Core|Thread|Worker|Queue|Batch|Team|Group|Tier|Class|Size|Type|Model|Mode|Option|Error|Code|Status|Test|Case|Day|Week|Month|Year|Vol|No|Nr|Number|Update|Patch|Service|Pack|Windows|Android|Python|Java|Ubuntu|Debian|Fedora|Heap|Stack|Frame|Register|Bank|Pin|Bus|Slave|Device|Interface|Vlan|Segment|Offset|Index|Region|Cluster|Shard|Partition|Replica|Instance|Pod|Task|Job|Run|Attempt|Retry|Tab|Screen|Monitor|Display|Camera|Printer|Tray|Sensor|Output|Input)$/;

/** addr25's validators (rule-validators.ts registers them). */
export const ADDR25_VALIDATORS = {
  /** A keyed value that is a street or a postal address: no network value, no room or port, no organisation's address. */
  keyedAddress25: (m: RegExpExecArray, line: string, around?: { previous(): string }) => {
    const value = m.groups?.['postal25'] ?? m.groups?.['prose25'] ?? m.groups?.['street25'] ?? m.groups?.['adr25'] ?? m.groups?.['ldif25'] ?? '';
    if (value === '' || NETWORK_VALUE.test(value) || !/[A-Za-zÀ-ÿ\u0100-\u017f\u0400-\u04ff]{2}/.test(value)) return false;
    const words = value.split(/[ \t,;$]+/).filter((w) => /^[A-ZÀ-Þ\u0100-\u017f]/.test(w));
    // Its first capitalised word names a street (not a room, a port or a release), its last a place (not `Floor 10000`).
    if (words.length === 0 || NOT_A_STREET_WORD.test(words[0]!.replace(/[.:]$/, '')) || NOT_A_STREET_WORD.test(words[words.length - 1]!.replace(/[.:]$/, ''))) return false;
    // An organisation's name before its house number in the value itself (`Free Software Foundation, 51 Franklin Street, …`).
    const house = value.search(/\d/);
    if (house > 0 && isOrganisationAddress(value.slice(0, house), '')) return false;
    const start = m.index + m[0].lastIndexOf(value);
    return !isOrganisationAddress(line.slice(Math.max(0, start - 160), start), around?.previous() ?? '');
  },
};

// --- CSV columns ------------------------------------------------------------------------------------------------------------
/**
 * A street-only column of an export (formats.ts adds it to CSV_ADDRESS_COLUMN): Shopify `Billing Address1`, `Shipping
 * Address 2`, WooCommerce `Indirizzo 1 (fatturazione)`, `Adresse 1 (Rechnung)`, HubSpot `Street Address`, Bitwarden
 * `address1`, `Address Line 1`, `Rua`, a qualifier in brackets after the name.
 */
export const CSV_ADDRESS_COLUMN_25 = /^(?:(?:billing|shipping|home|delivery|mailing|postal|customer)[ _-]?)?(?:address|addr|indirizzo|endere[cç]o|adresse|adres|direcci[oó]n|anschrift|alamat)[ _-]?(?:line[ _-]?)?[12](?:[ \t]*[(（][^)）\r\n]{1,30}[)）])?$|^(?:indirizzo|endere[cç]o|adresse|adres|direcci[oó]n|anschrift|alamat|stra(?:ß|ss)e)(?:[ \t]*[(（][^)）\r\n]{1,30}[)）])$/i;
/** A bare `Address` column (Mailchimp, a contact list): its cell is taken only when it reads as a street (isStreetCell). */
export const CSV_BARE_ADDRESS_COLUMN = /^(?:address|addresse|adres|alamat|endere[cç]o|indirizzo|adresse)$/i;
const CELL_HOUSE = /(?:^|[ \t,])\d{1,5}[A-Za-z]?(?:[-/]\d{1,4})?(?=[ \t,]|$)/;
const CELL_WORD = /(?:^|[ \t,])[A-ZÀ-Þ\u0100-\u017f][a-zß-ÿ\u0100-\u017f'’.-]{2,}/;
/** A cell that is a street or a postal address: a house number standing alone, a capitalised word, blanks, no network value. */
export function isStreetCell(cell: string): boolean {
  const v = cell.trim();
  return v.length >= 5 && /[ \t]/.test(v) && CELL_HOUSE.test(v) && CELL_WORD.test(v) && !NETWORK_VALUE.test(v) && !NOT_A_STREET_WORD.test(v.split(/[ \t]/)[0]!);
}
/** A CSV row that starts with an order number (`#10482,…`: Shopify's `Name`), not a `#` comment. */
export const ORDER_NUMBER_ROW = /^#\d{1,12},/;

// --- Wakes and triggers (case-insensitive) ------------------------------------------------------------------------------------
/** Words-scan wakes (case-insensitive literals): the keys (`address` and `street` are the prose rule's already). */
export const ADDR25_WORDS: readonly string[] = ['live at', 'living at', 'reside', 'residing at', 'relocat', 'forward it to', 'forwarded to', 'post it to', 'posted it to', 'send it to', 'moving to', 'alamat', 'line1', 'line_1', 'адрес', 'địa chỉ', 'ที่อยู่', 'postaladdress', 'straße', 'strasse', 'straat', 'adr;', 'adr:']; // `adr;`/`adr:`: a vCard's ADR (a letter-first mark is refused: scan-shape)
export const ADDR25_TRIGGER = [
  String.raw`(?:address|street|adres|alamat|indirizzo|endere[cç]o|direcci|anschrift|domicilio|morada|адрес|địa[ _]chỉ|line_?1|stra(?:ß|ss)e|straat)[^\r\n]{0,60}?\d`,
  String.raw`ที่อยู่[^\r\n]{0,8}\d`,
  String.raw`(?:live at|living at|reside[sd]? at|residing at|relocat(?:ed|ing)[ \t]+to|forwarded to|forward it to|post(?:ed)? it to|send it to|moving to)[ \t]+[^\r\n,]{0,60}?\d`,
  String.raw`(?<![a-z0-9-])adr[;:]`,
].join('|');
// --- end addr25
