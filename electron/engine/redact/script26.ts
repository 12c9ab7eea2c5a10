/**
 * script26 (session 24; issue #14): person names, street addresses and secret labels in Arabic, Hebrew, Greek, Cyrillic
 * (Ukrainian), Malay, Vietnamese and Spanish — the grammars that person-eu.ts (nameeu23), person-latin.ts (name25) and
 * street-address-keyed.ts (addr25) leave to other scripts. Their vocabularies are extended where they live (Ukrainian
 * letters and keys in person-eu.ts, Spanish and Malay role words in person-latin.ts, password words in intl-secrets.ts,
 * each in a block marked `script26`); what needs a grammar of its own is here.
 *
 * Names (person-name, validator `scriptName26`). Arabic and Hebrew words have no case, so a key or a role word decides, the
 * name is 2–4 words, and it ends at punctuation, two blanks, a digit or Latin text, or a stop word (`مع`, `في`, `من`):
 * - Arabic roles and keys (`للمريض …`, `الطبيبة …`, `اسم المالك: …`, `اسم المستأجر: …`, `الشاهد: …`, `باسم …`);
 * - Hebrew keys with a colon (`שם העובד: …`, `שם מלא: …`, `בן/בת זוג: …`, `איש קשר: …`);
 * - Greek keys and roles (`Ονοματεπώνυμο: …`, `Εργαζόμενη Ελένη Κωνσταντίνου,`, `πελάτης …`), a name in brackets after a
 *   role's number (`αντισυμβαλλόμενος ΑΦΜ 138274658 (Γεώργιος Παπαδόπουλος)`), a Greek name under a Latin `name` key;
 * - Malay names joined by `bin`/`binti` (`Nurul Aisyah binti Kamarudin`, `MUHAMMAD HAFIZ BIN ABDULLAH`);
 * - Vietnamese keys and roles (`Họ và tên: …`, `khách hàng …`, `chủ tài khoản NGUYEN THI HUONG`), `Ông`/`Bà` before a name
 *   that starts with a Vietnamese family name, a name before its relation in brackets (`Võ Văn Tài (cha)`);
 * - an upper-case transliteration in a name slot (`name=TAN WEI LING`, `"fullName":"NGUYEN VAN AN"`);
 * - a Latin name before a national number's label (`Matías Rojas Valdés RUT 16.482.739-9`, `Luz Gómez CURP …`).
 *
 * Addresses (address, validator `scriptAddress26`): the street word alone is never enough — a house number, a block and
 * unit, a flat, or a postcode comes with it: Spanish (`Av. Corrientes 1847, piso 3 depto B, C1045AAB CABA`, `Domicilio:
 * Pasaje Los Aromos 318, Villa Alemana`), Malay (`No. 12, Jalan SS 2/24, 47300 Petaling Jaya`), Singapore (`Blk 412 Bedok
 * North Ave 2 #08-115`), Greek (`οδός Ερμού 45`, `"street":"Ερμού 45"`), Hebrew (`רחוב הרצל 42 דירה 7, רחובות`), Arabic
 * after its key (`العنوان: فيلا 14، شارع 23، الجميرا 2، دبي`), Ukrainian/Russian with a flat and no `буд.` (`вул. Велика
 * Васильківська, 72, кв. 18`).
 *
 * Bank accounts (secret-assignment, validator `scriptSecret26`): a number of 6–20 digits (a Czech prefix and bank code too)
 * after an account label of these languages (`tài khoản 0451000387216`, `חשבון 418273`, `Cuenta RUT BancoEstado N°
 * 12905374`, `číslo účtu 19-2784513019/0800`, `رقم الحساب …`, `nombor akaun …`, `номер рахунку …`, `BankAccountNo …`).
 */
import type { RulePattern } from './rules.js';

// --- Letters ---------------------------------------------------------------------------------------------------------------
const AR_LETTERS = String.raw`\u0621-\u064A`;
const HE_LETTERS = String.raw`\u05D0-\u05EA`;
const GR_UP = String.raw`Α-ΩΆΈΉΊΌΎΏΪΫ`;
const GR_LO = String.raw`α-ωάέήίόύώϊϋΐΰς`;
// Vietnamese: Latin-1 and the Latin Extended Additional block, whose capitals and small letters alternate.
const VN_EXT_UP = Array.from({ length: (0x1ef8 - 0x1ea0) / 2 + 1 }, (_, i) => String.fromCharCode(0x1ea0 + 2 * i)).join('');
const VN_EXT_LO = Array.from({ length: (0x1ef9 - 0x1ea1) / 2 + 1 }, (_, i) => String.fromCharCode(0x1ea1 + 2 * i)).join('');
const VN_UP = String.raw`A-ZÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂĐĨŨƠƯ${VN_EXT_UP}`;
const VN_LO = String.raw`a-zàáâãèéêìíòóôõùúýăđĩũơư${VN_EXT_LO}`;
const LATIN_UP = String.raw`A-ZÀ-ÖØ-ÞĀ-žİŞĞÇ`;
const LATIN_LO = String.raw`a-zß-öø-ÿĀ-žışğç`;

