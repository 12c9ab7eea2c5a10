/**
 * Person names in European languages, Cyrillic and Arabic (session 22, nameeu23; issue #14): person-name's patterns for
 * the words, grammars and scripts of logs, forms and chat exports written outside English and Chinese.
 *
 * - a name key or a role word of a dozen languages and its value, Latin (diacritics, particles, hyphens; ALL CAPS as a
 *   CFDI or a card prints it), Cyrillic or Arabic: `nombre=Ricardo Gómez Morales`, `<cfdi:Receptor Nombre="RICARDO GOMEZ
 *   MORALES"`, `<anm:Anmelder>Friederike Lorenz</…>`, `Kontoinhaber Tobias Brandt`, `bénéficiaire Camille Lefèvre,`,
 *   `ФИО: Кузнецов Андрей Петрович`, `получатель Лебедев В. А.`, `"employeeName":"عبدالله القحطاني"`, `للموظف محمد الشهري،`;
 * - a Cyrillic full name with its patronymic (`Смирнова Ольга Викторовна`: the -вич/-вна/-ична ending makes it one
 *   without a key), a Cyrillic surname with its initials (`Лебедев В. А.`, `В.А. Лебедев`);
 * - the speaker of a chat export: WhatsApp on Android (`02/12/26, 09:44 - Name: …`), iOS with a Cyrillic or Arabic
 *   speaker (`[02.12.26, 19:14:08] Ирина Соколова: …`), Telegram's JSON (`"from": "…"`, `"actor": "…"`) — a business
 *   (`Mudanzas Ribera`, `Taxi Express`, `… GmbH`) is no person (rule-validators.ts EU_NOT_A_NAME_WORD);
 * - who did something by name and login (`checked out by Daniel Brenner (dbrenner)`, `utilisateur agarnier (Aurélie
 *   Garnier)`, `geändert von Jonas Weber (j.weber)`), a PDM's `By: Tomasz Kowalski`, a name in brackets with its group
 *   (`(Sevgi Yılmaz, Gruppe Bediener)`) or after an address (`<EMAIL-1> (Petra Novotná)`), a name before its phone
 *   (`Katrin Wagner, phone +49 …`, `Rufbereitschaft Jonas Weber +49 …`), a greeting (`Danke, Anna Keller`, `Hola Marta
 *   Soler,`), a title's last words (`Faktura 2026-0412 pro Jaroslav Horák`), an X.509 subject's person (`CN = Megumi
 *   Tanaka, emailAddress = …`), a JSON user's `comment`/`gecos` (Chef's users data bag), a `name` in a user object.
 *
 * Every name goes through `euPersonName` (rule-validators.ts): Latin ones through proseLatinName's checks and a list of
 * European words that are no name (nouns, months, weekdays, places, business words), Cyrillic ones need a surname's or a
 * patronymic's ending, Arabic ones a first word that is not an article's.
 */
import type { RulePattern } from './rules.js';

