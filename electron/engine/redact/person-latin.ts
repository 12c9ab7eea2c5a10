/**
 * name25 (session 23; issue #14): person names in Latin scripts where an app prints them, in any language — the
 * contexts, not one fixture's words:
 *
 * - a role word in prose, in a dozen languages (`Pelanggan Rina Marlina`, `alıcı Zeynep Kaya Aydın,`, `hesap sahibi
 *   Mehmet Çelik`, `klient Jan Kowalski,`, `odbiorca Anna Nowak-Kowalczyk`, `paciente encontrada: Camila Rocha`,
 *   `installateur Ruud Hendriks`), an honorific of another language (`com Dra. Beatriz Menezes`, `sig. Bruno Gatti`);
 * - who made or changed a page or a record, in seven languages (`Erstellt von Sabine Krüger, zuletzt geändert von …`,
 *   `modifié par …`, `criado por …`, `aangemaakt door …`, `dibuat oleh …`, `… tarafından`);
 * - a user named in an English log line (`Started by user Priyanka Iyer`, `message to user Giulia Bianco (id`, `User
 *   Wojciech Zieliński reports …`), a holder or nominee (`PAN holder "ANANYA K MURTHY"`, `Nominee: Sneha Kulkarni`);
 * - a relative's name after the relation (`genitore di Giulia Bianco: Roberta Colombo`), a self-introduction (`aqui é a
 *   Camila Rocha Duarte`, `me llamo …`, `nama saya …`), a device named for its owner (`iPhone van Sanne de Jong`);
 * - an English `<role> Name:` key (`Employee Name : …`, `Display Name: …`), one part of a name under a prefixed or
 *   compact key (`previous_first_name="Annika"`, `fname=Dolores lname=Whitfield`, `"lastName": "de Graaf"`,
 *   `"cardholderName": "M. de Graaf"`, `imię=Tomasz nazwisko=Zieliński`);
 * - a mail header's display name with a `Mc`/`Mac` surname (`From: Fiona McAllister <…>`).
 *
 * Every name goes through `latinPersonName25` (rule-validators.ts): each word no common, product, place or business
 * word (isProseLatinName, EU_NOT_A_NAME_WORD), so `Display Name: Windows Update` and `user Default Account` stay.
 */
import type { RulePattern } from './rules.js';

const UP = 'A-ZÀ-ÖØ-ÞĀ-žİŞĞÇ';
const LO = 'a-zß-öø-ÿĀ-žışğç';
// A capitalised word of a name: diacritics, a hyphen (`Nowak-Kowalczyk`), an apostrophe (`O'Brien`), `Mc`/`Mac` (`McAllister`).
const WORD = String.raw`(?:Mc|Mac|O['’])?[${UP}][${LO}]{1,15}(?:[-'’][${UP}]?[${LO}]{1,15})?`;
const PARTICLE = String.raw`(?:van|von|der|den|de|da|di|du|del|della|la|le|dos|das|do|ten|ter|zu|af|bin|binti|ibn|al|el)`;
/** Two to four capitalised words, particles between (`Sanne de Jong`, `Zeynep Kaya Aydın`). */
const LATIN = String.raw`${WORD}(?:[ \t](?:${PARTICLE}[ \t]){0,2}${WORD}){1,3}`;
// Where a name ends: not inside a word, an address or a host name.
const END = String.raw`(?![\wÀ-ÖØ-öø-ÿĀ-žışğİŞĞÇç@-]|\.\w)`;
// A key's start: not inside a word.
const START = String.raw`(?<![\wÀ-ÖØ-öø-ÿĀ-žışğİŞĞÇç.-])`;