// --- Names: Arabic --------------------------------------------------------------------------------------------------------
const AR_WORD = String.raw`[${AR_LETTERS}]{2,15}`;
// Roles and keys a person follows: the patient, the doctor, the owner, the tenant, the witness, in the name of, belonging to.
const AR_ROLE = String.raw`اسم[ \t](?:المالك|المالكة|المستأجر|المستأجرة|المؤجر|المؤجرة|الطبيب|الطبيبة|المريضة|الزوج|الزوجة|الأب|الأم|الكفيل|الشاهد|المشتري|البائع|الطالب|الطالبة|المستخدم|صاحب[ \t]العمل|حامل[ \t]البطاقة|صاحب[ \t]الحساب)|للمريضة?|المريضة|الطبيبة?|للطبيبة?|الدكتورة?|للدكتورة?|الشاهد|المالك|المؤجر|المستأجرة?|باسم|الخاصة?[ \t]بـ?`;
// Where an Arabic name ends: punctuation, two blanks, a digit or Latin text, the line's end, or a preposition after it.
const AR_STOP = String.raw`مع|في|من|إلى|الى|على|عن|بتاريخ|برقم|رقم|يوم|الساعة|هاتف|جوال|لدى|عبر|بعد|قبل|أو|او|ثم|لا|أن|إن|هو|هي|قد|كل|هذا|هذه|التي|الذي|غير`;
// A name's word is no stop word (`ريم الحمادي في 2026`: the name ends before `في`).
const AR_NAME_WORD = String.raw`(?!(?:${AR_STOP})(?![${AR_LETTERS}]))${AR_WORD}`;
const AR_NAME = String.raw`${AR_NAME_WORD}(?:[ \t]${AR_NAME_WORD}){1,3}`;
const AR_END = String.raw`(?=[ \t]*(?:[،,؛;:."'”)\]}<|]|\r?$)|[ \t]{2}|[ \t]+[0-9A-Za-z(]|[ \t]+(?:${AR_STOP})(?![${AR_LETTERS}]))`;

// --- Names: Hebrew --------------------------------------------------------------------------------------------------------
const HE_WORD = String.raw`[${HE_LETTERS}][${HE_LETTERS}׳'-]{1,15}`;
const HE_NAME = String.raw`${HE_WORD}(?:[ \t]${HE_WORD}){1,3}`;
// Keys of a person's name, a colon after them: `שם`, `שם מלא`, `שם העובד` (the name of the …), spouse, contact, patient.
const HE_KEY = String.raw`שם(?:[ \t](?:מלא|פרטי|משפחה|ה[${HE_LETTERS}]{2,8}))?|בן/בת[ \t]זוג|בן[ \t]זוג|בת[ \t]זוג|איש[ \t]קשר|אשת[ \t]קשר|(?:ה)?עובד(?:ת)?|(?:ה)?לקוח(?:ה)?|(?:ה)?מטופל(?:ת)?|נמען|מקבל|שולח|רופא(?:ה)?|מבוטח(?:ת)?|בעל[ \t]החשבון|ד"ר`;
const HE_END = String.raw`(?=[ \t]*(?:[,.;:|)"'<]|\r?$)|[ \t]{2}|\t|[ \t]+[0-9A-Za-z(]|[ \t]+(?:ת\.ז|ת"ז|מספר|טלפון|טל'|נייד|כתובת|דוא"ל|מייל|תאריך)(?![${HE_LETTERS}]))`;

// --- Names: Greek ---------------------------------------------------------------------------------------------------------
const GR_WORD = String.raw`[${GR_UP}][${GR_LO}]{1,20}`;
const GR_NAME = String.raw`${GR_WORD}(?:[ \t]${GR_WORD}){1,2}`;
const GR_CAPS = String.raw`[${GR_UP}]{2,20}(?:[ ][${GR_UP}]{2,20}){1,2}`;
const GR_KEY = String.raw`[Οο]νοματεπώνυμο|ΟΝΟΜΑΤΕΠΩΝΥΜΟ|Όνομα|όνομα|ΟΝΟΜΑ|Επώνυμο|επώνυμο|ΕΠΩΝΥΜΟ`;
const GR_ROLE = String.raw`[Ππ]ελάτ(?:ης|ισσα)|[Εε]ργαζόμεν(?:ος|η)|[Υυ]πάλληλος|[Αα]σθενής|[Ππ]αραλήπτ(?:ης|ρια)|[Αα]ποστολέας|[Αα]ντισυμβαλλόμεν(?:ος|η)|[Δδ]ικαιούχος|[Κκ]άτοχος|[Ιι]ατρός|[Γγ]ιατρός|[Ιι]διοκτήτ(?:ης|ρια)|[Μμ]ισθωτής|[Οο]φειλέτ(?:ης|ρια)`;
const GR_END = String.raw`(?![${GR_UP}${GR_LO}\w-])`;