// A capitalised Latin word of a name (person-prose.ts's WORD, Latin-1 and Latin Extended-A letters), a particle between.
const WORD = String.raw`[A-ZÀ-ÖØ-ÞĀ-ž](?:[a-zß-öø-ÿĀ-ž]{1,15}(?:[-'’][A-ZÀ-ÖØ-ÞĀ-ž]?[a-zß-öø-ÿĀ-ž]{1,15})?|['’][A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž]{1,15})`;
const PARTICLE = String.raw`(?:van|von|der|den|de|da|di|du|del|della|la|le|dos|das|ten|ter|zu|af|ben|bin|ibn|al|el)`;
/** Two or three capitalised words, particles between (`Marieke de Vries`, `María de la Cruz`). */
const LATIN = String.raw`${WORD}(?:[ \t](?:${PARTICLE}[ \t]){0,2}${WORD}){1,2}`;
/** Exactly two (a particle between): where nothing but the grammar bounds the name's start. */
const LATIN2 = String.raw`${WORD}[ \t](?:${PARTICLE}[ \t]){0,2}${WORD}`;
// Where a Latin name ends: not inside a word (Latin letters beyond ASCII too), an address or a host name.
const LATIN_END = String.raw`(?![\wÀ-ÖØ-öø-ÿĀ-ž@.-]|\.\w)`;
// An ALL-CAPS full name as a tax document or a card prints it (`RICARDO GOMEZ MORALES`), under a name key only.
const CAPS = String.raw`[A-ZÀ-ÖØ-Þ]{2,20}(?:[ ](?:DE[ ]|DEL[ ]|LA[ ]|VAN[ ]|VON[ ]|DA[ ]|DI[ ]|DOS[ ]){0,2}[A-ZÀ-ÖØ-Þ]{2,20}){1,3}`;
// Where an ALL-CAPS name ends: its value's end (a quote, a separator, two blanks, the line's end), so `SCIM HR sync …` is none.
const CAPS_END = String.raw`(?=\\?["'<,;|)]|[ \t]*\r?$|[ \t]{2}|\t)`;
// Cyrillic: a capitalised word (a hyphenated surname too), two or three of them, or a surname with its initials.
// script26 (session 24): Ukrainian letters too (`Вікторівна`, `Ігор`, `Андріївна`).
const CYR_WORD = String.raw`[А-ЯЁІЇЄҐ][а-яёіїєґ'’]{1,20}(?:-[А-ЯЁІЇЄҐ][а-яёіїєґ'’]{1,20})?`;
const CYR_INITIALS = String.raw`[А-ЯЁІЇЄҐ]\.[ \t]?[А-ЯЁІЇЄҐ]\.`;
const CYR = String.raw`${CYR_WORD}[ \t]${CYR_INITIALS}|${CYR_INITIALS}[ \t]?${CYR_WORD}|${CYR_WORD}(?:[ \t]${CYR_WORD}){1,2}`;
const CYR_END = String.raw`(?![А-яЁёІіЇїЄєҐґ\w-])`;
// A patronymic's ending (Russian, Ukrainian, Belarusian: -ович/-евич/-ьич/-ич after a vowel's stem, -овна/-евна/-ична/-инична).
const PATRONYMIC = String.raw`[А-ЯЁІЇЄҐ][а-яёіїєґ]{2,16}(?:вич|вна|ична|ьич)`;
// Arabic: two to four words of Arabic letters, which a separator, a quote or the line's end closes.
const AR_WORD = String.raw`[\u0621-\u064A]{2,15}`;
const AR = String.raw`${AR_WORD}(?:[ \t]${AR_WORD}){1,3}`;
const AR_END = String.raw`(?=[ \t]*(?:[،,؛;:."'”)\]}<]|\r?$))`;

/** `[Kk]unde|KUNDE`: a word as it opens a key or a sentence, or in capitals (case-sensitive patterns). */
const cased = (words: readonly string[]): string =>
  words
    .flatMap((w) => {
      const first = w.charAt(0);
      const rest = w.slice(1);
      const lower = first.toLowerCase();
      const upper = first.toUpperCase();
      return [lower === upper ? w : `[${upper}${lower}]${rest}`, w.toUpperCase()];
    })
    .join('|');