// Role words a person is named after, by language (lower case; a pattern also takes the capitalised form).
const ROLE_WORDS = [
  // Indonesian, Malay
  'pelanggan', 'pasien', 'nasabah', 'penerima', 'pengirim', 'karyawan', 'pegawai', 'kasir', 'pengguna', 'atas nama',
  // Turkish
  'alıcı', 'gönderen', 'müşteri', 'hasta', 'hesap sahibi', 'kart sahibi', 'kullanıcı', 'personel',
  // Polish, Czech
  'klient', 'klientka', 'odbiorca', 'nadawca', 'pracownik', 'użytkownik', 'właściciel', 'zákazník', 'příjemce',
  // Portuguese, Spanish, Italian
  'cliente', 'paciente', 'funcionário', 'funcionária', 'usuário', 'usuária', 'favorecido', 'favorecida', 'beneficiário', 'beneficiária',
  'usuario', 'usuaria', 'beneficiario', 'beneficiaria', 'paziente', 'intestatario', 'intestataria', 'dipendente', 'utente', 'mittente',
  // Dutch, German, French, Nordic
  'gebruiker', 'medewerker', 'ontvanger', 'patiënt', 'installateur', 'vervanger', 'contactpersoon', 'kundin', 'patientin', 'patiente',
  'kund', 'mottagare', 'modtager', 'mottaker',
  // script26 (session 24): Spanish payroll and shop roles, Malay buyers, sellers, applicants and owners.
  'trabajador', 'trabajadora', 'comprador', 'compradora', 'pagador', 'pagadora', 'arrendatario', 'arrendataria', 'a nombre de',
  'pembeli', 'penjual', 'pemohon', 'penyewa', 'pemilik', 'penama',
];
const ROLE = ROLE_WORDS.map((w) => `[${w.charAt(0).toUpperCase()}${w.charAt(0)}]${w.slice(1)}`).join('|');
// A word between the role and a colon (`paciente encontrada: …`, `cliente registrado: …`).
const ROLE_VERB = String.raw`[${LO}]{3,14}`;
// Honorifics of other languages before a full name (`Dra.`, `Sra.`, `sig.ra`, `dott.ssa`, `dhr.`, `Bapak`, `Sayın`).
const HONORIFIC = String.raw`[Dd]ra\.|[Ss]ra\.|[Ss]rta\.|[Ss]r\.|[Ss]ig\.(?:ra)?|[Dd]ott\.(?:ssa)?|[Pp]rof\.ssa|[Dd]hr\.|[Mm]evr\.|[Ss]dri?\.|Bapak|Ibu|Sayın|Pani?|Dña\.`;
// Who made or changed something: the verb and its `by` in German, French, Spanish/Portuguese, Italian, Dutch, Polish, Indonesian.
const MADE_BY = String.raw`(?:[Ee]rstellt|[Gg]eändert|[Bb]earbeitet|[Aa]ngelegt|[Gg]elöscht|[Ff]reigegeben|[Gg]enehmigt|[Gg]eprüft|[Hh]ochgeladen|[Vv]eröffentlicht)[ \t]+von|(?:[Cc]réée?|[Mm]odifiée?|[Ss]upprimée?|[Aa]pprouvée?|[Vv]alidée?|[Pp]ubliée?)s?[ \t]+par|(?:[Cc]reado|[Mm]odificado|[Aa]probado|[Cc]riado|[Aa]provado|[Aa]lterado|[Ee]ditado|[Ee]liminado|[Ee]xclu[ií]do)a?[ \t]+por|(?:[Cc]reat|[Mm]odificat|[Aa]pprovat|[Cc]aricat|[Ee]liminat)[oa][ \t]+da|(?:[Aa]angemaakt|[Gg]ewijzigd|[Gg]oedgekeurd|[Bb]ewerkt|[Vv]erwijderd|[Gg]eüpload)[ \t]+door|(?:[Uu]tworzon[ye]|[Zz]mienion[ye]|[Zz]atwierdzon[ye]|[Ee]dytowan[ye])[ \t]+przez|(?:[Dd]ibuat|[Dd]iubah|[Dd]isetujui|[Dd]ihapus)[ \t]+oleh`;
// An English log line's user (`Started by user …`, `message to user …`), and what a user at a line's or a clause's start does.
const BY_USER = String.raw`(?:[Bb]y|[Tt]o|[Ff]or|[Ff]rom)[ \t]+user`;
const USER_DOES = String.raw`reports|reported|says|said|called|calls|asked|asks|requested|requests|wants|cannot|can't|is unable|was unable|complains|complained|writes|wrote`;
// Holders and nominees: `PAN holder "…"`, `account holder Ananya Krishnamurthy`, `Nominee: …`.
const HOLDER = String.raw`(?:PAN|[Aa]ccount|[Cc]ard|[Pp]olicy|[Ll]icen[cs]e|[Pp]assport)[ \t]holder|[Nn]ominee|NOMINEE|[Nn]ew[ \t](?:starter|joiner|hire)|[Ss]tarter|[Ll]eaver`;
// A relation, in English and six languages, and its person (`genitore di Giulia Bianco: Roberta Colombo`, `mother: …`).
const KIN = String.raw`[Gg]enitore|[Mm]adre|[Pp]adre|[Tt]utore|[Mm]ãe|[Pp]ai|[Rr]esponsável|[Oo]uder|[Vv]ader|[Mm]oeder|[Mm]utter|[Vv]ater|[Ee]rziehungsberechtigte[rn]?|[Pp]arent|[Gg]uardian|[Mm]other|[Ff]ather|[Ww]ali|[Oo]rang[ \t]tua|[Vv]eli`;
const KIN_OF = String.raw`(?:${KIN})(?:[ \t]+(?:di|de|do|da|van|von|of|dari)[ \t]+(?<kinOf>${LATIN}))?`;
// A self-introduction in a chat or an SMS (`aqui é a Camila Rocha Duarte`, `me llamo …`, `nama saya …`, `mi chiamo …`).
const SELF = String.raw`[Aa]qui é (?:a|o)|[Mm]eu nome é|[Mm]e llamo|[Mm]i nombre es|[Jj]e m'appelle|[Jj]e m’appelle|[Mm]i chiamo|[Ii]ch heiße|[Mm]ein Name ist|[Mm]y name is|[Nn]ama saya|[Bb]enim adım|[Mm]ijn naam is|[Ii]k heet|[Nn]azywam się|[Jj]menuji se|[Jj]ag heter|[Jj]eg hedder|[Jj]eg heter`;
// A device named for its owner (`iPhone van Sanne de Jong`, `iPad de Marie Dubois`, `MacBook von Jonas Weber`).
const DEVICE = String.raw`iPhone|iPad|iMac|MacBook(?:[ \t](?:Pro|Air))?|Apple[ \t]Watch|AirPods(?:[ \t]Pro)?`;
const DEVICE_OF = String.raw`van|von|de|di|da|do|dla|od`;
// An English key of a person's whole name with a blank in it (`Employee Name :`, `Display Name:`, `Account Holder Name:`).
const NAME_KEY = String.raw`(?:Employee|Customer|Client|Member|Patient|Student|Guest|Tenant|Insured|Applicant|Beneficiary|Payee|Nominee|Guardian|Parent|Contact|Display|Full|Account[ \t]Holder|Card[ \t]?[Hh]older|Holder)[ \t]Name|(?:EMPLOYEE|CUSTOMER|MEMBER|PATIENT|DISPLAY|FULL|HOLDER)[ \t]NAME`;
// One part of a name under a key: a prefixed snake key (`previous_first_name`, `billing_last_name`), a compact one
// (`fname`, `lname`, `firstname`), a camel one ending in a part (`cardholderName` is whole, below), or another language's.
const PART_KEY = String.raw`[a-z][a-z0-9]{1,20}_(?:first|last|given|family|middle|sur)_?name|[Ff]name|[Ll]name|FNAME|LNAME|[Ff]irst[Nn]ame|[Ll]ast[Nn]ame|[a-z]{2,20}(?:First|Last|Given|Family|Middle|Sur)[Nn]ame|[Ii]mię|[Nn]azwisko|[Vv]orname|[Nn]achname|[Pp]rénom|[Cc]ognome|[Aa]pellidos?|[Ss]obrenome|[Vv]oornaam|[Aa]chternaam|[Ff]örnamn|[Ee]fternamn`;
const PART_VALUE = String.raw`(?<part>(?:${PARTICLE}[ \t]){0,2}${WORD}|[A-Z]\.[ \t]?(?:${PARTICLE}[ \t]){1,2}${WORD}|(?:${PARTICLE}[ \t]){1,2}${WORD})`;
// A camel or snake key of a whole name whose value may lead with an initial or a particle (`"cardholderName": "M. de Graaf"`).
const WHOLE_KEY = String.raw`[Cc]ard_?[Hh]older_?[Nn]ame|[Hh]older_?[Nn]ame|[Nn]ame_?[Oo]n_?[Cc]ard|[Ff]ull_?[Nn]ame|[Dd]isplay_?[Nn]ame`;
// A JSON or dict key of a whole name in Indonesian, Malay, Turkish, Portuguese, Spanish, French and Dutch (`"nama":"Siti
// Rahmawati"`, `'nome_completo': …`, `"nombreCliente": …`, `"isim": …`), escaped inside a logged string too.
const LOCAL_WHOLE_KEY = String.raw`nama(?:_?(?:[Ll]engkap|[Pp]elanggan|[Pp]asien|[Kk]aryawan|[Pp]enerima|[Pp]engirim|[Nn]asabah))?|isim|ad_?soyad|adi_?soyadi|tam_?ad|nome_?(?:[Cc]ompleto|[Cc]liente|[Pp]aciente)|nombre_?(?:[Cc]ompleto|[Cc]liente|[Pp]aciente)|nom_?(?:[Cc]omplet|[Cc]lient)|naam_?[Kk]lant|klant_?naam|volledige_?naam|imie_?nazwisko|imię_?nazwisko`;
const WHOLE_VALUE = String.raw`(?<whole>[A-Z]\.[ \t]?(?:${PARTICLE}[ \t]){0,2}${WORD}|${LATIN})`;
// A quoted ALL-CAPS name with initials, as a KYC check prints it (`"ANANYA K MURTHY"`).
const CAPS = String.raw`[A-ZÀ-ÖØ-Þ]{2,20}(?:[ ](?:[A-Z]\.?|[A-ZÀ-ÖØ-Þ]{2,20})){1,3}`;
// A mail header's display name (`From: Fiona McAllister <…>`, `Cc: "Ian MacLeod" <…>`): the patterns of person-prose.ts
// take a plain name there; a `Mc`/`Mac`/`De`/`Le` surname with its capital inside is this pattern's.
const INNER_CAP = String.raw`(?:Mc|Mac|De|Le|La|Di|Du|Van|Von|O['’])[A-Z][${LO}]{1,15}`;