// --- Names: Malay, Vietnamese, upper-case transliterations, Latin before a national number ------------------------------
const L_WORD = String.raw`[${LATIN_UP}][${LATIN_LO}]{1,15}(?:-[${LATIN_UP}]?[${LATIN_LO}]{1,15})?`;
const CAPS_WORD = String.raw`[A-Z]{2,15}`;
const MALAY_JOIN = String.raw`bin|binti|binte|bte|a/l|a/p`;
const MALAY = String.raw`${L_WORD}(?:[ \t]${L_WORD}){0,2}[ \t](?:${MALAY_JOIN})[ \t]${L_WORD}(?:[ \t]${L_WORD}){0,2}`;
const MALAY_CAPS = String.raw`${CAPS_WORD}(?:[ ]${CAPS_WORD}){0,2}[ ](?:BIN|BINTI|BINTE|BTE|A/L|A/P)[ ]${CAPS_WORD}(?:[ ]${CAPS_WORD}){0,2}`;
const L_END = String.raw`(?![\w${LATIN_LO}${LATIN_UP}@.-]|\.\w)`;

const VN_WORD = String.raw`[${VN_UP}][${VN_LO}]{0,7}`;
const VN_NAME = String.raw`${VN_WORD}(?:[ \t]${VN_WORD}){1,4}`;
const VN_CAPS = String.raw`[A-ZĐ]{1,7}(?:[ ][A-ZĐ]{1,7}){1,4}`;
const VN_END = String.raw`(?![\w${VN_UP}${VN_LO}@.-])`;
// Vietnamese keys and roles (a name after a colon or a blank): full name, customer, buyer, account holder, contact, …
const VN_KEY = String.raw`[Hh]ọ[ \t](?:và[ \t])?tên|HỌ[ \t](?:VÀ[ \t])?TÊN|[Tt]ên[ \t](?:khách[ \t]hàng|người[ \t](?:mua|bán|nhận|gửi|lao[ \t]động)|nhân[ \t]viên|bệnh[ \t]nhân|chủ[ \t]tài[ \t]khoản)|[Kk]hách[ \t]hàng|[Nn]gười[ \t](?:mua(?:[ \t]hàng)?|bán|nhận|gửi|lao[ \t]động|liên[ \t]hệ(?:[ \t]khẩn[ \t]cấp)?|đại[ \t]diện|bảo[ \t]lãnh|giám[ \t]hộ|thụ[ \t]hưởng)|[Cc]hủ[ \t](?:tài[ \t]khoản|hộ|thẻ)|[Nn]hân[ \t]viên|[Bb]ệnh[ \t]nhân|[Bb]ác[ \t]sĩ|[Đđ]ại[ \t]diện|[Kk]ế[ \t]toán(?:[ \t]trưởng)?|[Tt]hủ[ \t]quỹ`;
const VN_HONORIFIC = String.raw`Ông|Bà|Anh|Chị|ông|bà|anh|chị|Ô\.|B\.`;
// The commonest Vietnamese family names: `Ông`/`Bà` alone before one of them is a person.
const VN_SURNAME = String.raw`Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Trịnh|Đinh|Lâm|Mai|Trương|Cao|Lương|Tạ|Vương|Quách|Tô|Hà|Thái|Đoàn|Lưu|Tăng|Kiều|Chu|Lại|Văn|Đào|Triệu|Phùng|Châu`;
// A relation in brackets after a name (an emergency contact's father, mother, wife, husband, child, sibling).
const VN_KIN = String.raw`cha|mẹ|bố|má|vợ|chồng|con|anh|chị|em|ông|bà|cô|chú|bác|dì`;

// Latin keys whose value is a person's whole name (an upper-case transliteration is one there).
const NAME_SLOT_KEY = String.raw`name|Name|NAME|full_?[Nn]ame|fullName|FULL_?NAME|holder_?[Nn]ame|holderName|account_?[Nn]ame|accountName|payee_?[Nn]ame|beneficiary_?[Nn]ame|customer_?[Nn]ame|customerName|buyer_?[Nn]ame|buyerName|nama|ho_?ten|hoTen|ten_?khach_?hang|tenKhachHang`;
// Where an upper-case name ends: its value's end (a quote, a separator, the next `key=`, two blanks, the line's end).
const CAPS_SLOT_END = String.raw`(?=\\?["'<,;&|)]|[ \t]+[a-z_]{2,20}=|[ \t]*\r?$|[ \t]{2}|\t)`;
// National numbers' labels a name stands before (`… RUT 16.482.739-9`, `… CURP GOHL…`, `… DNI 30.123.456`).
// (not RUN, NIE, NIF, CPF, RFC: their wake words `run `, `rfc ` are common English and log words.)
const ID_LABEL = String.raw`RUT|R\.U\.T\.|CURP|CUIL|CUIT|DNI|NRIC|MyKad|CCCD|CMND`;