// Keys that name a person's name (a separator after them): German, French, Spanish, Portuguese, Italian, Dutch, Polish,
// Czech, Turkish, the Nordic languages, Finnish, and the English keys of the apps that write them (`FullName`).
const NAME_KEY_WORDS = [
  'Vorname', 'Nachname', 'Nom', 'Prénom', 'Nom complet', 'Nom et prénom', 'Nombre', 'Nombres', 'Nombre completo', 'Apellido', 'Apellidos',
  'Nome', 'Nome completo', 'Cognome', 'Nome e cognome', 'Nominativo', 'Naam', 'Voornaam', 'Achternaam', 'Volledige naam',
  'Imię', 'Nazwisko', 'Imię i nazwisko', 'Jméno', 'Příjmení', 'Ad Soyad', 'Adı Soyadı', 'Adı', 'Soyad', 'Soyadı',
  'Navn', 'Fullt navn', 'Fulde navn', 'Fornavn', 'Etternavn', 'Efternavn', 'Namn', 'Förnamn', 'Efternamn',
  'FullName', 'Full_Name', 'DisplayName', 'Display_Name', 'RealName',
];
// Role words a person is filed under (a separator or a blank after them: `Kontoinhaber Tobias Brandt`).
const ROLE_KEY_WORDS = [
  'Mitarbeiter', 'Mitarbeiterin', 'Bearbeiter', 'Bearbeiterin', 'Sachbearbeiter', 'Sachbearbeiterin', 'Empfänger', 'Empfängerin', 'Zahlungsempfänger',
  'Inhaber', 'Inhaberin', 'Kontoinhaber', 'Kontoinhaberin', 'Kunde', 'Rufbereitschaft', 'Bereitschaft',
  'Destinataire', 'Titulaire', 'Bénéficiaire',
  'Receptor', 'Paciente', 'Titular', 'Empleado', 'Empleada', 'Destinatario', 'Destinataria', 'Destinatário',
  'Klant', 'Pacjent', 'Pacjentka', 'Pacient', 'Pacientka',
];
// Cyrillic keys and role words (`ФИО`, `Получатель`, 1C's `Usr=` is ASCII and a name key below).
const CYR_KEY_WORDS = [
  'ФИО', 'Ф.И.О.', 'Имя', 'Фамилия', 'Отчество', 'Сотрудник', 'Сотрудница', 'Пользователь', 'Получатель', 'Отправитель', 'Клиент', 'Клиентка', 'Пациент', 'Пациентка', 'Врач',
  'Исполнитель', 'Ответственный', 'Владелец', 'Заказчик', 'Плательщик', 'Заявитель', 'Абонент', 'Работник', 'Водитель', 'Курьер', 'Менеджер', 'Контакт', 'Контактное лицо',
  // script26 (session 24): Ukrainian keys and role words (`ПІБ`, `Прізвище`, `Ім'я`, `клієнт`, `одержувач`).
  'ПІБ', 'П.І.Б.', 'Прізвище', "Ім'я", 'Ім’я', 'По батькові', 'Клієнт', 'Клієнтка', 'Отримувач', 'Одержувач', 'Відправник', 'Працівник', 'Співробітник', 'Користувач', 'Пацієнт', 'Пацієнтка', 'Лікар', 'Власник', 'Платник', 'Замовник',
];
// Arabic keys and role words (the name, the employee's or the customer's name, the recipient, to the employee …).
const AR_KEY = String.raw`الاسم(?:[ \t]الكامل)?|اسم[ \t](?:الموظف|العميل|المستفيد|المستلم|المريض|الموظفة)|المستلم|المستفيد|المرسل|للموظفة?|الموظفة?|للعميل|العميل|المريض|للمريض|السيدة?|المواطن|المقيم|صاحب[ \t]الحساب`;

const NAME_KEY = cased(NAME_KEY_WORDS);
const ROLE_KEY = cased(ROLE_KEY_WORDS);
const CYR_KEY = cased(CYR_KEY_WORDS).replace(/\./g, '\\.');
// Where a key starts: not inside a word (of any of these scripts).
const KEY_START = String.raw`(?<![A-Za-zÀ-ÖØ-öø-ÿĀ-žА-яЁёІіЇїЄєҐґ_])`;
// A key's separator: `:`, `=`, `==`, `=>`, a quote around the key, an XML attribute's `="` or element's `>`.
const KEY_SEP = String.raw`(?:\\?["']?[ \t]*(?:==?|=>|[:：])[ \t]*\\?["'“]?|="|>)`;
// The value after a key, in each script.
const VALUE = String.raw`(?:(?<latin>${LATIN})${LATIN_END}|(?<caps>${CAPS})${CAPS_END}|(?<cyr>${CYR})${CYR_END}|(?<ar>${AR})${AR_END})`;