// Thai: a given name and a surname, each a run of Thai letters (no spaces inside a word), one blank between; after a name
// key (`ชื่อ=`), a role or a self-introduction and a blank (`ผู้ป่วย …`, `ลูกค้า …`, `ดิฉัน …`), or an honorific written
// against the name (`นายสมชาย ใจดี`, `นางสาว…`, `คุณ…`). rule-validators.ts THAI_NOT_A_NAME keeps verbs and nouns out.
const THAI_WORD = String.raw`[\u0E01-\u0E4E]{2,20}`;
const THAI = String.raw`${THAI_WORD}[ \t]${THAI_WORD}`;
const THAI_END = String.raw`(?![\u0E01-\u0E4E])`;
const THAI_HONORIFIC = String.raw`นางสาว|นาย|นาง|คุณ|ด\.ช\.|ด\.ญ\.`;
const THAI_KEY = String.raw`ชื่อ(?:[ \t]?-?[ \t]?(?:นาม)?สกุล)?|ชื่อผู้ป่วย|ชื่อลูกค้า|ชื่อผู้รับ|ชื่อผู้ส่ง`;
const THAI_ROLE = String.raw`ดิฉัน|ผม|ผู้ป่วย|ลูกค้า|คนไข้|ผู้รับ|ผู้ส่ง|พนักงาน`;