const NAME_PATTERNS: readonly RegExp[] = [
  // Arabic: a role or a key, a colon or not, the name.
  new RegExp(String.raw`(?<![${AR_LETTERS}])(?:${AR_ROLE})[ \t]*(?:[:：][ \t]*)?(?<ar26>${AR_NAME})${AR_END}`),
  // Hebrew: a key and a colon, the name.
  new RegExp(String.raw`(?<![${HE_LETTERS}])(?:${HE_KEY})[ \t]*[:=：][ \t]*(?<he26>${HE_NAME})${HE_END}`),
  // Greek: a key or a role, the name; a role's number and the name in brackets after it; a Greek name under a Latin key.
  new RegExp(String.raw`(?<![${GR_UP}${GR_LO}])(?:(?:${GR_KEY})[ \t]*[:=][ \t]*|(?:${GR_ROLE})(?:[ \t]*:[ \t]*|[ \t]+))(?:(?<gr26>${GR_NAME})|(?<grCaps26>${GR_CAPS}))${GR_END}`),
  new RegExp(String.raw`(?<![${GR_UP}${GR_LO}])(?:${GR_ROLE})[ \t]+[^\r\n()]{0,40}?\((?<grBracket26>${GR_NAME})\)`),
  new RegExp(String.raw`(?<![\w-])(?:${NAME_SLOT_KEY})(?:=|\\?"[ \t]?:[ \t]?\\?")(?:(?<gr26>${GR_NAME})|(?<grCaps26>${GR_CAPS}))${GR_END}`),
  // Malay: two name parts joined by `bin`/`binti` (mixed case or capitals).
  new RegExp(String.raw`(?<![\w${LATIN_LO}${LATIN_UP}-])(?:(?<malay26>${MALAY})${L_END}|(?<malayCaps26>${MALAY_CAPS})(?![\w/]))`),
  // Vietnamese: a key or a role, an honorific, the name (mixed case, or capitals without marks).
  new RegExp(String.raw`(?<![\w${VN_LO}${VN_UP}])(?:${VN_KEY})(?:[ \t]*[:=][ \t]*|[ \t]+)(?:(?:${VN_HONORIFIC})[ \t]+)?(?:(?<vn26>${VN_NAME})${VN_END}|(?<vnCaps26>${VN_CAPS})(?![\w${VN_LO}${VN_UP}]))`),
  // A Vietnamese name in brackets after its e-mail address (`ngoc.anh@… (Trần Ngọc Ánh)`).
  new RegExp(String.raw`(?:<EMAIL-\d+>|[\w.%+-]@[\w-]+(?:\.[\w-]+)+)[ \t]*\((?<vnMail26>${VN_NAME})\)`),
  // `Ông`/`Bà` before a Vietnamese family name and the given names.
  new RegExp(String.raw`(?<![\w${VN_LO}${VN_UP}])(?:Ông|Bà)[ \t]+(?<vnHonored26>(?:${VN_SURNAME})(?:[ \t]${VN_WORD}){1,3})${VN_END}`),
  // A name before its relation in brackets (`Võ Văn Tài (cha)`).
  new RegExp(String.raw`(?<![\w${VN_LO}${VN_UP}])(?<vnKin26>${VN_NAME})[ \t]*\((?:${VN_KIN})\)`),
  // An upper-case transliteration under a Latin name key.
  new RegExp(String.raw`(?<![\w-])(?:${NAME_SLOT_KEY})(?:=|\\?"[ \t]?:[ \t]?\\?")(?<capsSlot26>${CAPS_WORD}(?:[ ]${CAPS_WORD}){1,4})${CAPS_SLOT_END}`),
  // A Latin name before a national number's label.
  new RegExp(String.raw`(?<![\w${LATIN_LO}${LATIN_UP}'’-])(?<idName26>${L_WORD}(?:[ \t](?:de|del|la|los|las|y|da|dos)){0,2}(?:[ \t]${L_WORD}){1,3})(?=,?[ \t]+(?:${ID_LABEL})(?:[ \t]*(?:[:#]|N[°º]\.?))?[ \t]*(?:[\dA-Z]|<IDNUM-\d))`),
];
const NAME_GROUPS = ['ar26', 'he26', 'gr26', 'grCaps26', 'grBracket26', 'malay26', 'malayCaps26', 'vn26', 'vnCaps26', 'vnHonored26', 'vnKin26', 'vnMail26', 'capsSlot26', 'idName26'];

const targetsOf = (regex: RegExp, groups: readonly string[]) =>
  groups
    .filter((g) => regex.source.includes(`(?<${g}>`))
    .sort((a, b) => regex.source.indexOf(`(?<${a}>`) - regex.source.indexOf(`(?<${b}>`))
    .filter((g, i, all) => all.indexOf(g) === i)
    .map((group) => ({ group }));

export const SCRIPT26_NAME_PATTERNS: readonly RulePattern[] = NAME_PATTERNS.map((regex) => ({ regex, targets: targetsOf(regex, NAME_GROUPS), validate: 'scriptName26' as const }));

/** The groups a name pattern of this file fills (rule-validators.ts scriptName26 reads them). */
export const SCRIPT26_NAME_GROUPS = NAME_GROUPS;