// Who did something (a PLM's check-out, an HMI's change, a ticket's resolution), in English, German, French, Spanish,
// Italian, Dutch and Polish; a name and its own login in brackets after it.
// (the English verbs are person-name's `<verb> by` wake words already, rules.ts)
const BY_WORD = String.raw`(?:checked out|created|added|approved|requested|modified|updated|submitted|reviewed|assigned|changed|edited|viewed|deleted|rejected|exported|uploaded|locked|unlocked) by`;
// The local words before a login its person's name follows in brackets (`utilisateur agarnier (Aurélie Garnier)`).
const USER_WORD = String.raw`[Uu]tilisateur|[Bb]enutzer`;
// What a name in brackets names with it: a user group, a department, a team or a shift.
const GROUP_WORD = String.raw`Gruppe|Grupo|Gruppo|Grupa`;
// A phone's word before its number, in a dozen languages.
const PHONE_WORD = String.raw`[Pp]hone|PHONE|[Tt]el[.:]|[Tt]el(?= )|TEL[.:]|[Tt]elefon(?:o|e|nummer)?|[Tt]éléphone|[Tt]él\.|[Tt]eléfono|[Hh]andy|[Mm]obil(?:e|e?nummer)?|[Mm]óvil`;
const PHONE_AFTER = String.raw`,?[ \t]+(?:(?:${PHONE_WORD})[ \t]*[:.=]?[ \t]*)?(?:\+\d{1,3}[ \t(]?\d|<PHONE-\d+>)`;
// An on-call duty: the person on it.
const ON_CALL = String.raw`[Rr]ufbereitschaft|[Bb]ereitschaft(?:sdienst)?`;
// A greeting or a thanks addressed to a person (`Danke, Anna Keller`, `Hola Marta Soler,`, `Dear Ingrid Olsen`).
const GREETING = String.raw`Danke|Hallo|Hola|Merci|Grazie|Dear`;
// The preposition that makes a title's or a subject's last words a person (`Faktura … pro Jaroslav Horák`).
const FOR_WORD = String.raw`pro|für|pour|para|för`;
// Chat exports: the date and time of a bracketed line (WhatsApp on iOS, Signal, Viber).
const CHAT_TIME = String.raw`\d{1,2}:\d{2}(?::\d{2})?(?:[ \t\u202f]?[AaPp]\.?[ \t\u202f]?[Mm]\.?)?`;
const CHAT_DATE = String.raw`\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}`;
// A relative of the writer's (`mi mujer`, `meine Frau`, `ma femme`, `mia moglie`, `minha esposa`, `mijn vrouw`).
const KIN = String.raw`[Mm]i (?:mujer|esposa|esposo|marido)|[Mm]eine (?:Frau|Ehefrau)|[Mm]a femme|[Mm]inha esposa|[Mm]eu marido`;
/** A salutation alone on its line, the name on the next (a letter's address block: `Herrn` ⏎ `Tobias Brandt`): rule-validators.ts OPENERS. */
export const SALUTATION = String.raw`Herrn|Herr|Frau|Monsieur|Madame|Señor|Señora|Signor|Signora`;
// Honorifics beyond English (person-prose.ts takes `Dr.`, `Herr`, `Frau`, `Mme` with one word): a full name after them.
const HONORIFIC = String.raw`Herrn|Señor|Señora|Monsieur|Madame|Signor|Signora`;