const PATTERNS: readonly RegExp[] = [
  // A role word and a name after it (`Pelanggan Rina Marlina`, `hesap sahibi Mehmet Çelik`, `paciente encontrada: …`).
  new RegExp(String.raw`${START}(?:${ROLE})(?:[ \t]+${ROLE_VERB})?(?:[ \t]*[:=][ \t]*|[ \t]+)["'“]?(?<role>${LATIN})${END}`),
  // An honorific of another language and a full name.
  new RegExp(String.raw`${START}(?:${HONORIFIC})[ \t]+(?<honored>${LATIN})${END}`),
  // Who made or changed it, by the verb's `by`; a Turkish name before its `tarafından`.
  new RegExp(String.raw`${START}(?:${MADE_BY})[ \t]+(?<made>${LATIN})${END}|(?<![\wÀ-ž])(?<madeTr>${LATIN})[ \t]+tarafından(?![\wÀ-ž])`),
  // An English log line's user.
  new RegExp(String.raw`${START}(?:${BY_USER})[ \t]+(?<user>${LATIN})(?=[ \t]*(?:[(,;:.]|\r?$|[ \t](?:has|was|is|at|on|in|with|from|to|via)[ \t]))|(?:^|[.;:!?][ \t]+|\t|"|[ \t]{2})[Uu]ser[ \t]+(?<userDoes>${LATIN})[ \t]+(?:${USER_DOES})(?![\w])`),
  // A holder or a nominee: a name, quoted or not, or a quoted ALL-CAPS name with initials.
  new RegExp(String.raw`${START}(?:${HOLDER})(?:[ \t]+[Nn]ame)?(?:[ \t]*[:=][ \t]*|[ \t]+)(?:"(?<capsHeld>${CAPS})"|["'“]?(?<held>${LATIN})${END})`),
  // A relative's name after the relation (and its child's name).
  new RegExp(String.raw`${START}(?:${KIN_OF})[ \t]*[:=][ \t]*(?<kin>${LATIN})${END}`),
  // A self-introduction.
  new RegExp(String.raw`${START}(?:${SELF})[ \t]+(?<self>${LATIN})${END}`),
  // A device named for its owner.
  new RegExp(String.raw`(?<![\w-])(?:${DEVICE})[ \t]+(?:${DEVICE_OF})[ \t]+(?<device>${LATIN})${END}`),
  // An English key of a person's whole name, a colon or `=` after it.
  new RegExp(String.raw`${START}(?:${NAME_KEY})[ \t]*(?:[:=][ \t]*)["']?(?<keyed>${LATIN})${END}`),
  // One part of a name under its key: `fname=Dolores`, `previous_last_name="Lindqvist"`, `"lastName": "de Graaf"`, `\"firstName\":\"Thijs\"`.
  new RegExp(String.raw`(?<![A-Za-z0-9])(?<kq>\\?["']?)(?:${PART_KEY})\k<kq>[ \t]*(?:=>|[:=])[ \t]*(?<vq>\\?["']?)${PART_VALUE}\k<vq>(?![\wÀ-ž@.-])`),
  // A whole name under a camel or snake key, led by an initial (`"cardholderName": "M. de Graaf"`); under another language's key.
  new RegExp(String.raw`(?<![A-Za-z0-9])(?<kq>\\?["']?)(?:${WHOLE_KEY})\k<kq>[ \t]*(?:=>|[:=])[ \t]*(?<vq>\\?["'])${WHOLE_VALUE}\k<vq>`),
  new RegExp(String.raw`(?<![A-Za-z0-9_])(?<kq>\\?["']?)(?:${LOCAL_WHOLE_KEY})\k<kq>[ \t]*(?:=>|[:=])[ \t]*(?:\\?["'])?(?<local>${LATIN})${END}`),
  // Thai names after a key, a role or a self-introduction, or against an honorific.
  new RegExp(String.raw`(?<![\u0E01-\u0E4E])(?:(?:${THAI_KEY})[ \t]*[=:：][ \t]*|(?:${THAI_ROLE})(?:[ \t]*ชื่อ)?[ \t]+)(?:(?:${THAI_HONORIFIC})[ \t]?)?(?<thai>${THAI})${THAI_END}|(?:(?<![\u0E01-\u0E4E])(?:${THAI_HONORIFIC})|นางสาว)(?<thaiHonored>${THAI})${THAI_END}`),
  // A cell of a printed data frame or a blank-aligned table (pandas, R, a `print(df)` in a log or a notebook's output): a
  // name between runs of two blanks, its column found by the header's word positions above (rule-validators.ts frameColumn25).
  new RegExp(String.raw`(?<=[ \t]{2}|\t)(?<frame>${LATIN})(?=[ \t]{2}|\t|[ \t]*(?:\\n)?"?,?[ \t]*\r?$)`),
  // A mail header's display name with a capital inside its surname.
  new RegExp(String.raw`^(?:From|To|Cc|Bcc|Reply-To|Sender|FROM|TO|CC)[ \t]*:[ \t]*"?(?<mailed>${WORD}(?:[ \t](?:${PARTICLE}[ \t]){0,2}${WORD})?[ \t]${INNER_CAP})"?[ \t]*<`),
];