// Wakes. Words (case-insensitive ASCII literals): Malay's joins, the name keys, the national numbers' labels.
export const SCRIPT26_NAME_WORDS: readonly string[] = ['bin ', 'binti ', 'binte ', 'bte ', 'a/l ', 'a/p ', 'cha)', 'con)', 'anh)', 'nric', 'mykad', 'cccd', 'cmnd', 'curp', 'cuil', 'cuit', 'rut ', 'r.u.t.', 'dni ', 'hoten', 'ho_ten', 'tenkhach', 'ten_khach', 'nama='].map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
// Marks (case-sensitive): the keys and roles beyond ASCII, Vietnamese ones from their first mark on.
export const SCRIPT26_NAME_MARKS = [
  AR_ROLE,
  HE_KEY,
  GR_KEY,
  GR_ROLE,
  // (Vietnamese marks start at the key's first mark and hold no look-behind: a hit is matched alone against each rule's marks, rule-set.ts rulesFor.)
  String.raw`ọ[ \t](?:và[ \t])?tên|Ọ[ \t](?:VÀ[ \t])?TÊN|ên[ \t](?:khách|người|nhân|bệnh|chủ)|ách[ \t]hàng|ười[ \t](?:mua|bán|nhận|gửi|lao|liên|đại|bảo|giám|thụ)|ủ[ \t](?:tài|hộ|thẻ|quỹ)|ân[ \t]viên|ệnh[ \t]nhân|ác[ \t]sĩ|ại[ \t]diện|ế[ \t]toán`,
  String.raw`Ông[ \t]|à[ \t]`,
  String.raw`ẹ\)|ố\)|á\)|ợ\)|ồng\)|ị\)|ô\)|ú\)|ác\)|ì\)|ông\)|à\)`,
].join('|');
// The trigger (case-insensitive): each pattern's literal with what must follow it.
export const SCRIPT26_NAME_TRIGGER = [
  String.raw`(?:(?:${AR_ROLE})[ \t]*(?:[:：][ \t]*)?[${AR_LETTERS}]{2})`,
  String.raw`(?:(?:${HE_KEY})[ \t]*[:=：][ \t]*[${HE_LETTERS}]{2})`,
  String.raw`(?:(?:${GR_KEY}|${GR_ROLE})[^\r\n]{0,48}[${GR_UP}${GR_LO}]{2})`,
  String.raw`(?:(?:name|full_?name|holder_?name|account_?name|payee_?name|beneficiary_?name|customer_?name|buyer_?name|nama|ho_?ten|ten_?khach_?hang)(?:=|\\?"[ \t]?:[ \t]?\\?")[a-z${GR_UP}${GR_LO}]{2})`,
  String.raw`(?:[a-z${LATIN_LO}][ \t](?:${MALAY_JOIN})[ \t][a-z${LATIN_LO}])`,
  String.raw`(?:(?:${VN_KEY.toLowerCase()}|ọ[ \t](?:và[ \t])?tên)(?:[ \t]*[:=][ \t]*|[ \t]+)[a-z${VN_LO}${VN_UP}])`,
  String.raw`(?:(?:ông|bà)[ \t]+(?:${VN_SURNAME.toLowerCase()})[ \t])`,
  String.raw`(?:[a-z${VN_LO}][ \t]*\((?:${VN_KIN})\))`,
  String.raw`(?:(?:<email-\d+>|[\w.%+-]@[\w-]+(?:\.[\w-]+)+)[ \t]*\([a-z${VN_LO}${VN_UP}]{1,8}[ \t][a-z${VN_LO}${VN_UP}])`,
  String.raw`(?:[a-z${LATIN_LO}]{2},?[ \t]+(?:${ID_LABEL.toLowerCase()})(?:[ \t]*(?:[:#]|n[°º]\.?))?[ \t]*[\da-z<])`,
].join('|');