const PATTERNS: readonly RegExp[] = [
  // A name key or a role word, a separator, the name.
  new RegExp(String.raw`${KEY_START}(?:(?:${NAME_KEY}|${ROLE_KEY}|${CYR_KEY})${KEY_SEP}|Usr=)${VALUE}`),
  // A role word and a blank (`Kontoinhaber Tobias Brandt`, `bénéficiaire Camille Lefèvre,`, `получатель Лебедев В. А.`).
  new RegExp(String.raw`${KEY_START}(?:${ROLE_KEY}|${CYR_KEY})[ \t]+${VALUE}`),
  // An Arabic key, an optional colon, the name.
  new RegExp(String.raw`(?<![\u0621-\u064A])(?:${AR_KEY})[ \t]*(?:[:：][ \t]*)?(?<ar>${AR})${AR_END}`),
  // A Latin key of a person (JSON, a form) with a Cyrillic or Arabic value (`"employeeName":"عبدالله القحطاني"`, Telegram's `"from"`).
  new RegExp(String.raw`(?<![\w-])(?:["']?[A-Za-z]{0,20}(?:[Nn]ame|NAME)["']?|"from"|"actor"|["']?(?:customer|employee|patient|recipient|contact)["']?)[ \t]*[:=][ \t]*["']?(?:(?<cyr>${CYR})${CYR_END}|(?<ar>${AR})${AR_END})`),
  // Telegram's JSON export: a message's sender, a service message's actor (a Latin name; a business is none).
  new RegExp(String.raw`"(?:from|actor)"[ \t]*:[ \t]*"(?<chat>${LATIN})"`),
  // A Cyrillic full name with its patronymic, family name first or last.
  new RegExp(String.raw`(?<![А-яЁёІіЇїЄєҐґ])(?<patro>${CYR_WORD}[ \t]${CYR_WORD}[ \t]${PATRONYMIC}|${CYR_WORD}[ \t]${PATRONYMIC}[ \t]${CYR_WORD})${CYR_END}`),
  // A Cyrillic surname with its initials (`Лебедев В. А.`, `В.А. Лебедев`).
  new RegExp(String.raw`(?<![А-яЁёІіЇїЄєҐґ.])(?<init>${CYR_WORD}[ \t]${CYR_INITIALS}|${CYR_INITIALS}[ \t]?${CYR_WORD})${CYR_END}`),
  // WhatsApp on Android: `02/12/26, 09:44 - Name: message`; a bracketed line with a Cyrillic or Arabic speaker.
  new RegExp(String.raw`^\[${CHAT_DATE},?[ \t]${CHAT_TIME}\][ \t]{1,2}(?:(?<cyr>${CYR_WORD}(?:[ \t]${CYR_WORD}){1,2})|(?<ar>${AR})):[ \t]`),
  // `By: Tomasz Kowalski` (a PDM's, a CMS's column), the line's or a field's end after it.
  new RegExp(String.raw`(?<![\w-])(?:By|BY|by):[ \t]*(?<by>${LATIN})(?=[ \t]*(?:\r?$|[,;|(<]|[ \t]{2}|\t))`),
  // A name and its own login in brackets after a `by` (`checked out by Daniel Brenner (dbrenner)`); a login and its name.
  new RegExp(String.raw`(?<![\w-])(?:${BY_WORD})[ \t]+(?<byName>${LATIN})[ \t]*\((?<byLogin>[A-Za-z][\w.-]{1,31}|<USER-\d+>)\)`),
  new RegExp(String.raw`(?<![\w-])(?:${USER_WORD})[ \t]*[:=]?[ \t]*["']?(?<login>[a-z][a-z0-9._-]{1,31}|<USER-\d+>)["']?[ \t]*\((?<loginName>${LATIN})\)`),
  // A name in brackets after its address (`<EMAIL-1> (Petra Novotná)`) or with its group (`(Sevgi Yılmaz, Gruppe Bediener)`).
  new RegExp(String.raw`(?:<EMAIL-\d+>|[\w.%+-]@[\w-]+(?:\.[\w-]+)+)[ \t]*\((?<mailName>${LATIN})\)|\((?<grouped>${LATIN}),[ \t]*(?:${GROUP_WORD})(?![A-Za-z])`),
  // A name before its phone, a phone's word between (`Katrin Wagner, phone +49 …`); the person on call.
  new RegExp(String.raw`(?<![A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’-])(?<phoned>${LATIN2})(?=,?[ \t]+(?:${PHONE_WORD})[ \t]*[:.=]?[ \t]*(?:\+\d{1,3}[ \t(]?\d|<PHONE-\d+>|0\d))`),
  new RegExp(String.raw`(?<![\w-])(?:${ON_CALL})[ \t]*(?::[ \t]*)?(?<onCall>${LATIN2})(?=${PHONE_AFTER}|[ \t]*(?:[,;(]|\r?$))`),
  // A greeting or a thanks to a person, a full name ending the clause.
  new RegExp(String.raw`(?<![\w-])(?:${GREETING})[,!]?[ \t]+(?<greeted>${LATIN})(?=[ \t]*(?:[,!.:'"’”]|\r?$))`),
  // A title's or a subject's last words after `for` in six languages (`Faktura 2026-0412 pro Jaroslav Horák`).
  new RegExp(String.raw`(?<![\w-])(?:${FOR_WORD})[ \t]+(?<forName>${LATIN2})[ \t]*\r?$`),
  // An X.509 subject's person (OpenSSL's `CN = Megumi Tanaka, emailAddress = …`, `/CN=Ana Souza/emailAddress=`).
  new RegExp(String.raw`(?<![A-Za-z])CN[ \t]?=[ \t]?(?<cn>${LATIN})(?=[ \t]*(?:,[ \t]*emailAddress|/emailAddress|\r?$))`),
  // A JSON or YAML user's comment or GECOS that is the person's name alone (Chef's users data bag, Ansible's `user`).
  new RegExp(String.raw`^[ \t]*(?:-[ \t]+)?["']?(?:comment|gecos)["']?[ \t]*:[ \t]*["'](?<gecos>${LATIN})["'][ \t]*,?[ \t]*\r?$`),
  // A JSON `name` alone on its line inside a user's object (firebase-tools, the Netlify CLI): rule-validators.ts reads above.
  new RegExp(String.raw`^[ \t]*"name"[ \t]*:[ \t]*"(?<userName>${LATIN})"[ \t]*,?[ \t]*\r?$`),
  // A person's name compared in a query or a script (R `filter(patient_name == "Giulia Bianchi")`, pandas, SQL `=`).
  new RegExp(String.raw`(?<![\w-])(?:[a-z]{0,20}_)?(?:patient|customer|client|employee|person|full|display|real|contact|owner|user|member|guest|student|driver|passenger)_?[Nn]ame[ \t]*==[ \t]*["'](?<latin>${LATIN})["']`),
  // A relative named after the relation, in six languages (`Mi mujer, Marta Soler, estará …`, `meine Frau Anna Keller`).
  new RegExp(String.raw`(?<![\w-])(?:${KIN})[,:]?[ \t]+(?<kin>${LATIN})${LATIN_END}`),
  // A full name after an honorific of another language (`Monsieur Julien Marchand`, `Señora Lucía Ruiz`).
  new RegExp(String.raw`(?<![\w.])(?:${HONORIFIC})[ \t]+(?<honored>${LATIN})${LATIN_END}`),
];