const GROUPS = ['role', 'honored', 'made', 'madeTr', 'user', 'userDoes', 'capsHeld', 'held', 'kinOf', 'kin', 'self', 'device', 'keyed', 'part', 'whole', 'local', 'thai', 'thaiHonored', 'frame', 'mailed'];

export const PERSON_LATIN_PATTERNS: readonly RulePattern[] = PATTERNS.map((regex) => ({
  regex,
  targets: GROUPS.filter((g) => regex.source.includes(`(?<${g}>`))
    .sort((a, b) => regex.source.indexOf(`(?<${a}>`) - regex.source.indexOf(`(?<${b}>`))
    .map((group) => ({ group })),
  validate: 'latinPersonName25' as const,
}));

// --- Wakes and the trigger (case-insensitive) -------------------------------------------------------------------
const lower = (s: string) => s.toLowerCase();
// What a name needs in a case-insensitive trigger: a word of two letters or more, a blank, a letter.
const L = String.raw`a-zà-öø-ÿĀ-žışğç`;
const TWO = String.raw`(?:mc|mac|o['’])?[${L}][${L}'’-]{1,31}[ \t]+(?:[a-z]{2,4}[ \t]+){0,2}[${L}]`;

/** Per-line trigger fragments (case-insensitive), each a group of its own. */
export const PERSON_LATIN_TRIGGER = [
  String.raw`(?:(?:${lower(ROLE_WORDS.join('|'))})(?:[ \t]+[${L}]{3,14})?(?:[ \t]*[:=][ \t]*|[ \t]+)["'“]?${TWO})`,
  String.raw`(?:(?:(?:dra|sra|srta|sr|sig|dott|dhr|mevr|sdri?|dña)\.|sig\.ra|dott\.ssa|prof\.ssa|bapak|ibu|sayın|pani?)[ \t]+${TWO})`,
  String.raw`(?:(?:${lower(MADE_BY)})[ \t]+${TWO}|[${L}][ \t]+tarafından)`,
  String.raw`(?:(?:by|to|for|from)[ \t]+user[ \t]+${TWO}|user[ \t]+${TWO}[^\r\n]{0,40}?[ \t](?:${USER_DOES}))`,
  String.raw`(?:(?:${lower(HOLDER)})(?:[ \t]+name)?(?:[ \t]*[:=][ \t]*|[ \t]+)["'“]?${TWO})`,
  String.raw`(?:(?:${lower(KIN)})[^\r\n:=]{0,60}[:=][ \t]*${TWO})`,
  String.raw`(?:(?:${lower(SELF)})[ \t]+${TWO})`,
  String.raw`(?:(?:iphone|ipad|imac|macbook(?:[ \t](?:pro|air))?|apple[ \t]watch|airpods(?:[ \t]pro)?)[ \t](?:${DEVICE_OF})[ \t]+${TWO})`,
  String.raw`(?:(?:${lower(NAME_KEY)})[ \t]*[:=][ \t]*["']?${TWO})`,
  String.raw`(?:(?:_(?:first|last|given|family|middle|sur)_?name|fname|lname|firstname|lastname|imię|nazwisko|vorname|nachname|prénom|cognome|apellidos?|sobrenome|voornaam|achternaam|förnamn|efternamn)\\?["']?[ \t]*(?:=>|[:=])[ \t]*\\?["']?[a-zà-öø-ÿĀ-ž])`,
  String.raw`(?:(?:card_?holder_?name|holder_?name|name_?on_?card|full_?name|display_?name)\\?["']?[ \t]*(?:=>|[:=])[ \t]*\\?["'][a-z]\.)`,
  String.raw`(?:(?:${lower(LOCAL_WHOLE_KEY)})\\?["']?[ \t]*(?:=>|[:=])[ \t]*(?:\\?["'])?${TWO})`,
  String.raw`(?:(?:[ \t]{2}|\t)(?:mc|mac|o['’])?[${L}]{2,16}(?:[ \t][${L}'’-]{1,20}){1,4}(?:[ \t]{2}|\t|[ \t]*(?:\\n)?"?,?[ \t]*$))`,
  String.raw`(?:(?:${THAI_KEY}|${THAI_ROLE}|${THAI_HONORIFIC})[^\r\n]{0,12}?[\u0E01-\u0E4E]{2}[ \t][\u0E01-\u0E4E]{2})`,
  String.raw`(?:^(?:from|to|cc|bcc|reply-to|sender)[ \t]*:[^\r\n<]{0,60}(?:mc|mac|de|le|la|di|du|van|von|o['’])[a-z]{2}[^\r\n<]{0,20}<)`,
].join('|');