// --- Addresses --------------------------------------------------------------------------------------------------------------
const S_WORD = String.raw`(?:[${LATIN_UP}][${LATIN_LO}${LATIN_UP}'’.-]{0,30}|\d{1,3}(?:st|nd|rd|th))`;
const S_PARTICLE = String.raw`(?:de|del|la|las|los|el|y|da|do|dos|das)`;
const PLACE_WORD = String.raw`[${LATIN_UP}][${LATIN_LO}${LATIN_UP}'’.-]{1,30}`;
const PLACE = String.raw`${PLACE_WORD}(?:[ \t]+(?:${S_PARTICLE}[ \t]+)?${PLACE_WORD}){0,3}`;
// Spanish street types, the house number, the floor, flat and office after it, an Argentine CPA or a postcode, the towns.
const ES_STREET_TYPE = String.raw`Av\.|Avda\.|Avenida|Calle|C/|Pasaje|Psje\.|Pje\.|Camino|Jirón|Calzada|Bulevar|Blvd\.|Paseo|Callejón|Privada|Cerrada`;
const ES_UNIT = String.raw`(?:,?[ \t]+(?:piso|Piso|depto\.?|Depto\.?|dpto\.?|Dpto\.?|departamento|of\.|oficina|int\.|interior|casa|torre|Torre|local|block|Block|puerta|escalera|esc\.)[ \t]*[\dA-Z]{1,5}º?){0,3}`;
const ES_STREET = String.raw`(?:${S_PARTICLE}[ \t]+)?${S_WORD}(?:[ \t]+(?:${S_PARTICLE}|${S_WORD})){0,4}[ \t]+(?:N[°º]\.?[ \t]?|#[ \t]?)?\d{1,5}[A-Za-z]?(?![\d.:/-])${ES_UNIT}`;
const ES_TAIL = String.raw`(?:,[ \t]*(?:[A-Z]\d{4}[A-Z]{3}|\d{4,7})(?:[ \t]+${PLACE})?|(?:,[ \t]*${PLACE}(?![\w${LATIN_LO}]|[ \t]+[${LATIN_LO}])){1,3})?`;
const ES_KEY = String.raw`[Dd]irecci[óo]n|DIRECCI[ÓO]N|[Dd]omicilio|DOMICILIO`;
// Malay: a house number, a `Jalan`/`Lorong`/`Persiaran`, the postcode and town after it.
const MY_ADDRESS = String.raw`(?:(?:No\.?|Lot)[ \t]?\d{1,5}[A-Z]?(?:-\d{1,3})?,?[ \t]+)?(?:Jalan|Jln\.?|Lorong|Lrg\.?|Persiaran|Lebuhraya|Lebuh|Taman|Tmn\.?)[ \t]+[A-Z0-9][A-Za-z0-9/ .-]{1,40}?,[ \t]*(?:[A-Z][^,\r\n\d]{1,40},[ \t]*){0,2}\d{5}[ \t]+${PLACE}(?:,[ \t]*${PLACE})?`;
// Singapore: a block, its street, a unit `#08-115`, the postcode.
const SG_ADDRESS = String.raw`(?:Blk|BLK)[ \t]+\d{1,4}[A-Z]?[ \t]+${S_WORD}(?:[ \t]+(?:${S_WORD}|\d{1,3})){0,5}[ \t]+#\d{1,3}-\d{1,5}[A-Z]?(?:,?[ \t]+(?:Singapore|SINGAPORE)[ \t]+\d{6})?`;
// Greek: a street type, the street, its number, a postcode or a town.
const GR_STREET_TYPE = String.raw`[Οο]δός|[Οο]δ\.|[Λλ]εωφόρος|[Λλ]εωφ\.|[Ππ]λατεία|[Ππ]λ\.`;
const GR_STREET = String.raw`${GR_WORD}(?:[ \t]${GR_WORD}){0,3}[ \t]+\d{1,4}[${GR_UP}${GR_LO}A-Za-z]?`;
const GR_TAIL = String.raw`(?:,[ \t]*\d{3}[ \t]?\d{2}(?:[ \t]+${GR_WORD}(?:[ \t]${GR_WORD})?)?|,[ \t]*${GR_WORD}(?:[ \t]${GR_WORD})?)?`;
const STREET_KEY = String.raw`street|Street|STREET|street_?1|address_?1|addressLine1|address_?line_?1|odos|[Δδ]ιεύθυνση|ΔΙΕΥΘΥΝΣΗ`;
// Hebrew: a street type, the street, its number, the flat, the town.
const HE_STREET = String.raw`(?:רחוב|רח['׳]|שדרות|שד['׳]|דרך|סמטת|סמ['׳])[ \t]+${HE_WORD}(?:[ \t]${HE_WORD}){0,3}[ \t]+\d{1,4}(?:[ \t]*(?:דירה|ד['׳]|כניסה|קומה)[ \t]*\d{1,3})*(?:,[ \t]*${HE_WORD}(?:[ \t]${HE_WORD}){0,2})?`;
// Arabic: after its key, comma-separated parts, one of them a street, a flat, a villa or a tower, with a number somewhere.
const AR_PART = String.raw`(?:[${AR_LETTERS}]{2,15}|\d{1,5})(?:[ \t](?:[${AR_LETTERS}]{2,15}|\d{1,5})){0,3}`;
const AR_UNIT = String.raw`شارع|شقة|فيلا|برج|مبنى|بناية|عمارة|طريق|منزل|مكتب`;
const AR_KEY = String.raw`العنوان(?:[ \t]الوطني)?|عنوان[ \t](?:السكن|المنزل|التوصيل|العميل|المريض)|عنواني`;
const AR_ADDRESS = String.raw`(?=[^\r\n]{0,80}(?:${AR_UNIT}))(?=[^\r\n]{0,80}\d)${AR_PART}(?:[ \t]*[،,][ \t]*${AR_PART}){1,5}`;
// Ukrainian and Russian: a street type, the street, a comma, the house, a flat or an office (the `буд.`/`д.` forms are street-address.ts's).
const CY_LETTERS = String.raw`А-Яа-яЁёІіЇїЄєҐґ'’`;
const CY_W = String.raw`[А-ЯЁІЇЄҐ0-9][${CY_LETTERS}0-9-]{0,30}`;
const CY_ADDRESS = String.raw`(?:вул\.|вулиця|просп\.|проспект|пров\.|провулок|бульв\.|бульвар|пл\.|площа|ул\.|улица|пер\.|переулок)[ \t]*${CY_W}(?:[ \t]${CY_W}){0,3},?[ \t]+\d{1,4}[а-яіА-ЯІ]?(?:\/\d{1,3})?(?:,?[ \t]*(?:корп\.|корпус|к\.)[ \t]*\d{1,3})?,?[ \t]*(?:кв\.|квартира|оф\.|офіс|офис)[ \t]*\d{1,4}`;