/** The groups the patterns above name (each a target). */
const GROUPS = ['latin', 'caps', 'cyr', 'ar', 'chat', 'patro', 'init', 'by', 'byName', 'loginName', 'mailName', 'grouped', 'phoned', 'onCall', 'greeted', 'forName', 'cn', 'gecos', 'userName', 'honored', 'kin'];

/** The login groups beside a name: replaced as a login (USER). */
const LOGIN_GROUPS = ['byLogin', 'login'];

export const PERSON_EU_PATTERNS: readonly RulePattern[] = PATTERNS.map((regex) => ({
  regex,
  // In the order they stand in the pattern (a replacement never goes back before the last one).
  targets: [...GROUPS, ...LOGIN_GROUPS]
    .filter((g) => regex.source.includes(`(?<${g}>`))
    .sort((a, b) => regex.source.indexOf(`(?<${a}>`) - regex.source.indexOf(`(?<${b}>`))
    .map((group) => (LOGIN_GROUPS.includes(group) ? { group, kind: 'USER' } : { group })),
  validate: 'euPersonName' as const,
}));

// --- Wakes and the trigger (case-insensitive) -------------------------------------------------------------------
const lower = (alt: string) => alt.toLowerCase();
const escapeWord = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// What a name needs after a key, in a case-insensitive trigger: two letters of one of the scripts, or an initial.
const LETTERS2 = String.raw`(?:[a-zà-ÿĀ-ž]{2}|[а-яёіїєґ]{2}|[\u0621-\u064a]{2}|[а-яёіїєґ]\.)`;
const TWO_WORDS = String.raw`[a-zà-ÿĀ-ž][a-zß-ÿĀ-ž'’-]{1,31}[ \t]+(?:[a-z]{2,4}[ \t]+){0,2}[a-zà-ÿĀ-ž][a-zà-ÿĀ-ž'’]`;
const CYR_TWO = String.raw`[а-яёіїєґ'’]{2,21}[ \t][а-яёіїєґ]{2}`;

