/**
 * Street addresses of other countries (session 22, addr23): a street-address grammar per script and country family, for
 * the address rule (rules.ts; its own patterns read Chinese addresses, person-prose.ts the Latin ones after `address:` or a
 * verb that sends someone there, and Japanese ones with a 丁目).
 *
 * - Latin (de/at/ch/nl, fr/es/it/pt/mx, pl, uk/us/in/ng): a house number and a street named with its street-type word, in
 *   either order (`Lindenstraße 12`, `Linzer Gasse 41`, `Prinsengracht 418-2`, `14 rue des Tanneurs`, `Calle de Embajadores
 *   112`, `Via Roma 12`, `ul. Długa 5`, `12 Cunningham Road`), an optional floor or door (`3º B`, `2. OG`, `Apt 4`, `bis`),
 *   then a postcode and its city (5-digit DE/FR/ES/IT/MX, 4-digit AT/CH, NL `1012 AB`, UK, US state + ZIP, a 6-digit PIN).
 *   Taken when the street and its number are there AND a postcode and city follow, OR an address key stands before it
 *   (`Anschrift`, `Adresse`, `domicile`, `domicilio`, `dirección`, `indirizzo`, `endereço`, `adres`, `address`, `Straße:` …),
 *   OR the street and number make a line of their own (an address block's or a value printed alone). A street name alone
 *   (`Wiener Straße` as a station), a street-type word alone (`Platz 3` in a ranking) or a number and a capitalised word
 *   (`Port 8080`, `Room 101`) is not one.
 * - the postcode-and-city line under such a street line (a letter's or a payslip's address block: `20357 Hamburg`).
 * - Cyrillic: a street (`ул.`, `пр.`, `пер.`, `проспект` …) with its house (`д. 13`), a building or a flat after it, and the
 *   index and city before it (`620014, г. Екатеринбург, ул. Вайнера, д. 13, кв. 48`).
 * - Japanese: the prefecture, the city or ward, the town and its block numbers with dashes or 番地 (no 丁目), a building and
 *   its room (`神奈川県川崎市中原区新丸子町915-3 グランパレス新丸子405`), after an optional 〒 postcode.
 * - Korean: the province or city, the district, a road (로/길) and its number, then a building (동), a room (호) or a floor
 *   (층) (`서울특별시 강남구 테헤란로 427, 12층`).
 * - Vietnamese: a house number (`số 27`), a street, the ward (Phường/P.), the district (Quận/Q./Huyện) and the city or
 *   province (TP./Thành phố/Tỉnh).
 * - Arabic: a house number, a road or street (طريق/شارع), the district (حي), the city and a 5-digit postcode.
 */
import type { RulePattern } from './rules.js';

// --- Latin -----------------------------------------------------------------------------------------------------------
const UP = String.raw`A-ZÀ-ÖØ-Þ\u0100-\u017f`;
const LETTER = String.raw`A-Za-zÀ-ÖØ-öø-ÿ\u0100-\u017f`;
// A capitalised word of a street's or a town's name (`Embajadores`, `Cunningham`, `Col.`, `Saint-Denis`, `D'Azeglio`).
const WORD = String.raw`[${UP}][${LETTER}'’.-]{1,30}`;
// The small words inside a street's name (`Calle de la Paz`, `rue des Tanneurs`, `Via dei Mille`, `Am Alten Markt`).
const PARTICLE = String.raw`(?:de|del|la|las|los|el|di|da|do|dos|das|della|delle|dei|degli|des|du|le|les|l'|d'|van|von|der|den|het|am|an|im|auf|zum|zur|of|the|St\.?)`;
const NAME = String.raw`(?:${PARTICLE}[ \t]+){0,3}${WORD}(?:[ \t]+(?:${PARTICLE}|${WORD})){0,4}`;
// A house number: `71`, `418-2`, `12a`, `27/3`, `112B` (addr25: not the `m` of a Polish flat `104 m. 7`).
const NUMBER = String.raw`\d{1,5}(?:[ \t]?[A-Za-z](?![${LETTER}.]))?(?:[-/]\d{1,4}[A-Za-z]?)?`;