const ADDRESS_PATTERNS: readonly RegExp[] = [
  new RegExp(String.raw`(?<![\w${LATIN_LO}${LATIN_UP}/])(?<esTyped26>(?:${ES_STREET_TYPE})[ \t]+${ES_STREET}${ES_TAIL})(?![\w${LATIN_LO}])`),
  new RegExp(String.raw`(?<![\w${LATIN_LO}])(?:${ES_KEY})(?:[ \t]+(?:particular|de[ \t]entrega|de[ \t]env[íi]o|del[ \t]trabajador))?(?:[ \t]*[:=][ \t]*|[ \t]+)["']?(?<esKeyed26>${ES_STREET}${ES_TAIL})(?![\w${LATIN_LO}])`),
  new RegExp(String.raw`(?<![\w-])(?<my26>${MY_ADDRESS})(?![\w${LATIN_LO}])`),
  new RegExp(String.raw`(?<![\w-])(?<sg26>${SG_ADDRESS})(?![\w-])`),
  new RegExp(String.raw`(?<![${GR_UP}${GR_LO}\w])(?:${GR_STREET_TYPE})[ \t]+(?<grStreet26>${GR_STREET}${GR_TAIL})${GR_END}`),
  new RegExp(String.raw`(?<![\w-])(?:${STREET_KEY})(?:\\?["']?[ \t]*[:=][ \t]*\\?["']?)(?<grKeyed26>${GR_STREET})(?=\\?["',;<]|[ \t]*\r?$)`),
  new RegExp(String.raw`(?<![${HE_LETTERS}])(?<he26>${HE_STREET})(?![${HE_LETTERS}\d])`),
  new RegExp(String.raw`(?<![${AR_LETTERS}])(?:${AR_KEY})[ \t]*(?:[:：][ \t]*)(?<ar26>${AR_ADDRESS})(?![${AR_LETTERS}\d])`),
  new RegExp(String.raw`(?<![${CY_LETTERS}\d])(?<cy26>${CY_ADDRESS})(?![\d${CY_LETTERS}])`),
];
const ADDRESS_GROUPS = ['esTyped26', 'esKeyed26', 'my26', 'sg26', 'grStreet26', 'grKeyed26', 'he26', 'ar26', 'cy26'];

export const SCRIPT26_ADDRESS_PATTERNS: readonly RulePattern[] = ADDRESS_PATTERNS.map((regex) => ({ regex, targets: targetsOf(regex, ADDRESS_GROUPS), validate: 'scriptAddress26' as const }));
export const SCRIPT26_ADDRESS_GROUPS = ADDRESS_GROUPS;

export const SCRIPT26_ADDRESS_WORDS: readonly string[] = ['av. ', 'avda.', 'avenida', 'calle', 'pasaje', 'psje.', 'pje. ', 'camino', 'jirón', 'calzada', 'bulevar', 'blvd.', 'paseo', 'callej', 'privada', 'cerrada', 'c/ ', 'direcci', 'domicilio', 'jalan', 'jln ', 'jln.', 'lorong', 'lrg.', 'persiaran', 'lebuh', 'taman', 'tmn ', 'tmn.', 'blk ', 'street', 'address1', 'address_1', 'addressline1', 'address_line_1', 'odos'];
export const SCRIPT26_ADDRESS_MARKS = [GR_STREET_TYPE, String.raw`[Δδ]ιεύθυνση|ΔΙΕΥΘΥΝΣΗ`, String.raw`רחוב|רח['׳]|שדרות|שד['׳]|דרך|סמטת|סמ['׳]`, AR_KEY, String.raw`вул\.|вулиця|просп\.|проспект|пров\.|провулок|бульв\.|бульвар|пл\.|площа|ул\.|улица|пер\.|переулок`].join('|');
export const SCRIPT26_ADDRESS_TRIGGER = [
  String.raw`(?:(?:${ES_STREET_TYPE.toLowerCase()}|direcci[óo]n|domicilio)[^\r\n]{0,60}?\d)`,
  String.raw`(?:(?:jalan|jln\.?|lorong|lrg\.?|persiaran|lebuh|taman|tmn\.?)[ \t][^\r\n]{0,120}?\d{5})`,
  String.raw`(?:blk[ \t]+\d[^\r\n]{0,80}?#\d)`,
  String.raw`(?:(?:${GR_STREET_TYPE.toLowerCase()})[ \t]+[${GR_UP}${GR_LO}][^\r\n]{0,80}?\d)`,
  String.raw`(?:(?:street|address_?1|addressline1|address_?line_?1|odos|διεύθυνση)\\?["']?[ \t]*[:=][ \t]*\\?["']?[${GR_UP}${GR_LO}])`,
  String.raw`(?:(?:רחוב|רח['׳]|שדרות|שד['׳]|דרך|סמטת|סמ['׳])[ \t]+[${HE_LETTERS}][^\r\n]{0,60}?\d)`,
  String.raw`(?:(?:${AR_KEY})[ \t]*[:：][^\r\n]{0,80}?(?:${AR_UNIT}))`,
  String.raw`(?:(?:вул\.|вулиця|просп\.|проспект|пров\.|провулок|бульв\.|бульвар|пл\.|площа|ул\.|улица|пер\.|переулок)[^\r\n]{0,80}?(?:кв\.|квартира|оф\.|офіс|офис))`,
].join('|');