/**
 * Words-scan wakes (case-insensitive literals, four ASCII characters or more at their start): the role words, verbs,
 * keys and phrasings above by their ASCII parts.
 */
export const PERSON_LATIN_WORDS = [
  'pelanggan', 'pasien', 'nasabah', 'penerima', 'pengirim', 'karyawan', 'pegawai', 'kasir', 'pengguna', 'atas nama',
  'hesap sahibi', 'kart sahibi', 'kullan', 'hasta ', 'personel ',
  'klient', 'odbiorca', 'nadawca', 'pracownik',
  'cliente', 'paciente', 'funcion', 'favorecid', 'benefici', 'usuari', 'paziente', 'intestatari', 'dipendente', 'utente', 'mittente',
  'gebruiker', 'medewerker', 'ontvanger', 'installateur', 'vervanger', 'contactpersoon', 'kundin', 'patientin', 'patiente', 'mottag', 'modtager', 'mottaker', 'kund ',
  // script26 (session 24)
  'trabajador', 'comprador', 'pagador', 'arrendatari', 'nombre de', 'pembeli', 'penjual', 'pemohon', 'penyewa', 'pemilik', 'penama',
  'dra.', 'sra.', 'srta.', 'sr. ', 'sig.', 'dott.', 'prof.ssa', 'dhr.', 'mevr.', 'sdr.', 'sdri.', 'bapak', 'ibu ',
  'erstellt von', 'bearbeitet von', 'angelegt von', 'freigegeben von', 'genehmigt von', 'hochgeladen von', 'ndert von',
  // The words scan reads substrings: no leading blank or underscore (scan-shape.test: a wake may not start at a character
  // common in logs; `first_name` finds `previous_first_name` too).
  'par ', 'por ', 'ato da', 'ata da', 'door ', 'przez', 'oleh ', 'taraf',
  // Not `by user`: a word holding `by ` makes every `by ` hit (Rails' `Processing by`, `caused by`) wake person-name whole
  // (rule-set.ts overhangs); the verbs before it instead (lead, session 23).
  'started by', 'triggered by', 'requested by', 'to user', 'for user', 'from user', 'reports ', 'reported ', 'complain',
  'holder', 'nominee', 'starter', 'joiner', 'new hire', 'leaver',
  'genitore', 'madre', 'padre', 'tutore', 'ouder', 'vader', 'moeder', 'mutter', 'vater', 'erziehungsberechtigt', 'guardian', 'wali ', 'wali:', 'orang tua', 'veli ', 'veli:',
  'parent of ', 'parent:', 'parent :', 'parent/guardian', 'mother of ', 'mother:', 'father of ', 'father:', 'pai:', 'pai de ', 'pai do ', 'pai da ',
  'aqui', 'meu nome', 'me llamo', 'mi nombre', "m'appelle", 'mi chiamo', 'ich hei', 'mein name', 'my name', 'nama saya', 'benim ad', 'mijn naam', 'ik heet', 'nazywam', 'jmenuji', 'jag heter', 'jeg hedder', 'jeg heter',
  // A device and the owner's particle (not the bare device word: every mobile user agent of an access log names one).
  ...['iphone', 'ipad', 'imac', 'macbook', 'macbook pro', 'macbook air', 'apple watch', 'airpods', 'airpods pro'].flatMap((d) => ['van', 'von', 'de', 'di', 'da', 'do', 'dla', 'od'].map((p) => `${d} ${p} `)),
  'employee name', 'customer name', 'client name', 'member name', 'patient name', 'student name', 'guest name', 'tenant name', 'insured name', 'applicant name',
  'beneficiary name', 'payee name', 'nominee name', 'guardian name', 'parent name', 'contact name', 'display name', 'full name', 'holder name', 'cardholder',
  'first_name', 'last_name', 'given_name', 'family_name', 'surname', 'fname', 'lname', 'firstname', 'lastname',
  'nazwisko', 'vorname', 'nachname', 'cognome', 'apellido', 'sobrenome', 'voornaam', 'achternaam', 'efternamn',
  'nama', 'isim', 'soyad', 'tam_ad', 'tamad', 'nome_', 'nomec', 'nombre', 'nom_c', 'nomc', 'naam', 'volledige', 'imie_', 'imien',
  'holdername', 'holder_name', 'nameoncard', 'name_on_card', 'fullname', 'full_name', 'displayname', 'display_name',
].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