// Street-type words that come before the name (Romance, Slavic, some German): `Calle`, `rue`, `Via`, `ul.`, `Am`.
const TYPE_BEFORE = String.raw`(?:[Cc]alle|C/|[Aa]venida|[Aa]vda\.|[Aa]v\.|[Pp]aseo|[Pp]laza|[Cc]amino|[Cc]arrera|[Cc]alzada|[Rr]onda|[Rr]ambla|[Tt]raves[ií]a|[Cc]arrer|[Rr]ue|[Aa]venue|[Bb]oulevard|[Bb]d|[Bb]lvd\.?|[Cc]hemin|[Ii]mpasse|[Pp]lace|[Aa]llée|[Qq]uai|[Cc]ours|[Rr]oute|[Vv]ia|[Vv]iale|[Pp]iazza|[Pp]iazzale|[Cc]orso|[Ll]argo|[Vv]icolo|[Rr]ua|[Tt]ravessa|[Pp]raça|[Aa]lameda|[Uu]lica|[Uu]l\.|[Aa]leja|[Aa]l\.|[Pp]lac|[Oo]siedle|[Oo]s\.)`;
// Street-type endings of a compound (German, Dutch): `Schanzenstraße`, `Hauptstr.`, `Prinsengracht`, `Kalverstraat`.
const TYPE_SUFFIX = String.raw`(?:straße|strasse|str\.|gasse|weg|allee|platz|(?<!e)ring|damm|chaussee|steig|pfad|ufer|gracht|straat|laan|plein|kade|singel|dijk|markt|gatan|gata|vägen|väg|vejen|vej|(?<![Bb]ri|ene|cca)gade|veien|vegen|katu)`; // addr25: Nordic (`Storgatan 18`, `Sveavägen 44`, `Kalfarveien 57B`, `Vesterbrogade 12`)
// Street-type words after the name, as words of their own: German (`Linzer Gasse`), English (`Adeola Odeku Street`).
const TYPE_AFTER_DE = String.raw`(?:Straße|Strasse|Str\.|Gasse|Weg|Allee|Platz|Ring|Damm|Chaussee|Steig|Ufer|Markt)`;
const TYPE_AFTER_EN = String.raw`(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Way|Close|Crescent|Cres\.?|Terrace|Court|Ct\.?|Place|Pl\.?|Square|Sq\.?|Parkway|Pkwy\.?|Highway|Hwy\.?|Grove|Gardens|Mews|Row|Circle|Cir\.?|Trail|Marg|Salai)`;

const COMPOUND = String.raw`[${UP}][${LETTER}-]{2,30}${TYPE_SUFFIX}`;
// A street with its type word and its number, in the orders the families write it.
const TYPED_STREET_EU =
  String.raw`(?:` +
  // `Schanzenstraße 71`, `Prinsengracht 418-2`, `Linzer Gasse 41`, `Hauptstr. 5`
  String.raw`(?:${COMPOUND}|(?:${WORD}[ \t]+){1,2}${TYPE_AFTER_DE})[ \t]+${NUMBER}` +
  // `Calle de Embajadores 112`, `Via Roma, 12`, `Av. Chapultepec 480`, `ul. Długa 5`, `Rua Augusta, 274`
  String.raw`|${TYPE_BEFORE}[ \t]+${NAME},?[ \t]+(?:n[º°o]\.?[ \t]*)?${NUMBER}` +
  // `14 rue des Tanneurs`, `8 bis, avenue Foch`
  String.raw`|${NUMBER}(?:[ \t]+(?:bis|ter))?,?[ \t]+${TYPE_BEFORE}[ \t]+${NAME}` +
  String.raw`)`;