// --- Bank accounts (secret-assignment) ----------------------------------------------------------------------------------------
const BANK_LABEL = String.raw`(?:[Ss]ố[ \t])?[Tt]ài[ \t]khoản(?:[ \t](?:nhận[ \t]lương|ngân[ \t]hàng|thụ[ \t]hưởng|số))?|TÀI[ \t]KHOẢN|(?:מס(?:'|׳|פר)[ \t])?חשבון(?:[ \t]בנק)?|[Cc]uenta(?:[ \t](?:RUT|[Cc]orriente|[Vv]ista|de[ \t]ahorros?|bancaria))?|CUENTA|[Nn][úu]mero[ \t]de[ \t]cuenta|[Čč]íslo[ \t]účtu|ČÍSLO[ \t]ÚČTU|[Čč]\.[ \t]?ú\.|[Kk]ontonummer|[Bb]ank[ _]?[Aa]ccount(?:[ _]?(?:[Nn]o|[Nn]umber|[Nn]r|[Nn]um))?|BANK_?ACCOUNT(?:_?(?:NO|NUMBER))?|رقم[ \t]الحساب|[Nn]ombor[ \t]akaun|[Nn]o\.?[ \t]akaun|[Aa]kaun[ \t]bank|номер[ \t]рахунку|номер[ \t]сч[её]та|[Αα]ριθμός[ \t]λογαριασμού`;
// Between the label and the number: a colon or `=`, a bank's name (`BancoEstado`), `N°`/`No.`/`#`.
const BANK_GAP = String.raw`(?:[ \t]*(?:\\?["'][ \t]*)?[:=：][ \t]*(?:\\?["'])?|[ \t]+)(?:[${LATIN_UP}][A-Za-z${LATIN_LO}]{2,20}[ \t]+)?(?:(?:N[°º]|No\.?|Nr\.?|#)[ \t]*)?`;
const BANK_NUMBER = String.raw`(?:\d{1,6}-)?\d{6,20}(?:\/\d{4})?`;
export const SCRIPT26_SECRET_PATTERNS: readonly RulePattern[] = [
  {
    regex: new RegExp(String.raw`(?<![\w${LATIN_LO}${HE_LETTERS}${AR_LETTERS}А-яЁёІіЇїЄєҐґ])(?:${BANK_LABEL})${BANK_GAP}(?<bank26>${BANK_NUMBER})(?![\d\/.,-]\d|[\w-])`),
    targets: [{ group: 'bank26' }],
    validate: 'scriptSecret26',
  },
];
export const SCRIPT26_SECRET_WORDS: readonly string[] = ['cuenta', 'kontonummer', 'bank account', 'bankaccount', 'bank_account', 'nombor akaun', 'akaun bank', 'no akaun', 'no. akaun'].map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
export const SCRIPT26_SECRET_MARKS = String.raw`ài[ \t]khoản|ÀI[ \t]KHOẢN|חשבון|رقم[ \t]الحساب|úmero[ \t]de[ \t]cuenta|íslo[ \t]účtu|ÍSLO[ \t]ÚČTU|č\.[ \t]?ú\.|Č\.[ \t]?ú\.|номер[ \t](?:рахунку|сч[её]та)|[Αα]ριθμός[ \t]λογαριασμού`;
export const SCRIPT26_SECRET_TRIGGER = String.raw`(?:(?:t[àa]i[ \t]kho[ảa]n|חשבון|cuenta|n[úu]mero[ \t]de[ \t]cuenta|[čc][íi]slo[ \t][úu][čc]tu|č\.[ \t]?ú\.|kontonummer|bank[ _]?account|رقم[ \t]الحساب|nombor[ \t]akaun|no\.?[ \t]akaun|akaun[ \t]bank|номер[ \t](?:рахунку|сч[её]та)|αριθμός[ \t]λογαριασμού)[^\r\n\d]{0,40}\d{6})`;
const SECRET_TEST = new RegExp(SCRIPT26_SECRET_TRIGGER, 'i');
/** secret-assignment's gate: a line with an account label and its number. */
export function isScript26SecretLine(line: string): boolean {
  return SECRET_TEST.test(line) && SCRIPT26_SECRET_PATTERNS.some((p) => p.regex.test(line));
}
// --- end script26