/** Per-line trigger fragments (case-insensitive), each in a group of its own (factor.ts spreads a leading alternation). */
export const PERSON_EU_TRIGGER = [
  String.raw`(?:(?:${lower([...NAME_KEY_WORDS, ...ROLE_KEY_WORDS, ...CYR_KEY_WORDS].map(escapeWord).join('|'))})(?:\\?["']?[ \t]*(?:==?|=>|[:：])[ \t]*\\?["'“]?|="|>|[ \t]+)${LETTERS2}|usr=${LETTERS2})`,
  String.raw`(?:(?:${AR_KEY})[ \t]*(?:[:：][ \t]*)?[\u0621-\u064a]{2})`,
  String.raw`(?:(?:name["']?|"from"|"actor"|customer|employee|patient|recipient|contact)[ \t]*[:=][ \t]*["']?(?:[а-яёіїєґ]{2}|[\u0621-\u064a]{2}))`,
  String.raw`(?:"(?:from|actor)"[ \t]*:[ \t]*"${TWO_WORDS})`,
  String.raw`(?:[а-яёіїєґ'’][ \t][а-яёіїєґ]{3,17}(?:вич|вна|ична|ьич)(?![а-яёіїєґ]))`,
  String.raw`(?:[а-яёіїєґ][ \t][а-яёіїєґ]\.[ \t]?[а-яёіїєґ]\.|[а-яёіїєґ]\.[ \t]?[а-яёіїєґ]\.[ \t]?[а-яёіїєґ]{2})`,
  String.raw`(?:^\[?${CHAT_DATE},?[ \t]${CHAT_TIME}\]?[ \t]{1,2}(?:-[ \t])?(?:${TWO_WORDS}|${CYR_TWO}|[\u0621-\u064a]{2})[^\r\n:]{0,60}:[ \t])`,
  String.raw`(?:by:[ \t]*${TWO_WORDS})`,
  String.raw`(?:(?:${lower(BY_WORD)})[ \t]+${TWO_WORDS}[^\r\n()]{0,60}\()`,
  String.raw`(?:(?:${lower(USER_WORD)})[ \t]*[:=]?[ \t]*["']?(?:[a-z][a-z0-9._-]{1,31}|<user-\d+>)["']?[ \t]*\(${TWO_WORDS})`,
  String.raw`(?:(?:<email-\d+>|[\w.%+-]@[\w-]+(?:\.[\w-]+)+)[ \t]*\(${TWO_WORDS})`,
  String.raw`(?:\(${TWO_WORDS}[^\r\n(),]{0,40},[ \t]*(?:${lower(GROUP_WORD)}))`,
  String.raw`(?:[a-zà-ÿĀ-ž][ \t]+[a-zà-ÿĀ-ž][a-zß-ÿĀ-ž'’-]{1,31},?[ \t]+(?:${lower(PHONE_WORD)})[ \t]*[:.=]?[ \t]*(?:\+\d|<phone-\d|0\d))`,
  String.raw`(?:(?:${lower(ON_CALL)})[ \t]*(?::[ \t]*)?${TWO_WORDS})`,
  String.raw`(?:(?:${lower(GREETING)})[,!]?[ \t]+${TWO_WORDS})`,
  String.raw`(?:(?:${FOR_WORD})[ \t]+${TWO_WORDS}[^\r\n]{0,40}$)`,
  String.raw`(?:cn[ \t]?=[ \t]?${TWO_WORDS})`,
  String.raw`(?:^[ \t]*(?:-[ \t]+)?["']?(?:comment|gecos)["']?[ \t]*:[ \t]*["']${TWO_WORDS})`,
  String.raw`(?:^[ \t]*"name"[ \t]*:[ \t]*"${TWO_WORDS})`,
  String.raw`(?:(?:${lower(HONORIFIC)})[ \t]+${TWO_WORDS})`,
  String.raw`(?:^[ \t]*(?:${SALUTATION.toLowerCase()})[ \t]*\r?$)`,
  String.raw`(?:name[ \t]*==[ \t]*["']${TWO_WORDS})`,
  String.raw`(?:(?:${lower(KIN)})[,:]?[ \t]+${TWO_WORDS})`,
].join('|');

/**
 * Words-scan wakes (case-insensitive literals): the automaton of word-scan.ts stands a word's ASCII prefix for it, so
 * each word here starts with four ASCII characters or more (or is a short key with its separator), and keys that do
 * not are marks.
 */