// and the English order (`12 Cunningham Road`, `221B Baker Street`): not on a line of its own, where a year and a
// surname read the same (`2021 Iain Lane` in a copyright file).
const TYPED_STREET = String.raw`(?:${TYPED_STREET_EU}|${NUMBER},?[ \t]+${NAME}[ \t]+${TYPE_AFTER_EN}(?![${LETTER}]))`;
// A street and its number without a type word (`Kehrwieder 9`): only with an address key and a postcode and city.
const PLAIN_STREET = String.raw`(?:${WORD}(?:[ \t]+(?:${PARTICLE}|${WORD})){0,3}[ \t]+${NUMBER}|${NUMBER},?[ \t]+${WORD}(?:[ \t]+(?:${PARTICLE}|${WORD})){0,3})`;
// A floor, a door, a flat: `3º B`, `2ª izq.`, `2. OG`, `Apt 4`, `Suite 210`, `Top 7`, `bis` (addr25: Polish `m. 117`, `lok. 4`, Brazilian `apto 41`, `sala 3`).
const FLOOR = String.raw`(?:,?[ \t]+(?:\d{1,2}[º°ª](?:[ \t]?(?:[A-Z]|izq(?:da)?\.?|dcha\.?|dch\.?)(?![${LETTER}]))?|\d{1,2}\.[ \t]?(?:OG|Stock|Etage|Et\.)|(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|Piso|Puerta|Pta\.|Esc\.|Escalera|Bloque|Portal|Stiege|Tür|Top|Whg\.|app\.|bât\.|Bât\.|esc\.|int\.|interno|scala|m\.|lok\.|apto\.?|ap\.|dpto\.?|depto\.?|sala)[ \t]*[\w-]{1,5}|#[ \t]?\d{1,5}|bis|ter)(?![${LETTER}]))`;
// A town (`Madrid`, `Freiburg im Breisgau`, `Victoria Island`, `Col. Americana`).
const LOCALITY = String.raw`${WORD}(?:[ \t]+(?:im|am|an[ \t]der|de|del|la|sur|en|di|upon|on)[ \t]+${WORD}|[ \t]+${WORD}){0,2}`;
const POSTCODE = String.raw`\d{3}[ \t]\d{2}|\d{5}-\d{4}|\d{5}-\d{3}|\d{4}-\d{3}|\d{2}-\d{3}|\d{4,6}|[A-Z]\d{2}[ \t]?[A-Z0-9]{4}|[A-Z]{1,2}\d[A-Z\d]?[ \t]\d[A-Z]{2}|[A-Z]\d[A-Z][ \t]\d[A-Z]\d|\d{4}[ \t]?[A-Z]{2}`;
// The postcode and the city (in either order, with the localities between), a state after (`, Jal.`, `CA 94107`).
const TAIL =
  String.raw`(?:,[ \t]*${LOCALITY}){0,3},?[ \t]+(?:(?:[A-Z]{1,2}-)?(?:${POSTCODE})[ \t]+${LOCALITY}(?:,[ \t]*[A-Z][a-z]{1,4}\.|[ \t]+[A-Z]{2}(?![${LETTER}]))?` +
  String.raw`|${LOCALITY},?[ \t]+(?:[A-Z]{2,3}[ \t]+)?(?:${POSTCODE}))(?![\w-])`;
// The towns after a street without a postcode (`7 Adeola Odeku Street, Victoria Island, Lagos`): only after a key.
const LOCALITIES = String.raw`(?:,[ \t]*${LOCALITY}){0,3}`;
// Address keys (case as written; Latin ones): a form's label, a JSON or XML key, a word of prose before the address.
const KEY = String.raw`(?:[Aa]ddress(?:e|e postale)?|ADDRESS|ADRESSE|[Ss]treet|STREET|[Aa]dres(?:se|a)?|ADRES|[Aa]nschrift|[Ww]ohnanschrift|[Ww]ohnort|[Ww]ohnadresse|[Ll]ieferadresse|[Ll]ieferanschrift|[Rr]echnungsadresse|[Ss]tra(?:ß|ss)e|[Dd]omicile|[Dd]omicilio|[Dd]irecci[óo]n|DIRECCI[ÓO]N|[Ii]ndirizzo|[Rr]esidenza|[Ee]ndere[çc]o|[Mm]orada|[Rr]esidencia|[Ww]oonadres|[Ww]oonplaats|[Aa]dres zamieszkania)`;
const KEY_THEN = String.raw`(?<![${LETTER}])${KEY}(?:["'\]]?[ \t]*(?:(?:=>|[:=：])[ \t]*)?["']?|>|[ \t]*\([^()\r\n]{1,20}\)[ \t]*(?:[:：][ \t]*)?)`;

// --- Cyrillic ----------------------------------------------------------------------------------------------------------
const CY_WORD = String.raw`[А-ЯЁІЇЄҐ0-9][А-Яа-яЁёІіЇїЄєҐґ'’0-9-]{0,30}`;
const CY_STREET_TYPE = String.raw`(?:ул\.|улица|вул\.|вулиця|пр-т|пр\.|просп\.|проспект|пер\.|переулок|ш\.|шоссе|б-р|бульвар|наб\.|набережная|пл\.|площадь|мкр\.?|микрорайон|проезд|туп\.|тупик)`;
const CY_ADDRESS =
  String.raw`(?:\d{6},[ \t]*)?(?:(?:г\.|город)[ \t]*${CY_WORD}(?:[ \t]${CY_WORD})?,[ \t]*|[А-ЯЁ][а-яё-]{2,30}(?:[ \t][А-ЯЁ][а-яё-]{2,30})?,[ \t]*)?` +
  String.raw`${CY_STREET_TYPE}[ \t]*${CY_WORD}(?:[ \t]${CY_WORD}){0,3},?[ \t]*(?:д\.|дом|буд\.)[ \t]*\d{1,4}[а-яА-Я]?(?:\/\d{1,3})?` +
  String.raw`(?:,?[ \t]*(?:корп\.|корпус|к\.|стр\.|строение)[ \t]*\d{1,3})?(?:,?[ \t]*(?:кв\.|квартира|оф\.|офис|пом\.)[ \t]*\d{1,4})?`;