/** Marks-scan wakes (case-sensitive): words that start beyond ASCII or within four characters of it. */
export const PERSON_LATIN_MARKS = [
  String.raw`ı(?<=[Aa]lı)cı`, String.raw`ö(?<=[Gg]ö)nderen`, String.raw`ü(?<=[Mm]ü)şteri`, String.raw`ż(?<=[Uu]ż)ytkownik`, String.raw`ł(?<=[Ww]ł)aściciel`,
  String.raw`ř(?<=[Pp]ř)íjemce`, String.raw`á(?<=[Zz]á)kazník`, String.raw`’(?<=[Mm]’)appelle`, String.raw`ë(?<=[Pp]atië)nt`, String.raw`ñ(?<=[Dd]ñ)a\.`, String.raw`ı(?<=Sayı)n`, String.raw`ę(?<=[Ii]mię)`, String.raw`é(?<=[Pp]ré)nom`,
  String.raw`ö(?<=[Ff]ö)rnamn`, String.raw`ã(?<=[Mm]ã)e`, String.raw`á(?<=[Rr]esponsá)vel`, String.raw`ä(?<=[Gg]eä)ndert`, String.raw`ö(?<=[Gg]elö)scht`, String.raw`ü(?<=[Gg]eprü)ft`,
  String.raw`ö(?<=[Vv]erö)ffentlicht`, String.raw`é(?<=[Cc]éé)|é(?<=[Cc]réé)`, String.raw`é(?<=[Mm]odifié)`, String.raw`é(?<=[Aa]pprouvé)`, String.raw`é(?<=[Vv]alidé)`,
  String.raw`ü(?<=[Gg]eü)pload`, String.raw`í(?<=[Ee]xcluí)do`, String.raw`é(?<=[Aa]qui é)`,
  // Thai keys, roles and honorifics (marks: Thai text only).
  THAI_KEY, THAI_ROLE, THAI_HONORIFIC,
].join('|');