export const PERSON_EU_WORDS = [
  // NAME_KEY_WORDS and ROLE_KEY_WORDS by their ASCII parts (`nom` stands for Nom, Nombre, Nome, Cognome, Nominativo;
  // `naam`, `navn`, `namn`, `soyad` for their compounds; `pacient` for Paciente and Pacientka; a word of several holds them).
  // Kept few: the words automaton (word-scan.ts) holds at most ~8 190 states and main had 7 776; these add ~170.
  'nom', 'vorname', 'nachname', 'empf', 'apellido', 'naam', 'nazwisko', 'soyad', 'navn', 'namn', 'fullname', 'full_name', 'displayname', 'display_name', 'realname',
  'mitarbeiter', 'bearbeiter', 'inhaber', 'kunde', 'bereitschaft', 'destinat', 'titula', 'receptor', 'pacient', 'empleado', 'empleada', 'klant', 'pacjent',
  'usr=', 'from"', 'actor"', 'by:', 'cn =', 'cn=', 'gecos', 'comment', 'name"', 'name=', 'name =',
  // BY_WORD (its other verbs are person-name's words already), USER_WORD, GROUP_WORD, PHONE_WORD, GREETING, FOR_WORD, KIN, HONORIFIC, SALUTATION
  'checked out by', 'created by', 'added by', 'approved by', 'requested by', 'modified by', 'updated by', 'submitted by', 'reviewed by', 'assigned by',
  'changed by', 'edited by', 'viewed by', 'deleted by', 'rejected by', 'exported by', 'uploaded by', 'locked by', 'unlocked by',
  'utilisateur', 'benutzer', 'grup',
  'phone', 'tel.', 'tel:', 'tel ', 'telefon', 'handy', 'mobil',
  'danke', 'hallo', 'hola', 'merci', 'grazie', 'dear ',
  'pro ', 'pour ', 'para ',
  'mujer', 'espos', 'marido', 'frau', 'femme',
  'herr', 'monsieur', 'madame', 'signor',
].map(escapeWord);

// The keys whose ASCII part is too short a word (`Prénom`, `Imię`, `Jméno`, `Adı`, `Empfänger`, `Bénéficiaire`), as marks that
// start at their first character beyond ASCII, the letters before it read back (a mark led by an ASCII letter would stop the
// marks scan at every such letter of an ASCII log).
const WIDE_KEY_MARKS = [...NAME_KEY_WORDS, ...ROLE_KEY_WORDS]
  .filter((w) => /^[\x20-\x7e]{0,3}[^\x20-\x7e]/.test(w))
  .flatMap((w) => {
    const at = w.search(/[^\x20-\x7e]/);
    const c = w.charAt(at);
    const head = w.slice(0, at);
    const cased = (x: string) => (x === '' ? '' : `[${x.charAt(0).toUpperCase()}${x.charAt(0).toLowerCase()}]${x.slice(1)}`);
    const lowerHead = head === '' ? '' : cased(head);
    const first = head === '' ? `[${c.toUpperCase()}${c.toLowerCase()}]` : c;
    const upper = c.toUpperCase();
    // (the capitals' form only where its first character is still beyond ASCII: `Adı` in capitals is `ADI`)
    return [`${first}(?<=${lowerHead}${first})${w.slice(at + 1)}`, ...(/[^\x20-\x7e]/.test(upper) ? [`${upper}(?<=${head.toUpperCase()}${upper})${w.slice(at + 1).toUpperCase()}`] : [])];
  })
  .join('|');

/** Marks-scan wakes (case-sensitive): keys that start beyond ASCII, Cyrillic and Arabic forms (never a letter-first mark: scan-shape.test.ts). */
export const PERSON_EU_MARKS = [
  WIDE_KEY_MARKS,
  CYR_KEY,
  String.raw`[а-яёіїєґ](?:вич|вна|ична|ьич)(?![а-яёіїєґ])`,
  String.raw`[А-ЯЁІЇЄҐ]\.[ \t]?[А-ЯЁІЇЄҐ]\.`,
  AR_KEY,
  String.raw`ü(?<=[Ff]ü)r[ \t]|ö(?<=[Ff]ö)r[ \t]|é(?<=[Tt]é)l(?:éphone|\.)|é(?<=[Tt]elé)fono|ó(?<=[Mm]ó)vil|ñ(?<=[Ss]eñ)or`,
].join('|');


/** Bracket-scan wake: a bracketed chat line whose speaker is Cyrillic or Arabic. */
export const PERSON_EU_BRACKET = String.raw`\[(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4},?[ \t]+)?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t\u202f]?[AaPp]\.?[ \t\u202f]?[Mm]\.?)?\][ \t]{1,2}(?:[А-ЯЁ]|[\u0621-\u064A])`;