// --- Japanese ----------------------------------------------------------------------------------------------------------
const JP_PREFECTURE = String.raw`(?:東京都|北海道|(?:京都|大阪)府|[\u4e00-\u9fa5]{2,3}県)`;
const JP_KANA_HAN = String.raw`\u3040-\u30ff\u4e00-\u9fa5`;
const JP_ADDRESS =
  String.raw`(?:〒[ \t]?\d{3}[-−－]\d{4}[ \t\u3000]*)?${JP_PREFECTURE}[${JP_KANA_HAN}]{1,12}?[市区町村郡][${JP_KANA_HAN}]{1,16}?\d{1,4}(?:番地?(?:\d{1,4}号?)?|(?:[-−－]\d{1,4}){1,2}(?:号)?)` +
  String.raw`(?:[ \t\u3000]?[\u30a0-\u30ff\u4e00-\u9fa5A-Za-z]{1,20}[ \t]?\d{1,4}(?:号室)?)?`;

// --- Korean ------------------------------------------------------------------------------------------------------------
const KO_ADDRESS =
  String.raw`(?:[가-힣]{2,6}(?:특별시|광역시|특별자치시|특별자치도|도)[ \t]+)?[가-힣]{1,6}(?:시|군|구)[ \t]+(?:[가-힣]{1,6}(?:구|읍|면)[ \t]+)?` +
  String.raw`[가-힣0-9]{1,12}(?:로|길)[ \t]?\d{1,5}(?:-\d{1,4})?(?![\d])(?:,?[ \t]*(?:\d{1,5}동[ \t]*)?\d{1,5}(?:호|층)(?:[ \t]*\d{1,5}호)?)?`;

// --- Vietnamese --------------------------------------------------------------------------------------------------------
const VI_UP = String.raw`A-ZÀ-ỸĐÂĂÊÔƠƯ`;
const VI_WORD = String.raw`[${VI_UP}][a-zà-ỹđâăêôơưA-Z]{0,10}`;
const VI_NAME = String.raw`(?:${VI_WORD}|\d{1,3})(?:[ \t]${VI_WORD}){0,4}`;
const VI_ADDRESS =
  String.raw`(?:[Ss]ố[ \t]+)?\d{1,4}[A-Z]?(?:\/\d{1,4}){0,2}[ \t]+(?:(?:ngõ|ngách|hẻm|kiệt)[ \t]+\d{1,4}(?:\/\d{1,4})?[ \t]+)?(?:(?:đường|Đường|phố|Phố)[ \t]+)?${VI_NAME}` +
  String.raw`(?:,[ \t]*(?:Phường|phường|P\.|Xã|xã)[ \t]*${VI_NAME})?,[ \t]*(?:Quận|quận|Q\.|Huyện|huyện|Thị xã)[ \t]*${VI_NAME}` +
  String.raw`(?:,[ \t]*(?:(?:TP\.|Tp\.|Thành phố|thành phố|Tỉnh|tỉnh)[ \t]*)?${VI_NAME})?`;

// --- Arabic ------------------------------------------------------------------------------------------------------------
const AR_WORDS = String.raw`[\u0621-\u064a]{2,20}(?:[ \t][\u0621-\u064a]{2,20}){0,3}`;
const AR_ADDRESS = String.raw`(?:[0-9\u0660-\u0669]{1,5}[ \t]+)?(?:طريق|شارع)[ \t]+${AR_WORDS}[،,][ \t]*حي[ \t]+${AR_WORDS}(?:[،,][ \t]*${AR_WORDS}(?:[ \t]+[0-9\u0660-\u0669]{5})?)?`;

export const STREET_ADDRESS_PATTERNS: readonly RulePattern[] = [
  {
    // A street after an address key: with its type word (and the towns after it), or any street with its postcode and city.
    // (one copy of the tail: a typed street may end at its towns, a plain one only at its postcode and city: keyedStreet).
    regex: new RegExp(String.raw`${KEY_THEN}(?<keyed>(?:(?<ktyped>${TYPED_STREET})|${PLAIN_STREET})${FLOOR}{0,2}(?:(?<ktail>${TAIL})|${LOCALITIES}))(?![\w-])`),
    targets: [{ group: 'keyed' }],
    validate: 'keyedStreet',
  },
  {
    // A street with its type word, its number, and its postcode and city, wherever it stands.
    regex: new RegExp(String.raw`(?<![\w-])(?<tailed>${TYPED_STREET}${FLOOR}{0,2}${TAIL})`),
    targets: [{ group: 'tailed' }],
    validate: 'personalStreet',
  },
  {
    // A street with its type word and number on a line of its own (an address block, a value printed alone).
    regex: new RegExp(String.raw`^[ \t]*(?<alone>${TYPED_STREET_EU}${FLOOR}{0,2})[ \t]*\r?$`),
    targets: [{ group: 'alone' }],
    validate: 'personalStreet',
  },
  {
    // The postcode and city on the line under such a street (`20357 Hamburg`, `A-5020 Salzburg`, `1012 AB Amsterdam`).
    regex: new RegExp(String.raw`^[ \t]*(?<town>(?:[A-Z]{1,2}-)?(?:\d{4,5}|\d{4}[ \t][A-Z]{2})[ \t]+${LOCALITY})[ \t]*\r?$`),
    targets: [{ group: 'town' }],
    validate: 'underStreetLine',
  },
  { regex: new RegExp(String.raw`(?<![А-Яа-яЁёІіЇїЄєҐґ\d])(?<cyrillic>${CY_ADDRESS})(?![\dА-Яа-яЁёІіЇїЄєҐґ])`), targets: [{ group: 'cyrillic' }] },
  { regex: new RegExp(String.raw`(?<![\u4e00-\u9fa5])(?<jp>${JP_ADDRESS})(?!\d)`), targets: [{ group: 'jp' }] },
  { regex: new RegExp(String.raw`(?<![가-힣])(?<korean>${KO_ADDRESS})`), targets: [{ group: 'korean' }] },
  { regex: new RegExp(String.raw`(?<![\w${VI_UP}à-ỹ])(?<vietnamese>${VI_ADDRESS})(?![\wà-ỹ])`), targets: [{ group: 'vietnamese' }] },
  { regex: new RegExp(String.raw`(?<![\u0621-\u064a\d])(?<arabic>${AR_ADDRESS})`), targets: [{ group: 'arabic' }] },
];

/** A whole line that is a street with its type word and number (the line above a postcode-and-city line). */
export const STREET_LINE = new RegExp(String.raw`^[ \t]*${TYPED_STREET_EU}${FLOOR}{0,2}[ \t]*\r?$`);

// An organisation's address, which the redaction keeps (the fixtures' convention: a company's address is not a person's):
// the licence texts' `Free Software Foundation, Inc., 51 Franklin Street, …`, `principal office at 160 … Avenue`, a
// letterhead's `Muster GmbH, Hauptstraße 5, …`. Read in the text before the address on its line and on the line above.
const ORGANISATION = /(?:\b(?:Inc|INC|Ltd|LTD|LLC|LLP|GmbH|AG|KG|SE|SA|SAS|SARL|S\.A|S\.L|S\.r\.l|S\.p\.A|B\.V|N\.V|Corp|Corporation|Company|Co|Foundation|Stiftung|Fundación|Fondazione|Commons|University|Universität|Université|Universidad|Institute|Institut)\b\.?|\b(?:[Oo]ffices?|[Hh]eadquarters|HQ|[Cc]ampus|Firmensitz|[Ss]iège|[Ss]ede [Ll]egale)\b)[^\r\n]{0,12}$/;
/** Whether the address is an organisation's (the text before it on its line, or the line above, ends with one's name). */
export function isOrganisationAddress(before: string, previous: string): boolean {
  return ORGANISATION.test(before.trimEnd().replace(/[,:;]$/, '')) || (/^[\s*#/;>|-]*$/.test(before) && ORGANISATION.test(previous.trimEnd().replace(/[,:;]$/, '')));
}

// --- Per-line triggers (case-insensitive) and their wakes: every trigger alternative holds one of the wake literals, so a line
// the words or marks scan does not wake never matches the trigger. Street-type words that are everyday substrings (`ring` in
// `string`, `way` in `gateway`, `st`, `rd`, `close`, `row`) wake nothing of their own: they count on a line an address key
// or another street word woke.
const KEY_WAKES = ['adres', 'anschrift', 'wohnort', 'domicil', 'direcci', 'indirizzo', 'endereço', 'endereco', 'morada', 'residenc', 'residenza', 'woonplaats'];
const TYPE_FIRST_WAKES = ['calle', 'avenida', 'avda.', 'av.', 'paseo', 'plaza', 'camino', 'carrera', 'calzada', 'rambla', 'travesía', 'travesia', 'carrer', 'rue', 'avenue', 'boulevard', 'chemin', 'impasse', 'place', 'allée', 'quai', 'cours', 'route', 'via', 'viale', 'piazza', 'piazzale', 'corso', 'largo', 'vicolo', 'rua', 'travessa', 'praça', 'alameda', 'ulica', 'ul.', 'aleja', 'osiedle'];
// The type words a number comes before (French, Catalan): `14 rue des Tanneurs`, `8 bis, avenue Foch`.
const NUMBER_FIRST_WAKES = ['rue', 'avenue', 'boulevard', 'chemin', 'impasse', 'place', 'allée', 'quai', 'cours', 'route', 'carrer'];
const SUFFIX_WAKES = ['straße', 'strasse', 'str.', 'gasse', 'allee', 'platz', 'damm', 'chaussee', 'gracht', 'straat', 'laan', 'plein', 'weg', 'kade', 'singel', 'gata', 'gatan', 'väg', 'vägen', 'vej', 'vejen', 'gade', 'veien', 'vegen', 'katu']; // addr25: Nordic
// Vietnamese: a district, or a ward or street before a `Q. 1` district.
const VI_WAKES = ['quận', 'huyện', 'phường', 'đường'];
const EN_WAKES = ['street', 'road', 'avenue', 'lane', 'drive', 'boulevard', 'crescent', 'terrace', 'highway', 'parkway'];
const alt = (words: readonly string[]): string => words.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
const L = 'a-zà-öø-ÿ';

/** Words-scan wakes (case-insensitive literals): address keys and street-type words, Vietnamese district and ward words. */
export const STREET_ADDRESS_WORDS: readonly string[] = [...new Set([...KEY_WAKES, ...TYPE_FIRST_WAKES, ...SUFFIX_WAKES, ...EN_WAKES, ...VI_WAKES])];
/** Marks-scan wakes (case-sensitive): a Cyrillic house, a Japanese prefecture, a Korean road's number, an Arabic street, a postcode-and-city line. */
export const STREET_ADDRESS_MARKS = String.raw`[дД]\.[ \t]?\d|[дД]ом[ \t]\d|буд\.[ \t]?\d|県|東京都|北海道|大阪府|京都府|로[ \t]?\d|길[ \t]?\d|طريق|شارع|^[ \t]*(?:[A-Z]{1,2}-)?\d{4,5}[ \t]+[A-ZÄÖÜ]`;
export const STREET_ADDRESS_TRIGGER_PARTS = [
  String.raw`(?<![${L}])(?:${alt(KEY_WAKES)})[^\r\n\d]{0,80}\d`,
  String.raw`(?<![${L}])(?:${alt(TYPE_FIRST_WAKES)})[ \t][^\r\n\d]{0,60}\d`,
  String.raw`(?:${alt(SUFFIX_WAKES)})[ \t]+\d`,
  String.raw`\d[a-z]?,?[ \t][^\r\n\d]{0,60}?(?<![${L}])(?:${alt([...NUMBER_FIRST_WAKES, ...EN_WAKES])})(?![${L}])`,
  String.raw`[дД](?:\.|ом)[ \t]?\d|буд\.[ \t]?\d`,
  String.raw`(?:県|東京都|北海道|大阪府|京都府)[^\r\n]{0,30}?\d`,
  String.raw`(?:로|길)[ \t]?\d`,
  String.raw`quận|huyện|(?:phường|đường)[^\r\n]{0,80}q\.[ \t]?\d`,
  String.raw`(?:طريق|شارع)[^\r\n]{0,80}حي`,
  // a postcode-and-city line is the whole line: its letters, blanks, dots, hyphens and apostrophes after the postcode.
  String.raw`^[ \t]*(?:[a-z]{1,2}-)?(?:\d{4,5}|\d{4}[ \t][a-z]{2})[ \t]+[a-zà-öø-ÿ][a-zà-öø-ÿ .'’-]{1,60}\r?$`,
];
export const STREET_ADDRESS_TRIGGER = STREET_ADDRESS_TRIGGER_PARTS.join('|');
// --- end addr23
